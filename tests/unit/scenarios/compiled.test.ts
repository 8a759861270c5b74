import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { compileShippedScenarios } from '../../../scripts/scenarios-compile';
import { nodeCheckEnvironment } from '../../../scripts/scenarios-env';
import { loadScenarios } from '../../../src/scenarios/registry';

/**
 * What a build gives the views (site, editor, presenter, catalogue: src/scenarios/checked.ts, through
 * scripts/vite-scenarios.mjs) is what the registry gives in the dev server and the tests: the same
 * scenarios, and the same issues in each language.
 */

const env = nodeCheckEnvironment();
const english = { ...env, t: nodeCheckEnvironment(undefined, 'en').t };
const read = (file: string) => readFileSync(file, 'utf8');

describe('the scenarios checked at build time', () => {
  it('are the registry’s, and survive their trip through JSON', () => {
    const compiled = compileShippedScenarios(process.cwd());
    const { scenarios, issues } = loadScenarios();
    expect(compiled.issues).toEqual(issues);
    expect(Object.keys(compiled.scenarios).sort()).toEqual([...scenarios.keys()].sort());
    for (const [id, scenario] of scenarios) {
      expect(JSON.parse(JSON.stringify(compiled.scenarios[id]))).toEqual(scenario);
    }
  });

  describe('with a file that has errors', () => {
    const root = mkdtempSync(join(tmpdir(), 'compiled-'));
    afterAll(() => rmSync(root, { recursive: true, force: true }));
    mkdirSync(join(root, 'scenarios'));
    symlinkSync(resolve('locales'), join(root, 'locales'));
    const sources = {
      'faute.yaml': read('tests/fixtures/scenarios/bad/hotspot-typo.yaml'),
      'bon.yaml': read('tests/fixtures/scenarios/good/minimal.yaml').replace('id: fixture', 'id: fixture-app'),
    };
    for (const [file, text] of Object.entries(sources)) writeFileSync(join(root, 'scenarios', file), text);

    it('leaves it out, and says why in each language as the registry does', () => {
      const compiled = compileShippedScenarios(root);
      expect(Object.keys(compiled.scenarios)).toEqual(['fixture-app']);
      const french = loadScenarios(sources, env).issues;
      expect(french).toHaveLength(1);
      expect(compiled.issuesByLang.fr).toEqual(french);
      expect(compiled.issuesByLang.en).toEqual(loadScenarios(sources, english).issues);
      expect(compiled.issuesByLang.en).not.toEqual(french);
    });
  });
});
