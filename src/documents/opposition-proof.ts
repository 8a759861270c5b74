import type { jsPDF } from 'jspdf';
import type { OppositionProof } from '../api/types';
import { formatNir } from '../domain/nir';
import { isoToFr } from '../domain/dates';
import { pad2 } from '../domain/text';
import { currentLanguage, t, type Language } from '../i18n';
import { saveFile } from './save-file';

/**
 * The justificatif d'opposition (seed S12), recreated as a training document: same reading order
 * and wording as the real one, an own wordmark instead of the official logos, and a footer that
 * says plainly it is a simulation.
 */

export interface ProofOptions {
  lang?: Language;
  /** The letter's date (« Le JJ/MM/AAAA »); now when omitted. */
  generatedAt?: Date;
}

/** The palette of DESIGN.md §5, as jspdf wants it (RGB). */
const PRIMARY: RGB = [0x0c, 0x41, 0x9a];
const SECONDARY: RGB = [0xd8, 0x1e, 0x7e];
const TITLE: RGB = [0x26, 0x29, 0x39];
const BODY: RGB = [0x49, 0x55, 0x74];
const MUTED_BG: RGB = [0xe7, 0xec, 0xfa];
type RGB = [number, number, number];

/** A4 portrait, in millimetres. */
const PAGE_W = 210;
const PAGE_H = 297;
const MARGIN = 22;
const TEXT_W = PAGE_W - 2 * MARGIN;
/** Line height as a multiple of the font size, converted from points to millimetres. */
const LINE = 1.45 * 0.3528;

/** Calendar day of a Date in local time, the day of the person at the keyboard. */
function localIso(d: Date): string {
  return `${d.getFullYear()}-${pad2(d.getMonth() + 1)}-${pad2(d.getDate())}`;
}

/**
 * The calendar day of an ISO date or timestamp: a plain date is taken as is (no time zone can move
 * it), a timestamp is read in local time.
 */
function dayOf(iso: string): string {
  const plain = /^\d{4}-\d{2}-\d{2}$/.exec(iso);
  if (plain) return iso;
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) throw new RangeError(`Not an ISO date: ${iso}`);
  return localIso(d);
}

