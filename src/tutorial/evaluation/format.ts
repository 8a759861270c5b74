import { currentLanguage, t, type Language } from '../../i18n';
import { pad2 } from '../../domain/text';
import { splitDuration } from './score';

/**
 * « 12 min 05 s », « 1 h 02 min 05 s », « 45 s »: the evaluation's durations, in the debrief and on
 * the certificate. The smaller units are padded once a larger one precedes them, as a clock reads.
 */
export function formatDuration(ms: number, lng: Language = currentLanguage()): string {
  const { hours, minutes, seconds } = splitDuration(ms);
  if (hours > 0) {
    return t('evaluation:duration.hours', { lng, hours: String(hours), minutes: pad2(minutes), seconds: pad2(seconds) });
  }
  if (minutes > 0) return t('evaluation:duration.minutes', { lng, minutes: String(minutes), seconds: pad2(seconds) });
  return t('evaluation:duration.seconds', { lng, seconds: String(seconds) });
}
