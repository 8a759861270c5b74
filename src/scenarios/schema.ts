import { z } from 'zod/mini';

/**
 * The scenario format: one schema, used to validate files at load time (and, later, to generate the
 * JSON Schema that editors use). Extended by the tutorial; only the world (personas, rule set, faults)
 * is defined here.
 *
 * Written with zod/mini, zod's functional form (the same core, checks and issues as `text()`
 * and the like, without the methods that would bring every schema type and the JSON Schema generator into
 * the page): `z.optional(x)` is `x.optional()`, `z._default(x, v)` is `x.default(v)`, `.check(z.minLength(n))`
 * is `.min(n)`, `.check(z.int(), z.gte(n))` is `.int().min(n)`.
 */

const isoDate = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'date attendue au format AAAA-MM-JJ' }));
/** A non-empty text (`text()`). */
const text = () => z.string().check(z.minLength(1));

export const childSchema = z.object({
  id: text(),
  firstName: text(),
  lastName: text(),
  birthDate: isoDate,
  provisionalCode: z.string(),
  codeState: z._default(z.enum(['valid', 'expired', 'used']), 'valid'),
  status: z._default(z.enum(['pending', 'activated', 'opposed']), 'pending'),
  decidedAt: z._default(z.nullable(isoDate), null),
});

export const personaSchema = z.object({
  id: text(),
  firstName: text(),
  middleNames: z._default(z.string(), ''),
  lastName: text(),
  sex: z.enum(['F', 'M']),
  birthDate: isoDate,
  nir: z.string(),
  card: z.object({
    type: z.enum(['sans-photo', 'avec-photo']),
    /** For a card with photo, the full serial; the user types its last 11 digits. */
    serial: z.string(),
  }),
  provisionalCode: z.string(),
  codeState: z._default(z.enum(['valid', 'expired', 'used']), 'valid'),
  email: z._default(z.nullable(z.string()), null),
  mobile: z._default(z.nullable(z.string()), null),
  status: z._default(z.enum(['pending', 'activated', 'opposed']), 'pending'),
  decidedAt: z._default(z.nullable(isoDate), null),
  deceased: z._default(z.boolean(), false),
  /**
   * Values of this persona that are wrong on purpose (to rehearse an error), by path such as "nir" or
   * "card.serial": the checker does not refuse them.
   */
  expectInvalid: z._default(z.array(z.string()), []),
  /** Identifiers already taken on the service, to rehearse LOGIN_ALREADY_EXISTS. */
  takenLogins: z._default(z.array(z.string()), []),
  children: z._default(z.array(childSchema), []),
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
  times: z._default(z.number().check(z.int(), z.gte(0)), 1),
});

export const worldSchema = z.object({
  /** Password and identifier rules: the seed's (2021) or the current app's. */
  ruleSet: z._default(z.enum(['seed-2021', 'current']), 'seed-2021'),
  /** The simulated "today" as ISO date; dates on documents and in the store derive from it. */
  today: z.optional(isoDate),
  personas: z.array(personaSchema).check(z.minLength(1)),
  faults: z._default(z.array(faultSchema), []),
});

/** A value a step types: literal text, or a placeholder read from the persona or the simulated inbox. */
const valueTemplate = z.string();

/** What performs a step in guided and demonstration modes (in practice and evaluation, the trainee does). */
export const stepActionSchema = z.union([
  /** Types a value into a field of a form of the site. */
  z.object({
    fill: z.object({
      form: z.enum(['identify', 'newCode', 'contact', 'credentials']),
      field: text(),
      /** e.g. "{{persona.provisionalCode}}", "{{persona.nirFormatted}}", "{{inbox.otp}}", "mleguellec69". */
      value: valueTemplate,
    }),
  }),
  /** Sends an event of the site machine, as the target's click does. */
  z.object({
    send: z.catchall(z.object({ type: text() }), z.union([z.string(), z.boolean()])),
  }),
]);

