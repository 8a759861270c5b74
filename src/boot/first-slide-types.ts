/** What was pressed on the prerendered first slide, to be done again on the app's element. */
export type Press =
  | { type: 'keydown'; path: number[] | null; key: string; code: string; shiftKey: boolean; ctrlKey: boolean; altKey: boolean; metaKey: boolean }
  | { type: 'click'; path: number[] }
  | { type: 'change'; path: number[]; value: string };

/** The prerendered first slide (src/boot/first-slide.ts), until the app takes it over (src/boot/takeover.ts). */
export interface FirstSlide {
  host: HTMLElement;
  presses: Press[];
  recording: boolean;
  /** Stops recording. */
  stop?: () => void;
  /** Where the focus is under the host, if it is there. */
  focused?: () => number[] | null;
}

declare global {
  interface Window {
    __mesFirstSlide?: FirstSlide;
  }
}
