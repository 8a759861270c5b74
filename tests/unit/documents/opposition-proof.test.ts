import { execFileSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from './temp-dirs';
import type { OppositionProof } from '../../../src/api/types';
import { buildOppositionProof, proofFileName } from '../../../src/documents/opposition-proof';

const tempDir = useTempDirs();

const martine: OppositionProof = {
  firstName: 'Martine',
  middleNames: 'Julie',
  lastName: 'LEGUELLEC',
  nir: '269054410903857',
  opposedAt: '2026-11-26',
};

const PDFTOTEXT = '/usr/bin/pdftotext';

async function build(proof: OppositionProof, lang: 'fr' | 'en' = 'fr'): Promise<Buffer> {
  return Buffer.from(await buildOppositionProof(proof, { lang, generatedAt: new Date(2026, 10, 27, 9, 30) }));
}

/** The page's text as a reader gets it; whitespace runs collapsed so wrapping does not matter. */
function textOf(pdf: Buffer): string {
  const dir = tempDir('proof-');
  const file = join(dir, 'proof.pdf');
  writeFileSync(file, pdf);
  return execFileSync(PDFTOTEXT, ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
}

describe('buildOppositionProof', () => {
  it('writes a one-page A4 PDF', async () => {
    const pdf = await build(martine);
    const raw = pdf.toString('latin1');
    expect(raw.startsWith('%PDF-')).toBe(true);
    expect(raw.match(/\/Type \/Page\b(?!s)/g)).toHaveLength(1);
    // A4 in points.
    expect(raw).toMatch(/\/MediaBox \[0 0 595\.2\d* 841\.8\d*\]/);
  });

  it.runIf(existsSync(PDFTOTEXT))('reads like the seed S12, in French', async () => {
    const text = textOf(await build(martine));
    expect(text).toContain("Numéro de l'assuré : 2 69 05 44 109 038 57");
    expect(text).toContain("Nom de l'assuré : LEGUELLEC Martine Julie");
    expect(text).toContain('Le 27/11/2026');
    expect(text).toContain("Votre justificatif d'opposition");
    expect(text).toContain('Bonjour Martine Julie Leguellec,');
    expect(text).toContain(
      "Votre demande d'opposition à la création de Mon espace santé a bien été prise en compte le 26/11/2026.",
    );
    expect(text).toContain('en vous connectant sur monespacesante.fr.');
    expect(text).toContain('Avec toute mon attention, Votre conseiller Mon espace santé');
    expect(text).toContain('Document de formation — simulation, sans valeur officielle');
    // The header, above the insured person: the own wordmark (no official logo) and the page number.
    const header = text.slice(0, text.indexOf('Numéro'));
    for (const piece of ['mon', 'ESPACE', 'SANTÉ', 'Page 1/1']) expect(header).toContain(piece);
  });

  it.runIf(existsSync(PDFTOTEXT))('follows the language and the person', async () => {
    const text = textOf(
      await build(
        { firstName: 'Chloé', middleNames: '', lastName: 'LE GUELLEC-ÉMERY', nir: '2 69 05 44 109 038 57', opposedAt: '2026-03-04T10:00:00' },
        'en',
      ),
    );
    expect(text).toContain('Your proof of opposition');
    expect(text).toContain('Hello Chloé Le Guellec-Émery,');
    expect(text).toContain("Insured person's name: LE GUELLEC-ÉMERY Chloé");
    expect(text).toContain('2 69 05 44 109 038 57');
    expect(text).toContain('registered on 04/03/2026.');
    expect(text).toContain('Training document — simulation, no official value');
    expect(text).not.toContain('Votre justificatif');
  });

  // Without poppler the text streams can still be read: jspdf writes them uncompressed.
  it('keeps its text readable in the raw stream', async () => {
    const raw = (await build(martine)).toString('latin1');
    expect(raw).toContain('2 69 05 44 109 038 57');
    expect(raw).toContain('LEGUELLEC Martine Julie');
    expect(raw).toContain('26/11/2026');
  });

  it('refuses a date that is not one', async () => {
    await expect(buildOppositionProof({ ...martine, opposedAt: 'hier' }, { lang: 'fr' })).rejects.toThrow(RangeError);
  });
});

describe('proofFileName', () => {
  it('names the file after the person and the day of the opposition', () => {
    expect(proofFileName(martine, 'fr')).toBe('justificatif-opposition-leguellec-2026-11-26.pdf');
  });

  it('keeps the name ASCII and the day of a timestamp', () => {
    expect(proofFileName({ ...martine, lastName: 'Le Guellec-Émery', opposedAt: '2026-03-04T10:00:00' }, 'fr')).toBe(
      'justificatif-opposition-le-guellec-emery-2026-03-04.pdf',
    );
    expect(proofFileName(martine, 'en')).toBe('opposition-proof-leguellec-2026-11-26.pdf');
  });
});
