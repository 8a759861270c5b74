import type { jsPDF } from 'jspdf';
import type { OppositionProof } from '../api/types';
import { formatNir } from '../domain/nir';
import { isoToFr } from '../domain/dates';
import { currentLanguage, t, type Language } from '../i18n';
import { saveFile } from './save-file';
import { BODY, MUTED_BG, PRIMARY, SECONDARY, TITLE, drawWordmark, localIso, printable, slug } from './pdf-kit';

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


/** A4 portrait, in millimetres. */
const PAGE_W = 210;
const PAGE_H = 297;
const MARGIN = 22;
const TEXT_W = PAGE_W - 2 * MARGIN;
/** Line height as a multiple of the font size, converted from points to millimetres. */
const LINE = 1.45 * 0.3528;


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



/** « justificatif-opposition-leguellec-2026-11-26.pdf »: the person and the day of the opposition. */
export function proofFileName(proof: OppositionProof, lang: Language = currentLanguage()): string {
  const stem = t('documents:proof.fileStem', { lng: lang });
  return `${[stem, slug(proof.lastName), dayOf(proof.opposedAt)].filter(Boolean).join('-')}.pdf`;
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
