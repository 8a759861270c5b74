import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from './temp-dirs';
import { scenarioSchema, type PersonaData } from '../../../src/scenarios/schema';
import { buildNotificationLetter, notificationLetterFileName } from '../../../src/documents/notification-letter';
import { renderNotificationVars, letterContent } from '../../../src/tutorial/slides/notification';

const tempDir = useTempDirs();

const root = fileURLToPath(new URL('../../../', import.meta.url));
const PDFTOTEXT = '/usr/bin/pdftotext';

/** The default persona of the pas à pas, read from the scenario file itself: Martine and her two children. */
function martine(): PersonaData {
  const scenario = scenarioSchema.parse(parse(readFileSync(`${root}scenarios/pas-a-pas.yaml`, 'utf8')));
  const persona = scenario.world.personas[0];
  if (!persona) throw new Error('no persona in pas-a-pas.yaml');
  return persona;
}

const DAY = new Date(2021, 11, 20, 10, 0);

async function build(persona: PersonaData, child?: PersonaData['children'][number], lang: 'fr' | 'en' = 'fr'): Promise<Buffer> {
  return Buffer.from(await buildNotificationLetter(persona, child, { lang, generatedAt: DAY }));
}

/** Each page's text as a reader gets it (pages split on form feeds), whitespace collapsed. */
function pagesOf(pdf: Buffer): string[] {
  const dir = tempDir('letter-');
  const file = join(dir, 'letter.pdf');
  writeFileSync(file, pdf);
  return execFileSync(PDFTOTEXT, ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' })
    .split('\f')
    .map((page) => page.replace(/\s+/g, ' ').trim())
    .filter(Boolean);
}

function pageCount(pdf: Buffer): number {
  return pdf.toString('latin1').match(/\/Type \/Page\b(?!s)/g)?.length ?? 0;
}

describe('buildNotificationLetter', () => {
  it('writes one A4 page per letter: the persona, then each child', async () => {
    const persona = martine();
    expect(persona.children).toHaveLength(2);
    const pdf = await build(persona);
    const raw = pdf.toString('latin1');
    expect(raw.startsWith('%PDF-')).toBe(true);
    expect(pageCount(pdf)).toBe(1 + persona.children.length);
    expect(raw.match(/\/MediaBox \[0 0 595\.2\d* 841\.8\d*\]/g)).toHaveLength(3);

    const alone = { ...persona, children: [] };
    expect(pageCount(await build(alone))).toBe(1);
  });

  it('writes only the child\'s letter when given a child', async () => {
    const persona = martine();
    const chloe = persona.children[1]!;
    const pdf = await build(persona, chloe);
    expect(pageCount(pdf)).toBe(1);
    const raw = pdf.toString('latin1');
    expect(raw).toContain(chloe.provisionalCode);
    expect(raw).not.toContain(persona.provisionalCode);
  });

  // Without poppler the text can still be read: jspdf writes its streams uncompressed.
  it('keeps names and codes readable in the raw stream', async () => {
    const persona = martine();
    const raw = (await build(persona)).toString('latin1');
    for (const code of ['Kp7RmX2qLa9T', 'Ht4WqZ8nBv2M', 'Rd6XpL3sKe9F']) expect(raw).toContain(code);
    expect(raw).toContain('Mme LEGUELLEC MARTINE');
    expect(raw).toContain('Madame LEGUELLEC,');
    expect(raw).toContain('20/12/2021');
    expect(raw).not.toContain('{{');
  });

  it.runIf(existsSync(PDFTOTEXT))('reads like the seed\'s letter, in French, page by page', async () => {
    const pages = pagesOf(await build(martine()));
    expect(pages).toHaveLength(3);
    const [own, lucas, chloe] = pages as [string, string, string];

    expect(own).toContain("Mon nom ou celui de mon ayant droit : LEGUELLEC MARTINE");
    // The header (wordmark and the 3422 box side by side, so their words interleave): no official logo.
    const header = own.slice(0, own.indexOf('Mon nom'));
    for (const piece of ['mon', 'ESPACE', 'SANTÉ', '3422', 'Service gratuit, prix appel']) expect(header).toContain(piece);
    expect(own).not.toMatch(/MINIST[ÈE]RE DES SOLIDARIT|Assurance Maladie\s*$/);
    expect(own).toContain('Mme LEGUELLEC MARTINE 12 RUE DES TILLEULS 44000 NANTES');
    expect(own).toContain('Le 20/12/2021');
    expect(own).toContain('JE GÈRE MA SANTÉ AVEC LE NOUVEAU SERVICE MON ESPACE SANTÉ');
    expect(own).toContain('Madame LEGUELLEC,');
    expect(own).toContain(
      "Comme l'ensemble des citoyens français, vous allez bénéficier d'un nouveau service sécurisé, Mon espace santé, qui vous permet",
    );
    expect(own).toContain('Le service Mon espace santé sera créé automatiquement pour Martine LEGUELLEC dans un délai de 1 mois');
    expect(own).toContain('en vous connectant à monespacesante.fr, vous pouvez :');
    expect(own).toContain('Code provisoire pour Martine LEGUELLEC Kp7RmX2qLa9T');
    expect(own).toContain('Ce code est valable 1 mois à partir de la réception de ce courrier.');
    expect(own).toContain('Avec toute mon attention, Votre correspondant Mon espace santé');
    expect(own).toContain('mis en œuvre');
    expect(own).toContain('monespacesante.fr/protection-donnees-personnelles');
    expect(own).toContain('Document de formation — simulation, sans valeur officielle');
    expect(own).toContain('Page 1/3');

    // A child's letter goes to the legal representative but names the child and carries the child's code.
    expect(lucas).toContain('ayant droit : LEGUELLEC LUCAS');
    expect(lucas).toContain('Mme LEGUELLEC MARTINE');
    expect(lucas).toContain('Madame LEGUELLEC,');
    expect(lucas).toContain('créé automatiquement pour Lucas LEGUELLEC');
    expect(lucas).toContain('Code provisoire pour Lucas LEGUELLEC Ht4WqZ8nBv2M');
    expect(lucas).not.toContain('Kp7RmX2qLa9T');
    expect(lucas).toContain('Page 2/3');
    expect(chloe).toContain('ayant droit : LEGUELLEC CHLOÉ');
    expect(chloe).toContain('Code provisoire pour Chloé LEGUELLEC Rd6XpL3sKe9F');
    expect(chloe).toContain('Page 3/3');
    for (const page of pages) expect(page).not.toMatch(/\{\{|eens\./);
  });

  it.runIf(existsSync(PDFTOTEXT))('follows the language and the civility', async () => {
    const persona = { ...martine(), firstName: 'Jean', lastName: 'MOREAU', sex: 'M' as const, children: [] };
    const [page] = pagesOf(await build(persona, undefined, 'en'));
    expect(page).toContain('Mr MOREAU JEAN');
    expect(page).toContain('Dear Mr MOREAU,');
    expect(page).toContain('Provisional code for Jean MOREAU Kp7RmX2qLa9T');
    expect(page).toContain('within 1 month of receipt of this letter');
    expect(page).toContain('Training document — simulation, no official value');
    expect(page).not.toContain('Madame');
  });

  it('prints ordinary spaces where a translation would put narrow or no-break ones', async () => {
    const persona = { ...martine(), firstName: 'Anne\u202fMarie', lastName: 'LE\u00a0GALL', children: [] };
    const raw = (await build(persona)).toString('latin1');
    expect(raw).toContain('LE GALL ANNE MARIE');
    expect(raw).not.toMatch(/[\u00a0\u202f]/);
  });
});

describe('notificationLetterFileName', () => {
  it('names the file after the family, or the child', () => {
    const persona = martine();
    expect(notificationLetterFileName(persona, undefined, 'fr')).toBe('courrier-notification-leguellec.pdf');
    expect(notificationLetterFileName(persona, persona.children[1], 'fr')).toBe('courrier-notification-leguellec-chloe.pdf');
    expect(notificationLetterFileName(persona, undefined, 'en')).toBe('notification-letter-leguellec.pdf');
  });
});

describe('renderNotificationVars', () => {
  it('fills the seed\'s variables for the persona and for a child', () => {
    const persona = martine();
    expect(renderNotificationVars(persona, undefined, 'fr')).toEqual({
      PrenomFuturTitulaire: 'Martine',
      NomFuturTitulaire: 'LEGUELLEC',
      CodeEnrolement: 'Kp7RmX2qLa9T',
      DelaiOpposition: '1',
      'URL.Site': 'monespacesante.fr',
      SignatureCourrier: 'Votre correspondant Mon espace santé',
      'URL.Site.Juridique': 'monespacesante.fr/protection-donnees-personnelles',
    });
    const lucas = renderNotificationVars(persona, persona.children[0], 'en');
    expect(lucas).toMatchObject({ PrenomFuturTitulaire: 'Lucas', CodeEnrolement: 'Ht4WqZ8nBv2M', SignatureCourrier: 'Your Mon espace santé contact' });
  });

  it('feeds the letter, dotted variable names included', () => {
    const letter = letterContent(martine(), undefined, DAY, 'fr');
    expect(letter.creation).toContain('en vous connectant à monespacesante.fr,');
    expect(letter.legal).toMatch(/rendez-vous sur monespacesante\.fr\/protection-donnees-personnelles\.$/);
    expect(letter.signature).toBe('Votre correspondant Mon espace santé');
    expect(letter.date).toBe('Le 20/12/2021');
  });
});

describe('slides.json', () => {
  const flatten = (node: unknown, prefix = '', out: Record<string, unknown> = {}): Record<string, unknown> => {
    if (node !== null && typeof node === 'object') {
      for (const [k, v] of Object.entries(node)) flatten(v, prefix ? `${prefix}.${k}` : k, out);
    } else out[prefix] = node;
    return out;
  };
  const load = (lang: string) => flatten(JSON.parse(readFileSync(`${root}locales/${lang}/slides.json`, 'utf8')));

  it('has the same keys in French and English, non-empty, without narrow spaces', () => {
    const fr = load('fr');
    const en = load('en');
    expect(Object.keys(en).sort()).toEqual(Object.keys(fr).sort());
    for (const [key, value] of [...Object.entries(fr), ...Object.entries(en)]) {
      expect(typeof value, key).toBe('string');
      expect((value as string).trim(), key).not.toBe('');
      expect(value as string, key).not.toMatch(/[\u202f\ufb00-\ufb04\u2713]/);
    }
  });
});
