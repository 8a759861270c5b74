import { z } from 'zod/mini';
import { scenarioSchema, stepActionSchema } from '../scenarios/schema';
import { SCREEN_IDS } from '../site/types';

/**
 * A rehearsal call of the 3422 line: the app's scenario (its world: personas, faults, rule set) plus a
 * `call` block that says who calls, what they say, what their screen shows, how to diagnose it, what
 * the right way through is, and what must be true at the end on the real simulated backend.
 *
 * Call scenarios are French-only: their texts are plain French, not i18n keys (the agents of the 3422
 * line work in French, and so do the callers they rehearse). Only the screens' own strings are
 * translated, in locales/<lang>/calls.json.
 */

/** Every screen of the site machine, for the guide's `screen` and the goal's `screen`. */
export { SCREEN_IDS };

const screenId = z.enum(SCREEN_IDS);
const slug = z.string().check(z.regex(/^[a-z0-9-]+$/, { message: 'identifiant attendu : minuscules, chiffres et tirets' }));
/** A non-empty text (`text()`; zod/mini, as src/scenarios/schema.ts says). */
const text = () => z.string().check(z.minLength(1));

/** What the caller has in front of them while calling. */
export const AT_HAND_KINDS = ['letter', 'email', 'sms', 'card-sans-photo', 'card-avec-photo', 'phone', 'computer', 'other'] as const;

export const atHandSchema = z.object({
  kind: z.enum(AT_HAND_KINDS),
  /** What the item says or looks like, in the caller's situation (« courrier daté du 3 octobre »). */
  text: z.optional(text()),
});

export const briefSchema = z.object({
  /** Who calls: a persona of the world (whose documents and screen it is). */
  persona: text(),
  /** How the caller introduces themselves (« Mme Martine LEGUELLEC », « Le fils de M. ROUX »). */
  caller: text(),
  /** What they say when the agent picks up, in their own words. */
  words: text(),
  atHand: z.array(atHandSchema).check(z.minLength(1)),
});

export const questionSchema = z.object({
  id: slug,
  /** What the agent asks. */
  ask: text(),
  /** What the caller answers: it reveals a fact of their situation. */
  answer: text(),
  /** False for a question that does not help here (costs a few points, the debrief says why). */
  useful: z._default(z.boolean(), true),
});

export const explanationSchema = z.object({
  id: slug,
  text: text(),
  correct: z._default(z.boolean(), false),
  /** Why it is right or wrong, shown at once and in the debrief. */
  feedback: text(),
});

/** The right way through the caller's screen, one block per screen in the order they come. */
export const guideStepSchema = z.object({
  screen: screenId,
  do: z.array(stepActionSchema).check(z.minLength(1)),
});

/**
 * What must be true at the end, checked after each settled event: on the real backend state (the
 * Store: statuses, contacts, justificatif, messages sent) and, for goals the backend cannot see (the
 * caller reached the login page), on the site's snapshot.
 */
export const goalSchema = z
  .object({
    /** Whose state: the brief's persona when absent. */
    persona: z.optional(text()),
    /** One of the persona's children, whose status is checked instead. */
    child: z.optional(text()),
    status: z.optional(z.enum(['pending', 'activated', 'opposed'])),
    /** The brief's wording for `status: opposed`. */
    opposed: z.optional(z.boolean()),
    /** The justificatif d'opposition was downloaded. */
    proofDownloaded: z.optional(z.boolean()),
    /** A message of this kind reached the caller's inbox or phone during the call. */
    inbox: z.optional(z.enum(['newCode', 'otp'])),
    /** The contact details on file, as the service stores them. */
    contact: z.optional(
      z
        .object({ email: z.optional(text()), mobile: z.optional(text()) })
        .check(z.refine((c) => c.email !== undefined || c.mobile !== undefined, { message: 'indiquer email ou mobile' })),
    ),
    /** The caller's screen. */
    screen: z.optional(screenId),
    /** With `screen: notCovered`: which uncovered page (login, discover…). */
    notCovered: z.optional(z.enum(['login', 'discover', 'otherProfile', 'help', 'cgu', 'privacy'])),
  })
  .check(
    z.refine(
      (g) =>
        g.status !== undefined ||
        g.opposed !== undefined ||
        g.proofDownloaded !== undefined ||
        g.inbox !== undefined ||
        g.contact !== undefined ||
        g.screen !== undefined,
      { message: 'le but doit dire au moins une chose à vérifier (status, opposed, proofDownloaded, inbox, contact, screen)' },
    ),
  );

