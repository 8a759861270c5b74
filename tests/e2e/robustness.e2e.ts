import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { baseUrl, launch, openApp, type E2EPage, useCleanApps } from './harness';
import { navigate, playerReady, stepOf } from './quality-helpers';
import { MARTINE, click, identify, readCode, see, startActivation } from './site-helpers';

/**
 * Faults during the journeys of the simulated site: the service fails (« Simuler une panne », a 500),
 * the network drops, the answer is slow. Each form screen shows the error and its own button retries;
 * the second try goes on from where the person was, nothing typed lost. Also: a language switch in
 * the middle of a journey, and text typed as HTML shown as text.
 *
 * How the faults are made: the simulated backend answers inside the page (MSW's handlers behind the
 * page's fetch, src/backend/browser.ts), so no request reaches the network. Playwright's page.route and context.setOffline act on the network
 * and see none of these requests (checked below): they can neither delay nor drop them. The drop and
 * the delay are made where the app meets the network instead: the global `fetch`, which the API
 * client (src/api/client.ts) looks up at each call. A drop rejects as a browser offline does
 * (TypeError), a delay waits before passing the request on.
 */

let app: E2EPage | null = null;
useCleanApps();

type Fault = 'outage' | 'drop' | 'delay';

const MESSAGES = JSON.parse(readFileSync('locales/fr/errors.json', 'utf8')) as { server: Record<string, string> };
const SERVER_ERROR = MESSAGES.server.SERVER_ERROR!;
const NETWORK = MESSAGES.server.NETWORK!;
const SENDING = (JSON.parse(readFileSync('locales/fr/common.json', 'utf8')) as { sending: string }).sending;

/** Wraps the page's fetch once: the next request to the API (but the inbox and the trainer's controls) fails or waits. */
async function installFaults(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __faults?: boolean; __nextFault: { kind: 'drop' | 'delay'; ms: number; match: string } | null };
    if (w.__faults) return;
    w.__faults = true;
    w.__nextFault = null;
    const original = window.fetch.bind(window);
    window.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
      const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
      const fault = w.__nextFault;
      const api = url.includes('/api/') && !/\/api\/(inbox|faults|reset|world)/.test(url);
      if (fault && api && url.includes(fault.match)) {
        w.__nextFault = null;
        if (fault.kind === 'drop') throw new TypeError('Failed to fetch');
        await new Promise((resolve) => setTimeout(resolve, fault.ms));
      }
      return original(input, init);
    };
  });
}

async function arm(current: E2EPage, fault: Fault, match = '/api/'): Promise<void> {
  const { page } = current;
  if (fault === 'outage') {
    current.allowStatus(500);
    await click(page, 'Simuler une panne');
    await page.getByRole('button', { name: 'Simuler une panne', exact: true }).and(page.locator('[aria-pressed="true"]')).waitFor();
    return;
  }
  await page.evaluate(
    ([kind, m]) => {
      (window as unknown as { __nextFault: unknown }).__nextFault = { kind, ms: 2500, match: m };
    },
    [fault === 'drop' ? 'drop' : 'delay', match] as const,
  );
}

/**
 * Presses the screen's button with a fault armed: a failure shows its message and the same button,
 * which then goes on to `next`; a slow answer shows the button busy, then goes on by itself.
 */
async function submitThrough(current: E2EPage, fault: Fault, button: string, next: string | RegExp, options: { busyLabel?: string | null } = {}): Promise<void> {
  const { page } = current;
  await arm(current, fault);
  const main = page.getByRole('button', { name: button, exact: true }).first();
  await main.click();
  if (fault === 'delay') {
    const busyLabel = options.busyLabel === undefined ? SENDING : options.busyLabel;
    if (busyLabel) {
      // Busy while waiting: the button says so, stays focusable, and a second press is ignored.
      const busy = page.getByRole('button', { name: busyLabel }).first();
      await busy.waitFor({ timeout: 2000 });
      expect(await busy.getAttribute('aria-disabled')).toBe('true');
      await busy.dispatchEvent('click');
    }
    await see(page, next);
    return;
  }
  await see(page, fault === 'outage' ? SERVER_ERROR : NETWORK);
  const alert = page.getByRole('alert').filter({ hasText: fault === 'outage' ? SERVER_ERROR : NETWORK });
  expect(await alert.count(), 'the error is announced').toBeGreaterThan(0);
  expect(await main.getAttribute('aria-disabled')).not.toBe('true');
  await main.click();
  await see(page, next);
}