/** When a step is done: what the site shows (screen, field value) or which event was sent. */
export const untilSchema = z.object({
  screen: z.optional(z.string()),
  /** Values of the site's forms, by "form.field" (e.g. "decision.choice": activate, "decision.cgu": true). */
  values: z.optional(z.record(z.string(), z.union([z.string(), z.boolean()]))),
  /** The field of the step's fill holds something (any identifier or password the trainee chose). */
  typed: z.optional(z.boolean()),
  /**
   * The site shows this message (key of the "errors" namespace, e.g. "server.NO_USER_FOUND" or
   * "serial.noPhotoLength"), next to a field or above the button: a step that rehearses an error.
   */
  error: z.optional(z.string()),
  /** A field equal to the value of the step's fill (after normalisation). */
  filled: z.optional(z.boolean()),
  /** The site event of the step's `send` was sent. */
  sent: z.optional(z.boolean()),
});

export const calloutSchema = z.object({
  /** The seed's number (« 1. », « 2. »…); absent for an unnumbered note. */
  n: z.optional(z.number().check(z.int(), z.gte(1))),
  text: text(),
  /** The hotspot it points at; absent: shown in the step's panel. */
  target: z.optional(z.string()),
  /** « CAS 1 / CAS 2 » choices and « Ces parcours ne sont pas détaillés » notes. */
  kind: z._default(z.enum(['step', 'case', 'note']), 'step'),
});

export const stepSchema = z.object({
  id: z.string().check(z.regex(/^[a-z0-9-]+$/, { message: 'identifiant attendu : minuscules, chiffres et tirets' })),
  /** The journey it belongs to (progress bar, « Fin de parcours » menu). */
  journey: text(),
  /** A slide of the pas à pas that is not a site screen (T1–T6). */
  slide: z.optional(z.enum(['cover', 'howto', 'before', 'notification-mail', 'notification-letter', 'section', 'end'])),
  /** The site screen on which this step happens. */
  screen: z.optional(z.string()),
  /** Title shown in the step panel (the seed's slide heading). */
  title: z.optional(z.string()),
  /** The hotspot to click: the only zone that answers in guided mode. */
  target: z.optional(z.string()),
  action: z.optional(stepActionSchema),
  until: z.optional(untilSchema),
  callouts: z._default(z.array(calloutSchema), []),
  /** The task as given in evaluation and as first hint in practice. */
  task: z.optional(z.string()),
  /** Hints of growing precision, for practice mode. */
  hints: z._default(z.array(z.string()), []),
  /** Notes for the presenter view. */
  notes: z.optional(z.string()),
  /** On the « Fin de parcours » slide: the journeys it offers again. */
  menu: z.optional(z.array(z.object({ journey: z.string(), label: z.string() }))),
});

export const journeySchema = z.object({
  id: text(),
  title: text(),
  /** The evaluation's task for this journey, e.g. « Activez l'espace de {{persona.firstName}} ». */
  task: z.optional(z.string()),
  /**
   * Where the journey starts: the world is put back to the scenario's initial data, then these actions
   * are played at once (e.g. identify, to start on the decision screen).
   */
  setup: z._default(z.array(stepActionSchema), []),
});

export const tutorialSchema = z.object({
  /** The persona whose values fill the fields and documents. */
  persona: text(),
  journeys: z.array(journeySchema).check(z.minLength(1)),
  steps: z.array(stepSchema).check(z.minLength(1)),
});

export const scenarioSchema = z.object({
  $schema: z.optional(z.string()),
  id: z.string().check(z.regex(/^[a-z0-9-]+$/)),
  title: text(),
  lang: z._default(z.enum(['fr', 'en']), 'fr'),
  world: worldSchema,
  /** Meta-data for the catalogue. */
  journey: z.optional(z.string()),
  level: z.optional(z.enum(['découverte', 'intermédiaire', 'avancé'])),
  /** Free labels for the catalogue's filters (e.g. "enfant", "erreur"). */
  tags: z._default(z.array(z.string()), []),
  durationMinutes: z.optional(z.number().check(z.int(), z.gte(1))),
  description: z.optional(z.string()),
  tutorial: z.optional(tutorialSchema),
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
