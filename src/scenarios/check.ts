import type { AnyStateNode } from 'xstate';
import { z } from 'zod/mini';
import { checkEmail, checkMobile, checkNir, checkProvisionalCode, checkSerial, isRealDate, serialToType, type Check } from '../domain';
import { createSiteMachine, emptyForms, type SiteApi } from '../site/machine';
import { personaValues, placeholdersOf } from '../tutorial/values';
import { formatPath, readScenario, type LocaleResources, type Locate, type ScenarioIssue, type Translate } from './load';
import { scenarioSchema, type PersonaData, type Scenario, type Step, type StepAction } from './schema';

/**
 * The scenario checker: the schema (load.ts), then what the schema cannot say — that every target is a
 * zone of its screen, that the tutorial can be played to its end, that every text exists in every
 * language, that the personas' values pass the service's own rules, that callouts are numbered in
 * order. The command `npm run scenarios:check` and the app (registry.ts) both call it, so a trainer
 * reads the same lines in the terminal and on the refused scenario's page.
 *
 * Reachability, for this linear format: a journey's steps follow each other; each journey starts from
 * the site's first screen (the world is reset), then plays its `setup`. From there, the checker follows
 * the screens the site machine may show: after a step, the site shows its `until.screen` when it has one,
 * otherwise any screen the step's action may lead to (the action's every outcome: success, refusal, a
 * full-page error), or the same screen when it has no action. A step whose screen is not among them can
 * never be reached; a step whose `until.screen` its action cannot lead to can never end; a step after
 * the `end` slide is never shown. The possible screens are read from the site machine itself
 * (src/site/machine.ts), guards counted as either outcome.
 */

export interface HotspotMap {
  /** Zones of the site's frame (logo, help), on every screen. */
  frame: readonly string[];
  /** Zones by ScreenId; "*" in a name stands for a part known only at run time ("manage-*"). */
  screens: Readonly<Record<string, readonly string[]>>;
}

export interface CheckEnvironment {
  /** Every translation bundle (locales/<lang>/<ns>.json) by language: keys must exist in each. */
  locales: LocaleResources;
  hotspots: HotspotMap;
  /** The checker's messages (namespace "checker", and "errors" for the service's rules). */
  t: Translate;
  /** "Today" for the personas' ages, unless the scenario sets `world.today`. */
  today?: Date;
}

export interface CheckedScenario {
  file: string;
  /** The scenario when it has no error at all; null otherwise. */
  scenario: Scenario | null;
  issues: ScenarioIssue[];
}

// ---------------------------------------------------------------------------------------------------
// The site machine as a graph of screens

export interface SiteGraph {
  /** Every ScreenId of the site machine. */
  screens: readonly string[];
  /** The screen the site shows first (where every journey starts, before its setup). */
  initial: string;
  /** Every event type the site machine answers somewhere. */
  events: readonly string[];
  /** Screens the site may show once `event` on `screen` is answered; null when the screen ignores it. */
  next(screen: string, event: string): ReadonlySet<string> | null;
}

let graph: SiteGraph | null = null;

