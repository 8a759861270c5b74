import type { jsPDF } from 'jspdf';
import { isoToFr } from '../domain/dates';
import { currentLanguage, t, type Language } from '../i18n';
import { formatDuration } from '../tutorial/evaluation/format';
import { saveFile } from './save-file';
import { BODY, PRIMARY, SECONDARY, TITLE, drawWordmark, localIso, slug, type RGB } from './pdf-kit';

/**
 * The training certificate handed out after an evaluation: one A4 landscape page in the look of the
 * justificatif d'opposition (own wordmark, the app's palette), stating plainly that it has no official
 * value. The trainee's name is free text, so it is reduced to what the PDF's font can draw.
 */

export interface CertificateOptions {
  /** The trainee's name as typed. */
  name: string;
  scenarioTitle: string;
  /** 0–100. */
  score: number;
  passed: boolean;
  totalMs: number;
  /** The day of the evaluation. */
  date: Date;
  lang?: Language;
}

const BG: RGB = [0xf9, 0xfa, 0xff];
const BG_ALT: RGB = [0xe7, 0xec, 0xfa];

/** A4 landscape, in millimetres. */
const PAGE_W = 297;
const PAGE_H = 210;
const CENTER = PAGE_W / 2;
/** Widest line of the body: the frame's inside less a comfortable margin. */
const TEXT_W = 215;

const NAME_SIZE = 28;
const NAME_MIN_SIZE = 18;
const ELLIPSIS = '…';

// ---------------------------------------------------------------------------------------------------
// What the standard Helvetica can draw

/**
 * jspdf's standard fonts are encoded in WinAnsi (Windows-1252): Latin-1 plus these. Any other
 * character makes jspdf switch the whole string to a two-byte encoding the font does not have, and
 * the line prints as junk.
 */
const WIN_ANSI_EXTRA = new Set([...'€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ']);

function isWinAnsi(ch: string): boolean {
  const cp = ch.codePointAt(0) ?? 0;
  return (cp >= 0x20 && cp <= 0x7e) || (cp >= 0xa0 && cp <= 0xff) || WIN_ANSI_EXTRA.has(ch);
}

/** Latin letters without a decomposition into base letter + accent. */
const LATIN_FALLBACK: Record<string, string> = {
  ł: 'l', Ł: 'L', đ: 'd', Đ: 'D', ħ: 'h', Ħ: 'H', ı: 'i', ŀ: 'l', Ŀ: 'L', ŧ: 't', Ŧ: 'T', ĸ: 'k',
  ŋ: 'n', Ŋ: 'N', ſ: 's', ǝ: 'e', ə: 'e', Ə: 'E', ĳ: 'ij', Ĳ: 'IJ', ŉ: "'n",
};

/** Emoji and their joiners, selectors and modifiers: decoration, dropped rather than replaced. */
const DECORATION = /^(?:\p{Extended_Pictographic}|\p{Emoji_Modifier}|\p{Regional_Indicator}|\p{M}|\p{Cf}|[\u{FE00}-\u{FE0F}\u{E0020}-\u{E007F}])$/u;

/**
 * The text as the certificate prints it: spaces of every kind become ordinary ones, accented letters
 * outside WinAnsi lose the accent (« Łódź » → « Lodz »), emoji are left out and any other character
 * (Chinese, Arabic…) becomes « ? », so the page never shows junk.
 */
export function printableText(input: string): string {
  let out = '';
  for (const ch of input.normalize('NFC')) {
    if (/^\s$/u.test(ch)) out += ' ';
    else if (isWinAnsi(ch)) out += ch;
    else if (LATIN_FALLBACK[ch] !== undefined) out += LATIN_FALLBACK[ch];
    else if (DECORATION.test(ch)) continue;
    else {
      const base = ch.normalize('NFD').replace(/\p{M}/gu, '');
      out += base !== '' && [...base].every(isWinAnsi) ? base : '?';
    }
  }
  return out.replace(/ {2,}/g, ' ').trim();
}

/** The name as the certificate prints it; « ? » when nothing of it can be drawn. */
export function printableName(name: string): string {
  return printableText(name) || '?';
}

// ---------------------------------------------------------------------------------------------------
// Helpers



/** The longest start of `text` that fits `width` at the current font size, with an ellipsis if cut. */
function fitWidth(doc: jsPDF, text: string, width: number): string {
  if (doc.getTextWidth(text) <= width) return text;
  const chars = [...text];
  while (chars.length > 0 && doc.getTextWidth(chars.join('').trimEnd() + ELLIPSIS) > width) chars.pop();
  return chars.join('').trimEnd() + ELLIPSIS;
}


// ---------------------------------------------------------------------------------------------------
// Public API

/** « attestation-formation-martine-leguellec-2026-05-12.pdf »; the name is left out if nothing of it is ASCII. */
export function certificateFileName(name: string, date: Date, lang: Language = currentLanguage()): string {
  const stem = t('evaluation:certificate.fileStem', { lng: lang });
  return `${[stem, slug(name, 60), localIso(date)].filter(Boolean).join('-')}.pdf`;
}

