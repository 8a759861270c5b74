/**
 * The slides of the pas à pas that are not site screens (DESIGN.md §1, T1–T6), each a custom element
 * registered on import, plus what the overlay and the documents reuse.
 */
import './slide-cover';
import './slide-howto';
import './slide-before';
import './slide-notification-mail';
import './slide-notification-letter';
import './slide-section';
import './slide-end';

export { MesSlideCover } from './slide-cover';
export { MesSlideHowto, type FullscreenRequestEvent } from './slide-howto';
export { MesSlideBefore } from './slide-before';
export { MesSlideNotificationMail } from './slide-notification-mail';
export { MesSlideNotificationLetter } from './slide-notification-letter';
export { MesSlideSection } from './slide-section';
export { MesSlideEnd, JOURNEYS, type JourneyId, type JourneyEvent, type JourneyEventDetail } from './slide-end';
export { SlideElement } from './slide-element';
export { handIcon, renderHandIcon, HAND_ICON_VIEWBOX, HAND_ICON_TIP, type HandIconOptions } from './hand-icon';
export {
  renderNotificationVars,
  notificationRecipients,
  letterContent,
  type NotificationVars,
  type NotificationRecipient,
  type LetterContent,
} from './notification';

export { SLIDE_TAGS } from './tags';
