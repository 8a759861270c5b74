import { execFileSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from './temp-dirs';
import {
  buildCertificate,
  certificateFileName,
  printableName,
  printableText,
  type CertificateOptions,
} from '../../../src/documents/certificate';

const tempDir = useTempDirs();

const PDFTOTEXT = '/usr/bin/pdftotext';
const hasPoppler = existsSync(PDFTOTEXT);

const base: CertificateOptions = {
  name: 'Martine LEGUELLEC',
  scenarioTitle: 'Activer Mon espace santé',
  score: 92,
  passed: true,
  totalMs: 725_000,
  date: new Date(2026, 4, 12, 16, 45),
  lang: 'fr',
};

async function build(over: Partial<CertificateOptions> = {}): Promise<Buffer> {
  return Buffer.from(await buildCertificate({ ...base, ...over }));
}

function pdfFile(pdf: Buffer): string {
  const file = join(tempDir('certificate-'), 'certificate.pdf');
  writeFileSync(file, pdf);
  return file;
}

/** The page's text as a reader gets it; whitespace runs collapsed. */
function textOf(pdf: Buffer): string {
  return execFileSync(PDFTOTEXT, ['-enc', 'UTF-8', pdfFile(pdf), '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
}

/** Every word with its box, in points, from poppler's bounding-box output. */
function wordsOf(pdf: Buffer): { word: string; xMin: number; xMax: number }[] {
  const xml = execFileSync(PDFTOTEXT, ['-bbox', '-enc', 'UTF-8', pdfFile(pdf), '-'], { encoding: 'utf8' });
  return [...xml.matchAll(/<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)<\/word>/g)].map((m) => ({
    xMin: Number(m[1]),
    xMax: Number(m[2]),
    word: m[3]!,
  }));
}

/** Windows-1252, what the PDF's Helvetica encodes: anything else on the page is junk. */
const WIN_ANSI = /^[\x20-\x7e\u00a0-\u00ff€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ\s]*$/;

describe('buildCertificate', () => {
  it('writes one A4 landscape page', async () => {
    const raw = (await build()).toString('latin1');
    expect(raw.startsWith('%PDF-')).toBe(true);
    expect(raw.match(/\/Type \/Page\b(?!s)/g)).toHaveLength(1);
    expect(raw).toMatch(/\/MediaBox \[0 0 841\.8\d* 595\.2\d*\]/);
  });

  // jspdf writes its text streams uncompressed: readable even without poppler.
  it('carries the name, the course, the score and the date in its text', async () => {
    const raw = (await build()).toString('latin1');
    expect(raw).toContain('(Martine LEGUELLEC)');
    expect(raw).toContain('Activer Mon espace sant\xe9');
    expect(raw).toContain('Score : 92 / 100 \x97 R\xe9ussi');
    expect(raw).toContain('Le 12/05/2026');
    expect(raw).toContain('12 min 05 s');
  });

  it.runIf(hasPoppler)('reads as the brief words it, in French', async () => {
    const text = textOf(await build());
    for (const piece of [
      'Attestation de formation',
      'décernée à Martine LEGUELLEC',
      'pour le parcours « Activer Mon espace santé »',
      'Score : 92 / 100 — Réussi',
      'Durée : 12 min 05 s',
      'Le 12/05/2026',
      'Simulateur de formation — document sans valeur officielle',
    ]) {
      expect(text).toContain(piece);
    }
    // The own wordmark, in the header.
    const header = text.slice(0, text.indexOf('Attestation'));
    for (const piece of ['mon', 'ESPACE', 'SANTÉ']) expect(header).toContain(piece);
  });

  it.runIf(hasPoppler)('says when the evaluation was not passed, and follows the language', async () => {
    expect(textOf(await build({ score: 54, passed: false }))).toContain('Score : 54 / 100 — Non réussi');
    const en = textOf(await build({ lang: 'en', totalMs: 3_725_000 }));
    expect(en).toContain('Training certificate');
    expect(en).toContain('awarded to Martine LEGUELLEC');
    expect(en).toContain('Score: 92 / 100 — Passed');
    expect(en).toContain('Duration: 1 h 02 min 05 s');
    expect(en).toContain('Training simulator — document with no official value');
  });

  it.runIf(hasPoppler)('prints only drawable characters, whatever the name typed', async () => {
    const names: [string, string][] = [
      ['Chloé Lefèvre 😀', 'Chloé Lefèvre'],
      ['Li 李雷 Wang', 'Li ?? Wang'],
      ['Łucja Nguyễn', 'Lucja Nguyen'],
      ['Anne\u202fMarie\u00a0Zoë', 'Anne Marie Zoë'],
      ['👩‍👩‍👧', '?'],
    ];
    for (const [typed, printed] of names) {
      const text = textOf(await build({ name: typed }));
      expect(text, typed).toMatch(WIN_ANSI);
      expect(text, typed).toContain(`décernée à ${printed} pour le parcours`);
    }
  });

  it.runIf(hasPoppler)('keeps a very long name and course on the page, cut with an ellipsis', async () => {
    const name = `Marie-${'Wolfeschlegelsteinhausen'.repeat(3)} ${'W'.repeat(40)}`;
    const scenarioTitle = `Un parcours ${'très long '.repeat(40)}fin`;
    const pdf = await build({ name, scenarioTitle });
    const text = textOf(pdf);
    expect(text).toContain('décernée à Marie-Wolfeschlegel');
    expect(text).toContain('…');
    expect(text).not.toContain('fin »');
    const pageWidth = 841.89;
    for (const w of wordsOf(pdf)) {
      expect(w.xMin, w.word).toBeGreaterThanOrEqual(28);
      expect(w.xMax, w.word).toBeLessThanOrEqual(pageWidth - 28);
    }
  });

  it('refuses an invalid date', async () => {
    await expect(buildCertificate({ ...base, date: new Date(Number.NaN) })).rejects.toThrow(RangeError);
  });
});

describe('printableText', () => {
  it('keeps what Windows-1252 has, including French typography', () => {
    expect(printableText('Œuvre « d’art » — 12 €…')).toBe('Œuvre « d’art » — 12 €…');
    expect(printableText('Zoë Ünal Ñúñez')).toBe('Zoë Ünal Ñúñez');
  });

  it('drops accents it cannot draw, leaves out emoji, replaces other scripts with « ? »', () => {
    expect(printableText('Łódź')).toBe('Lódz');
    expect(printableText('Ștefan Çelik')).toBe('Stefan Çelik');
    expect(printableText('Anne 😀👍🏽')).toBe('Anne');
    expect(printableText('🇫🇷 Jean')).toBe('Jean');
    expect(printableText('Алла')).toBe('????');
    expect(printableText('✓ ok')).toBe('? ok');
  });

  it('turns every kind of space into one ordinary space', () => {
    expect(printableText(' a\u202fb\u00a0c\u2009d\te \n f ')).toBe('a b c d e f');
  });

  it('never leaves a name empty', () => {
    expect(printableName('😀')).toBe('?');
    expect(printableName('Martine')).toBe('Martine');
  });
});

describe('certificateFileName', () => {
  it('names the file after the person and the day', () => {
    expect(certificateFileName('Martine LEGUELLEC', new Date(2026, 4, 12, 23, 59), 'fr')).toBe(
      'attestation-formation-martine-leguellec-2026-05-12.pdf',
    );
    expect(certificateFileName('Chloé Le Guellec-Émery', new Date(2026, 0, 3), 'en')).toBe(
      'training-certificate-chloe-le-guellec-emery-2026-01-03.pdf',
    );
  });

  it('leaves out a name with nothing ASCII in it, and keeps long names short', () => {
    expect(certificateFileName('李雷', new Date(2026, 4, 12), 'fr')).toBe('attestation-formation-2026-05-12.pdf');
    const long = certificateFileName('a'.repeat(200), new Date(2026, 4, 12), 'fr');
    expect(long.length).toBeLessThan(100);
  });
});
