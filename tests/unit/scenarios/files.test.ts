import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isScenarioTextKey, siteGraph } from '../../../src/scenarios/check';
import { isTextKey } from '../../../src/tutorial/text';
import { CALL_SCHEMA_FILE, generatedFiles, readSource, SCHEMA_FILE } from '../../../scripts/scenarios-cli';
import { scenarioFiles } from '../../../scripts/scenarios-env';

/** The JSON Schema for editors, and the line that points every scenario file at it. */

describe('scenarios/scenario.schema.json', () => {
  const committed = readFileSync(SCHEMA_FILE, 'utf8');

  it('is the one generated from the zod schema (npm run scenarios:schema)', () => {
    expect(committed).toBe(generatedFiles()[SCHEMA_FILE]);
  });

  it('refuses unknown keys and requires what the app requires', () => {
    const schema = JSON.parse(committed) as {
      additionalProperties?: boolean;
      required?: string[];
      properties: { tutorial: { properties: { steps: { items: { additionalProperties?: boolean; required?: string[] } } } } };
    };
    expect(schema.additionalProperties).toBe(false);
    expect(schema.required).toEqual(expect.arrayContaining(['id', 'title', 'world']));
    const step = schema.properties.tutorial.properties.steps.items;
    expect(step.additionalProperties).toBe(false);
    expect(step.required).toEqual(expect.arrayContaining(['id', 'journey']));
  });

  it("offers the site machine's screens and events, which zod only knows as strings", () => {
    const schema = JSON.parse(committed) as {
      properties: { tutorial: { properties: { steps: { items: { properties: Record<string, { enum?: string[]; anyOf?: Array<{ properties: Record<string, { properties: Record<string, { enum?: string[] }> }> }>; properties?: Record<string, { enum?: string[] }> }> } } } } };
    };
    const step = schema.properties.tutorial.properties.steps.items.properties;
    expect(step.screen?.enum).toEqual([...siteGraph().screens]);
    expect(step.until?.properties?.screen?.enum).toEqual([...siteGraph().screens]);
    expect(step.action?.anyOf?.[1]?.properties.send?.properties.type?.enum).toEqual(expect.arrayContaining(['ACTIVATE_SPACE', 'SUBMIT', 'CHOOSE']));
  });

  it('has its twin for the call centre, with the `call` block', () => {
    const text = readFileSync(CALL_SCHEMA_FILE, 'utf8');
    expect(text).toBe(generatedFiles()[CALL_SCHEMA_FILE]);
    expect(Object.keys((JSON.parse(text) as { properties: object }).properties)).toContain('call');
  });

  it.each(scenarioFiles())('%s names it on its first line, for the YAML language server', (file) => {
    const depth = file.split('/').length - 2;
    const relative = depth === 0 ? './' : '../'.repeat(depth);
    const text = readFileSync(file, 'utf8');
    const schema = readSource(file).schema ? 'call' : 'scenario';
    expect(text.split('\n')[0]).toBe(`# yaml-language-server: $schema=${relative}${schema}.schema.json`);
  });
});

describe('text keys', () => {
  it('are recognised as the player recognises them (src/tutorial/text.ts)', () => {
    const samples = ['pasapas:title', 'pasapas:steps.s1.c1', 'a-b:c_d-e.F', 'Bonjour', 'Note : voir ici', 'pasapas:', ':x', 'Pasapas:x', 'x:y z', 'http://example.fr', 'pasapas:steps.s1.c1 '];
    for (const text of samples) expect(isScenarioTextKey(text), text).toBe(isTextKey(text));
  });
});