async function walkWithFaults(fault: Fault): Promise<void> {
  app = await openApp('/?view=site');
  const current = app;
  const { page } = current;
  await see(page, 'Activer Mon espace santé');
  await installFaults(page);

  // Activation, a fault on each request.
  await startActivation(page);
  await see(page, "Je m'identifie");
  await page.getByLabel('Code provisoire composé de 12 caractères', { exact: true }).fill(MARTINE.code);
  await page.getByLabel('Numéro de sécurité sociale', { exact: true }).fill(MARTINE.nir);
  await page.getByRole('radio', { name: 'Carte Vitale sans photo', exact: true }).check();
  await page.getByLabel('Numéro de série de carte Vitale', { exact: true }).fill(MARTINE.serial);
  await submitThrough(current, fault, 'Continuer', 'Bonjour Martine !');
  await page.getByText("J'active Mon espace santé", { exact: true }).first().click();
  await page.getByRole('checkbox').check();
  await submitThrough(current, fault, 'Continuer', 'Je vérifie mes coordonnées de contact');
  await page.getByRole('button', { name: /Modifier l'adresse e-mail/ }).first().click();
  await page.getByLabel('Adresse e-mail', { exact: true }).fill('martine.l@example.fr');
  await submitThrough(current, fault, 'Valider', 'Je valide mon adresse e-mail');
  const otp = await readCode(page, 'Messagerie');
  await page.getByLabel('Code à usage unique', { exact: true }).fill(otp);
  await submitThrough(current, fault, 'Valider', 'Adresse e-mail modifiée');
  await click(page, 'Continuer');
  await page.getByLabel('Identifiant', { exact: true }).fill('mleguellec69');
  await page.getByLabel('Mot de passe', { exact: true }).fill('Printemps#2024');
  await page.getByLabel('Confirmer le mot de passe', { exact: true }).fill('Printemps#2024');
  await submitThrough(current, fault, 'Valider', 'Mon espace santé a bien été activé !');

  // Opposition: the confirmation, the justificatif, a child's profile.
  await click(page, 'Recommencer');
  await startActivation(page);
  await identify(page, MARTINE);
  await page.getByText("Je m'oppose à la création de Mon espace santé", { exact: true }).first().click();
  await click(page, 'Continuer');
  await see(page, "Je valide l'opposition à la création de Mon espace santé");
  await submitThrough(current, fault, 'Continuer', 'Lucas LEGUELLEC');
  await arm(current, fault);
  const download = page.getByRole('button', { name: /Télécharger le justificatif/ });
  if (fault === 'delay') {
    await Promise.all([page.waitForEvent('download', { timeout: 15_000 }), download.click()]);
  } else {
    await download.click();
    await see(page, fault === 'outage' ? SERVER_ERROR : NETWORK);
    await Promise.all([page.waitForEvent('download'), download.click()]);
  }
  await submitThrough(current, fault, 'Gérer le profil', 'Bonjour Lucas !', { busyLabel: null });
  await see(page, 'Bonjour Lucas !');

  // A new provisional code: the request, then the sending.
  await click(page, 'Recommencer');
  await click(page, 'Activer Mon espace santé');
  await click(page, 'Générer un nouveau code provisoire');
  await page.getByLabel('Numéro de sécurité sociale', { exact: true }).fill(MARTINE.nir);
  await page.getByLabel('Date de naissance', { exact: true }).fill('12/05/1969');
  await page.getByRole('radio', { name: 'Carte Vitale sans photo', exact: true }).check();
  await page.getByLabel('Numéro de série de carte Vitale', { exact: true }).fill(MARTINE.serial);
  await submitThrough(current, fault, 'Continuer', 'Envoi du code provisoire');
  await submitThrough(current, fault, 'Valider', 'Votre nouveau code provisoire a été envoyé');
}

describe('faults on every form screen of the site', () => {
  it('the service fails once (« Simuler une panne », 500): the error, then the same button goes on', async () => {
    await walkWithFaults('outage');
  }, 120_000);

  it('the network drops: « Le service ne répond pas », then the same button goes on', async () => {
    await walkWithFaults('drop');
  }, 120_000);

  it('a slow answer: the button says it is sending and refuses a second submission, then the journey goes on', async () => {
    await walkWithFaults('delay');
  }, 180_000);

  it('the list of profiles fails to load: the error is shown and the justificatif still downloads', async () => {
    app = await openApp('/?view=site');
    const { page } = app;
    await see(page, 'Activer Mon espace santé');
    await installFaults(page);
    await startActivation(page);
    await identify(page, MARTINE);
    await page.getByText("Je m'oppose à la création de Mon espace santé", { exact: true }).first().click();
    await click(page, 'Continuer');
    await arm(app, 'drop', '/profiles');
    await click(page, 'Continuer');
    await see(page, 'Ma décision a bien été prise en compte');
    await see(page, NETWORK);
    await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /Télécharger le justificatif/ }).click()]);
  }, 60_000);

  it('page.route and setOffline do not reach the requests the simulated backend answers (why fetch is wrapped)', async () => {
    app = await openApp('/?view=site');
    const { page, context } = app;
    await see(page, 'Activer Mon espace santé');
    let routed = 0;
    await page.route('**/api/**', async (route) => {
      routed += 1;
      await route.continue();
    });
    await startActivation(page);
    await context.setOffline(true);
    await identify(page, MARTINE);
    await see(page, 'Bonjour Martine !');
    await context.setOffline(false);
    expect(routed).toBe(0);
  }, 60_000);
});

