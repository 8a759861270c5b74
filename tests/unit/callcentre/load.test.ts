import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCallScenario } from '../../../src/callcentre/load';
import { loadCalls, loadShippedCalls } from '../../../src/callcentre/registry';
import { ScenarioError, type ScenarioIssue } from '../../../src/scenarios/load';

const text = readFileSync('scenarios/calls/06-type-de-carte.yaml', 'utf8');

function issuesOf(source: string): ScenarioIssue[] {
  try {
    parseCallScenario(source, 'x.yaml');
  } catch (e) {
    if (e instanceof ScenarioError) return e.issues;
    throw e;
  }
  throw new Error('expected a ScenarioError');
}

const lineOf = (source: string, needle: string) => source.split('\n').findIndex((l) => l.includes(needle)) + 1;

describe('call files', () => {
  it('load with the app’s scenario fields and the call block', () => {
    const call = parseCallScenario(text, 'x.yaml');
    expect(call.world.personas[0]?.lastName).toBe('MARCHAND');
    expect(call.call.diagnosis.explanations.filter((e) => e.correct)).toHaveLength(1);
    expect(call.call.diagnosis.questions.every((q) => q.useful)).toBe(true);
  });

  it('place a bad value of the call block at its line, with its path', () => {
    const bad = text.replace('journey: opposition', 'journey: autre');
    const [issue] = issuesOf(bad);
    expect(issue).toMatchObject({ file: 'x.yaml', path: 'call.journey', line: lineOf(bad, 'journey: autre') });
    expect(issue?.message).toContain('valeurs possibles');
  });

  it('refuse an unknown key inside the call block, and a world error still comes from the app’s reader', () => {
    const bad = text.replace('  keySentence:', '  keySentance: x\n  keySentence:').replace('type: avec-photo', 'type: hologramme');
    const issues = issuesOf(bad);
    expect(issues.map((i) => i.path)).toEqual(expect.arrayContaining(['call.keySentance', 'world.personas[0].card.type']));
    expect(issues.find((i) => i.path === 'call.keySentance')?.message).toContain('clé inconnue');
    expect(issues.find((i) => i.path === 'call.keySentance')?.line).toBe(lineOf(bad, 'keySentance'));
    expect(issues.some((i) => i.message.includes('call') && i.path === '')).toBe(false);
  });

  it('need a correct explanation and a caller who exists', () => {
    const noRight = text.replace('        correct: true\n', '');
    expect(issuesOf(noRight).map((i) => i.message)).toContain('au moins une explication doit être correcte');
    const nobody = text.replace('persona: lucie', 'persona: personne');
    const issue = issuesOf(nobody).find((i) => i.path === 'call.brief.persona');
    expect(issue?.message).toContain('personne');
    expect(issue?.line).toBe(lineOf(nobody, 'persona: personne'));
  });

  it('a goal must say what to check', () => {
    const empty = text.replace('  goal:\n    opposed: true', '  goal: {}');
    expect(issuesOf(empty).some((i) => i.path === 'call.goal')).toBe(true);
  });

  it('the registry keeps the good files and reports the others', () => {
    const { calls, issues } = loadCalls({ '/a/06.yaml': text, '/a/bad.yaml': text.replace('id: appel-type-de-carte', 'id: Pas Bon'), '/a/dup.yaml': text });
    expect(calls.map((c) => c.id)).toEqual(['appel-type-de-carte']);
    expect(issues.map((i) => i.file)).toEqual(expect.arrayContaining(['scenarios/calls/bad.yaml', 'scenarios/calls/dup.yaml']));
  });

  it('the shipped registry loads every file of scenarios/calls without an issue', async () => {
    const { calls, issues } = await loadShippedCalls();
    expect(issues).toEqual([]);
    expect(calls.length).toBeGreaterThanOrEqual(15);
  });
});
