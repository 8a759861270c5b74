import type { ScenarioIssue } from '../scenarios/load';
import type { Scenario, Tutorial } from '../scenarios/schema';
import type { Mode } from '../tutorial/machine';
import { appHref } from '../app/href';

/**
 * What the catalogue shows, as plain data: the scenarios that have a tutorial, their filters, the
 * address that opens each in each mode, and the refused files with their error lines. No DOM, so that
 * it reads the same in the browser and in tests.
 */

export type CatalogueScenario = Scenario & { tutorial: Tutorial };

/** The player's modes, in the order a trainee meets them (the tutorial machine's MODES, kept here so
 * that the catalogue does not load the machines to list links). */
export const CATALOGUE_MODES = ['demo', 'guided', 'practice', 'evaluation'] as const satisfies readonly Mode[];
export type CatalogueMode = (typeof CATALOGUE_MODES)[number];

export const LEVELS = ['découverte', 'intermédiaire', 'avancé'] as const;
export type Level = (typeof LEVELS)[number];

/** Journeys of the service in the order of the pas à pas; a scenario may name another one. */
const JOURNEY_ORDER = ['tous', 'activation', 'opposition', 'new-code', 'contacts'];

export interface CatalogueFilter {
  /** A scenario's `journey`, or '' for all. */
  journey: string;
  /** A scenario's `level`, or '' for all. */
  level: string;
}

function rank(list: readonly string[], value: string | undefined): number {
  const i = value === undefined ? -1 : list.indexOf(value);
  return i < 0 ? list.length : i;
}

/**
 * The scenarios a trainee can open: those with a tutorial; `first` (the official pas à pas) at the
 * top, then the easiest first, then by id (titles may be i18n keys: their order would change with the
 * language).
 */
export function playableScenarios(scenarios: Iterable<Scenario>, first?: string): CatalogueScenario[] {
  const pinned = (s: Scenario) => (s.id === first ? 0 : 1);
  return [...scenarios]
    .filter((s): s is CatalogueScenario => s.tutorial !== undefined)
    .sort((a, b) => pinned(a) - pinned(b) || rank(LEVELS, a.level) - rank(LEVELS, b.level) || a.id.localeCompare(b.id, 'fr'));
}

/** The journeys the scenarios name, known ones in the service's order, then the others alphabetically. */
export function journeysOf(scenarios: readonly Scenario[]): string[] {
  const found = [...new Set(scenarios.flatMap((s) => (s.journey ? [s.journey] : [])))];
  return found.sort((a, b) => rank(JOURNEY_ORDER, a) - rank(JOURNEY_ORDER, b) || a.localeCompare(b, 'fr'));
}

/** The levels the scenarios use, in growing difficulty. */
export function levelsOf(scenarios: readonly Scenario[]): Level[] {
  return LEVELS.filter((level) => scenarios.some((s) => s.level === level));
}

export function filterScenarios<T extends Scenario>(scenarios: readonly T[], filter: CatalogueFilter): T[] {
  return scenarios.filter((s) => (!filter.journey || s.journey === filter.journey) && (!filter.level || s.level === filter.level));
}

/**
 * The address that opens a scenario in a mode: a plain link, which an intranet or an LMS page can hold
 * too. The language is added only when it is not the default (French).
 */
export function modeHref(id: string, mode: CatalogueMode, lang?: string): string {
  const params = new URLSearchParams({ scenario: id, mode });
  if (lang && lang !== 'fr') params.set('lang', lang);
  return appHref(params);
}

/** Reads the catalogue's filters from an address (`?view=catalogue&journey=…&level=…`). */
export function filterFromSearch(search: string): CatalogueFilter {
  const params = new URLSearchParams(search);
  return { journey: params.get('journey') ?? '', level: params.get('level') ?? '' };
}

/** The same address with the filters set (empty ones removed), for history.replaceState. */
export function searchWithFilter(search: string, filter: CatalogueFilter): string {
  const params = new URLSearchParams(search);
  for (const key of ['journey', 'level'] as const) {
    if (filter[key]) params.set(key, filter[key]);
    else params.delete(key);
  }
  return `?${params.toString()}`;
}

export interface RefusedFile {
  file: string;
  issues: ScenarioIssue[];
}

/** The checker's issues grouped by file, files in name order, issues in the order of their lines. */
export function refusedFiles(issues: readonly ScenarioIssue[]): RefusedFile[] {
  const byFile = new Map<string, ScenarioIssue[]>();
  for (const issue of issues) byFile.set(issue.file, [...(byFile.get(issue.file) ?? []), issue]);
  return [...byFile.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([file, list]) => ({ file, issues: list.slice().sort((a, b) => a.line - b.line || a.column - b.column) }));
}
