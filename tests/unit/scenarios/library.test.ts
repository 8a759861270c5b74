import { readFileSync, readdirSync } from 'node:fs';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createActor, waitFor } from 'xstate';
import { createApi } from '../../../src/api/client';
import { createHandlers } from '../../../src/backend/handlers';
import { Store } from '../../../src/backend/store';
import {
  checkBirthDate,
  checkEmail,
  checkMobile,
  checkNir,
  checkProvisionalCode,
  checkSerial,
  isoToFr,
  serialToType,
} from '../../../src/domain';
import { loadScenarios } from '../../../src/scenarios/registry';
import type { PersonaData, StepAction } from '../../../src/scenarios/schema';
import { createSiteMachine, screenOf } from '../../../src/site/machine';
import type { SiteEvent } from '../../../src/site/types';
import {
  createTutorialMachine,
  isFinished,
  isWaiting,
  resolveEvent,
  siteOf,
  stepDone,
  type Mode,
  type TutorialActor,
  type TutorialScenario,
  type TutorialSnapshot,
} from '../../../src/tutorial/machine';
import { fillTemplate, inboxValues, personaValues } from '../../../src/tutorial/values';

/**
 * The scenario library: every shipped scenario's tutorial is played from its first step to its last
 * with the real tutorial and site machines over the simulated backend (msw/node), in guided mode (the
 * zone for a step with an action, NEXT otherwise) and in practice mode (the trainee's own intents).
 * Each step must find the site on the screen it names, and its `until` must hold once its action is
 * done, so that practice and evaluation can be completed too.
 */

const { scenarios, issues } = loadScenarios();
const withTutorial = [...scenarios.values()].filter((s): s is TutorialScenario => s.tutorial !== undefined);

/** The library of this issue: one file each, with its own persona (the seed's pas à pas is not one of them). */
const LIBRARY = [
  'opposition-parent-deux-enfants',
  'nouveau-code-enfant',
  'coordonnees-incorrectes',
  'code-expire',
  'compte-deja-active',
  'carte-avec-photo',
  'mauvais-type-de-carte',
  'delai-30-secondes',
  'mot-de-passe-refuse',
] as const;

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const TODAY = new Date('2026-11-26T10:00:00Z');

function tutorialPersona(scenario: TutorialScenario): PersonaData {
  const persona = scenario.world.personas.find((p) => p.id === scenario.tutorial.persona);
  if (!persona) throw new Error(`${scenario.id}: no persona « ${scenario.tutorial.persona} » in world.personas`);
  return persona;
}

function start(scenario: TutorialScenario, mode: Mode) {
  // Each request moves the clock a minute on: the 30-second delay never fires by itself, only by a fault.
  let t = Date.parse('2026-11-26T09:00:00Z');
  const store = new Store(scenario.world, { now: () => new Date((t += 61_000)), seed: 7 });
  server.use(...createHandlers(store));
  const api = createApi('http://library.test');
  const site = createSiteMachine({ api, deliverProof: () => undefined, today: () => TODAY });
  const machine = createTutorialMachine({ site, backend: api, demoDelayMs: 1, typingDelayMs: 0, now: () => (t += 1000) });
  const persona = tutorialPersona(scenario);
  const actor = createActor(machine, { input: { scenario, persona, mode, stepIndex: 0 } });
  actor.start();
  return { actor, api, persona };
}

async function settled(actor: TutorialActor): Promise<TutorialSnapshot> {
  return waitFor(actor, (s) => isFinished(s) || isWaiting(s), { timeout: 10_000 });
}

const screen = (s: TutorialSnapshot) => screenOf(siteOf(s)!.getSnapshot());

/** What the trainee does for a step, as the site's screens would emit it. */
async function intentOf(action: StepAction, persona: PersonaData, api: ReturnType<typeof createApi>): Promise<SiteEvent> {
  const values = { ...personaValues(persona), ...inboxValues(await api.fetchInbox()) };
  if ('fill' in action) {
    const { form, field, value } = action.fill;
    return { type: 'FIELD', form, field, value: fillTemplate(value, values) } as SiteEvent;
  }
  return resolveEvent(action.send, values);
}