/** Read once from the site machine's definition (never run: its API is not needed). */
export function siteGraph(): SiteGraph {
  if (graph) return graph;
  const machine = createSiteMachine({ api: {} as SiteApi, deliverProof: () => undefined });
  const root = machine.root as AnyStateNode;
  const screensNode = root.states.screens as AnyStateNode;
  const nodes = new Map<string, AnyStateNode>();
  for (const [key, node] of Object.entries(screensNode.states)) if (node.type !== 'history') nodes.set(key, node);
  for (const [key, node] of Object.entries(root.states)) if (key !== 'screens') nodes.set(key, node);
  const screens = [...nodes.keys()];

  const screenOfNode = (node: AnyStateNode): string | null => {
    for (let n: AnyStateNode | undefined = node; n; n = n.parent) {
      if (n.parent === screensNode || (n.parent === root && n !== screensNode)) return n.key;
    }
    return null;
  };

  /** Where entering `node` settles: initial children, eventless transitions, invoked actors' answers. */
  const settle = (node: AnyStateNode, seen: Set<AnyStateNode>): Set<string> => {
    if (node.type === 'history') return new Set(screens);
    let leaf = node;
    while (leaf.type === 'compound' && leaf.initial?.target?.[0]) leaf = leaf.initial.target[0] as AnyStateNode;
    if (leaf === screensNode || leaf === root) return new Set(screens);
    if (seen.has(leaf)) return new Set();
    seen.add(leaf);
    const automatic = [
      ...(leaf.always ?? []),
      ...[...leaf.transitions.entries()].filter(([event]) => event.startsWith('xstate.done.actor.') || event.startsWith('xstate.error.actor.')).flatMap(([, t]) => t),
    ];
    const here = screenOfNode(leaf);
    if (automatic.length === 0) return new Set(here ? [here] : []);
    const out = new Set<string>();
    for (const transition of automatic) {
      const targets = (transition.target ?? []) as AnyStateNode[];
      if (targets.length === 0 && here) out.add(here);
      for (const target of targets) for (const s of settle(target, seen)) out.add(s);
    }
    return out;
  };

  const descendants = (node: AnyStateNode): AnyStateNode[] => [node, ...Object.values(node.states).flatMap((child) => descendants(child as AnyStateNode))];
  const cache = new Map<string, ReadonlySet<string> | null>();

  const events = [...new Set(descendants(root).flatMap((n) => [...n.transitions.keys()]))].filter((e) => !e.startsWith('xstate.')).sort();

  graph = {
    screens,
    events,
    initial: [...settle(root, new Set())][0] ?? 'home',
    next(screen, event) {
      const key = `${screen}\u0000${event}`;
      if (cache.has(key)) return cache.get(key) ?? null;
      const node = nodes.get(screen);
      let result: Set<string> | null = null;
      if (node) {
        const ancestors: AnyStateNode[] = [];
        for (let n = node.parent; n; n = n.parent) ancestors.push(n);
        const transitions = [...descendants(node), ...ancestors].flatMap((n) => n.transitions.get(event) ?? []);
        if (transitions.length > 0) {
          result = new Set();
          for (const transition of transitions) {
            const targets = (transition.target ?? []) as AnyStateNode[];
            // A guarded transition may not be taken: the screen may stay as it is.
            if (targets.length === 0 || transition.guard) result.add(screen);
            for (const target of targets) for (const s of settle(target, new Set())) result.add(s);
          }
        }
      }
      cache.set(key, result);
      return result;
    },
  };
  return graph;
}

// ---------------------------------------------------------------------------------------------------
// Hotspots

function hotspotPattern(name: string): RegExp {
  return new RegExp(`^${name.split('*').map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.+')}$`);
}

const patterns = new Map<string, RegExp>();

/** Is `name` a zone of `screen` (or of the frame around every screen)? */
export function isHotspotOf(map: HotspotMap, screen: string, name: string): boolean {
  const names = [...(map.screens[screen] ?? []), ...map.frame];
  return names.some((candidate) => {
    if (!candidate.includes('*')) return candidate === name;
    let re = patterns.get(candidate);
    if (!re) patterns.set(candidate, (re = hotspotPattern(candidate)));
    return re.test(name);
  });
}

