import type { ActorRefFrom } from 'xstate';
import type { PersonaData, Step } from '../scenarios/schema';
import type { SiteMachine, SiteSnapshot } from '../site/machine';
import type { TutorialSnapshot } from './machine';
import { fillTemplate, personaValues } from './values';

/**
 * What the player reads of the tutorial machine to draw it: the modes, the kind of a step, its target,
 * and predicates on snapshots. Kept apart from ./machine (which re-exports them) so that the player's
 * first chunk has no statechart code: xstate and the site machine come with its session (./session-kit).
 */
export type Mode = 'demo' | 'guided' | 'practice' | 'evaluation';
export const MODES: readonly Mode[] = ['demo', 'guided', 'practice', 'evaluation'];

export function isSiteStep(step: Step | undefined): boolean {
  return Boolean(step && !step.slide);
}

/** The step's target hotspot, with its placeholders filled (e.g. "card-{{persona.card.type}}"). */
export function targetOf(step: Step | undefined, persona: PersonaData): string | null {
  return step?.target ? fillTemplate(step.target, personaValues(persona)) : null;
}

/** The site child of a tutorial snapshot. */
export function siteOf(snapshot: TutorialSnapshot): ActorRefFrom<SiteMachine> | undefined {
  return snapshot.children.site as ActorRefFrom<SiteMachine> | undefined;
}

export const isFinished = (s: TutorialSnapshot): boolean => s.matches({ session: 'finished' });
/** The tutorial waits for the trainee (nothing is being prepared or played). */
export const isWaiting = (s: TutorialSnapshot): boolean => s.matches({ session: { step: 'waiting' } });
/** The tutorial plays the step's action on the site (guided after the zone, or the demonstration). */
export const isPerforming = (s: TutorialSnapshot): boolean => s.matches({ session: { step: 'performing' } });
/** The site has answered: no request in flight, nothing being worked out (what the session waits for). */
export const isSiteIdle = (s: SiteSnapshot): boolean => Object.keys(s.children).length === 0 && !s.context.busy;
