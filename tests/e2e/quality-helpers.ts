import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { parseScenario } from '../../src/scenarios/load';
import { baseUrl } from './harness';

/**
 * Shared by the accessibility, keyboard and robustness end-to-end tests: axe-core in the built app, the
 * player's readiness, the focused element across shadow roots.
 */

export const scenario = parseScenario(readFileSync('scenarios/pas-a-pas.yaml', 'utf8'), 'pas-a-pas.yaml');
export const steps = scenario.tutorial!.steps;

/** The WCAG 2.1 A and AA rules of axe-core (its best-practice rules are not part of the conformance target). */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] as const;

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string; summary: string }[];
}

let axeSource: string | null = null;

/**
 * Runs axe-core on the whole document (it pierces open shadow roots). The page's CSP (`script-src 'self'`)
 * refuses an inline <script>: the library is evaluated through the DevTools protocol instead, which the
 * CSP does not govern, so the app under test is the one users get, CSP included.
 */
export async function runAxe(page: Page): Promise<AxeViolation[]> {
  axeSource ??= await readFile('node_modules/axe-core/axe.min.js', 'utf8');
  const loaded = await page.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe === 'object');
  if (!loaded) await page.evaluate(axeSource);
  return page.evaluate(async (tags) => {
    type Result = {
      violations: { id: string; impact?: string | null; help: string; nodes: { target: unknown; failureSummary?: string }[] }[];
    };
    const axe = (window as unknown as { axe: { run(ctx: Document, opts: unknown): Promise<Result> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact ?? null,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: JSON.stringify(n.target), summary: (n.failureSummary ?? '').replace(/\s+/g, ' ').slice(0, 300) })),
    }));
  }, [...WCAG_TAGS]);
}

/** One line per failing node, prefixed by where it was seen, for a readable failure. */
export function describeViolations(where: string, violations: AxeViolation[]): string[] {
  return violations.flatMap((v) => v.nodes.map((n) => `${where}: ${v.id} (${v.impact}) ${v.help} — ${n.target} — ${n.summary}`));
}

/** The player shows the step and waits for the trainee (its site state rebuilt, its requests answered). */
export async function playerReady(page: Page, timeout = 20_000): Promise<void> {
  await page.locator('mes-tutorial .stage[aria-busy="false"]').waitFor({ timeout });
}

export function stepUrl(step: string, mode: 'demo' | 'guided' | 'practice' | 'evaluation' = 'guided', extra = ''): string {
  return `/?scenario=pas-a-pas&step=${encodeURIComponent(step)}&mode=${mode}${extra}`;
}

export async function gotoStep(page: Page, step: string, mode: Parameters<typeof stepUrl>[1] = 'guided', extra = ''): Promise<void> {
  await navigate(page, stepUrl(step, mode, extra));
  await playerReady(page);
}

export const stepOf = (page: Page): string | null => new URL(page.url()).searchParams.get('step');

/**
 * The step on the stage, once the address says it too: the player writes the address after the step's
 * frame, when the page is idle (src/tutorial/tutorial-app.ts, syncUrl).
 */
export async function shownStep(page: Page): Promise<string> {
  const id = (await page.locator('mes-tutorial .stage[data-step]').getAttribute('data-step')) ?? '';
  await page.waitForFunction((s) => new URL(location.href).searchParams.get('step') === s, id, { timeout: 5_000 });
  return id;
}

export interface Focus {
  tag: string;
  hotspot: string;
  /** The accessible name, roughly: aria-label, aria-labelledby, the label, else the text. */
  name: string;
  type: string;
  role: string;
  value: string;
  checked: boolean;
  /** The focus is drawn: :focus-visible matches and an outline or a box-shadow shows. */
  visible: boolean;
}

/** The element that has the keyboard focus, through shadow roots. */
export async function focused(page: Page): Promise<Focus> {
  return page.evaluate(() => {
    let el: Element | null = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    const empty = { tag: '', hotspot: '', name: '', type: '', role: '', value: '', checked: false, visible: false };
    if (!el || el === document.body) return empty;
    const root = el.getRootNode() as Document | ShadowRoot;
    const clean = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();
    const labelledBy = (el.getAttribute('aria-labelledby') ?? '')
      .split(/\s+/)
      .filter(Boolean)
      .map((id) => root.getElementById?.(id)?.textContent ?? '')
      .join(' ');
    const labels = (el as HTMLInputElement).labels;
    const name = clean(el.getAttribute('aria-label')) || clean(labelledBy) || clean(labels && labels[0] ? labels[0].textContent : '') || clean(el.textContent);
    const style = getComputedStyle(el);
    const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
    const shadow = style.boxShadow !== 'none';
    return {
      tag: el.tagName.toLowerCase(),
      hotspot: el.getAttribute('data-hotspot') ?? '',
      name,
      type: el.getAttribute('type') ?? '',
      role: el.getAttribute('role') ?? '',
      value: (el as HTMLInputElement).value ?? '',
      checked: (el as HTMLInputElement).checked === true,
      visible: el.matches(':focus-visible') && (outline || shadow),
    };
  });
}

/**
 * Waits for the service worker's pending update check. On each page load MSW calls
 * `registration.update()` without waiting for it (msw/lib/browser, getWorkerInstance); leaving the page
 * while that check runs rejects it, and the page reports "Failed to update a ServiceWorker … Not
 * found". An update of our own joins the same job, so awaiting it waits for MSW's too.
 */
export async function swSettled(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const registration = await navigator.serviceWorker?.getRegistration();
    await registration?.update().catch(() => undefined);
  });
}

/** Goes to another address of the app once the current page's service worker check is over. */
export async function navigate(page: Page, path: string): Promise<void> {
  await swSettled(page);
  await page.goto(baseUrl() + path);
}

export async function reload(page: Page): Promise<void> {
  await swSettled(page);
  await page.reload();
}
