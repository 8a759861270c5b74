import type { Step } from '../../scenarios/schema';

/** The tag of each slide kind of the scenario schema (`step.slide`). */
export const SLIDE_TAGS = {
  cover: 'mes-slide-cover',
  howto: 'mes-slide-howto',
  before: 'mes-slide-before',
  'notification-mail': 'mes-slide-notification-mail',
  'notification-letter': 'mes-slide-notification-letter',
  section: 'mes-slide-section',
  end: 'mes-slide-end',
} as const satisfies Record<NonNullable<Step['slide']>, string>;
