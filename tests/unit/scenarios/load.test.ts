import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseScenario, ScenarioError } from '../../../src/scenarios/load';

const seed = readFileSync('scenarios/pas-a-pas.yaml', 'utf8');

function issuesOf(text: string) {
  try {
    parseScenario(text, 'x.yaml');
  } catch (e) {
    if (e instanceof ScenarioError) return e.issues;
    throw e;
  }
  throw new Error('expected a ScenarioError');
}

describe('parseScenario', () => {
  it('loads the default scenario with its persona and children', () => {
    const s = parseScenario(seed, 'pas-a-pas.yaml');
    const martine = s.world.personas[0];
    expect(martine?.lastName).toBe('LEGUELLEC');
    expect(martine?.children.map((c) => c.firstName)).toEqual(['Lucas', 'Chloé']);
    expect(s.world.ruleSet).toBe('seed-2021');
  });

  it('names the file, line, column and path of a bad value', () => {
    const bad = seed.replace('type: sans-photo', 'type: hologramme');
    const [issue] = issuesOf(bad);
    expect(issue?.path).toBe('world.personas[0].card.type');
    expect(issue?.file).toBe('x.yaml');
    const line = bad.split('\n').findIndex((l) => l.includes('hologramme')) + 1;
    expect(issue?.line).toBe(line);
    expect(issue?.message).toContain('valeurs possibles');
  });

  it('reports a missing key at its parent with a French message', () => {
    const bad = seed.replace(/\n\s+lastName: LEGUELLEC\n(\s+sex)/, '\n$1');
    const issues = issuesOf(bad);
    expect(issues.some((i) => i.path === 'world.personas[0].lastName' && i.message.includes('obligatoire'))).toBe(true);
  });

  it('reports YAML syntax errors with their line', () => {
    const [issue] = issuesOf('id: x\ntitle: [unclosed\n');
    expect(issue?.message).toMatch(/^YAML invalide/);
    expect(issue?.line).toBeGreaterThanOrEqual(2);
  });

  it('formats each issue as one line file:line:column  path  message', () => {
    try {
      parseScenario(seed.replace('id: pas-a-pas', 'id: Pas A Pas'), 'f.yaml');
    } catch (e) {
      expect(String((e as Error).message)).toMatch(/^f\.yaml:\d+:\d+ {2}id {2}/);
      return;
    }
    throw new Error('expected an error');
  });
});
