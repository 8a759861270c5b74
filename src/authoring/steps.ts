import type { Callout, Journey, Scenario, Step, StepAction } from '../scenarios/schema';

/**
 * The editor's rules, apart from the DOM: which form field a clicked zone types into, which value a step
 * should type (a persona placeholder when the typed text is one of her values), step ids and order.
 */

export type FillForm = Extract<StepAction, { fill: unknown }>['fill']['form'];

export interface FieldRef {
  form: FillForm;
  field: string;
}

/** The zones of the site that are form fields, by screen: a click on them makes a `fill` step. */
const FIELDS: Record<string, Record<string, FieldRef>> = {
  identify: {
    code: { form: 'identify', field: 'code' },
    nir: { form: 'identify', field: 'nir' },
    serial: { form: 'identify', field: 'serial' },
  },
  newCode: {
    nir: { form: 'newCode', field: 'nir' },
    'birth-date': { form: 'newCode', field: 'birthDate' },
    serial: { form: 'newCode', field: 'serial' },
  },
  editContact: { 'contact-value': { form: 'contact', field: 'value' } },
  verifyContact: { otp: { form: 'contact', field: 'otp' } },
  credentials: {
    login: { form: 'credentials', field: 'login' },
    password: { form: 'credentials', field: 'password' },
    confirm: { form: 'credentials', field: 'confirm' },
  },
};

/** The form field behind a zone of a screen, or null for a button, a link, a choice… */
export function fieldOfHotspot(screen: string, hotspot: string): FieldRef | null {
  const form = FIELDS[screen];
  if (!form) return null;
  // The carte Vitale tiles are radio buttons of the same field: « card-sans-photo », « card-avec-photo ».
  if (hotspot.startsWith('card-') && (screen === 'identify' || screen === 'newCode')) return { form: screen, field: 'cardType' };
  return form[hotspot] ?? null;
}

/** For a card tile, the value it selects. */
export function valueOfHotspot(hotspot: string): string | null {
  return hotspot.startsWith('card-') ? hotspot.slice('card-'.length) : null;
}

const compact = (value: string) => value.replace(/\s+/g, '').toLowerCase();

/**
 * What a step should type: the persona's placeholder when the typed text is one of her values (so the
 * step still works for a randomised persona in evaluation), else the text as typed.
 */
export function suggestValue(typed: string, values: Record<string, string>): string {
  const wanted = compact(typed);
  if (wanted === '') return typed;
  // Formatted forms first (nirFormatted before nir): the trainer sees the value as the site shows it.
  const names = Object.keys(values).sort((a, b) => Number(b.endsWith('Formatted')) - Number(a.endsWith('Formatted')));
  const name = names.find((n) => compact(values[n] ?? '') === wanted);
  return name ? `{{${name}}}` : typed;
}

/** A step id (lowercase, digits and dashes) from the screen and the zone, unique among `taken`. */
export function uniqueStepId(screen: string, hotspot: string, taken: Iterable<string>): string {
  const kebab = (s: string) =>
    s
      .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
      .toLowerCase()
      .normalize('NFD')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '');
  const base = [kebab(screen), kebab(hotspot)].filter(Boolean).join('-') || 'etape';
  const used = new Set(taken);
  if (!used.has(base)) return base;
  for (let n = 2; ; n += 1) if (!used.has(`${base}-${n}`)) return `${base}-${n}`;
}

/** The list with the item at `index` moved by `delta` places (unchanged at the ends). */
export function moveItem<T>(items: readonly T[], index: number, delta: number): T[] {
  const target = index + delta;
  if (index < 0 || index >= items.length || target < 0 || target >= items.length) return items.slice();
  const out = items.slice();
  const [item] = out.splice(index, 1);
  out.splice(target, 0, item as T);
  return out;
}

export interface RecordedStep {
  id: string;
  journey: string;
  screen: string;
  target: string;
  action?: StepAction;
  /** The screen after the action, when it changed. */
  screenAfter?: string;
}

/** A step as the schema wants it, with no callout yet: the trainer writes them in the form. */
export function makeStep(recorded: RecordedStep): Step {
  const step: Step = {
    id: recorded.id,
    journey: recorded.journey,
    screen: recorded.screen,
    target: recorded.target,
    callouts: [],
    hints: [],
  };
  if (recorded.action) step.action = recorded.action;
  if (recorded.screenAfter && recorded.screenAfter !== recorded.screen) step.until = { screen: recorded.screenAfter };
  return step;
}

/** The `send` action of a site event: its type and its string or boolean fields. */
export function sendAction(event: { type: string } & Record<string, unknown>): StepAction {
  const send: { type: string } & Record<string, string | boolean> = { type: event.type };
  for (const [key, value] of Object.entries(event)) {
    if (key !== 'type' && (typeof value === 'string' || typeof value === 'boolean')) send[key] = value;
  }
  return { send };
}

export function emptyCallout(n: number | undefined, target: string | undefined): Callout {
  const callout: Callout = { text: '', kind: 'step' };
  if (n !== undefined) callout.n = n;
  if (target) callout.target = target;
  return callout;
}

/** A new scenario around a world: one journey, no step yet (the trainer records them). */
export function newScenario(from: Scenario, id: string, title: string, journey: Journey): Scenario {
  const persona = from.tutorial?.persona ?? from.world.personas[0]?.id ?? '';
  return {
    id,
    title,
    lang: from.lang,
    world: structuredClone(from.world),
    tags: [],
    tutorial: { persona, journeys: [journey], steps: [] },
  };
}

/** What a field usually receives, when the trainer picks it before typing anything. */
const DEFAULTS: Record<string, string> = {
  'identify.code': '{{persona.provisionalCode}}',
  'identify.nir': '{{persona.nirFormatted}}',
  'identify.serial': '{{persona.serialToType}}',
  'identify.cardType': '{{persona.card.type}}',
  'newCode.nir': '{{persona.nirFormatted}}',
  'newCode.birthDate': '{{persona.birthDateFr}}',
  'newCode.serial': '{{persona.serialToType}}',
  'newCode.cardType': '{{persona.card.type}}',
  'contact.otp': '{{inbox.otp}}',
  'contact.value': '{{persona.email}}',
};

export function defaultValue(field: FieldRef): string {
  return DEFAULTS[`${field.form}.${field.field}`] ?? '';
}

/**
 * The scenario as exported: a callout the trainer left empty (each recorded step gets one, ready to be
 * written) is left out rather than refused. A loaded file never holds one, so its round trip is intact.
 */
export function withoutBlankCallouts(scenario: Scenario): Scenario {
  const tutorial = scenario.tutorial;
  if (!tutorial || !tutorial.steps.some((s) => s.callouts.some((c) => !c.text.trim()))) return scenario;
  return {
    ...scenario,
    tutorial: { ...tutorial, steps: tutorial.steps.map((s) => ({ ...s, callouts: s.callouts.filter((c) => c.text.trim()) })) },
  };
}
