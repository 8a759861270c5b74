import type { jsPDF } from 'jspdf';
import type { ChildData, PersonaData } from '../scenarios/schema';
import { currentLanguage, t, type Language } from '../i18n';
import { letterContent, type LetterContent } from '../tutorial/slides/notification';
import { saveFile } from './save-file';
import { BODY, MUTED_BG, PRIMARY, SECONDARY, TITLE, drawWordmark, printable, slug } from './pdf-kit';

/**
 * The notification letter of the seed (T5), as a training document: one A4 page per letter, the
 * persona's and then one per minor child, laid out as the real letter (beneficiary, window-envelope
 * address, date, heading, body, code), with the own wordmark instead of the official logos and a
 * footer that says it is a simulation. The text is the slide's (letterContent), so both agree.
 */

export interface LetterOptions {
  lang?: Language;
  /** The letters' date (« Le JJ/MM/AAAA »); now when omitted. */
  generatedAt?: Date;
}


/** A4 portrait, in millimetres. */
const PAGE_W = 210;
const PAGE_H = 297;
const MARGIN = 20;
const TEXT_W = PAGE_W - 2 * MARGIN;
/** Where the address sits so that it shows through a French window envelope (DL, window on the right). */
const ADDRESS_X = 112;
const LINE_FACTOR = 1.35;
/** Points to millimetres. */
const PT = 0.3528;



/** The letters in an envelope set: the persona's then her children's, or only `child`'s. */
function holders(persona: PersonaData, child?: ChildData): (ChildData | undefined)[] {
  return child ? [child] : [undefined, ...persona.children];
}

/** « courrier-notification-leguellec.pdf », or « …-leguellec-lucas.pdf » for one child's letter. */
export function notificationLetterFileName(
  persona: PersonaData,
  child?: ChildData,
  lang: Language = currentLanguage(),
): string {
  const parts = [t('slides:letter.fileStem', { lng: lang }), slug(persona.lastName)];
  if (child) parts.push(slug(child.firstName));
  return `${parts.filter(Boolean).join('-')}.pdf`;
}


/** Lays out text top-down from a cursor; every write returns nothing and moves the cursor. */
class Writer {
  y: number;

  constructor(
    private readonly doc: jsPDF,
    y: number,
  ) {
    this.y = y;
  }

  paragraph(text: string, size: number, gapAfter: number, x = MARGIN, width = TEXT_W): void {
    this.doc.setFontSize(size);
    const lines = this.doc.splitTextToSize(printable(text), width) as string[];
    this.doc.text(lines, x, this.y, { lineHeightFactor: LINE_FACTOR, baseline: 'top' });
    this.y += lines.length * size * PT * LINE_FACTOR + gapAfter;
  }

  bullets(items: string[], size: number, gapAfter: number): void {
    const indent = 5;
    items.forEach((item, i) => {
      this.doc.setFillColor(...SECONDARY);
      this.doc.circle(MARGIN + 1.6, this.y + size * PT * 0.36, 0.75, 'F');
      this.paragraph(item, size, i === items.length - 1 ? gapAfter : 0.8, MARGIN + indent, TEXT_W - indent);
    });
  }
}