function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i += 1) {
    let diagonal = row[0] as number;
    row[0] = i;
    for (let j = 1; j <= b.length; j += 1) {
      const above = row[j] as number;
      row[j] = Math.min(above + 1, (row[j - 1] as number) + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length] as number;
}

// ---------------------------------------------------------------------------------------------------
// Texts

/**
 * A scenario text is an i18n key when it reads `namespace:key.path`, plain text otherwise. The same
 * pattern as src/tutorial/text.ts (which needs the app's i18n, so the CLI cannot import it); a unit
 * test keeps the two in step.
 */
const TEXT_KEY = /^[a-z][a-z0-9-]*:[A-Za-z0-9_.-]+$/;

export function isScenarioTextKey(text: string): boolean {
  return TEXT_KEY.test(text);
}

function lookup(bundle: unknown, path: string): { found: boolean; value: unknown } {
  let node: unknown = bundle;
  const parts = path.split('.');
  const last = parts.length - 1;
  for (let i = 0; i <= last; i += 1) {
    const part = parts[i] as string;
    if (node === null || typeof node !== 'object') return { found: false, value: undefined };
    const record = node as Record<string, unknown>;
    if (i === last && !(part in record) && (`${part}_one` in record || `${part}_other` in record)) {
      return { found: true, value: record[`${part}_other`] ?? record[`${part}_one`] };
    }
    node = record[part];
  }
  return { found: typeof node === 'string', value: node };
}

/** The placeholders of a text; none without `{{` (most texts: no regular expression to run). */
const placeholdersIn = (text: string): string[] => (text.includes('{{') ? placeholdersOf(text) : []);

// ---------------------------------------------------------------------------------------------------
// One scenario

function isoOf(date: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${p(date.getMonth() + 1)}-${p(date.getDate())}`;
}

function age(birthIso: string, todayIso: string): number {
  const years = Number(todayIso.slice(0, 4)) - Number(birthIso.slice(0, 4));
  return todayIso.slice(5) < birthIso.slice(5) ? years - 1 : years;
}

const frDate = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

class ScenarioChecker {
  readonly issues: ScenarioIssue[] = [];
  private readonly graph = siteGraph();
  private readonly forms = emptyForms() as unknown as Record<string, Record<string, string | boolean>>;
  private readonly reportedFiles = new Set<string>();
  private known: Set<string> | null = null;

  constructor(
    private readonly file: string,
    private readonly scenario: Scenario,
    private readonly locate: Locate,
    private readonly env: CheckEnvironment,
  ) {}

  private sortedLanguages: string[] | null = null;

  /** French first (the reference), then the others in a stable order. */
  private languages(): string[] {
    this.sortedLanguages ??= Object.keys(this.env.locales).sort((a, b) => (a === 'fr' ? -1 : b === 'fr' ? 1 : a.localeCompare(b)));
    return this.sortedLanguages;
  }

  private report(path: readonly PropertyKey[], key: string, values?: Record<string, string | number>): void {
    const strings = values ? Object.fromEntries(Object.entries(values).map(([k, v]) => [k, String(v)])) : undefined;
    this.issues.push({
      file: this.file,
      ...this.locate(path),
      path: formatPath(path),
      message: this.env.t(`checker:${key}`, strings),
      key: `checker:${key}`,
      ...(strings ? { values: strings } : {}),
    });
  }

  run(): ScenarioIssue[] {
    this.checkPersonas();
    const tutorial = this.scenario.tutorial;
    if (tutorial) {
      const persona = this.scenario.world.personas.find((p) => p.id === tutorial.persona);
      if (!persona) {
        this.report(['tutorial', 'persona'], 'tutorial.unknownPersona', {
          id: tutorial.persona,
          ids: this.scenario.world.personas.map((p) => p.id).join(', '),
        });
      } else {
        this.known = new Set([...Object.keys(personaValues(persona)), 'inbox.otp', 'inbox.code']);
      }
      this.checkJourneys();
      this.checkSteps(persona ?? null);
      this.checkNumbering();
    }
    this.checkTexts();
    return this.issues;
  }

  // -- Personas ---------------------------------------------------------------------------------

  private today(): string {
    const fixed = this.scenario.world.today;
    return fixed ?? isoOf(this.env.today ?? new Date());
  }

  private reason(check: Check): string {
    return check.ok ? '' : this.env.t(`errors:${check.error}`);
  }

  private checkPersonas(): void {
    const ids = new Set<string>();
    this.scenario.world.personas.forEach((persona, i) => {
      const base = ['world', 'personas', i];
      if (ids.has(persona.id)) this.report([...base, 'id'], 'persona.duplicateId', { id: persona.id });
      ids.add(persona.id);
      const childIds = new Set<string>();
      persona.children.forEach((child, c) => {
        if (childIds.has(child.id)) this.report([...base, 'children', c, 'id'], 'persona.duplicateChild', { id: child.id });
        childIds.add(child.id);
      });
      this.checkPersonaValues(persona, base);
    });
  }

  /** Each value by its expectInvalid path: null when valid, else the message to give. */
  private personaProblems(persona: PersonaData): Map<string, { key: string; values?: Record<string, string> } | null> {
    const today = this.today();
    const out = new Map<string, { key: string; values?: Record<string, string> } | null>();
    const refused = (check: Check) => (check.ok ? null : { key: 'persona.refused', values: { reason: this.reason(check) } });

    const nir = checkNir(persona.nir);
    if (!nir.ok) out.set('nir', refused(nir));
    else {
      const what: string[] = [];
      const sexDigit = persona.sex === 'M' ? '1' : '2';
      if (nir.value[0] !== sexDigit) what.push(this.env.t('checker:persona.nirSex', { expected: sexDigit, sex: persona.sex }));
      if (nir.value.slice(1, 3) !== persona.birthDate.slice(2, 4)) what.push(this.env.t('checker:persona.nirYear', { expected: persona.birthDate.slice(2, 4) }));
      const month = Number(nir.value.slice(3, 5));
      // Months beyond 12 stand for an unknown month of birth: nothing to compare.
      if (month >= 1 && month <= 12 && nir.value.slice(3, 5) !== persona.birthDate.slice(5, 7)) {
        what.push(this.env.t('checker:persona.nirMonth', { expected: persona.birthDate.slice(5, 7) }));
      }
      out.set('nir', what.length ? { key: 'persona.nirMismatch', values: { what: what.join(' ; ') } } : null);
    }
    const typed = serialToType(persona.card.serial, persona.card.type);
    out.set('card.serial', refused(checkSerial(typed, persona.card.type, nir.ok ? nir.value : undefined)));
    out.set('provisionalCode', refused(checkProvisionalCode(persona.provisionalCode)));
    out.set('email', persona.email === null ? null : refused(checkEmail(persona.email)));
    out.set('mobile', persona.mobile === null ? null : refused(checkMobile(persona.mobile)));
    out.set('birthDate', this.dateProblem(persona.birthDate, today, 'adult'));
    persona.children.forEach((child, c) => {
      out.set(`children[${c}].birthDate`, this.dateProblem(child.birthDate, today, 'minor'));
      out.set(`children[${c}].provisionalCode`, refused(checkProvisionalCode(child.provisionalCode)));
    });
    return out;
  }

  private dateProblem(iso: string, today: string, who: 'adult' | 'minor'): { key: string; values?: Record<string, string> } | null {
    const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
    if (!isRealDate(y, m, d)) return { key: 'persona.dateUnreal' };
    if (y < 1900) return { key: 'persona.dateTooOld' };
    if (iso > today) return { key: 'persona.dateFuture', values: { today: frDate(today) } };
    const years = age(iso, today);
    if (who === 'adult' && years < 18) return { key: 'persona.notAdult', values: { today: frDate(today), age: String(years) } };
    if (who === 'minor' && years >= 18) return { key: 'persona.notMinor', values: { today: frDate(today), age: String(years) } };
    return null;
  }

  private checkPersonaValues(persona: PersonaData, base: PropertyKey[]): void {
    const problems = this.personaProblems(persona);
    const expected = new Map<string, number>();
    persona.expectInvalid.forEach((raw, k) => {
      const path = raw.replace(/\.(\d+)(?=\.|$)/g, '[$1]');
      if (!problems.has(path)) {
        this.report([...base, 'expectInvalid', k], 'persona.expectInvalidUnknown', { path: raw, paths: [...problems.keys()].join(', ') });
      } else {
        expected.set(path, k);
      }
    });
    for (const [path, problem] of problems) {
      const k = expected.get(path);
      if (problem && k === undefined) this.report([...base, ...pathParts(path)], problem.key, problem.values);
      if (!problem && k !== undefined) this.report([...base, 'expectInvalid', k], 'persona.expectInvalidValid', { path });
    }
  }

  // -- Journeys and steps -----------------------------------------------------------------------

  private checkJourneys(): void {
    const tutorial = this.scenario.tutorial;
    if (!tutorial) return;
    const ids = new Set<string>();
    tutorial.journeys.forEach((journey, j) => {
      if (ids.has(journey.id)) this.report(['tutorial', 'journeys', j, 'id'], 'journey.duplicateId', { id: journey.id });
      ids.add(journey.id);
      if (!tutorial.steps.some((s) => s.journey === journey.id)) this.report(['tutorial', 'journeys', j, 'id'], 'journey.noSteps', { id: journey.id });
    });
  }

  private journeyIds(): string {
    return (this.scenario.tutorial?.journeys ?? []).map((j) => j.id).join(', ');
  }

  private checkSteps(persona: PersonaData | null): void {
    const tutorial = this.scenario.tutorial;
    if (!tutorial) return;
    const values = persona ? personaValues(persona) : null;
    const journeys = new Map(tutorial.journeys.map((j) => [j.id, j]));
    const stepIds = new Set<string>();
    const finished = new Set<string>();
    let current: string | null = null;
    let possible: Set<string> | null = null;
    let afterEnd = false;

    tutorial.steps.forEach((step, s) => {
      const base = ['tutorial', 'steps', s];
      if (stepIds.has(step.id)) this.report([...base, 'id'], 'step.duplicateId', { id: step.id });
      stepIds.add(step.id);

      if (afterEnd) {
        this.report(base, 'step.afterEnd');
        afterEnd = false;
      }
      if (step.slide === 'end') afterEnd = s < tutorial.steps.length - 1;

      // A new journey: its steps must not resume later; the site starts again and plays the setup.
      // A step of an unknown journey is said once and read as part of the journey around it.
      const journey = journeys.get(step.journey);
      if (!journey) this.report([...base, 'journey'], 'journey.unknown', { id: step.journey, ids: this.journeyIds() });
      else if (step.journey !== current) {
        if (current !== null) finished.add(current);
        if (finished.has(step.journey)) {
          this.report([...base, 'journey'], 'journey.split', { id: step.journey, other: current ?? '' });
          possible = null;
        } else {
          possible = this.playSetup(journey.setup, tutorial.journeys.indexOf(journey));
        }
        current = step.journey;
      }

      if (step.menu) {
        if (step.slide !== 'end') this.report([...base, 'menu'], 'step.menuNotEnd');
        step.menu.forEach((item, m) => {
          if (!journeys.has(item.journey)) this.report([...base, 'menu', m, 'journey'], 'journey.unknown', { id: item.journey, ids: this.journeyIds() });
        });
      }

      if (step.slide) {
        if (step.screen !== undefined) this.report([...base, 'screen'], 'step.screenAndSlide');
        for (const field of ['target', 'action', 'until'] as const) {
          if (step[field] !== undefined) this.report([...base, field], 'step.slideField', { field });
        }
        step.callouts.forEach((callout, c) => {
          if (callout.target !== undefined) this.report([...base, 'callouts', c, 'target'], 'step.slideField', { field: 'target' });
        });
        return;
      }
      if (step.screen === undefined) {
        this.report(base, 'step.noScreen');
        possible = null;
        return;
      }
      if (!this.graph.screens.includes(step.screen)) {
        this.report([...base, 'screen'], 'step.unknownScreen', { screen: step.screen, screens: this.graph.screens.join(', ') });
        possible = null;
        return;
      }
      const screen = step.screen;
      if (possible && !possible.has(screen)) {
        this.report([...base, 'screen'], 'step.unreachable', { screen, expected: [...possible].join(this.env.t('checker:or')) });
      }
      if ((step.action || step.until) && !step.target) this.report(base, 'step.needsTarget');
      if (step.target !== undefined) this.checkTarget(step.target, screen, [...base, 'target'], values);
      step.callouts.forEach((callout, c) => {
        if (callout.target !== undefined) this.checkTarget(callout.target, screen, [...base, 'callouts', c, 'target'], values);
      });
      // Where the step's action may lead (null: nowhere known, the event being ignored).
      let after: Set<string> | null = new Set([screen]);
      if (step.action) {
        this.checkActionValues(step.action, [...base, 'action']);
        const event = 'send' in step.action ? step.action.send.type : 'FIELD';
        const next = this.graph.next(screen, event);
        if (next === null) this.report([...base, 'action', 'send', 'type'], 'action.ignored', { event, screen });
        after = next === null ? null : new Set(next);
      }
      const ends = this.checkUntil(step, base, screen, after);
      // After a step that can never end, what follows is unknown: one error, not a cascade.
      if (!ends) possible = null;
      else possible = step.until?.screen ? new Set([step.until.screen]) : after;
    });
  }

  /** The screens a journey may start on: the first screen, then its setup played. */
  private playSetup(setup: readonly StepAction[], j: number): Set<string> | null {
    let possible = new Set([this.graph.initial]);
    for (const [k, action] of setup.entries()) {
      const path = ['tutorial', 'journeys', j, 'setup', k];
      this.checkActionValues(action, path);
      const event = 'send' in action ? action.send.type : 'FIELD';
      const next = new Set<string>();
      for (const screen of possible) for (const s of this.graph.next(screen, event) ?? []) next.add(s);
      if (next.size === 0) {
        this.report([...path, 'send', 'type'], 'journey.setupIgnored', { event, screens: [...possible].join(this.env.t('checker:or')) });
        return null;
      }
      possible = next;
    }
    return possible;
  }

  private checkTarget(raw: string, screen: string, path: PropertyKey[], values: Record<string, string> | null): void {
    if (!this.checkPlaceholders(raw, path)) return;
    const used = placeholdersIn(raw);
    // Without the persona, or with values of the simulated inbox, the name is only known while playing.
    if (used.length > 0 && (!values || used.some((name) => name.startsWith('inbox.')))) return;
    const name = raw.replace(/\{\{\s*([\w.]+)\s*\}\}/g, (whole, key: string) => values?.[key] ?? whole);
    if (isHotspotOf(this.env.hotspots, screen, name)) return;
    const names = [...(this.env.hotspots.screens[screen] ?? []), ...this.env.hotspots.frame];
    const close = names
      .map((candidate) => ({ candidate, d: distance(candidate.replace('*', ''), name) }))
      .filter(({ candidate, d }) => !candidate.includes('*') && d <= Math.max(2, Math.floor(name.length / 4)))
      .sort((a, b) => a.d - b.d)[0];
    if (close) this.report(path, 'target.didYouMean', { name, screen, suggestion: close.candidate });
    else this.report(path, 'target.unknown', { name, screen, names: [...names].sort().join(', ') });
  }

  private checkActionValues(action: StepAction, path: PropertyKey[]): void {
    if ('fill' in action) {
      const fields = this.forms[action.fill.form];
      if (fields && !(action.fill.field in fields)) {
        this.report([...path, 'fill', 'field'], 'action.unknownField', { field: action.fill.field, form: action.fill.form, fields: Object.keys(fields).join(', ') });
      }
      this.checkPlaceholders(action.fill.value, [...path, 'fill', 'value']);
    } else {
      for (const [key, value] of Object.entries(action.send)) {
        if (key !== 'type' && typeof value === 'string') this.checkPlaceholders(value, [...path, 'send', key]);
      }
    }
  }

  /** Checks the step's `until`; false when the site can never show its `until.screen`. */
  private checkUntil(step: Step, base: PropertyKey[], screen: string, after: Set<string> | null): boolean {
    const until = step.until;
    if (!until) return true;
    const path = [...base, 'until'];
    let ends = true;
    if (until.screen !== undefined) {
      ends = false;
      if (!this.graph.screens.includes(until.screen)) {
        this.report([...path, 'screen'], 'step.unknownScreen', { screen: until.screen, screens: this.graph.screens.join(', ') });
      } else if (after === null || after.has(until.screen)) {
        // An ignored event was already reported: its until is not judged on top of it.
        ends = true;
      } else {
        if (step.action) {
          const event = 'send' in step.action ? step.action.send.type : 'FIELD';
          this.report([...path, 'screen'], 'until.impossible', { event, screen, until: until.screen, possible: [...after].join(', ') });
        } else {
          this.report([...path, 'screen'], 'until.impossibleNoAction', { screen, until: until.screen });
        }
      }
    }
    for (const [field, expected] of Object.entries(until.values ?? {})) {
      const [form = '', name = ''] = field.split('.');
      const known = this.forms[form];
      if (!known || !(name in known) || field.split('.').length !== 2) {
        const all = Object.entries(this.forms).flatMap(([f, fs]) => Object.keys(fs).map((k) => `${f}.${k}`));
        this.report([...path, 'values', field], 'until.unknownField', { path: field, fields: all.join(', ') });
        continue;
      }
      const type = typeof known[name];
      if (typeof expected !== type) {
        this.report([...path, 'values', field], 'until.valueType', { path: field, type: this.env.t(`checker:schema.types.${type}`) });
      } else if (typeof expected === 'string' && placeholdersOf(expected).length > 0) {
        this.report([...path, 'values', field], 'until.placeholder', { braces: '{{…}}' });
      }
    }
    const fill = step.action !== undefined && 'fill' in step.action;
    const send = step.action !== undefined && 'send' in step.action;
    for (const field of ['typed', 'filled'] as const) if (until[field] && !fill) this.report([...path, field], 'until.needsFill', { field });
    if (until.sent && !send) this.report([...path, 'sent'], 'until.needsSend');
    if (until.error !== undefined) {
      for (const lang of this.languages()) {
        if (!lookup(this.env.locales[lang]?.errors, until.error).found) {
          this.report([...path, 'error'], 'until.unknownError', { key: until.error, lang });
          break;
        }
      }
    }
    return ends;
  }

  /**
   * Numbers of callouts (« 1. », « 2. »…) count the actions of one screen. A run is the steps that
   * follow each other on the same screen within a journey (a slide or another journey ends it). In a
   * run, numbers go 1, 2, 3… across its steps; the first number of a run is 1, or the next number of
   * the run just before it (the seed's S1 numbers 1–2 and S2 goes on with 3).
   */
  private checkNumbering(): void {
    const steps = this.scenario.tutorial?.steps ?? [];
    const known = new Set(this.scenario.tutorial?.journeys.map((j) => j.id));
    let runKey: string | null = null;
    let journey: string | null = null;
    let last = 0;
    let previous = 0;
    steps.forEach((step, s) => {
      // As in checkSteps: a step of an unknown journey belongs to the journey around it.
      const previousJourney = journey;
      if (known.has(step.journey)) journey = step.journey;
      const key = step.slide || !step.screen ? null : `${journey ?? ''}\u0000${step.screen}`;
      if (key === null || journey !== previousJourney) {
        previous = 0;
        last = 0;
        runKey = key;
        if (key === null) return;
      } else if (key !== runKey) {
        previous = last;
        last = 0;
        runKey = key;
      }
      step.callouts.forEach((callout, c) => {
        if (callout.n === undefined) return;
        const path = ['tutorial', 'steps', s, 'callouts', c, 'n'];
        if (last === 0) {
          const ok = callout.n === 1 || (previous > 0 && callout.n === previous + 1);
          if (!ok && previous > 0) this.report(path, 'callout.numberStartOrContinue', { n: callout.n, next: previous + 1 });
          else if (!ok) this.report(path, 'callout.numberStart', { n: callout.n });
        } else if (callout.n !== last + 1) {
          this.report(path, 'callout.numberNext', { n: callout.n, expected: last + 1 });
        }
        last = callout.n;
      });
    });
  }

  // -- Texts --------------------------------------------------------------------------------------

  /** Reports placeholders no value fills; true when every one is known (or nothing can be said). */
  private checkPlaceholders(text: string, path: PropertyKey[]): boolean {
    if (!this.known) return true;
    let ok = true;
    for (const name of placeholdersIn(text)) {
      if (this.known.has(name)) continue;
      const suggestion = this.closePlaceholder(name);
      if (suggestion) this.report(path, 'text.placeholderDidYouMean', { name: `{{${name}}}`, suggestion: `{{${suggestion}}}` });
      else this.report(path, 'text.unknownPlaceholder', { name: `{{${name}}}`, known: this.knownSummary() });
      ok = false;
    }
    return ok;
  }

  private closePlaceholder(name: string): string | null {
    let best: { name: string; d: number } | null = null;
    for (const candidate of this.known ?? []) {
      const d = candidate.toLowerCase() === name.toLowerCase() ? 0 : distance(candidate, name);
      if (d <= 2 && (!best || d < best.d)) best = { name: candidate, d };
    }
    return best?.name ?? null;
  }

  private knownSummary(): string {
    // Children's values stand for all children: « children.N.firstName ».
    const names = new Set([...(this.known ?? [])].map((n) => n.replace(/^children\.\d+\./, 'children.N.')));
    return [...names].join(', ');
  }

  private checkTexts(): void {
    const s = this.scenario;
    const texts: Array<[PropertyKey[], string | undefined]> = [
      [['title'], s.title],
      [['description'], s.description],
    ];
    s.tutorial?.journeys.forEach((j, i) => {
      texts.push([['tutorial', 'journeys', i, 'title'], j.title], [['tutorial', 'journeys', i, 'task'], j.task]);
    });
    s.tutorial?.steps.forEach((step, i) => {
      const base = ['tutorial', 'steps', i];
      texts.push([[...base, 'title'], step.title], [[...base, 'task'], step.task], [[...base, 'notes'], step.notes]);
      step.hints.forEach((hint, h) => texts.push([[...base, 'hints', h], hint]));
      step.callouts.forEach((callout, c) => texts.push([[...base, 'callouts', c, 'text'], callout.text]));
      step.menu?.forEach((item, m) => texts.push([[...base, 'menu', m, 'label'], item.label]));
    });
    for (const [path, text] of texts) if (text !== undefined) this.checkText(text, path);
  }

  private checkText(text: string, path: PropertyKey[]): void {
    if (!isScenarioTextKey(text)) {
      this.checkPlaceholders(text, path);
      return;
    }
    const [ns = '', key = ''] = text.split(/:(.*)/s);
    for (const lang of this.languages()) {
      const bundle = this.env.locales[lang]?.[ns];
      if (bundle === undefined) {
        // One line per missing file, not one per text.
        if (!this.reportedFiles.has(`${lang}/${ns}`)) this.report(path, 'text.missingFile', { lang, ns, key: text });
        this.reportedFiles.add(`${lang}/${ns}`);
        continue;
      }
      const { found, value } = lookup(bundle, key);
      if (!found) {
        this.report(path, 'text.missingKey', { lang, ns, key: text });
        continue;
      }
      if (!this.known) continue;
      for (const name of placeholdersIn(String(value))) {
        if (!this.known.has(name)) this.report(path, 'text.unknownPlaceholderIn', { lang, key: text, name: `{{${name}}}`, known: this.knownSummary() });
      }
    }
  }
}

/** "children[0].birthDate" → ['children', 0, 'birthDate']. */
function pathParts(path: string): PropertyKey[] {
  return path.split(/\.|\[(\d+)\]/).filter((p) => p !== undefined && p !== '').map((p) => (/^\d+$/.test(p) ? Number(p) : p));
}

// ---------------------------------------------------------------------------------------------------
// Entry points

/** The meaning of a scenario that passed the schema (positions come from its file). */
export function checkScenario(scenario: Scenario, file: string, locate: Locate, env: CheckEnvironment): ScenarioIssue[] {
  return new ScenarioChecker(file, scenario, locate, env).run();
}

/**
 * A file to check. `schema`: one that extends the scenario's (the call centre's files add a `call`
 * block); the meaning checked stays the scenario's (world, tutorial, texts).
 */
export interface ScenarioSource {
  file: string;
  text: string;
  schema?: z.ZodMiniType<Scenario>;
}

/** One file: the schema, then (when the schema passes) its meaning. */
export function checkScenarioSource(text: string, file: string, env: CheckEnvironment, schema?: z.ZodMiniType<Scenario>): CheckedScenario {
  const read = readScenario(text, file, { t: env.t, ...(schema ? { schema } : {}) });
  if (!read.scenario) return { file, scenario: null, issues: read.issues };
  const issues = checkScenario(read.scenario, file, read.locate, env).sort((a, b) => a.line - b.line || a.column - b.column);
  return { file, scenario: issues.length === 0 ? read.scenario : null, issues };
}

/** Several files, as the app and the CLI load them: each on its own, plus ids unique across files. */
export function checkScenarioSources(sources: readonly ScenarioSource[], env: CheckEnvironment): CheckedScenario[] {
  const results = sources.map(({ file, text, schema }): CheckedScenario => {
    try {
      return checkScenarioSource(text, file, env, schema);
    } catch (error) {
      // A fault of the checker itself refuses this file only, and says so.
      const values = { error: error instanceof Error ? error.message : String(error) };
      return { file, scenario: null, issues: [{ file, line: 1, column: 1, path: '', message: env.t('checker:internal', values), key: 'checker:internal', values }] };
    }
  });
  const owners = new Map<string, string>();
  results.forEach((result, i) => {
    const source = sources[i];
    if (!result.scenario || !source) return;
    const owner = owners.get(result.scenario.id);
    if (owner === undefined) {
      owners.set(result.scenario.id, result.file);
      return;
    }
    const read = readScenario(source.text, source.file, { t: env.t });
    const values = { file: owner };
    result.issues.push({ file: result.file, ...read.locate(['id']), path: 'id', message: env.t('checker:scenario.duplicateId', values), key: 'checker:scenario.duplicateId', values });
    result.scenario = null;
  });
  return results;
}

/**
 * The JSON Schema of the scenario format for editors, from the very zod schema the app validates with
 * (or one that extends it, as the call centre's).
 */
export function scenarioJsonSchema(t: Translate, schema: z.ZodMiniType = scenarioSchema): Record<string, unknown> {
  const json = z.toJSONSchema(schema, {
    io: 'input',
    target: 'draft-07',
    unrepresentable: 'any',
    override: ({ zodSchema, jsonSchema, path }) => {
      const def = (zodSchema as unknown as { _zod: { def: { type: string; catchall?: unknown } } })._zod.def;
      // zod drops unknown keys, the checker refuses them (a typo would vanish): editors say so too.
      if (def.type === 'object' && def.catchall === undefined) jsonSchema.additionalProperties = false;
      // Screens and events are plain strings to zod; the site machine knows their values: offer them.
      const [parent, key] = path.slice(-3).filter((p) => p !== 'properties');
      if (jsonSchema.type === 'string' && key === 'screen') jsonSchema.enum = [...siteGraph().screens];
      if (jsonSchema.type === 'string' && parent === 'send' && key === 'type') jsonSchema.enum = [...siteGraph().events];
    },
  }) as Record<string, unknown>;
  const { $schema, ...rest } = json;
  return { $schema, title: t('checker:jsonSchema.title'), description: t('checker:jsonSchema.description'), ...rest };
}
