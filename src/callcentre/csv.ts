import { t } from '../i18n';
import type { CallRecord } from './score';
import { stepText } from './text';

/**
 * The results as CSV, RFC 4180: fields separated by commas, records by CRLF, a field quoted when it
 * holds a comma, a double quote, CR or LF, with its double quotes doubled; a header line.
 *
 * Comma rather than the semicolon French Excel expects by default: RFC 4180 defines the comma, and
 * LRS importers, spreadsheets' import dialogs and scripts all read it without a setting. The file
 * starts with a UTF-8 byte order mark: without it, Excel reads the file as Windows-1252 and the
 * accents of the situations' titles come out garbled. In French Excel, open it with « Données >
 * À partir d'un fichier texte/CSV » (the comma is detected); docs/callcentre.md says so.
 */

export const CSV_BOM = '\uFEFF';
export const CSV_EOL = '\r\n';

export function csvField(value: string | number | boolean | null): string {
  const text = value === null ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvRow(fields: ReadonlyArray<string | number | boolean | null>): string {
  return fields.map(csvField).join(',');
}

export const CSV_COLUMNS = [
  'endedAt',
  'agent',
  'callId',
  'callTitle',
  'resolved',
  'diagnosisRight',
  'firstDiagnosis',
  'score',
  'passed',
  'durationSeconds',
  'wrongDiagnoses',
  'uselessQuestions',
  'refusedSubmissions',
  'prompts',
  'stepsInError',
] as const;

export type CsvColumn = (typeof CSV_COLUMNS)[number];

/** One line per call; the steps gone wrong in a single field, separated by « | ». */
export function recordsToCsv(records: readonly CallRecord[], agentName: string): string {
  const yes = (b: boolean) => t(b ? 'calls:csv.yes' : 'calls:csv.no');
  const lines = [csvRow(CSV_COLUMNS.map((c) => t(`calls:csv.columns.${c}`)))];
  for (const r of records) {
    const wrong = r.steps.filter((s) => !s.ok).map(stepText);
    const values: Record<CsvColumn, string | number> = {
      endedAt: r.endedAt,
      agent: agentName,
      callId: r.callId,
      callTitle: r.callTitle,
      resolved: yes(r.resolved),
      diagnosisRight: yes(r.diagnosisRight),
      firstDiagnosis: r.firstDiagnosis ?? '',
      score: r.score,
      passed: yes(r.passed),
      durationSeconds: Math.round(r.durationMs / 1000),
      wrongDiagnoses: r.wrongDiagnoses,
      uselessQuestions: r.uselessQuestions,
      refusedSubmissions: r.refusedSubmissions,
      prompts: r.prompts,
      stepsInError: wrong.join(' | '),
    };
    lines.push(csvRow(CSV_COLUMNS.map((c) => values[c])));
  }
  return CSV_BOM + lines.join(CSV_EOL) + CSV_EOL;
}
