import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openApp, type E2EPage, useCleanApps } from './harness';
import { focused, playerReady, shownStep, steps, type Focus } from './quality-helpers';
import { MARTINE, see } from './site-helpers';

/**
 * Keyboard alone: the four journeys of the simulated site, and each journey of the default tutorial in
 * guided mode from the « Fin de parcours » menu. Only the keyboard acts (Tab, Shift+Tab, Enter, Space,
 * arrows, typing): no click, no fill, no check. The page is read (texts, the focused element), as a
 * screen reader user hears it. Every element reached must show its focus.
 */

let app: E2EPage | null = null;
useCleanApps();

/** Elements that took the focus without showing it (WCAG 2.4.7). */
let invisible: string[] = [];

const describeFocus = (f: Focus) => `${f.tag}${f.type ? `[${f.type}]` : ''} « ${f.name.slice(0, 60)} »`;

/** Presses Tab (or Shift+Tab) until the focused element matches; fails after `max` presses. */
async function tabTo(page: Page, what: string, match: (f: Focus) => boolean, options: { back?: boolean; max?: number } = {}): Promise<Focus> {
  const max = options.max ?? 80;
  const path: string[] = [];
  for (let i = 0; i <= max; i += 1) {
    const f = await focused(page);
    if (f.tag && match(f)) {
      if (!f.visible) invisible.push(describeFocus(f));
      return f;
    }
    if (f.tag) path.push(describeFocus(f));
    await page.keyboard.press(options.back ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`Tab never reached ${what}; went through:\n${path.slice(-25).join('\n')}`);
}

const named = (tag: string, name: RegExp) => (f: Focus) => f.tag === tag && name.test(f.name);
const button = (name: RegExp) => named('button', name);
const input = (name: RegExp) => (f: Focus) => f.tag === 'input' && !['radio', 'checkbox'].includes(f.type) && name.test(f.name);

async function press(page: Page, what: string, match: (f: Focus) => boolean, key = 'Enter', options: { back?: boolean } = {}): Promise<void> {
  await tabTo(page, what, match, options);
  await page.keyboard.press(key);
}

/** Types in the field, replacing what it held. */
async function type(page: Page, label: RegExp, value: string): Promise<void> {
  await tabTo(page, `the field ${label}`, input(label));
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type(value);
}

/** Tabs into a radio group, then arrows to the wanted radio, which arrows (or Space) check. */
async function chooseRadio(page: Page, label: RegExp): Promise<void> {
  await tabTo(page, 'a radio group', (f) => f.type === 'radio');
  for (let i = 0; i < 6; i += 1) {
    const f = await focused(page);
    if (label.test(f.name)) {
      if (!f.checked) await page.keyboard.press('Space');
      expect((await focused(page)).checked, `radio ${label}`).toBe(true);
      return;
    }
    await page.keyboard.press('ArrowDown');
  }
  throw new Error(`no radio ${label} in the group`);
}

async function identifyByKeyboard(page: Page, code = MARTINE.code): Promise<void> {
  await see(page, "Je m'identifie");
  await type(page, /^Code provisoire composé de 12 caractères/, code);
  await type(page, /^Numéro de sécurité sociale/, MARTINE.nir);
  await chooseRadio(page, /sans photo/);
  await type(page, /^Numéro de série de carte Vitale/, MARTINE.serial);
  await press(page, '« Continuer »', button(/^Continuer$/));
}

async function startActivationByKeyboard(page: Page): Promise<void> {
  await press(page, '« Activer Mon espace santé »', button(/^Activer Mon espace santé$/));
  await see(page, "Pour l'activer ou m'y opposer j'ai besoin d'avoir :");
  await press(page, '« Commencer »', button(/^Commencer$/));
}

/** The simulated site on its home page (S1), no focus yet counted as invisible. */
async function openSite(): Promise<Page> {
  invisible = [];
  app = await openApp('/?view=site');
  await see(app.page, 'Activer Mon espace santé');
  return app.page;
}

/** The site at S4 « Bonjour Martine ! », reached by keyboard: S1 → S2 → S3 with Martine's notice. */
async function openSiteAtDecision(): Promise<Page> {
  const page = await openSite();
  await startActivationByKeyboard(page);
  await identifyByKeyboard(page);
  return page;
}

/** Opens « Ma messagerie et mon téléphone » from the keyboard, reads the newest code, closes it with Esc. */
async function readCodeByKeyboard(page: Page, tab: 'Messagerie' | 'Téléphone'): Promise<string> {
  await press(page, 'the simulated inbox', button(/Ma messagerie et mon téléphone/), 'Enter', { back: true });
  const dialog = page.getByRole('dialog', { name: /messagerie/i });
  await dialog.waitFor();
  await tabTo(page, 'the inbox tabs', (f) => f.role === 'tab');
  for (let i = 0; i < 3 && !new RegExp(tab).test((await focused(page)).name); i += 1) await page.keyboard.press('ArrowRight');
  expect((await focused(page)).name).toMatch(new RegExp(tab));
  await page.keyboard.press('Enter');
  const panel = page.getByRole('tabpanel', { name: new RegExp(tab) });
  await panel.locator('.code').first().waitFor();
  const all = await panel.locator('.code').allTextContents();
  const code = (tab === 'Messagerie' ? all[0] : all[all.length - 1])?.trim() ?? '';
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'hidden' });
  expect((await focused(page)).name, 'the focus goes back to the toggle').toMatch(/Ma messagerie et mon téléphone/);
  expect(code).not.toBe('');
  return code;
}

