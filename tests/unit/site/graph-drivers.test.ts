import { describe, expect, it } from 'vitest';
import type { AnyStateNode } from 'xstate';
import { faultSchema } from '../../../src/scenarios/schema';
import type { ScreenId } from '../../../src/site/types';
import {
  CHECKS,
  DRIVERS,
  NOT_SENT_BY_THE_UI,
  OUTCOMES,
  allNodes,
  formFields,
  graphMachine,
  leafOf,
  leafStateIds,
  looksBusy,
  screenOfNode,
  shortestPaths,
  tr,
  TITLES,
} from '../../e2e/site-graph';

/**
 * The end-to-end graph suite (tests/e2e/graph.e2e.ts) plays the shortest path to every state of the
 * site machine in Chromium. It can only do so if it knows the gesture behind every event and what every
 * state looks like: these tests fail, fast, as soon as the machine gains a state, an event or a request
 * that the suite has not been taught, instead of letting the suite skip it.
 */

/** The event types a state node handles itself (its `on`), without the machine's internal events. */
function ownEventTypes(node: AnyStateNode): string[] {
  return Object.keys(node.config.on ?? {}).filter((type) => !type.startsWith('xstate.'));
}

function invokedIds(node: AnyStateNode): string[] {
  return node.invoke.map((inv) => inv.id);
}

const paths = shortestPaths();
const leaves = leafStateIds();
const allDrivers = Object.values(DRIVERS).flat();

describe('the graph suite knows the whole site machine', () => {
  it('has a check for every state the site can show, and none for a state that is gone', () => {
    expect(leaves.length).toBeGreaterThan(25);
    expect(leaves.filter((id) => !(id in CHECKS))).toEqual([]);
    expect(Object.keys(CHECKS).filter((id) => !leaves.includes(id))).toEqual([]);
  });

  it('reaches every state through gestures the drivers can perform', () => {
    expect(leaves.filter((id) => !paths.has(id))).toEqual([]);
  });

  it('has a driver for every event every screen handles', () => {
    const missing: string[] = [];
    const exempted = new Set<string>();
    for (const node of allNodes()) {
      const screen = screenOfNode(node);
      if (!screen) continue;
      for (const type of ownEventTypes(node)) {
        const key = `${screen} ${type}`;
        if (key in NOT_SENT_BY_THE_UI) {
          exempted.add(key);
          continue;
        }
        if (![...DRIVERS[screen], ...DRIVERS['*']].some((d) => d.event.type === type)) missing.push(key);
      }
    }
    expect(missing).toEqual([]);
    // An exemption for an event the machine no longer handles there would hide nothing: remove it.
    expect(Object.keys(NOT_SENT_BY_THE_UI).filter((key) => !exempted.has(key))).toEqual([]);
  });

  it('has a driver for every event the machine handles on every screen, and a gesture for every field', () => {
    const rootTypes = ownEventTypes(graphMachine.root);
    expect(rootTypes.length).toBeGreaterThan(0);
    expect(rootTypes.filter((type) => !allDrivers.some((d) => d.event.type === type))).toEqual([]);
    const filled = new Set(allDrivers.flatMap((d) => (d.event.type === 'FIELD' ? [`${d.event.form}.${d.event.field}`] : [])));
    expect(formFields().filter((f) => !filled.has(f))).toEqual([]);
  });

  it('sends no event that its screen does not handle', () => {
    const handled = new Map<ScreenId, Set<string>>();
    for (const node of allNodes()) {
      const screen = screenOfNode(node);
      if (!screen) continue;
      const set = handled.get(screen) ?? new Set<string>();
      for (const type of ownEventTypes(node)) set.add(type);
      handled.set(screen, set);
    }
    const rootTypes = new Set(ownEventTypes(graphMachine.root));
    const useless = Object.entries(DRIVERS).flatMap(([screen, drivers]) =>
      drivers
        .filter((d) => !rootTypes.has(d.event.type) && (screen === '*' || !handled.get(screen as ScreenId)?.has(d.event.type)))
        .map((d) => `${screen} ${d.event.type}`),
    );
    expect(useless).toEqual([]);
  });

  it('answers every request the machine makes, and can provoke each refusal it uses in the real backend', () => {
    const invoked = [...new Set(allNodes().flatMap(invokedIds))].sort();
    expect(invoked.length).toBeGreaterThan(5);
    expect(Object.keys(OUTCOMES).sort()).toEqual(invoked);
    const armable = faultSchema.shape.error.options as readonly string[];
    for (const [id, outcome] of Object.entries(OUTCOMES)) {
      expect(outcome.failures.length, id).toBeGreaterThan(0);
      expect(outcome.failures.filter((code) => code !== 'SERVER_ERROR' && !armable.includes(code)), id).toEqual([]);
    }
  });

  it('has a French title for every screen, and checks agree with the machine on what is busy', () => {
    for (const path of paths.values()) {
      for (const step of path.steps) {
        const leaf = leafOf(step.state);
        const look = CHECKS[leaf];
        expect(look, leaf).toBeDefined();
        expect(looksBusy(look!), `${leaf} busy`).toBe(step.state.context.busy);
        const screen = screenOfNode(graphMachine.getStateNodeById(leaf))!;
        expect(TITLES[screen](step.state.context)).not.toBe('');
      }
    }
    expect(() => tr('common:nothing-here')).toThrow();
  });
});
