import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { parseScenario } from '../../src/scenarios/load';
import { baseUrl, openApp, type E2EPage, useCleanApps } from './harness';
import { said } from './site-helpers';

/** The trainer's presenter view and the trainee's player, two windows of one browser kept in step. */
const scenario = parseScenario(readFileSync('scenarios/pas-a-pas.yaml', 'utf8'), 'pas-a-pas.yaml');
const steps = scenario.tutorial!.steps;

let app: E2EPage | null = null;
useCleanApps();

const stepOf = (page: Page) => new URL(page.url()).searchParams.get('step');

async function waitStep(page: Page, id: string): Promise<void> {
  await page.waitForFunction((want) => new URL(location.href).searchParams.get('step') === want, id, { timeout: 15_000 });
  await page.locator('mes-tutorial .stage[aria-busy="false"]').waitFor({ timeout: 15_000 });
}

describe('the presenter view', () => {
  it('drives the player and follows it', async () => {
    app = await openApp('/?scenario=pas-a-pas&step=cover&mode=guided');
    const player = app.page;
    await waitStep(player, 'cover');
    const presenter = await app.context.newPage();
    const problems: string[] = [];
    presenter.on('pageerror', (e) => problems.push(e.message));
    presenter.on('console', (m) => {
      if (m.type() === 'error') problems.push(m.text());
    });
    await presenter.goto(`${baseUrl()}/?view=presenter&scenario=pas-a-pas`);
    const current = presenter.locator('mes-presenter-view section.current h3');
    await presenter.getByRole('status').filter({ hasText: 'Relié au pas à pas' }).waitFor();
    await expect.poll(() => current.textContent()).toBe('Page de couverture');

    // The presenter's « Suivant » moves the player.
    await presenter.getByRole('button', { name: 'Suivant →' }).click();
    await waitStep(player, 'howto');
    await expect.poll(() => current.textContent()).toBe("Mode d'emploi");

    // The player's → moves the presenter's view.
    await player.keyboard.press('ArrowRight');
    await waitStep(player, 'before');
    await expect.poll(() => current.textContent()).toBe('Avant de commencer');
    await expect.poll(() => presenter.locator('mes-presenter-view section.upcoming h3').textContent()).toBe("L'e-mail de notification");

    // « Aller à l'étape » goes to a site step; there « Suivant » clicks the step's zone for the trainee.
    const s1 = steps.findIndex((s) => s.id === 's1-activate');
    await presenter.getByLabel("Aller à l'étape").selectOption(String(s1));
    await presenter.getByRole('button', { name: 'Y aller' }).click();
    await waitStep(player, 's1-activate');
    await presenter.getByRole('button', { name: 'Suivant →' }).click();
    await waitStep(player, 's2-begin');
    expect(stepOf(player)).toBe('s2-begin');
    const fr = JSON.parse(readFileSync('locales/fr/pasapas.json', 'utf8')) as { steps: { s2: { title: string } } };
    await expect.poll(() => current.textContent()).toBe(fr.steps.s2.title);
    await expect.poll(() => presenter.locator('mes-presenter-view section.current .meta').first().textContent()).toContain(`Étape ${s1 + 2} sur ${steps.length}`);
    expect(problems).toEqual([]);
  });

  it("opens from the player's bar", async () => {
    app = await openApp('/?scenario=pas-a-pas&step=cover&mode=guided');
    const player = app.page;
    await waitStep(player, 'cover');
    const [popup] = await Promise.all([app.context.waitForEvent('page'), player.getByRole('button', { name: /Vue présentateur/ }).click()]);
    await popup.waitForLoadState();
    expect(new URL(popup.url()).searchParams.get('view')).toBe('presenter');
    await popup.getByRole('heading', { name: 'Vue présentateur', level: 1 }).waitFor();
    await popup.getByRole('status').filter({ hasText: 'Relié au pas à pas' }).waitFor();
  });

  it('of a scenario that does not exist says so, and leads to the catalogue', async () => {
    app = await openApp('/?view=presenter&scenario=inconnu');
    const { page } = app;
    const alert = page.locator('mes-presenter-view .problem[role="alert"]');
    await alert.waitFor();
    expect(await said(alert)).toContain("Le scénario « inconnu » est introuvable : vérifiez l'adresse, ou choisissez-le dans le catalogue.");
    await page.getByRole('link', { name: 'Voir le catalogue des scénarios' }).click();
    await page.waitForFunction(() => new URL(location.href).searchParams.get('view') === 'catalogue');
    await page.getByRole('heading', { level: 1 }).first().waitFor();
  });

  it('with an empty scenario in its address presents the default pas à pas', async () => {
    app = await openApp('/?view=presenter&scenario=');
    const { page } = app;
    await page.getByRole('heading', { name: 'Vue présentateur', level: 1 }).waitFor();
    await page.getByText('Bienvenue').first().waitFor();
    expect(await page.locator('mes-presenter-view .problem').count()).toBe(0);
  });
});
