import { expect } from 'vitest';
import type { Locator, Page } from 'playwright-core';

/** A person's gestures on the simulated site, by visible labels (playwright pierces shadow roots). */
export const MARTINE = {
  code: 'Kp7RmX2qLa9T',
  nir: '2 69 05 44 109 038 57',
  serial: '09073458126',
};

/** An element's text as read, the no-break spaces of French typography (inside « », before a colon) made plain. */
export async function said(locator: Locator): Promise<string> {
  return (await locator.innerText()).replace(/\u00a0/g, ' ');
}

export async function see(page: Page, text: string | RegExp): Promise<void> {
  await page.getByText(text).first().waitFor({ state: 'visible', timeout: 10_000 });
}

export async function click(page: Page, name: string | RegExp, role: 'button' | 'link' = 'button'): Promise<void> {
  await page.getByRole(role, { name, exact: typeof name === 'string' }).first().click();
}

export async function identify(page: Page, values: { code: string; nir: string; serial: string; card?: 'sans' | 'avec' }): Promise<void> {
  await see(page, "Je m'identifie");
  await page.getByLabel('Code provisoire composé de 12 caractères', { exact: true }).fill(values.code);
  await page.getByLabel('Numéro de sécurité sociale', { exact: true }).fill(values.nir);
  await page.getByRole('radio', { name: values.card === 'avec' ? 'Carte Vitale avec photo' : 'Carte Vitale sans photo', exact: true }).check();
  await page.getByLabel('Numéro de série de carte Vitale', { exact: true }).fill(values.serial);
  await click(page, 'Continuer');
}

/** Opens « Ma messagerie et mon téléphone », reads the newest code of the tab, and closes it. */
export async function readCode(page: Page, tab: 'Messagerie' | 'Téléphone'): Promise<string> {
  await page.getByRole('button', { name: /Ma messagerie et mon téléphone/ }).click();
  await page.getByRole('tab', { name: new RegExp(tab) }).click();
  const panel = page.getByRole('tabpanel', { name: new RegExp(tab) });
  const codes = panel.locator('.code');
  await codes.first().waitFor({ timeout: 10_000 });
  // E-mails are listed newest first; SMS as a thread, oldest first.
  const all = await codes.allTextContents();
  const code = (tab === 'Messagerie' ? all[0] : all[all.length - 1])?.trim() ?? '';
  await page.getByRole('dialog').getByRole('button', { name: 'Fermer' }).click();
  expect(code).not.toBe('');
  return code;
}

export async function startActivation(page: Page): Promise<void> {
  await click(page, 'Activer Mon espace santé');
  await see(page, "Pour l'activer ou m'y opposer j'ai besoin d'avoir :");
  await click(page, 'Commencer');
}
