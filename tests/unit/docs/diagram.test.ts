import { describe, expect, it } from 'vitest';
import { describeMachine, renderSvg, stateIds } from '../../../src/docs/diagram';
import { documentedMachines } from '../../../src/docs/machines';

/** Every state id the machine itself knows, read from its own idMap-like walk of StateNode.states. */
function machineIds(node: { id: string; states: Record<string, unknown> }): string[] {
  return [node.id, ...Object.values(node.states).flatMap((n) => machineIds(n as typeof node))];
}

describe('statechart diagrams', () => {
  const machines = documentedMachines();

  it('documents both machines', () => {
    expect(machines.map((m) => m.file)).toEqual(['site-machine.svg', 'tutorial-machine.svg']);
  });

  for (const { file, title, machine } of machines) {
    it(`${file} draws a box for every state of the machine`, () => {
      const svg = renderSvg(describeMachine(machine), title);
      const ids = machineIds(machine.root as never);
      expect(ids.length).toBeGreaterThan(5);
      expect(stateIds(describeMachine(machine)).sort()).toEqual([...ids].sort());
      for (const id of ids) expect(svg).toContain(`data-state="${id}"`);
      expect(svg.startsWith('<svg')).toBe(true);
    });
  }

  it('labels arrows with their events and notes transitions to ancestors inside the box', () => {
    const tutorial = machines.find((m) => m.file === 'tutorial-machine.svg')!;
    const svg = renderSvg(describeMachine(tutorial.machine), tutorial.title);
    expect(svg).toContain('>ZONE [isGuidedLike]<');
    expect(svg).toContain('>after demoDelay [isDemoPlaying]<');
    expect(svg).toContain('GOTO → session');
    const site = machines.find((m) => m.file === 'site-machine.svg')!;
    const tree = describeMachine(site.machine);
    const screens = tree.children.find((c) => c.key === 'screens')!;
    expect(screens.initial).toBe('home');
    expect(screens.children.find((c) => c.key === 'start')!.transitions.some((t) => t.event === 'BEGIN' && t.targets[0] === 'site.screens.identify')).toBe(true);
  });
});
