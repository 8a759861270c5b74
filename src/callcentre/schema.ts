import { z } from 'zod';
import { scenarioSchema, stepActionSchema } from '../scenarios/schema';
import type { ScreenId } from '../site/types';

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
export const SCREEN_IDS = [
  'home',
  'start',
  'identify',
  'decision',
  'confirmOpposition',
  'opposed',
  'contacts',
  'editContact',
  'verifyContact',
  'credentials',
  'activated',
  'newCode',
  'delivery',
  'codeSent',
  'blocked',
  'notCovered',
] as const satisfies readonly ScreenId[];

const screenId = z.enum(SCREEN_IDS);
const slug = z.string().regex(/^[a-z0-9-]+$/, { message: 'identifiant attendu : minuscules, chiffres et tirets' });

/** What the caller has in front of them while calling. */
export const AT_HAND_KINDS = ['letter', 'email', 'sms', 'card-sans-photo', 'card-avec-photo', 'phone', 'computer', 'other'] as const;

export const atHandSchema = z.object({
  kind: z.enum(AT_HAND_KINDS),
  /** What the item says or looks like, in the caller's situation (« courrier daté du 3 octobre »). */
  text: z.string().min(1).optional(),
});

export const briefSchema = z.object({
  /** Who calls: a persona of the world (whose documents and screen it is). */
  persona: z.string().min(1),
  /** How the caller introduces themselves (« Mme Martine LEGUELLEC », « Le fils de M. ROUX »). */
  caller: z.string().min(1),
  /** What they say when the agent picks up, in their own words. */
  words: z.string().min(1),
  atHand: z.array(atHandSchema).min(1),
});

export const questionSchema = z.object({
  id: slug,
  /** What the agent asks. */
  ask: z.string().min(1),
  /** What the caller answers: it reveals a fact of their situation. */
  answer: z.string().min(1),
  /** False for a question that does not help here (costs a few points, the debrief says why). */
  useful: z.boolean().default(true),
});

export const explanationSchema = z.object({
  id: slug,
  text: z.string().min(1),
  correct: z.boolean().default(false),
  /** Why it is right or wrong, shown at once and in the debrief. */
  feedback: z.string().min(1),
});

/** The right way through the caller's screen, one block per screen in the order they come. */
export const guideStepSchema = z.object({
  screen: screenId,
  do: z.array(stepActionSchema).min(1),
});

/**
 * What must be true at the end, checked after each settled event: on the real backend state (the
 * Store: statuses, contacts, justificatif, messages sent) and, for goals the backend cannot see (the
 * caller reached the login page), on the site's snapshot.
 */
export const goalSchema = z
  .object({
    /** Whose state: the brief's persona when absent. */
    persona: z.string().min(1).optional(),
    /** One of the persona's children, whose status is checked instead. */
    child: z.string().min(1).optional(),
    status: z.enum(['pending', 'activated', 'opposed']).optional(),
    /** The brief's wording for `status: opposed`. */
    opposed: z.boolean().optional(),
    /** The justificatif d'opposition was downloaded. */
    proofDownloaded: z.boolean().optional(),
    /** A message of this kind reached the caller's inbox or phone during the call. */
    inbox: z.enum(['newCode', 'otp']).optional(),
    /** The contact details on file, as the service stores them. */
    contact: z
      .object({ email: z.string().min(1).optional(), mobile: z.string().min(1).optional() })
      .refine((c) => c.email !== undefined || c.mobile !== undefined, { message: 'indiquer email ou mobile' })
      .optional(),
    /** The caller's screen. */
    screen: screenId.optional(),
    /** With `screen: notCovered`: which uncovered page (login, discover…). */
    notCovered: z.enum(['login', 'discover', 'otherProfile', 'help', 'cgu', 'privacy']).optional(),
  })
  .refine(
    (g) =>
      g.status !== undefined ||
      g.opposed !== undefined ||
      g.proofDownloaded !== undefined ||
      g.inbox !== undefined ||
      g.contact !== undefined ||
      g.screen !== undefined,
    { message: 'le but doit dire au moins une chose à vérifier (status, opposed, proofDownloaded, inbox, contact, screen)' },
  );

export const callSchema = z.object({
  /** Which of the service's journeys the call is about, for the catalogue's filter. */
  journey: z.enum(['activation', 'opposition', 'nouveau-code', 'coordonnees', 'securite']),
  brief: briefSchema,
  /** Played at load on a fresh world, so the caller's screen is where the caller is. */
  setup: z.array(stepActionSchema).default([]),
  diagnosis: z.object({
    questions: z.array(questionSchema).min(1),
    explanations: z
      .array(explanationSchema)
      .min(2)
      .refine((list) => list.some((e) => e.correct), { message: 'au moins une explication doit être correcte' })
      .refine((list) => list.some((e) => !e.correct), { message: 'au moins une explication doit être fausse' }),
  }),
  guide: z.array(guideStepSchema).min(1),
  goal: goalSchema,
  /** The sentence the agent should say to the caller. */
  keySentence: z.string().min(1),
  /** For the trainer: the rules chosen where DESIGN.md is silent, and how the situation is simulated. */
  notes: z.string().min(1),
});

export const callScenarioSchema = scenarioSchema.extend({ call: callSchema }).superRefine((scenario, ctx) => {
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
});

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