/** « LEGUELLEC » → « Leguellec », « LE GUELLEC-MARTIN » → « Le Guellec-Martin », as the greeting writes it. */
function capitalizeName(name: string): string {
  return name
    .toLocaleLowerCase('fr')
    .replace(/(^|[\s'’-])(\p{L})/gu, (_, sep: string, letter: string) => sep + letter.toLocaleUpperCase('fr'));
}

function givenNames(proof: OppositionProof): string {
  return [proof.firstName, proof.middleNames].map((s) => s.trim()).filter(Boolean).join(' ');
}

/** A lowercase ASCII file-name segment: « Le Guellec » → « le-guellec ». */
function slug(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/**
 * jspdf's standard Helvetica covers WinAnsi only: narrow and no-break spaces would print as junk,
 * so a translation that uses them still prints correctly.
 */
function printable(s: string): string {
  return s.replace(/[\u00a0\u202f\u2009]/g, ' ');
}

/** « justificatif-opposition-leguellec-2026-11-26.pdf »: the person and the day of the opposition. */
export function proofFileName(proof: OppositionProof, lang: Language = currentLanguage()): string {
  const stem = t('documents:proof.fileStem', { lng: lang });
  return `${[stem, slug(proof.lastName), dayOf(proof.opposedAt)].filter(Boolean).join('-')}.pdf`;
}

/** The own wordmark (assets/wordmark.svg), drawn with shapes: the PDF embeds no image. */
function drawWordmark(doc: jsPDF, x: number, y: number, lng: Language): void {
  const size = 15;
  doc.setFillColor(...PRIMARY);
  doc.roundedRect(x, y, size, size, 3.5, 3.5, 'F');
  doc.setDrawColor(255, 255, 255);
  doc.setLineWidth(1.6);
  doc.circle(x + size * 0.46, y + size * 0.56, size * 0.25, 'S');
  doc.setFillColor(...SECONDARY);
  doc.circle(x + size * 0.72, y + size * 0.29, size * 0.13, 'F');

  const tx = x + size + 3;
  doc.setTextColor(...PRIMARY);
  doc.setFont('helvetica', 'bold');
  doc.setFontSize(7.5);
  doc.text(t('documents:wordmark.small', { lng }), tx, y + 3.6);
  doc.setFontSize(12.5);
  doc.text(t('documents:wordmark.big', { lng }), tx, y + 9.2);
  doc.setTextColor(...SECONDARY);
  doc.text(t('documents:wordmark.accent', { lng }), tx, y + 14.6);
}

/** Writes wrapped text from `y` and returns the y just below it. */
function paragraph(doc: jsPDF, text: string, y: number, fontSize: number, gapAfter: number): number {
  doc.setFontSize(fontSize);
  const lines = doc.splitTextToSize(printable(text), TEXT_W) as string[];
  const lineHeight = fontSize * LINE;
  doc.text(lines, MARGIN, y, { lineHeightFactor: 1.45 });
  return y + lines.length * lineHeight + gapAfter;
}

/** The PDF bytes of the justificatif. jspdf is loaded only now, so it stays out of the first bundle. */
export async function buildOppositionProof(proof: OppositionProof, opts: ProofOptions = {}): Promise<ArrayBuffer> {
  const lng = opts.lang ?? currentLanguage();
  const tr = (key: string, values: Record<string, string> = {}) => printable(t(`documents:proof.${key}`, { lng, ...values }));
  const { jsPDF: JsPdf } = await import('jspdf');
  const doc = new JsPdf({ unit: 'mm', format: 'a4', orientation: 'portrait' });

  doc.setProperties({
    title: tr('metaTitle'),
    subject: tr('metaSubject'),
    creator: tr('metaSubject'),
  });

  const letterDate = isoToFr(localIso(opts.generatedAt ?? new Date()));
  const opposedOn = isoToFr(dayOf(proof.opposedAt));
  const given = givenNames(proof);

  // Header: wordmark top left, page number top right.
  drawWordmark(doc, MARGIN, 16, lng);
  doc.setFont('helvetica', 'normal');
  doc.setFontSize(9);
  doc.setTextColor(...BODY);
  doc.text(tr('page', { page: '1', total: '1' }), PAGE_W - MARGIN, 20, { align: 'right' });

  // The insured person, as on the real document, in a light box under the header.
  doc.setFillColor(...MUTED_BG);
  doc.roundedRect(MARGIN, 44, TEXT_W, 19, 2, 2, 'F');
  doc.setTextColor(...TITLE);
  doc.setFontSize(10);
  doc.setFont('helvetica', 'bold');
  doc.text(tr('nirLine', { nir: formatNir(proof.nir) }), MARGIN + 5, 51.5);
  doc.text(tr('nameLine', { name: `${proof.lastName.toLocaleUpperCase('fr')} ${given}`.trim() }), MARGIN + 5, 58);

  doc.setFont('helvetica', 'normal');
  doc.setTextColor(...BODY);
  doc.text(tr('dateLine', { date: letterDate }), PAGE_W - MARGIN, 76, { align: 'right' });

  doc.setFont('helvetica', 'bold');
  doc.setTextColor(...PRIMARY);
  doc.setFontSize(18);
  doc.text(tr('heading'), MARGIN, 94);
  doc.setDrawColor(...SECONDARY);
  doc.setLineWidth(0.8);
  doc.line(MARGIN, 98, MARGIN + 24, 98);

  doc.setFont('helvetica', 'normal');
  doc.setTextColor(...TITLE);
  let y = 112;
  y = paragraph(doc, tr('greeting', { name: `${given} ${capitalizeName(proof.lastName)}`.trim() }), y, 11, 5);
  doc.setTextColor(...BODY);
  y = paragraph(doc, tr('taken', { date: opposedOn }), y, 11, 5);
  y = paragraph(doc, tr('reversible', { site: tr('site') }), y, 11, 10);
  y = paragraph(doc, tr('closing'), y, 11, 0);
  doc.setFont('helvetica', 'bold');
  doc.setTextColor(...TITLE);
  paragraph(doc, tr('signature'), y, 11, 0);

  // Footer: the simulation notice, impossible to miss and impossible to crop away with the header.
  doc.setDrawColor(...SECONDARY);
  doc.setLineWidth(0.5);
  doc.line(MARGIN, PAGE_H - 24, PAGE_W - MARGIN, PAGE_H - 24);
  doc.setFont('helvetica', 'bold');
  doc.setFontSize(10);
  doc.setTextColor(...SECONDARY);
  doc.text(tr('footer'), PAGE_W / 2, PAGE_H - 17, { align: 'center' });
  doc.setFont('helvetica', 'normal');
  doc.setFontSize(8.5);
  doc.setTextColor(...BODY);
  doc.text(tr('footerDetail'), PAGE_W / 2, PAGE_H - 12, { align: 'center' });

  return doc.output('arraybuffer');
}

/** Builds the justificatif and hands it to the browser as a download. */
export async function downloadOppositionProof(proof: OppositionProof, opts: ProofOptions = {}): Promise<void> {
  const bytes = await buildOppositionProof(proof, opts);
  saveFile(new Blob([bytes], { type: 'application/pdf' }), proofFileName(proof, opts.lang ?? currentLanguage()));
}
