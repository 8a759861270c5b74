import { currentLanguage } from './index';

/** A date and time as the app shows them (« 26/11/2026 » and « 14:05 » in French), in the current language. */
export interface DateTimeText {
  date: string;
  time: string;
}

/** The formats, made once per locale: building an Intl.DateTimeFormat costs far more than using one. */
const FORMATS = new Map<string, { date: Intl.DateTimeFormat; time: Intl.DateTimeFormat }>();

function formatsFor(locale: string): { date: Intl.DateTimeFormat; time: Intl.DateTimeFormat } {
  let formats = FORMATS.get(locale);
  if (!formats) {
    formats = {
      date: new Intl.DateTimeFormat(locale, { day: '2-digit', month: '2-digit', year: 'numeric' }),
      time: new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit' }),
    };
    FORMATS.set(locale, formats);
  }
  return formats;
}

/** The date and time of an ISO timestamp, or null when it is not one. */
export function formatDateTime(iso: string): DateTimeText | null {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return null;
  const { date, time } = formatsFor(currentLanguage() === 'fr' ? 'fr-FR' : 'en-GB');
  return { date: date.format(d), time: time.format(d) };
}

/**
 * Makes the current language's formats while the page is idle, before the first date is shown: making
 * them takes tens of milliseconds the first time (the locale's data), which would otherwise fall in the
 * frame that shows the first message of the inbox.
 */
export function prepareDateFormats(): void {
  const make = (): void => void formatsFor(currentLanguage() === 'fr' ? 'fr-FR' : 'en-GB');
  if (typeof requestIdleCallback === 'function') requestIdleCallback(make, { timeout: 5000 });
  else setTimeout(make, 0);
}
