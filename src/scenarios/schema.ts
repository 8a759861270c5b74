import { z } from 'zod';

/**
 * The scenario format: one schema, used to validate files at load time (and, later, to generate the
 * JSON Schema that editors use). Extended by the tutorial; only the world (personas, rule set, faults)
 * is defined here.
 */

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'date attendue au format AAAA-MM-JJ' });

export const childSchema = z.object({
  id: z.string().min(1),
  firstName: z.string().min(1),
  lastName: z.string().min(1),
  birthDate: isoDate,
  provisionalCode: z.string(),
  codeState: z.enum(['valid', 'expired', 'used']).default('valid'),
  status: z.enum(['pending', 'activated', 'opposed']).default('pending'),
  decidedAt: isoDate.nullable().default(null),
});

export const personaSchema = z.object({
  id: z.string().min(1),
  firstName: z.string().min(1),
  middleNames: z.string().default(''),
  lastName: z.string().min(1),
  sex: z.enum(['F', 'M']),
  birthDate: isoDate,
  nir: z.string(),
  card: z.object({
    type: z.enum(['sans-photo', 'avec-photo']),
    /** For a card with photo, the full serial; the user types its last 11 digits. */
    serial: z.string(),
  }),
  provisionalCode: z.string(),
  codeState: z.enum(['valid', 'expired', 'used']).default('valid'),
  email: z.string().nullable().default(null),
  mobile: z.string().nullable().default(null),
  status: z.enum(['pending', 'activated', 'opposed']).default('pending'),
  decidedAt: isoDate.nullable().default(null),
  deceased: z.boolean().default(false),
  /**
   * Values of this persona that are wrong on purpose (to rehearse an error), by path such as "nir" or
   * "card.serial": the checker does not refuse them.
   */
  expectInvalid: z.array(z.string()).default([]),
  /** Identifiers already taken on the service, to rehearse LOGIN_ALREADY_EXISTS. */
  takenLogins: z.array(z.string()).default([]),
  children: z.array(childSchema).default([]),
});

export const faultSchema = z.object({
  /** Which request fails: an endpoint name of the simulated backend. */
  endpoint: z.enum([
    'identify',
    'decision',
    'contact-change',
    'contact-verify',
    'credentials',
    'opposition-proof',
    'profiles',
    'new-code',
    'new-code-send',
  ]),
  error: z.enum([
    'NO_USER_FOUND',
    'CODE_EXPIRED',
    'CODE_ALREADY_USED',
    'PROFILE_ALREADY_EXISTS',
    'CONTACTS_NOT_FOUND',
    'MIN_DELAY_ERROR',
    'SESSION_TIMED_OUT',
    'LOGIN_ALREADY_EXISTS',
    'WEAK_PASSWORD',
    'DECEASED_INDIVIDUAL',
    'SERVER_ERROR',
  ]),
  /** How many times in a row it fails before the request goes through (0 = always). */
  times: z.number().int().min(0).default(1),
});

export const worldSchema = z.object({
  /** Password and identifier rules: the seed's (2021) or the current app's. */
  ruleSet: z.enum(['seed-2021', 'current']).default('seed-2021'),
  /** The simulated "today" as ISO date; dates on documents and in the store derive from it. */
  today: isoDate.optional(),
  personas: z.array(personaSchema).min(1),
  faults: z.array(faultSchema).default([]),
});

/** A value a step types: literal text, or a placeholder read from the persona or the simulated inbox. */
const valueTemplate = z.string();

/** What performs a step in guided and demonstration modes (in practice and evaluation, the trainee does). */
export const stepActionSchema = z.union([
  /** Types a value into a field of a form of the site. */
  z.object({
    fill: z.object({
      form: z.enum(['identify', 'newCode', 'contact', 'credentials']),
      field: z.string().min(1),
      /** e.g. "{{persona.provisionalCode}}", "{{persona.nirFormatted}}", "{{inbox.otp}}", "mleguellec69". */
      value: valueTemplate,
    }),
  }),
  /** Sends an event of the site machine, as the target's click does. */
  z.object({
    send: z.object({ type: z.string().min(1) }).catchall(z.union([z.string(), z.boolean()])),
  }),
]);

