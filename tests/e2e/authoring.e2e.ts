import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { parseScenario } from '../../src/scenarios/load';
import { openApp, type E2EPage, useCleanApps } from './harness';

/** The editor as a trainer uses it: record steps by clicking the live site, write, reorder, preview, export. */
let app: E2EPage | null = null;
useCleanApps();

async function screenIs(page: Page, screen: string): Promise<void> {
  await page.getByText(`Écran actuel : ${screen}`, { exact: true }).waitFor({ timeout: 15_000 });
}

/** « Ajouter une étape », then a click on the site's zone. */
async function record(page: Page, zone: string): Promise<void> {
  await page.getByRole('button', { name: 'Ajouter une étape', exact: true }).click();
  await page.locator('mes-authoring-editor .site.picking').waitFor();
  await page.getByRole('button', { name: zone, exact: true }).click();
}

const stepNames = (page: Page) => page.locator('mes-authoring-editor ol.steps .step-pick').allTextContents();

describe('authoring (?view=auteur)', () => {
  it('records two steps on the site, writes a callout, previews, reorders and exports them', async () => {
    app = await openApp('/?view=auteur');
    const { page } = app;
    await screenIs(page, 'home');

    await record(page, 'Activer Mon espace santé');
    // The click was played once: the site moved on, and the step knows to which screen.
    await screenIs(page, 'start');
    await page.getByRole('button', { name: /Modifier l'étape 1\. home-activate-space/ }).waitFor();
    // Focus is on the new step's callout text, ready to be written.
    const text = page.locator('mes-authoring-editor #callout-0-text');
    await expect.poll(() => text.evaluate((el) => el === (el.getRootNode() as ShadowRoot).activeElement)).toBe(true);
    await page.keyboard.type('Cliquez ici pour activer votre espace.');

    await record(page, 'Commencer');
    await screenIs(page, 'identify');
    expect(await stepNames(page)).toHaveLength(2);

    // The preview opens the player on this draft, not on a shipped scenario.
    const [preview] = await Promise.all([
      app.context.waitForEvent('page'),
      page.getByRole('button', { name: 'Prévisualiser en mode Guidé' }).click(),
    ]);
    await preview.waitForURL(/draft=1/);
    await preview.getByText('Cliquez ici pour activer votre espace.').first().waitFor({ timeout: 15_000 });
    expect(new URL(preview.url()).searchParams.get('scenario')).toBe('nouveau-scenario');
    await preview.close();

    // Reorder with the keyboard: focus « Monter » of the second step and press Enter.
    await page.getByRole('button', { name: "Monter l'étape start-begin" }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await stepNames(page))[0]?.trim()).toMatch(/^Modifier l'étape 1\. start-begin/);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Exporter nouveau-scenario.yaml' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('nouveau-scenario.yaml');
    const path = await download.path();
    const yaml = readFileSync(path, 'utf8');
    const scenario = parseScenario(yaml, 'nouveau-scenario.yaml');
    const steps = scenario.tutorial!.steps;
    expect(steps.map((s) => s.id)).toEqual(['start-begin', 'home-activate-space']);
    expect(steps.map((s) => s.target)).toEqual(['begin', 'activate-space']);
    expect(steps[1]).toMatchObject({
      screen: 'home',
      action: { send: { type: 'ACTIVATE_SPACE' } },
      until: { screen: 'start' },
      callouts: [{ n: 1, text: 'Cliquez ici pour activer votre espace.', target: 'activate-space', kind: 'step' }],
    });
    expect(steps[0]).toMatchObject({ screen: 'start', action: { send: { type: 'BEGIN' } }, until: { screen: 'identify' } });
    // The text area to copy holds the same text as the file.
    expect(await page.locator('mes-authoring-editor #export-yaml').inputValue()).toBe(yaml);
  });

  it('records a field as a fill with the persona placeholder of what was typed', async () => {
    app = await openApp('/?view=auteur');
    const { page } = app;
    await screenIs(page, 'home');
    await page.getByRole('button', { name: 'Activer Mon espace santé', exact: true }).click();
    await page.getByRole('button', { name: 'Commencer', exact: true }).click();
    await screenIs(page, 'identify');
    await page.getByRole('textbox', { name: 'Numéro de sécurité sociale' }).fill('269054410903857');
    await page.getByRole('button', { name: 'Ajouter une étape', exact: true }).click();
    await page.getByRole('textbox', { name: 'Numéro de sécurité sociale' }).click();
    await page.getByRole('button', { name: /Modifier l'étape 1\. identify-nir/ }).waitFor();
    expect(await page.locator('mes-authoring-editor #fill-value').inputValue()).toBe('{{persona.nirFormatted}}');
    const yaml = await page.locator('mes-authoring-editor #export-yaml').inputValue();
    const step = parseScenario(yaml, 'x.yaml').tutorial!.steps[0];
    expect(step).toMatchObject({ screen: 'identify', target: 'nir', action: { fill: { form: 'identify', field: 'nir', value: '{{persona.nirFormatted}}' } } });
    expect(step?.until).toBeUndefined();
  });
});