/** The PDF bytes of the certificate. jspdf is loaded only now, so it stays out of the first bundle. */
export async function buildCertificate(opts: CertificateOptions): Promise<ArrayBuffer> {
  if (Number.isNaN(opts.date.getTime())) throw new RangeError('The certificate needs a valid date');
  const lng = opts.lang ?? currentLanguage();
  const tr = (key: string, values: Record<string, string> = {}) =>
    printableText(t(`evaluation:certificate.${key}`, { lng, ...values }));
  const { jsPDF: JsPdf } = await import('jspdf');
  const doc = new JsPdf({ unit: 'mm', format: 'a4', orientation: 'landscape' });
  doc.setProperties({ title: tr('metaTitle'), subject: tr('footer'), creator: tr('footer') });

  // Frame: the light page, a primary border and a thin secondary one inside it.
  doc.setFillColor(...BG);
  doc.rect(0, 0, PAGE_W, PAGE_H, 'F');
  doc.setDrawColor(...PRIMARY);
  doc.setLineWidth(1.4);
  doc.roundedRect(10, 10, PAGE_W - 20, PAGE_H - 20, 4, 4, 'S');
  doc.setDrawColor(...SECONDARY);
  doc.setLineWidth(0.4);
  doc.roundedRect(14, 14, PAGE_W - 28, PAGE_H - 28, 3, 3, 'S');

  drawWordmark(doc, 24, 22, lng);

  doc.setFont('helvetica', 'bold');
  doc.setFontSize(30);
  doc.setTextColor(...PRIMARY);
  doc.text(tr('title'), CENTER, 64, { align: 'center' });
  doc.setDrawColor(...SECONDARY);
  doc.setLineWidth(0.9);
  doc.line(CENTER - 16, 70, CENTER + 16, 70);

  doc.setFont('helvetica', 'normal');
  doc.setFontSize(14);
  doc.setTextColor(...BODY);
  doc.text(tr('awardedTo'), CENTER, 84, { align: 'center' });

  // The name: as large as it fits, then cut with an ellipsis rather than running off the page.
  doc.setFont('helvetica', 'bold');
  doc.setTextColor(...TITLE);
  const name = printableName(opts.name);
  let size = NAME_SIZE;
  doc.setFontSize(size);
  while (size > NAME_MIN_SIZE && doc.getTextWidth(name) > TEXT_W) doc.setFontSize(--size);
  doc.text(fitWidth(doc, name, TEXT_W), CENTER, 101, { align: 'center' });

  // The course on at most two lines.
  doc.setFont('helvetica', 'normal');
  doc.setFontSize(14);
  doc.setTextColor(...BODY);
  const courseLines = doc.splitTextToSize(tr('course', { scenario: printableText(opts.scenarioTitle) }), TEXT_W) as string[];
  const shown = courseLines.slice(0, 2);
  if (courseLines.length > 2) shown[1] = fitWidth(doc, `${shown[1] ?? ''}${ELLIPSIS}`, TEXT_W);
  doc.text(shown, CENTER, 116, { align: 'center', lineHeightFactor: 1.35 });

  // Results, in a light band.
  doc.setFillColor(...BG_ALT);
  doc.roundedRect(CENTER - 90, 134, 180, 34, 3, 3, 'F');
  const score = Math.max(0, Math.min(100, Math.round(opts.score)));
  doc.setFont('helvetica', 'bold');
  doc.setFontSize(18);
  doc.setTextColor(...TITLE);
  doc.text(tr('score', { score: String(score), verdict: tr(opts.passed ? 'passed' : 'failed') }), CENTER, 145, {
    align: 'center',
  });
  doc.setFont('helvetica', 'normal');
  doc.setFontSize(12);
  doc.setTextColor(...BODY);
  doc.text(tr('duration', { duration: printableText(formatDuration(opts.totalMs, lng)) }), CENTER, 154, {
    align: 'center',
  });
  doc.text(tr('date', { date: isoToFr(localIso(opts.date)) }), CENTER, 162, { align: 'center' });

  // Footer: the simulation notice.
  doc.setDrawColor(...SECONDARY);
  doc.setLineWidth(0.5);
  doc.line(40, 178, PAGE_W - 40, 178);
  doc.setFont('helvetica', 'bold');
  doc.setFontSize(11);
  doc.setTextColor(...SECONDARY);
  doc.text(tr('footer'), CENTER, 185, { align: 'center' });
  doc.setFont('helvetica', 'normal');
  doc.setFontSize(8.5);
  doc.setTextColor(...BODY);
  doc.text(tr('footerDetail'), CENTER, 190.5, { align: 'center' });

  return doc.output('arraybuffer');
}

/** Builds the certificate and hands it to the browser as a download. */
export async function downloadCertificate(opts: CertificateOptions): Promise<void> {
  const bytes = await buildCertificate(opts);
  saveFile(new Blob([bytes], { type: 'application/pdf' }), certificateFileName(opts.name, opts.date, opts.lang ?? currentLanguage()));
}