export const callSchema = z.object({
  /** Which of the service's journeys the call is about, for the catalogue's filter. */
  journey: z.enum(['activation', 'opposition', 'nouveau-code', 'coordonnees', 'securite']),
  brief: briefSchema,
  /** Played at load on a fresh world, so the caller's screen is where the caller is. */
  setup: z._default(z.array(stepActionSchema), []),
  diagnosis: z.object({
    questions: z.array(questionSchema).check(z.minLength(1)),
    explanations: z
      .array(explanationSchema)
      .check(
        z.minLength(2),
        z.refine((list) => list.some((e) => e.correct), { message: 'au moins une explication doit être correcte' }),
        z.refine((list) => list.some((e) => !e.correct), { message: 'au moins une explication doit être fausse' }),
      ),
  }),
  guide: z.array(guideStepSchema).check(z.minLength(1)),
  goal: goalSchema,
  /** The sentence the agent should say to the caller. */
  keySentence: text(),
  /** For the trainer: the rules chosen where DESIGN.md is silent, and how the situation is simulated. */
  notes: text(),
});

export const callScenarioSchema = z.extend(scenarioSchema, { call: callSchema }).check(
  z.superRefine((scenario, ctx) => {
    const { call, world } = scenario;
    const persona = world.personas.find((p) => p.id === call.brief.persona);
    if (!persona) {
      ctx.addIssue({
        code: 'custom',
        path: ['call', 'brief', 'persona'],
        message: `aucune persona « ${call.brief.persona} » dans world.personas`,
      });
    }
    const goalPersonaId = call.goal.persona ?? call.brief.persona;
    const goalPersona = world.personas.find((p) => p.id === goalPersonaId);
    if (call.goal.persona !== undefined && !goalPersona) {
      ctx.addIssue({ code: 'custom', path: ['call', 'goal', 'persona'], message: `aucune persona « ${call.goal.persona} »` });
    }
    if (call.goal.child !== undefined && goalPersona && !goalPersona.children.some((c) => c.id === call.goal.child)) {
      ctx.addIssue({ code: 'custom', path: ['call', 'goal', 'child'], message: `aucun enfant « ${call.goal.child} » pour ${goalPersonaId}` });
    }
    const unique = (ids: string[], path: (string | number)[], what: string) => {
      ids.forEach((id, i) => {
        if (ids.indexOf(id) !== i) ctx.addIssue({ code: 'custom', path: [...path, i, 'id'], message: `${what} « ${id} » en double` });
      });
    };
    unique(call.diagnosis.questions.map((q) => q.id), ['call', 'diagnosis', 'questions'], 'question');
    unique(call.diagnosis.explanations.map((e) => e.id), ['call', 'diagnosis', 'explanations'], 'explication');
  }),
);

export type AtHand = z.infer<typeof atHandSchema>;
export type CallBrief = z.infer<typeof briefSchema>;
export type CallQuestion = z.infer<typeof questionSchema>;
export type CallExplanation = z.infer<typeof explanationSchema>;
export type GuideStep = z.infer<typeof guideStepSchema>;
export type CallGoal = z.infer<typeof goalSchema>;
export type Call = z.infer<typeof callSchema>;
export type CallScenario = z.infer<typeof callScenarioSchema>;
export type CallJourney = Call['journey'];
export const CALL_JOURNEYS: readonly CallJourney[] = callSchema.shape.journey.options;