function drawLetter(doc: jsPDF, letter: LetterContent, page: number, total: number, lng: Language): void {
  const tr = (key: string, values: Record<string, string> = {}) => printable(t(`slides:letter.${key}`, { lng, ...values }));

  // Header: wordmark on the left, the 3422 box on the right, as on the real letter.
  drawWordmark(doc, MARGIN, 14, lng, 14);
  doc.setDrawColor(...BODY);
  doc.setLineWidth(0.3);
  doc.roundedRect(PAGE_W - MARGIN - 44, 14, 44, 14, 1.5, 1.5, 'S');
  doc.setFont('helvetica', 'bold');
  doc.setFontSize(14);
  doc.setTextColor(...PRIMARY);
  doc.text(printable(letter.helpline), PAGE_W - MARGIN - 22, 20.5, { align: 'center' });
  doc.setFont('helvetica', 'normal');
  doc.setFontSize(7.5);
  doc.setTextColor(...BODY);
  doc.text(printable(letter.helplineDetail), PAGE_W - MARGIN - 22, 25.3, { align: 'center' });

  // The beneficiary, top left; the addressee in the envelope's window, right.
  doc.setFontSize(8.5);
  doc.setTextColor(...BODY);
  doc.text(printable(letter.beneficiaryLabel), MARGIN, 38);
  doc.setFont('helvetica', 'bold');
  doc.setTextColor(...TITLE);
  doc.setFontSize(9.5);
  doc.text(printable(letter.beneficiary), MARGIN, 42.5);

  doc.setFont('helvetica', 'normal');
  doc.setFontSize(10.5);
  doc.text(letter.addressLines.map(printable), ADDRESS_X, 50, { lineHeightFactor: 1.3 });
  doc.setTextColor(...BODY);
  doc.setFontSize(10);
  doc.text(printable(letter.date), PAGE_W - MARGIN, 74, { align: 'right' });

  // The heading, with the seed's chevron drawn as a shape.
  const headingY = 84;
  doc.setFillColor(...SECONDARY);
  doc.triangle(MARGIN, headingY - 3.4, MARGIN, headingY + 0.4, MARGIN + 2.6, headingY - 1.5, 'F');
  doc.setFont('helvetica', 'bold');
  doc.setFontSize(11.5);
  doc.setTextColor(...PRIMARY);
  doc.text(printable(letter.heading), MARGIN + 5, headingY);
  doc.setDrawColor(...SECONDARY);
  doc.setLineWidth(0.6);
  doc.line(MARGIN, headingY + 3, MARGIN + 24, headingY + 3);

  const w = new Writer(doc, 93);
  const body = 9.5;
  doc.setFont('helvetica', 'normal');
  doc.setTextColor(...TITLE);
  w.paragraph(letter.salutation, body, 3);
  doc.setTextColor(...BODY);
  w.paragraph(letter.intro, body, 2.5);
  w.paragraph(letter.featuresIntro, body, 1.2);
  w.bullets(letter.features, body, 2.5);
  w.paragraph(letter.from2022, body, 1.2);
  w.bullets(letter.futureFeatures, body, 2.5);
  w.paragraph(letter.creation, body, 1.2);
  w.bullets(letter.choices, body, 3.5);

  // The code, in a light box: the one thing the reader must find at a glance.
  const boxTop = w.y;
  doc.setFillColor(...MUTED_BG);
  doc.rect(MARGIN, boxTop, TEXT_W, 12, 'F');
  doc.setFillColor(...PRIMARY);
  doc.rect(MARGIN, boxTop, 1.2, 12, 'F');
  doc.setFont('helvetica', 'bold');
  doc.setFontSize(10);
  doc.setTextColor(...TITLE);
  doc.text(printable(letter.codeFor), MARGIN + 5, boxTop + 7.3);
  // Courier tells 0 from O and l from 1, which a code typed by hand needs.
  doc.setFont('courier', 'bold');
  doc.setFontSize(13);
  doc.setTextColor(...PRIMARY);
  doc.text(printable(letter.code), PAGE_W - MARGIN - 5, boxTop + 7.5, { align: 'right' });
  w.y = boxTop + 15;
  doc.setFont('helvetica', 'normal');
  doc.setTextColor(...BODY);
  w.paragraph(letter.validity, body, 5);
  w.paragraph(letter.closing, body, 0);
  doc.setFont('helvetica', 'bold');
  doc.setTextColor(...TITLE);
  w.paragraph(letter.signature, body, 6);
  doc.setFont('helvetica', 'normal');
  doc.setTextColor(...BODY);
  w.paragraph(letter.legal, 7.5, 0);

  // Footer: the simulation notice, and the page of the envelope set.
  doc.setDrawColor(...SECONDARY);
  doc.setLineWidth(0.5);
  doc.line(MARGIN, PAGE_H - 22, PAGE_W - MARGIN, PAGE_H - 22);
  doc.setFont('helvetica', 'bold');
  doc.setFontSize(10);
  doc.setTextColor(...SECONDARY);
  doc.text(tr('footer'), PAGE_W / 2, PAGE_H - 16, { align: 'center' });
  doc.setFont('helvetica', 'normal');
  doc.setFontSize(8);
  doc.setTextColor(...BODY);
  doc.text(tr('footerDetail'), PAGE_W / 2, PAGE_H - 11.5, { align: 'center' });
  doc.text(tr('page', { page: String(page), total: String(total) }), PAGE_W - MARGIN, PAGE_H - 11.5, { align: 'right' });
}

/**
 * The PDF bytes: with `child`, that child's letter alone; without, the persona's letter followed by
 * one per minor child, one A4 page each. jspdf is loaded only now, so it stays out of the first bundle.
 */
export async function buildNotificationLetter(
  persona: PersonaData,
  child?: ChildData,
  opts: LetterOptions = {},
): Promise<ArrayBuffer> {
  const lng = opts.lang ?? currentLanguage();
  const date = opts.generatedAt ?? new Date();
  const { jsPDF: JsPdf } = await import('jspdf');
  const doc = new JsPdf({ unit: 'mm', format: 'a4', orientation: 'portrait' });
  doc.setProperties({
    title: printable(t('slides:letter.metaTitle', { lng })),
    subject: printable(t('slides:letter.footer', { lng })),
    creator: printable(t('slides:letter.footer', { lng })),
  });
  const letters = holders(persona, child).map((holder) => letterContent(persona, holder, date, lng));
  letters.forEach((letter, i) => {
    if (i > 0) doc.addPage('a4', 'portrait');
    drawLetter(doc, letter, i + 1, letters.length, lng);
  });
  return doc.output('arraybuffer');
}

/** Builds the letters and hands them to the browser as one PDF download. */
export async function downloadNotificationLetter(
  persona: PersonaData,
  child?: ChildData,
  opts: LetterOptions = {},
): Promise<void> {
  const bytes = await buildNotificationLetter(persona, child, opts);
  saveFile(new Blob([bytes], { type: 'application/pdf' }), notificationLetterFileName(persona, child, opts.lang ?? currentLanguage()));
}