describe('the shipped scenarios', () => {
  it('all load, and the library is there', () => {
    expect(issues.map((i) => `${i.file}:${i.line}:${i.column} ${i.path} ${i.message}`)).toEqual([]);
    for (const id of LIBRARY) expect(scenarios.get(id)?.tutorial, id).toBeDefined();
    expect(withTutorial.length).toBeGreaterThanOrEqual(LIBRARY.length + 1);
  });

  describe.each(withTutorial.map((s) => [s.id, s] as const))('%s', (_id, scenario) => {
    it('guided: every step from the first to the last, each on its own screen', { timeout: 30_000 }, async () => {
      const { actor, persona } = start(scenario, 'guided');
      const steps = scenario.tutorial.steps;
      const values = personaValues(persona);
      let snap = await settled(actor);
      const seen: string[] = [];
      for (let guard = 0; guard < steps.length + 5 && !isFinished(snap); guard += 1) {
        expect(snap.context.problem, `${scenario.id} step ${snap.context.stepIndex}`).toBeNull();
        const index = snap.context.stepIndex;
        const step = steps[index]!;
        seen.push(step.id);
        if (step.screen) expect(screen(snap), `${scenario.id} ${step.id}: the site's screen on arrival`).toBe(step.screen);
        actor.send(step.action ? { type: 'ZONE' } : { type: 'NEXT' });
        const site = siteOf(actor.getSnapshot());
        snap = await settled(actor);
        expect(snap.context.problem, `${scenario.id} ${step.id}: ${snap.context.problem}`).toBeNull();
        // The step's own condition holds after its action (the same site: a new journey starts a new one).
        if (step.action && step.until && siteOf(snap) === site) {
          expect(stepDone(step, site!.getSnapshot(), values, true), `${scenario.id} ${step.id}: until ${JSON.stringify(step.until)}`).toBe(true);
        }
        if (!isFinished(snap)) expect(snap.context.stepIndex, `${scenario.id} ${step.id} moved on`).toBe(index + 1);
      }
      expect(isFinished(snap), `${scenario.id} finished`).toBe(true);
      expect(seen).toEqual(steps.map((s) => s.id));
      actor.stop();
    });

    it('practice: the trainee doing each step by hand reaches the end', { timeout: 30_000 }, async () => {
      const { actor, api, persona } = start(scenario, 'practice');
      const steps = scenario.tutorial.steps;
      let snap = await settled(actor);
      const seen: string[] = [];
      for (let guard = 0; guard < steps.length + 5 && !isFinished(snap); guard += 1) {
        const index = snap.context.stepIndex;
        const step = steps[index]!;
        seen.push(step.id);
        if (step.screen) expect(screen(snap), `${scenario.id} ${step.id}: the site's screen on arrival`).toBe(step.screen);
        actor.send(step.action ? { type: 'INTENT', event: await intentOf(step.action, persona, api) } : { type: 'NEXT' });
        snap = await settled(actor);
        expect(snap.context.problem, `${scenario.id} ${step.id}: ${snap.context.problem}`).toBeNull();
        if (!isFinished(snap)) expect(steps[snap.context.stepIndex]?.id, `${scenario.id} ${step.id} is done`).toBe(steps[index + 1]?.id);
      }
      expect(isFinished(snap), `${scenario.id} finished`).toBe(true);
      expect(seen).toEqual(steps.map((s) => s.id));
      const stats = snap.context.stats;
      expect(stats.every((s) => s.wrongClicks === 0), `${scenario.id}: no step counted a wrong click`).toBe(true);
      actor.stop();
    });
  });
});

// ---------------------------------------------------------------------------------------------------
// The library's own rules: files, personas, wording

