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

export const scenarioSchema = z.object({
  $schema: z.string().optional(),
  id: z.string().regex(/^[a-z0-9-]+$/),
  title: z.string().min(1),
  lang: z.enum(['fr', 'en']).default('fr'),
  world: worldSchema,
});

export type ChildData = z.infer<typeof childSchema>;
export type PersonaData = z.infer<typeof personaSchema>;
export type FaultData = z.infer<typeof faultSchema>;
export type WorldData = z.infer<typeof worldSchema>;
export type Scenario = z.infer<typeof scenarioSchema>;
export type RuleSet = WorldData['ruleSet'];
