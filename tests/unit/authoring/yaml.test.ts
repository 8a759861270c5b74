import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportScenario, importScenario, orderLike } from '../../../src/authoring/yaml';
import { ScenarioError } from '../../../src/scenarios/load';
import { scenarioSchema } from '../../../src/scenarios/schema';

/** Every scenario file shipped or kept as a fixture: the round trip must hold for each. */
function scenarioFiles(): string[] {
  const dirs = ['scenarios', 'tests/fixtures', 'tests/fixtures/scenarios'];
  const files: string[] = [];
  for (const dir of dirs) {
    if (!existsSync(dir)) continue;
    for (const name of readdirSync(dir)) if (/\.ya?ml$/.test(name)) files.push(join(dir, name));
  }
  return files;
}

/** Fixture files that are broken on purpose (the loader's own tests) are not scenarios to round-trip. */
function parses(file: string): boolean {
  try {
    importScenario(readFileSync(file, 'utf8'), file);
    return true;
  } catch (error) {
    if (error instanceof ScenarioError && !file.startsWith('scenarios/')) return false;
    throw error;
  }
}

const files = scenarioFiles().filter(parses);

describe('exportScenario / importScenario', () => {
  it('finds the shipped scenarios', () => {
    expect(files).toContain(join('scenarios', 'pas-a-pas.yaml'));
  });

  for (const file of files) {
    it(`round-trips ${file}: parse → export → parse gives the same data`, () => {
      const first = importScenario(readFileSync(file, 'utf8'), file);
      const text = exportScenario(first);
      const second = importScenario(text, `export of ${file}`);
      expect(second).toEqual(first);
    });

    it(`round-trips ${file}: export → parse → export gives the same text`, () => {
      const text = exportScenario(importScenario(readFileSync(file, 'utf8'), file));
      expect(exportScenario(importScenario(text, 'again'))).toBe(text);
    });
  }

  it('writes keys in the schema order, whatever order the data has', () => {
    const scenario = importScenario(readFileSync('scenarios/pas-a-pas.yaml', 'utf8'), 'pas-a-pas.yaml');
    const shuffled = { tutorial: scenario.tutorial, world: scenario.world, title: scenario.title, id: scenario.id, lang: scenario.lang, tags: scenario.tags };
    const text = exportScenario(shuffled as typeof scenario);
    const topKeys = text.split('\n').filter((l) => /^[a-zA-Z$]/.test(l)).map((l) => l.split(':')[0]);
    expect(topKeys).toEqual(['id', 'title', 'lang', 'world', 'tags', 'tutorial']);
    // A step: id first, then journey, screen…, as in the schema.
    const ordered = orderLike(scenarioSchema, { ...scenario, tutorial: { ...scenario.tutorial!, steps: [{ callouts: [], hints: [], target: 'x', journey: 'j', id: 'a' }] } }) as {
      tutorial: { steps: Record<string, unknown>[] };
    };
    expect(Object.keys(ordered.tutorial.steps[0]!)).toEqual(['id', 'journey', 'target', 'callouts', 'hints']);
  });

  it('quotes strings only where YAML needs it', () => {
    const scenario = importScenario(readFileSync('scenarios/pas-a-pas.yaml', 'utf8'), 'pas-a-pas.yaml');
    const text = exportScenario(scenario);
    expect(text).toContain('title: pasapas:title');
    expect(text).toContain('nir: "269054410903857"');
    expect(text).toContain('value: "{{persona.provisionalCode}}"');
    expect(text).toContain('birthDate: 1969-05-12');
  });

  it('keeps the fields of a send event in their order after its type', () => {
    const scenario = importScenario(readFileSync('scenarios/pas-a-pas.yaml', 'utf8'), 'pas-a-pas.yaml');
    const text = exportScenario(scenario);
    expect(text).toMatch(/send:\n\s+type: CHOOSE\n\s+choice: activate/);
  });

  it('reports a broken text with its line', () => {
    expect(() => importScenario('id: x\ntitle: [', 'broken.yaml')).toThrow(/broken\.yaml:\d+:\d+/);
  });
});
