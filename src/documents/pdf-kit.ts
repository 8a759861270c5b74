import type { jsPDF } from 'jspdf';
import { pad2 } from '../domain/text';
import { t, type Language } from '../i18n';

/**
 * What every training document shares: the palette of DESIGN.md §5 as jspdf wants it, the own wordmark
 * drawn with shapes (the PDFs embed no image), text made printable by the standard Helvetica, file-name
 * slugs and calendar days.
 */
export type RGB = [number, number, number];
export const PRIMARY: RGB = [0x0c, 0x41, 0x9a];
export const SECONDARY: RGB = [0xd8, 0x1e, 0x7e];
export const TITLE: RGB = [0x26, 0x29, 0x39];
export const BODY: RGB = [0x49, 0x55, 0x74];
export const MUTED_BG: RGB = [0xe7, 0xec, 0xfa];

/**
 * jspdf's standard Helvetica covers WinAnsi only: narrow and no-break spaces, ligatures and check marks
 * would print as junk, so a translation that uses them still prints cleanly.
 */
export function printable(s: string): string {
  return s
    .replace(/[\u00a0\u202f\u2009\u2007]/g, ' ')
    .replace(/\ufb00/g, 'ff')
    .replace(/\ufb01/g, 'fi')
    .replace(/\ufb02/g, 'fl')
    .replace(/\ufb03/g, 'ffi')
    .replace(/\ufb04/g, 'ffl')
    .replace(/[\u2713\u2714]/g, '');
}

/** A lowercase ASCII file-name segment: « Chloé Le Guellec » → « chloe-le-guellec », at most `max` long. */
export function slug(s: string, max = Infinity): string {
  return s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, max)
    .replace(/-+$/, '');
}

/** Calendar day of a Date in local time, the day of the person at the keyboard. */
export function localIso(d: Date): string {
  return `${d.getFullYear()}-${pad2(d.getMonth() + 1)}-${pad2(d.getDate())}`;
}

/** The own wordmark (assets/wordmark.svg), `size` mm high, its words from the documents namespace. */
export function drawWordmark(doc: jsPDF, x: number, y: number, lng: Language, size = 15): void {
  const k = size / 15;
  doc.setFillColor(...PRIMARY);
  doc.roundedRect(x, y, size, size, 3.5 * k, 3.5 * k, 'F');
  doc.setDrawColor(255, 255, 255);
  doc.setLineWidth(1.6 * k);
  doc.circle(x + size * 0.46, y + size * 0.56, size * 0.25, 'S');
  doc.setFillColor(...SECONDARY);
  doc.circle(x + size * 0.72, y + size * 0.29, size * 0.13, 'F');

  const tx = x + size + 3;
  doc.setTextColor(...PRIMARY);
  doc.setFont('helvetica', 'bold');
  doc.setFontSize(7.5 * k);
  doc.text(printable(t('documents:wordmark.small', { lng })), tx, y + 3.6 * k);
  doc.setFontSize(12.5 * k);
  doc.text(printable(t('documents:wordmark.big', { lng })), tx, y + 9.2 * k);
  doc.setTextColor(...SECONDARY);
  doc.text(printable(t('documents:wordmark.accent', { lng })), tx, y + 14.6 * k);
}
