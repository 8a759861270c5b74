import { afterAll, describe, expect, it } from 'vitest';
import { currentLanguage, i18next, setLanguage, t } from '../../../src/i18n';
import { LANGS, loadAll } from './locales-data';

/**
 * `t` reads plain strings straight from the bundles (src/i18n): for every key of every namespace, in both
 * languages, it gives what i18next gives; keys with options, missing keys and non-strings go to i18next.
 */
describe('t', () => {
  const before = currentLanguage();
  afterAll(() => setLanguage(before));

  for (const lang of LANGS) {
    it(`gives i18next's answer for every key in ${lang}`, async () => {
      await setLanguage(lang);
      let checked = 0;
      for (const [ns, flat] of loadAll(lang)) {
        for (const key of Object.keys(flat)) {
          // Plural forms are asked for by their base key, with a count.
          const base = key.replace(/_(zero|one|two|few|many|other)$/, '');
          expect(t(`${ns}:${base}`), `${lang} ${ns}:${base}`).toStrictEqual(i18next.t(`${ns}:${base}`));
          checked += 1;
        }
      }
      expect(checked).toBeGreaterThan(500);
    });
  }

  it('interpolates, nests, falls back and reports a missing key as i18next does', async () => {
    await setLanguage('fr');
    expect(t('player:noTutorial', { id: 'x' })).toBe(i18next.t('player:noTutorial', { id: 'x' }));
    expect(t('player:noTutorial', { id: 'x' })).toContain('x');
    expect(t('common:loading')).toBe(i18next.t('loading'));
    expect(t('loading')).toBe(t('common:loading'));
    expect(t('player:nope.missing')).toBe('nope.missing');
    expect(t('player:modes')).toBe(i18next.t('player:modes'));
    i18next.addResourceBundle('fr', 't-test', { plain: 'Texte', nested: 'Avant $t(t-test:plain)', value: 'N° {{n}}' });
    expect(t('t-test:plain')).toBe('Texte');
    expect(t('t-test:nested')).toBe('Avant Texte');
    expect(t('t-test:value', { n: 3 })).toBe('N° 3');
    i18next.removeResourceBundle('fr', 't-test');
  });
});