describe('data of the build that cannot be fetched', () => {
  it('the call centre, its calls not fetched: a message and « Réessayer », then the calls once the network is back', async () => {
    const b = await launch();
    // No offline worker: every fetch of the page reaches the route below.
    const context = await b.newContext({ locale: 'fr-FR', serviceWorkers: 'block' });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(`page error: ${e.message}`));
    page.on('console', (m) => {
      // The refused request itself is logged by Chromium; nothing else may be.
      if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) errors.push(m.text());
    });
    try {
      let blocked = true;
      await page.route('**/assets/calls-*.json', (route) => (blocked ? route.abort('internetdisconnected') : route.continue()));
      await page.goto(`${baseUrl()}/?view=appels`);
      const alert = page.getByRole('alert');
      await alert.getByText("Le simulateur n'a pas pu se charger", { exact: false }).waitFor();
      const retry = alert.getByRole('button', { name: 'Réessayer', exact: true });
      expect(await retry.evaluate((el) => el === document.activeElement)).toBe(true);
      blocked = false;
      await retry.click();
      await see(page, 'Répéter un appel du 3422');
      await page.getByRole('button', { name: "Prendre l'appel : « Je n'ai jamais reçu le code »", exact: true }).waitFor();
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 60_000);
});

describe('saved state', () => {
  // The player keeps no progress in storage: the address carries the step. What the page does read
  // back is the editor's draft (sessionStorage), handed to the player's preview.
  it('a corrupt draft left by the editor is refused with a message, never a crash', async () => {
    app = await openApp('/?view=site');
    const { page } = app;
    await see(page, 'Activer Mon espace santé');
    for (const text of ['{{{ pas du YAML', 'id: pas-a-pas\nversion: 0\nworld: 12', '<script>window.__xss = 1</script>']) {
      await page.evaluate((t) => sessionStorage.setItem('mes-authoring:draft:pas-a-pas', t), text);
      await navigate(page, '/?scenario=pas-a-pas&mode=guided&draft=1');
      const alert = page.getByRole('alert').first();
      await alert.waitFor();
      expect(await alert.textContent()).toMatch(/n'a pas pu démarrer/);
      expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    }
  }, 60_000);
});

describe('languages and injected text', () => {
  it('switching to English in the middle of a journey keeps the step and shows the screen in English', async () => {
    app = await openApp('/?scenario=pas-a-pas&step=s3-serial&mode=guided');
    const { page } = app;
    await playerReady(page);
    await see(page, "Je m'identifie");
    const code = page.getByLabel('Code provisoire composé de 12 caractères', { exact: true });
    expect(await code.inputValue()).toBe(MARTINE.code);
    // The player fetched the translations of its language only (scripts/vite-data-files.ts); English comes with the switch.
    const locales = () => app!.requests.filter((r) => /\/assets\/locales-/.test(r)).map((r) => /locales-([a-z]{2})-/.exec(r)?.[1]);
    expect(locales()).toEqual(['fr']);
    await page.getByRole('button', { name: 'English', exact: true }).click();
    await page.getByRole('heading', { name: 'I identify myself' }).waitFor();
    expect(locales()).toEqual(['fr', 'en']);
    expect(stepOf(page)).toBe('s3-serial');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    // The values typed so far are still there, and the labels are English now.
    expect(await page.getByLabel(/^Provisional code of 12 characters/).first().inputValue()).toBe(MARTINE.code);
    expect(await page.getByText("Je m'identifie").count()).toBe(0);
    // The step goes on in English.
    await page.locator('mes-tutorial-overlay .zone').press('Enter');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('step') === 's3-submit');
    await page.getByRole('button', { name: 'Français', exact: true }).click();
    await page.getByRole('heading', { name: "Je m'identifie" }).waitFor();
    expect(stepOf(page)).toBe('s3-submit');
  }, 60_000);

  it('HTML typed in a field is shown as text, never run', async () => {
    app = await openApp('/?view=site');
    const { page } = app;
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await startActivation(page);
    const payload = '<img src=x onerror=alert(1)>';
    const field = page.getByLabel('Code provisoire composé de 12 caractères', { exact: true });
    await field.fill(payload);
    await click(page, 'Continuer');
    await see(page, 'Cette saisie contient un caractère non autorisé');
    expect(await field.inputValue()).toBe(payload);
    const injected = await page.evaluate(() => {
      let count = 0;
      const walk = (root: Document | ShadowRoot) => {
        count += root.querySelectorAll('img[src="x"]').length;
        for (const el of root.querySelectorAll('*')) if (el.shadowRoot) walk(el.shadowRoot);
      };
      walk(document);
      return count;
    });
    expect(injected).toBe(0);
    expect(dialogs).toEqual([]);
  }, 60_000);
});
