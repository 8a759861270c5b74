export { findHotspot, isVisible } from './find-hotspot';
export { spotlightPath, placeCallout, rectChanged } from './geometry';
export type { Rect, Size, Side, CalloutPlacement, PlaceOptions } from './geometry';
export { AnchorController, shadowRootsAbove } from './anchor-controller';
export type { AnchorOptions } from './anchor-controller';
export { MesTutorialOverlay } from './tutorial-overlay';
export type {
  Callout,
  CalloutKind,
  OverlayMode,
  ZoneActivateDetail,
  OutsideClickDetail,
  AdvanceDetail,
  CalloutDismissDetail,
} from './tutorial-overlay';
