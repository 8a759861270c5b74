import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkTraineeName } from '../../../src/tutorial/evaluation/trainee-name';

const root = fileURLToPath(new URL('../../../', import.meta.url));

function flatten(node: unknown, prefix = '', out: Record<string, unknown> = {}): Record<string, unknown> {
  if (node !== null && typeof node === 'object' && !Array.isArray(node)) {
    for (const [k, v] of Object.entries(node)) flatten(v, prefix ? `${prefix}.${k}` : k, out);
  } else {
    out[prefix] = node;
  }
  return out;
}

const load = (lang: string, ns: string) =>
  flatten(JSON.parse(readFileSync(`${root}locales/${lang}/${ns}.json`, 'utf8')) as unknown);

const placeholders = (s: string) => [...s.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();

/** The source files of the practice and evaluation modes and of the certificate. */
function sources(): string[] {
  const dirs = ['src/tutorial/practice', 'src/tutorial/evaluation'];
  const files = dirs.flatMap((dir) => readdirSync(`${root}${dir}`).filter((f) => f.endsWith('.ts')).map((f) => `${root}${dir}/${f}`));
  return [...files, `${root}src/documents/certificate.ts`].map((f) => readFileSync(f, 'utf8'));
}

describe.each(['practice', 'evaluation'])('locales/*/%s.json', (ns) => {
  const fr = load('fr', ns);
  const en = load('en', ns);

  it('has the same keys and placeholders in French and English, all non-empty strings', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(fr).sort());
    for (const [key, value] of Object.entries(fr)) {
      expect(typeof value, key).toBe('string');
      expect(typeof en[key], key).toBe('string');
      expect((value as string).trim(), key).not.toBe('');
      expect(placeholders(en[key] as string), key).toEqual(placeholders(value as string));
    }
  });

  it('has every key the code asks for', () => {
    const used = sources().flatMap((text) => [...text.matchAll(new RegExp(`'${ns}:([\\w.]+)'`, 'g'))].map((m) => m[1]!));
    expect(used.length).toBeGreaterThan(3);
    for (const key of used) expect(fr[key], key).toBeTypeOf('string');
  });
});

describe('keys built at run time', () => {
  it('exist for every name error and every card side', () => {
    const evaluation = load('fr', 'evaluation');
    for (const input of ['', 'A', '李雷']) {
      const check = checkTraineeName(input);
      expect(check.ok).toBe(false);
      if (!check.ok) expect(evaluation[`debrief.certificate.${check.error}`], check.error).toBeTypeOf('string');
    }
    const practice = load('fr', 'practice');
    for (const type of ['sansPhoto', 'avecPhoto']) {
      for (const side of ['front', 'back']) expect(practice[`card.alt.${type}.${side}`]).toBeTypeOf('string');
    }
  });
});

describe('texts printed on the certificate', () => {
  it('use only what Helvetica draws: no narrow or no-break space, no check mark', () => {
    for (const lang of ['fr', 'en']) {
      const strings = Object.entries(load(lang, 'evaluation')).filter(
        ([key]) => key.startsWith('certificate.') || key.startsWith('duration.'),
      );
      expect(strings.length).toBeGreaterThan(10);
      for (const [key, value] of strings) expect(value as string, `${lang} ${key}`).toMatch(/^[\x20-\x7e\u00a1-\u00ff€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ]*$/);
    }
  });

  it('keep the wording of the brief in French', () => {
    const fr = load('fr', 'evaluation');
    expect(fr['certificate.title']).toBe('Attestation de formation');
    expect(fr['certificate.footer']).toBe('Simulateur de formation — document sans valeur officielle');
    expect(fr['debrief.title']).toBe("Bilan de l'évaluation");
    expect(fr['debrief.certificate.nameRequired']).toBe("Saisir votre nom pour l'attestation");
  });
});
