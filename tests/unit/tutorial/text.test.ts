import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { currentLanguage, i18next, setLanguage } from '../../../src/i18n';
import { parseScenario } from '../../../src/scenarios/load';
import { isTextKey, scenarioText } from '../../../src/tutorial/text';
import { personaValues } from '../../../src/tutorial/values';
import { LANGS, loadAll } from '../i18n/locales-data';

/**
 * A scenario's text given as a key is read straight from the bundle and filled with the persona's values
 * (src/i18n's tValues) where i18next would give the same: checked against i18next itself for every key of
 * every namespace, with the default persona's values and an inbox's, in both languages.
 */
const root = fileURLToPath(new URL('../../../', import.meta.url));
const scenario = parseScenario(readFileSync(`${root}scenarios/pas-a-pas.yaml`, 'utf8'), 'pas-a-pas.yaml');
const values = { ...personaValues(scenario.world.personas[0]!), 'inbox.otp': '123456', 'inbox.code': 'ABCDEF123456' };

/** The values as i18next reads them: `persona.firstName` → `{ persona: { firstName } }`. */
function nested(flat: Record<string, string>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [path, value] of Object.entries(flat)) {
    const parts = path.split('.');
    let node = out;
    parts.slice(0, -1).forEach((part) => (node = (node[part] ??= {}) as Record<string, unknown>));
    node[parts[parts.length - 1]!] = value;
  }
  return out;
}

const i18nextAnswer = (key: string, flat: Record<string, string>) => i18next.t(key, { ...nested(flat), interpolation: { escapeValue: false } });

describe('scenarioText', () => {
  const before = currentLanguage();
  afterAll(() => setLanguage(before));

  for (const lang of LANGS) {
    it(`gives i18next's answer for every key in ${lang}, with the persona's values`, async () => {
      await setLanguage(lang);
      let withValues = 0;
      for (const [ns, flat] of loadAll(lang)) {
        for (const key of Object.keys(flat)) {
          const base = `${ns}:${key.replace(/_(zero|one|two|few|many|other)$/, '')}`;
          // Only what a scenario can name as a key (ASCII names).
          if (!isTextKey(base)) continue;
          expect(scenarioText(base, values), `${lang} ${base}`).toStrictEqual(i18nextAnswer(base, values));
          if (/\{\{\s*(persona|children|inbox)\./.test(String(flat[key] ?? ''))) withValues += 1;
        }
      }
      // The shipped texts that hold the persona's or the inbox's values are among them.
      expect(withValues).toBeGreaterThan(2);
    });
  }

  it('leaves to i18next what it does not read itself: a missing value, nesting, a format, a missing key', async () => {
    await setLanguage('fr');
    i18next.addResourceBundle('fr', 'text-test', {
      one: 'Bonjour {{persona.firstName}} {{ persona.lastName }}',
      missing: 'Code : {{inbox.otp}}',
      nesting: '$t(text-test:one) !',
      unescaped: 'Nom : {{- persona.lastName}}',
      formatted: 'Le {{persona.birthDate, datetime}}',
      braces: 'Accolades {{ et }} seules',
    });
    const persona = { 'persona.firstName': 'Martine', 'persona.lastName': 'Le Guellec <b>', 'persona.birthDate': '1969-05-14' };
    expect(scenarioText('text-test:one', persona)).toBe('Bonjour Martine Le Guellec <b>');
    for (const key of ['one', 'missing', 'nesting', 'unescaped', 'formatted', 'braces']) {
      expect(scenarioText(`text-test:${key}`, persona), key).toBe(i18nextAnswer(`text-test:${key}`, persona));
    }
    expect(scenarioText('text-test:nope', persona)).toBe(i18nextAnswer('text-test:nope', persona));
    // Plain text written by a trainer is filled the same way, an unknown value left as written.
    expect(scenarioText('Bonjour {{persona.firstName}}, {{persona.unknown}}', persona)).toBe('Bonjour Martine, {{persona.unknown}}');
    i18next.removeResourceBundle('fr', 'text-test');
  });
});