/** When a step is done: what the site shows (screen, field value) or which event was sent. */
export const untilSchema = z.object({
  screen: z.string().optional(),
  /** Values of the site's forms, by "form.field" (e.g. "decision.choice": activate, "decision.cgu": true). */
  values: z.record(z.string(), z.union([z.string(), z.boolean()])).optional(),
  /** The field of the step's fill holds something (any identifier or password the trainee chose). */
  typed: z.boolean().optional(),
  /**
   * The site shows this message (key of the "errors" namespace, e.g. "server.NO_USER_FOUND" or
   * "serial.noPhotoLength"), next to a field or above the button: a step that rehearses an error.
   */
  error: z.string().optional(),
  /** A field equal to the value of the step's fill (after normalisation). */
  filled: z.boolean().optional(),
  /** The site event of the step's `send` was sent. */
  sent: z.boolean().optional(),
});

export const calloutSchema = z.object({
  /** The seed's number (« 1. », « 2. »…); absent for an unnumbered note. */
  n: z.number().int().min(1).optional(),
  text: z.string().min(1),
  /** The hotspot it points at; absent: shown in the step's panel. */
  target: z.string().optional(),
  /** « CAS 1 / CAS 2 » choices and « Ces parcours ne sont pas détaillés » notes. */
  kind: z.enum(['step', 'case', 'note']).default('step'),
});

export const stepSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/, { message: 'identifiant attendu : minuscules, chiffres et tirets' }),
  /** The journey it belongs to (progress bar, « Fin de parcours » menu). */
  journey: z.string().min(1),
  /** A slide of the pas à pas that is not a site screen (T1–T6). */
  slide: z.enum(['cover', 'howto', 'before', 'notification-mail', 'notification-letter', 'section', 'end']).optional(),
  /** The site screen on which this step happens. */
  screen: z.string().optional(),
  /** Title shown in the step panel (the seed's slide heading). */
  title: z.string().optional(),
  /** The hotspot to click: the only zone that answers in guided mode. */
  target: z.string().optional(),
  action: stepActionSchema.optional(),
  until: untilSchema.optional(),
  callouts: z.array(calloutSchema).default([]),
  /** The task as given in evaluation and as first hint in practice. */
  task: z.string().optional(),
  /** Hints of growing precision, for practice mode. */
  hints: z.array(z.string()).default([]),
  /** Notes for the presenter view. */
  notes: z.string().optional(),
  /** On the « Fin de parcours » slide: the journeys it offers again. */
  menu: z.array(z.object({ journey: z.string(), label: z.string() })).optional(),
});

export const journeySchema = z.object({
  id: z.string().min(1),
  title: z.string().min(1),
  /** The evaluation's task for this journey, e.g. « Activez l'espace de {{persona.firstName}} ». */
  task: z.string().optional(),
  /**
   * Where the journey starts: the world is put back to the scenario's initial data, then these actions
   * are played at once (e.g. identify, to start on the decision screen).
   */
  setup: z.array(stepActionSchema).default([]),
});

export const tutorialSchema = z.object({
  /** The persona whose values fill the fields and documents. */
  persona: z.string().min(1),
  journeys: z.array(journeySchema).min(1),
  steps: z.array(stepSchema).min(1),
});

export const scenarioSchema = z.object({
  $schema: z.string().optional(),
  id: z.string().regex(/^[a-z0-9-]+$/),
  title: z.string().min(1),
  lang: z.enum(['fr', 'en']).default('fr'),
  world: worldSchema,
  /** Meta-data for the catalogue. */
  journey: z.string().optional(),
  level: z.enum(['découverte', 'intermédiaire', 'avancé']).optional(),
  /** Free labels for the catalogue's filters (e.g. "enfant", "erreur"). */
  tags: z.array(z.string()).default([]),
  durationMinutes: z.number().int().min(1).optional(),
  description: z.string().optional(),
  tutorial: tutorialSchema.optional(),
});

export type ChildData = z.infer<typeof childSchema>;
export type PersonaData = z.infer<typeof personaSchema>;
export type FaultData = z.infer<typeof faultSchema>;
export type WorldData = z.infer<typeof worldSchema>;
export type Scenario = z.infer<typeof scenarioSchema>;
export type RuleSet = WorldData['ruleSet'];
export type StepAction = z.infer<typeof stepActionSchema>;
export type Step = z.infer<typeof stepSchema>;
export type Callout = z.infer<typeof calloutSchema>;
export type Journey = z.infer<typeof journeySchema>;
export type Tutorial = z.infer<typeof tutorialSchema>;
