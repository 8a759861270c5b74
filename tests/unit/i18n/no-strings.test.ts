import { describe, expect, it } from 'vitest';
import { LANGS, ROOT, loadAll, resolves } from './locales-data';
import { scanSource, scanTree, type Finding } from './scan';

/**
 * No user-visible string in code: every text of the lit templates, every visible attribute (aria-label,
 * title, placeholder, alt…) and every text set through the DOM comes from locales/, and every key the
 * code asks for exists in French and in English.
 */

interface Allowed {
  file: string;
  text: string;
  /** Why this text is not UI to translate. */
  why: string;
}

/** Each entry is justified; anything else found fails the test. */
const ALLOWED: Allowed[] = [
  {
    file: 'src/authoring/authoring-editor.ts',
    text: 'inbox.otp',
    why: 'the name of a placeholder of the scenario language ({{inbox.otp}}), shown to the author as it is typed in a scenario, like the persona placeholders listed beside it',
  },
  {
    file: 'src/authoring/authoring-editor.ts',
    text: 'inbox.code',
    why: 'the name of a placeholder of the scenario language ({{inbox.code}}), as above',
  },
];

const allowed = (f: Finding) => ALLOWED.some((a) => a.file === f.file && a.text === f.text);
const show = (f: Finding) => `${f.file}:${f.line} [${f.kind}] ${JSON.stringify(f.text)}`;

// Parsing every source file takes a few seconds on a busy machine.
const TIMEOUT = 60_000;
let cached: ReturnType<typeof scanTree> | null = null;
const scanned = () => (cached ??= scanTree(ROOT));

describe('no user-visible string in code', () => {
  it('finds none outside locales/ (beyond the justified allow-list)', () => {
    const found = scanned().findings.filter((f) => !allowed(f));
    expect(found.map(show), found.map(show).join('\n')).toEqual([]);
  }, TIMEOUT);

  it('keeps no allow-list entry that matches nothing', () => {
    const findings = scanned().findings;
    const stale = ALLOWED.filter((a) => !findings.some((f) => f.file === a.file && f.text === a.text));
    expect(stale).toEqual([]);
    for (const a of ALLOWED) expect(a.why.length).toBeGreaterThan(20);
  }, TIMEOUT);

  it('every i18n key the code asks for exists in French and in English', () => {
    const { keys } = scanned();
    expect(keys.length).toBeGreaterThan(300);
    const missing: string[] = [];
    for (const lang of LANGS) {
      const all = loadAll(lang);
      for (const use of keys) {
        if (!resolves(all, use.key, use.dynamic)) missing.push(`${lang}: ${use.file}:${use.line} ${use.key}${use.dynamic ? '…' : ''}`);
      }
    }
    expect(missing, missing.join('\n')).toEqual([]);
  }, TIMEOUT);
});

describe('the scanner', () => {
  const source = `
    import { html, svg, css } from 'lit';
    const styles = css\`.a { content: 'Pas une chaîne UI'; }\`;
    // html\`<p>Dans un commentaire</p>\`
    export const view = (t: (k: string) => string, lang: string, n: number) => html\`
      <!-- Un commentaire HTML -->
      <h1>Bonjour Martine</h1>
      <p>\${t('home:title')} \${n} ×</p>
      <button aria-label="Fermer la fenêtre" title=\${t('common:close')} class="btn primary" data-hotspot="close">✕</button>
      <img alt="Carte Vitale" src="/x.png">
      <span>\${lang === 'fr' ? 'English' : 'Français'}</span>
      <input placeholder=\${'Saisir ici'} .value=\${'valeur technique'} id="field-a">
      \${svg\`<svg><title>Logo du service</title></svg>\`}
      <p>&nbsp;\${t(\`player:modes.\${lang}\`)}</p>
      <p>\${t('absent:nowhere')}</p>
    \`;
    export function dom(el: HTMLElement): void {
      el.textContent = 'Texte posé à la main';
      el.setAttribute('aria-label', 'Étiquette');
      el.setAttribute('data-x', 'pas visible');
    }
  `;
  const { findings, keys } = scanSource(source, 'sample.ts');
  const texts = findings.map((f) => f.text);

  it('finds text content, visible attributes, rendered literals, svg titles and DOM texts', () => {
    expect(texts).toContain('Bonjour Martine');
    expect(texts).toContain('aria-label="Fermer la fenêtre"');
    expect(texts).toContain('alt="Carte Vitale"');
    expect(texts).toContain('English');
    expect(texts).toContain('Français');
    expect(texts).toContain('placeholder=Saisir ici');
    expect(texts).toContain('Logo du service');
    expect(texts).toContain('textContent = Texte posé à la main');
    expect(texts).toContain('setAttribute(aria-label, Étiquette)');
  });

  it('ignores CSS, comments, keys, ids, classes, hotspots, property bindings, symbols and comparisons', () => {
    const joined = texts.join('\n');
    for (const quiet of ['Pas une chaîne UI', 'Dans un commentaire', 'Un commentaire HTML', 'valeur technique', 'pas visible', 'home:title', 'btn primary', 'close', 'field-a', 'fr']) {
      expect(joined.split('\n'), quiet).not.toContain(quiet);
    }
    expect(texts).not.toContain('×');
    expect(texts).not.toContain('✕');
    expect(findings).toHaveLength(9);
  });

  it('reads the keys asked for, static or built at run time', () => {
    expect(keys).toContainEqual(expect.objectContaining({ key: 'home:title', dynamic: false }));
    expect(keys).toContainEqual(expect.objectContaining({ key: 'player:modes.', dynamic: true }));
    const all = loadAll('fr');
    expect(resolves(all, 'home:title')).toBe(true);
    expect(resolves(all, 'player:modes.', true)).toBe(true);
    expect(resolves(all, 'absent:nowhere')).toBe(false);
    expect(resolves(all, 'home:noSuchKey')).toBe(false);
  });
});