/** A NIR's sex, year and month are those of the person. */
function nirMatches(persona: PersonaData): boolean {
  const nir = persona.nir.replace(/\s+/g, '');
  const [year = '', month = ''] = persona.birthDate.split('-');
  return nir[0] === (persona.sex === 'M' ? '1' : '2') && nir.slice(1, 3) === year.slice(2) && nir.slice(3, 5) === month;
}

const library = LIBRARY.map((id) => [id, scenarios.get(id) as TutorialScenario] as const);

describe.each(library)('library scenario %s', (id, scenario) => {
  it('is its own file, in French, with the catalogue\'s data', () => {
    expect(scenario, `scenarios/${id}.yaml loaded`).toBeDefined();
    const text = readFileSync(`scenarios/${id}.yaml`, 'utf8');
    expect(text.split('\n')[0]).toBe('# yaml-language-server: $schema=./scenario.schema.json');
    expect(scenario.id).toBe(id);
    expect(scenario.lang).toBe('fr');
    expect(scenario.journey, 'journey').toBeTruthy();
    expect(scenario.level, 'level').toBeTruthy();
    expect(scenario.durationMinutes, 'durationMinutes').toBeGreaterThan(0);
    expect(scenario.description?.length ?? 0, 'description').toBeGreaterThan(40);
    expect(scenario.tags.length, 'tags').toBeGreaterThan(0);
  });

  it('has a valid, fictitious persona of its own', () => {
    const persona = tutorialPersona(scenario);
    const checks: Array<[string, boolean]> = [
      ['nir', checkNir(persona.nir).ok && nirMatches(persona)],
      ['card.serial', checkSerial(serialToType(persona.card.serial, persona.card.type), persona.card.type, persona.nir).ok],
      ['provisionalCode', checkProvisionalCode(persona.provisionalCode).ok],
      ['email', persona.email !== null && checkEmail(persona.email).ok && persona.email.endsWith('@example.fr')],
      ['mobile', persona.mobile !== null && checkMobile(persona.mobile).ok],
      ['birthDate', checkBirthDate(isoToFr(persona.birthDate), TODAY).ok],
    ];
    for (const [path, ok] of checks) if (!persona.expectInvalid.includes(path)) expect(ok, `${id} persona.${path}`).toBe(true);
    for (const child of persona.children) {
      expect(checkProvisionalCode(child.provisionalCode).ok, child.id).toBe(true);
      expect(child.birthDate > '2008-11-26', `${child.id} is a minor`).toBe(true);
    }
    // Nobody else's: no other shipped scenario uses this NIR or this code.
    for (const other of scenarios.values()) {
      if (other.id === id) continue;
      for (const p of other.world.personas) {
        expect(p.nir.replace(/\s+/g, ''), `${id} and ${other.id} share a NIR`).not.toBe(persona.nir.replace(/\s+/g, ''));
        expect(p.provisionalCode, `${id} and ${other.id} share a code`).not.toBe(persona.provisionalCode);
      }
    }
  });

  it('gives a task for each journey played on the site, hints on its tricky steps and notes for the presenter', () => {
    const { journeys, steps } = scenario.tutorial;
    for (const journey of journeys) {
      if (steps.some((s) => s.journey === journey.id && !s.slide)) expect(journey.task, `${id} journey ${journey.id}`).toBeTruthy();
    }
    expect(steps.some((s) => s.slide === 'section' && s.title), 'a section slide with its title').toBe(true);
    expect(steps.filter((s) => s.hints.length >= 2).length, 'steps with two levels of hints').toBeGreaterThanOrEqual(1);
    expect(steps.some((s) => s.notes), 'presenter notes').toBe(true);
    // Plain French text, not keys of another file.
    for (const s of steps) for (const c of s.callouts) expect(c.text, `${id} ${s.id}`).not.toMatch(/^[a-z][a-z0-9-]*:[A-Za-z0-9_.-]+$/);
  });
});

describe('scenario files', () => {
  it('hold each scenario of the library under its own id', () => {
    const files = readdirSync('scenarios').filter((f) => f.endsWith('.yaml'));
    for (const id of LIBRARY) expect(files).toContain(`${id}.yaml`);
  });
});
