import type { AnyActorRef, InspectionEvent, StateValue } from 'xstate';

/**
 * The trainer's and developer's look inside the machines, offline: the current state of the tutorial
 * machine and of its site child, and the last events they received, collected through xstate's
 * `inspect` option. With `?inspect` in the address, the panel also offers Stately's online inspector
 * (see online-inspector.ts), never opened without the trainer's click. The panel itself
 * (inspector-panel.ts) is loaded when it is first opened; what it shows is collected from the start.
 */

/** Dotted paths of a state value: `session.step.waiting` (several for parallel states). */
export function statePaths(value: StateValue): string[] {
  if (typeof value === 'string') return [value];
  return Object.entries(value).flatMap(([key, child]) => (child === undefined ? [key] : statePaths(child as StateValue).map((p) => `${key}.${p}`)));
}

export interface InspectedEvent {
  /** Which machine received it: `tutorial`, `site`, or the id of another actor. */
  actor: string;
  type: string;
  at: number;
}

export const MAX_EVENTS = 20;

/** Collects what the panel shows; pass `inspector.inspect` as createActor's `inspect` option. */
export class MachineInspector {
  tutorialPath = '';
  sitePath = '';
  /** The last events, most recent first. */
  events: InspectedEvent[] = [];
  private readonly listeners = new Set<() => void>();

  constructor(private readonly now: () => number = () => Date.now()) {}

  private nameOf(ref: AnyActorRef | undefined, rootId: string): string {
    if (!ref) return '?';
    if (ref.sessionId === rootId) return 'tutorial';
    return ref.id;
  }

  readonly inspect = (event: InspectionEvent): void => {
    const ref = event.actorRef as AnyActorRef;
    const name = this.nameOf(ref, event.rootId);
    if (event.type === '@xstate.snapshot') {
      const value = (event.snapshot as { value?: StateValue }).value;
      if (value === undefined) return;
      if (name === 'tutorial') this.tutorialPath = statePaths(value).join(' | ');
      else if (name === 'site') this.sitePath = statePaths(value).join(' | ');
      else return;
      this.changed();
    } else if (event.type === '@xstate.event') {
      // Only the two machines' events: the promise actors' own start events say nothing more.
      if (name !== 'tutorial' && name !== 'site') return;
      this.events = [{ actor: name, type: event.event.type, at: this.now() }, ...this.events].slice(0, MAX_EVENTS);
      this.changed();
    }
  };

  /** A new tutorial actor (the player restarted): its site child is a new one too. */
  reset(): void {
    this.tutorialPath = '';
    this.sitePath = '';
    this.changed();
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private changed(): void {
    for (const listener of this.listeners) listener();
  }
}

/** Whether the page asked for Stately's online inspector (`?inspect`). */
export function onlineInspectorRequested(search: string = location.search): boolean {
  return new URLSearchParams(search).has('inspect');
}
