import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { parseScenario } from '../../src/scenarios/load';
import { isoToFr, serialToType } from '../../src/domain';
import { openApp, type E2EPage, useCleanApps } from './harness';
import { click, see } from './site-helpers';

/**
 * The scenario catalogue as a trainer or a trainee meets it: open it, filter it, keep the filters in
 * the address, and open a scenario in practice mode, played to its end on the live site.
 */
const delay = parseScenario(readFileSync('scenarios/delai-30-secondes.yaml', 'utf8'), 'delai-30-secondes.yaml');
const olivier = delay.world.personas[0]!;

let app: E2EPage | null = null;
useCleanApps();

const param = (page: Page, name: string) => new URL(page.url()).searchParams.get(name);

/** The step is shown and waits for the trainee. */
async function ready(page: Page): Promise<void> {
  await page.locator('mes-tutorial .stage[aria-busy="false"]').waitFor({ timeout: 15_000 });
}

async function waitStep(page: Page, step: string): Promise<void> {
  await page.waitForFunction((id) => new URL(location.href).searchParams.get('step') === id, step, { timeout: 15_000 });
  await ready(page);
}

/** The journeys and levels shown on the cards listed. */
async function cards(page: Page): Promise<Array<{ id: string; journey: string; level: string }>> {
  const articles = page.locator('mes-catalogue article');
  const out: Array<{ id: string; journey: string; level: string }> = [];
  for (let i = 0; i < (await articles.count()); i += 1) {
    const article = articles.nth(i);
    const dd = article.locator('dd');
    out.push({
      id: (await article.getAttribute('data-scenario')) ?? '',
      journey: (await dd.nth(0).textContent())?.trim() ?? '',
      level: (await dd.nth(1).textContent())?.trim() ?? '',
    });
  }
  return out;
}

describe('the scenario catalogue', () => {
  it('opens, filters, keeps its filters in the address, and opens a scenario in practice mode', async () => {
    app = await openApp('/?view=catalogue');
    const { page } = app;
    await page.getByRole('heading', { level: 1, name: 'Catalogue des scénarios' }).waitFor();
    expect(await page.title()).toBe('Catalogue des scénarios — Simulateur Mon espace santé');
    const all = await cards(page);
    expect(all.length).toBeGreaterThanOrEqual(10);
    expect(all[0]?.id).toBe('pas-a-pas');

    await page.getByLabel('Parcours', { exact: true }).selectOption('new-code');
    await page.getByLabel('Niveau', { exact: true }).selectOption('avancé');
    const filtered = await cards(page);
    expect(filtered.map((c) => c.id)).toContain('delai-30-secondes');
    expect(filtered.length).toBeLessThan(all.length);
    for (const card of filtered) expect(card).toMatchObject({ journey: 'Nouveau code provisoire', level: 'Avancé' });
    await see(page, filtered.length === 1 ? '1 scénario' : `${filtered.length} scénarios`);
    expect(param(page, 'journey')).toBe('new-code');
    expect(param(page, 'level')).toBe('avancé');

    // A reload (or a bookmarked address) shows the same list.
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Catalogue des scénarios' }).waitFor();
    expect((await cards(page)).map((c) => c.id)).toEqual(filtered.map((c) => c.id));

    const link = page.locator('mes-catalogue article[data-scenario="delai-30-secondes"] a[data-mode="practice"]');
    expect(await link.getAttribute('href')).toBe('/?scenario=delai-30-secondes&mode=practice');
    await link.click();
    await waitStep(page, 'situation');
    expect(param(page, 'scenario')).toBe('delai-30-secondes');
    expect(param(page, 'mode')).toBe('practice');
    expect(await page.locator('mes-tutorial select#mode').inputValue()).toBe('practice');
    await see(page, 'Olivier clique deux fois trop vite');

    // Practice: the trainee does each step on the live site, the tutorial follows.
    await page.keyboard.press('ArrowRight');
    await waitStep(page, 's1-activate');
    await click(page, 'Activer Mon espace santé');
    await waitStep(page, 's2-new-code');
    await click(page, 'Générer un nouveau code provisoire');
    await waitStep(page, 's17-nir');
    await page.getByLabel('Numéro de sécurité sociale', { exact: true }).fill(olivier.nir);
    await page.getByLabel('Date de naissance', { exact: true }).fill(isoToFr(olivier.birthDate));
    await page.getByRole('radio', { name: 'Carte Vitale sans photo', exact: true }).check();
    await page.getByLabel('Numéro de série de carte Vitale', { exact: true }).fill(serialToType(olivier.card.serial, olivier.card.type));
    await waitStep(page, 's17-submit');
    await click(page, 'Continuer');
    await waitStep(page, 's18-too-soon');
    await click(page, 'Valider');
    // The scenario's fault: the first sending is refused with the 30-second message, and that is the step.
    await see(page, 'Une erreur est survenue. Veuillez attendre 30 secondes puis réessayez.');
    await waitStep(page, 's18-again');
    await click(page, 'Valider');
    await waitStep(page, 'code-sent');
    await see(page, /code provisoire/i);
  });

  it('is linked from the player\'s bar, and the bare address still opens the official pas à pas', async () => {
    app = await openApp('/');
    const { page } = app;
    await page.getByRole('heading', { name: 'Bienvenue !' }).waitFor();
    await ready(page);
    // The address follows the step shown once the page is idle.
    await page.waitForFunction(() => new URL(location.href).searchParams.get('scenario') === 'pas-a-pas');
    await page.getByRole('link', { name: 'Catalogue', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Catalogue des scénarios' }).waitFor();
    expect(param(page, 'view')).toBe('catalogue');
  });

  it('offers every mode of every scenario as a plain link, in English too', async () => {
    app = await openApp('/?view=catalogue&lang=en', { viewport: { width: 360, height: 740 } });
    const { page } = app;
    await page.getByRole('heading', { level: 1, name: 'Scenario catalogue' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    const hrefs = await page.locator('mes-catalogue article a[data-mode]').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
    const ids = (await cards(page)).map((c) => c.id);
    expect(hrefs).toHaveLength(ids.length * 4);
    for (const id of ids) {
      for (const mode of ['demo', 'guided', 'practice', 'evaluation']) expect(hrefs).toContain(`/?scenario=${id}&mode=${mode}&lang=en`);
    }
    // No horizontal scrolling on a phone.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await page.getByRole('button', { name: 'Français' }).click();
    await page.getByRole('heading', { level: 1, name: 'Catalogue des scénarios' }).waitFor();
    expect(param(page, 'lang')).toBeNull();
  });
});
