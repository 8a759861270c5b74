import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { changedScenarios, checkScenarioText } from '../../../src/scenarios/live';

const text = readFileSync('scenarios/pas-a-pas.yaml', 'utf8');
const path = '../../scenarios/pas-a-pas.yaml';

describe('live reload of scenario files', () => {
  it('reports only the files whose text changed, parsed', () => {
    const edited = text.replace('- { n: 2, text: pasapas:steps.s3.c2, target: nir }', '- { n: 2, text: "Nouveau texte", target: nir }');
    expect(edited).not.toBe(text);
    expect(changedScenarios({ [path]: text }, { [path]: text })).toEqual([]);
    const [update, ...rest] = changedScenarios({ [path]: text }, { [path]: edited });
    expect(rest).toEqual([]);
    expect(update!.file).toBe('scenarios/pas-a-pas.yaml');
    expect(update!.previousId).toBe('pas-a-pas');
    expect(update!.issues).toEqual([]);
    const step = update!.scenario!.tutorial!.steps.find((s) => s.id === 's3-nir')!;
    expect(step.callouts[0]!.text).toBe('Nouveau texte');
  });

  it("gives an invalid edit's messages, and whose scenario it was", () => {
    const broken = text.replace('- id: s3-nir', '- id: S3 NIR');
    const [update] = changedScenarios({ [path]: text }, { [path]: broken });
    expect(update!.scenario).toBeNull();
    expect(update!.previousId).toBe('pas-a-pas');
    expect(update!.issues.map((i) => i.path)).toContain('tutorial.steps[9].id');
    expect(checkScenarioText('id: [', 'scenarios/x.yaml').issues[0]!.message).toMatch(/^YAML invalide/);
  });
});