describe('the simulated site by keyboard alone', () => {
  it('activation: S1 → S8', async () => {
    const page = await openSiteAtDecision();
    await see(page, 'Bonjour Martine !');
    await chooseRadio(page, /J'active/);
    await press(page, 'the CGU checkbox', (f) => f.type === 'checkbox', 'Space');
    expect((await focused(page)).checked).toBe(true);
    await press(page, '« Continuer »', button(/^Continuer$/));
    await see(page, 'Je vérifie mes coordonnées de contact');
    await press(page, '« Continuer »', button(/^Continuer$/));
    await see(page, 'Je choisis mon identifiant et mon mot de passe');
    await type(page, /^Identifiant/, 'mleguellec69');
    await type(page, /^Mot de passe/, 'Printemps#2024');
    await type(page, /^Confirmer le mot de passe/, 'Printemps#2024');
    await press(page, '« Valider »', button(/^Valider$/));
    await see(page, 'Mon espace santé a bien été activé !');
    expect(invisible, `focus not shown on: ${invisible.join(', ')}`).toEqual([]);
  });

  it('opposition: S9 → S11 with the justificatif, then a child', async () => {
    const page = await openSiteAtDecision();
    await see(page, 'Bonjour Martine !');
    await chooseRadio(page, /Je m'oppose/);
    await press(page, '« Continuer »', button(/^Continuer$/));
    await see(page, "Je valide l'opposition à la création de Mon espace santé");
    await press(page, '« Continuer »', button(/^Continuer$/));
    await see(page, 'Ma décision a bien été prise en compte');
    const [download] = await Promise.all([page.waitForEvent('download'), press(page, 'the justificatif', button(/Télécharger le justificatif/))]);
    expect(await download.path()).toBeTruthy();
    await see(page, 'Lucas LEGUELLEC');
    await press(page, '« Gérer le profil »', button(/Gérer le profil/));
    await see(page, 'Bonjour Lucas !');
    await chooseRadio(page, /Je m'oppose/);
    await press(page, '« Continuer »', button(/^Continuer$/));
    await press(page, '« Continuer »', button(/^Continuer$/));
    await see(page, /prise en compte/);
    await press(page, '« Revenir à mes profils »', button(/Revenir à mes profils/));
    await see(page, /Profil opposé le \d{2}\/\d{2}\/\d{4}/);
    expect(invisible, `focus not shown on: ${invisible.join(', ')}`).toEqual([]);
  });

  it('new provisional code: S17 → S18, the code read in the inbox, then used', async () => {
    const page = await openSite();
    await press(page, '« Activer Mon espace santé »', button(/^Activer Mon espace santé$/));
    await press(page, '« Générer un nouveau code provisoire »', button(/^Générer un nouveau code provisoire$/));
    await see(page, 'Je génère un nouveau code provisoire');
    await type(page, /^Numéro de sécurité sociale/, MARTINE.nir);
    await type(page, /^Date de naissance/, '12/05/1969');
    await chooseRadio(page, /sans photo/);
    await type(page, /^Numéro de série de carte Vitale/, MARTINE.serial);
    await press(page, '« Continuer »', button(/^Continuer$/));
    await see(page, 'Envoi du code provisoire');
    await press(page, '« Valider »', button(/^Valider$/));
    await see(page, 'Votre nouveau code provisoire a été envoyé');
    const code = await readCodeByKeyboard(page, 'Messagerie');
    expect(code).toMatch(/^[0-9A-Za-z]{12}$/);
    await press(page, '« Activer Mon espace santé »', button(/^Activer Mon espace santé$/));
    // S3 keeps the NIR, the card and the serial of S17: only the new code is typed.
    await type(page, /^Code provisoire composé de 12 caractères/, code);
    await press(page, '« Continuer »', button(/^Continuer$/));
    await see(page, 'Bonjour Martine !');
    expect(invisible, `focus not shown on: ${invisible.join(', ')}`).toEqual([]);
  });

  it('contact change: the e-mail then the mobile, each confirmed by its one-time code', async () => {
    const page = await openSiteAtDecision();
    await chooseRadio(page, /J'active/);
    await press(page, 'the CGU checkbox', (f) => f.type === 'checkbox', 'Space');
    await press(page, '« Continuer »', button(/^Continuer$/));
    await see(page, 'Je vérifie mes coordonnées de contact');
    await press(page, 'modify the e-mail', (f) => /Modifier l'adresse e-mail/.test(f.name));
    await see(page, 'Je modifie mon adresse e-mail');
    await type(page, /^Adresse e-mail/, 'martine.l@example.fr');
    await press(page, '« Valider »', button(/^Valider$/));
    await see(page, 'Je valide mon adresse e-mail');
    const otp = await readCodeByKeyboard(page, 'Messagerie');
    await type(page, /^Code à usage unique/, otp);
    await press(page, '« Valider »', button(/^Valider$/));
    await see(page, 'Adresse e-mail modifiée');
    await press(page, 'modify the mobile', (f) => /numéro de mobile/.test(f.name));
    await see(page, 'Je renseigne mon numéro de téléphone mobile');
    await type(page, /^Numéro de téléphone mobile/, '07 22 33 44 55');
    await press(page, '« Valider »', button(/^Valider$/));
    await see(page, 'Je valide mon numéro de téléphone mobile');
    const sms = await readCodeByKeyboard(page, 'Téléphone');
    await type(page, /^Code à usage unique/, sms);
    await press(page, '« Valider »', button(/^Valider$/));
    await see(page, 'Numéro de téléphone modifié');
    await page.locator('mes-screen-contacts').getByText('07 22 33 44 55').waitFor();
    expect(invisible, `focus not shown on: ${invisible.join(', ')}`).toEqual([]);
  });
});

/** The tutorial's journeys, as the « Fin de parcours » menu offers them. */
const menu = steps.find((s) => s.id === 'end')?.menu ?? [];

describe('the pas à pas in guided mode by keyboard alone', () => {
  it('offers every journey in « Fin de parcours »', () => {
    expect(menu.map((m) => m.journey).sort()).toEqual(['activation', 'contacts', 'new-code', 'opposition']);
  });

  it('the introduction: the slides one after another with →', async () => {
    app = await openApp('/?scenario=pas-a-pas&step=cover&mode=guided');
    const { page } = app;
    await playerReady(page);
    const intro = steps.filter((s) => s.journey === steps[0]!.journey).map((s) => s.id);
    const seen: string[] = [];
    while (seen.length < intro.length + 1) {
      const id = await shownStep(page);
      seen.push(id);
      if (!intro.includes(id)) break;
      await page.keyboard.press('ArrowRight');
      await page.waitForFunction((prev) => new URL(location.href).searchParams.get('step') !== prev, id, { timeout: 20_000 });
      await playerReady(page);
    }
    expect(seen).toEqual([...intro, steps[intro.length]!.id]);
  }, 120_000);

  it.each(menu.map((m) => m.journey))('%s, from the « Fin de parcours » menu to its last step', async (journey) => {
    invisible = [];
    app = await openApp('/?scenario=pas-a-pas&step=end&mode=guided');
    const { page } = app;
    await playerReady(page);
    await press(page, `the menu entry ${journey}`, (f) => f.hotspot === `journey-${journey}`);
    const own = steps.filter((s) => s.journey === journey).map((s) => s.id);
    await page.waitForFunction((first) => new URL(location.href).searchParams.get('step') === first, own[0]!, { timeout: 20_000 });
    const seen: string[] = [];
    for (let guard = 0; guard < own.length + 2; guard += 1) {
      await playerReady(page);
      const id = await shownStep(page);
      if (!own.includes(id)) break;
      seen.push(id);
      const step = steps.find((s) => s.id === id)!;
      if (step.action) {
        // The zone over the target is a real button: the step gives it the focus, Tab reaches it otherwise.
        await tabTo(page, `the zone of ${id}`, (f) => f.hotspot === 'zone', { max: 40 });
        await page.keyboard.press('Enter');
      } else {
        await page.keyboard.press('ArrowRight');
      }
      await page.waitForFunction((prev) => new URL(location.href).searchParams.get('step') !== prev, id, { timeout: 20_000 });
    }
    expect(seen).toEqual(own);
    expect(invisible, `focus not shown on: ${invisible.join(', ')}`).toEqual([]);
  }, 180_000);
});
