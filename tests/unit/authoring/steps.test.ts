import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { importScenario } from '../../../src/authoring/yaml';
import { fieldOfHotspot, withoutBlankCallouts, makeStep, moveItem, sendAction, suggestValue, uniqueStepId, valueOfHotspot } from '../../../src/authoring/steps';
import { stepSchema } from '../../../src/scenarios/schema';

describe('authoring rules', () => {
  it('maps the zones of a form to their field', () => {
    expect(fieldOfHotspot('identify', 'nir')).toEqual({ form: 'identify', field: 'nir' });
    expect(fieldOfHotspot('newCode', 'birth-date')).toEqual({ form: 'newCode', field: 'birthDate' });
    expect(fieldOfHotspot('identify', 'card-avec-photo')).toEqual({ form: 'identify', field: 'cardType' });
    expect(valueOfHotspot('card-avec-photo')).toBe('avec-photo');
    expect(fieldOfHotspot('verifyContact', 'otp')).toEqual({ form: 'contact', field: 'otp' });
    expect(fieldOfHotspot('identify', 'submit')).toBeNull();
    expect(fieldOfHotspot('home', 'activate-space')).toBeNull();
  });

  it('proposes the persona placeholder for a typed value, the formatted one first', () => {
    const values = { 'persona.nir': '269054410903857', 'persona.nirFormatted': '2 69 05 44 109 038 57', 'persona.firstName': 'Martine' };
    expect(suggestValue('2 69 05 44 109 038 57', values)).toBe('{{persona.nirFormatted}}');
    expect(suggestValue('269054410903857', values)).toBe('{{persona.nirFormatted}}');
    expect(suggestValue('martine', values)).toBe('{{persona.firstName}}');
    expect(suggestValue('mleguellec69', values)).toBe('mleguellec69');
    expect(suggestValue('', values)).toBe('');
  });

  it('makes unique ids that the schema accepts', () => {
    expect(uniqueStepId('confirmOpposition', 'choice-activate', [])).toBe('confirm-opposition-choice-activate');
    expect(uniqueStepId('home', 'activate-space', ['home-activate-space', 'home-activate-space-2'])).toBe('home-activate-space-3');
    expect(stepSchema.safeParse({ id: uniqueStepId('newCode', 'birth-date', []), journey: 'j' }).success).toBe(true);
  });

  it('moves an item up and down, not past the ends', () => {
    expect(moveItem(['a', 'b', 'c'], 2, -1)).toEqual(['a', 'c', 'b']);
    expect(moveItem(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c']);
    expect(moveItem(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c']);
    expect(moveItem(['a', 'b', 'c'], 2, 1)).toEqual(['a', 'b', 'c']);
  });

  it('builds steps the schema accepts, with until only when the screen changed', () => {
    const moved = makeStep({ id: 'home-activate-space', journey: 'j', screen: 'home', target: 'activate-space', action: sendAction({ type: 'ACTIVATE_SPACE' }), screenAfter: 'start' });
    expect(moved.until).toEqual({ screen: 'start' });
    expect(stepSchema.parse(moved)).toEqual(moved);
    const stayed = makeStep({ id: 'decision-cgu', journey: 'j', screen: 'decision', target: 'cgu', action: sendAction({ type: 'TOGGLE_CGU', checked: true }), screenAfter: 'decision' });
    expect(stayed.until).toBeUndefined();
    expect(stayed.action).toEqual({ send: { type: 'TOGGLE_CGU', checked: true } });
  });

  it('leaves out the callouts left empty, and nothing else', () => {
    const scenario = importScenario(readFileSync('scenarios/pas-a-pas.yaml', 'utf8'), 'pas-a-pas.yaml');
    expect(withoutBlankCallouts(scenario)).toBe(scenario);
    const step = makeStep({ id: 'a', journey: 'intro', screen: 'home', target: 'x' });
    step.callouts = [{ text: ' ', kind: 'step' }, { text: 'Écrit', kind: 'note' }];
    const draft = { ...scenario, tutorial: { ...scenario.tutorial!, steps: [step] } };
    expect(withoutBlankCallouts(draft).tutorial!.steps[0]!.callouts).toEqual([{ text: 'Écrit', kind: 'note' }]);
  });
});
