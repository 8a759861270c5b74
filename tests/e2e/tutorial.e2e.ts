import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { parseScenario } from '../../src/scenarios/load';
import { openApp, type E2EPage, useCleanApps } from './harness';
import { said } from './site-helpers';

/** The pas à pas as a trainee meets it: by keyboard alone, in evaluation, and across a mode switch. */
const scenario = parseScenario(readFileSync('scenarios/pas-a-pas.yaml', 'utf8'), 'pas-a-pas.yaml');
const steps = scenario.tutorial!.steps;

let app: E2EPage | null = null;
useCleanApps();

const stepOf = (page: Page) => new URL(page.url()).searchParams.get('step');

async function waitStepChange(page: Page, from: string | null): Promise<string> {
  // An address without a step (the landing page, before the player writes its first step's) is no change.
  await page.waitForFunction(
    (prev) => {
      const step = new URL(location.href).searchParams.get('step');
      return step !== null && step !== prev;
    },
    from,
    { timeout: 15_000 },
  );
  await ready(page);
  return stepOf(page) ?? '';
}

/** The step is shown and waits for the trainee (its site state rebuilt, its request answered). */
async function ready(page: Page): Promise<void> {
  await page.locator('mes-tutorial .stage[aria-busy="false"]').waitFor({ timeout: 15_000 });
}

/** The element that has the keyboard focus, through shadow roots. */
async function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    let el: Element | null = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    if (!el) return '';
    return `${el.tagName.toLowerCase()}.${el.className}[${el.getAttribute('data-hotspot') ?? ''}]`;
  });
}

describe('the pas à pas', () => {
  it('goes through the whole default tutorial in guided mode by keyboard alone', async () => {
    app = await openApp('/');
    const { page } = app;
    await page.getByRole('heading', { name: 'Bienvenue !' }).waitFor();
    await ready(page);
    let current = 'cover';
    const visited: string[] = [];
    for (let guard = 0; guard < steps.length + 5; guard += 1) {
      const step = steps.find((s) => s.id === current);
      expect(step, `step ${current}`).toBeDefined();
      visited.push(current);
      if (step!.id === 'end') break;
      if (step!.action) {
        // The zone over the target is a real button: the step gives it the focus, Tab reaches it otherwise.
        for (let i = 0; i < 30 && !(await focused(page)).includes('[zone]'); i += 1) await page.keyboard.press('Tab');
        expect(await focused(page)).toContain('[zone]');
        await page.keyboard.press('Enter');
      } else {
        await page.keyboard.press('ArrowRight');
      }
      current = await waitStepChange(page, current);
    }
    expect(visited).toEqual(steps.map((s) => s.id));
    await page.getByText(/vous voici arrivé à la fin de ce pas à pas/).first().waitFor();
    // ← goes back through the site screens, the site state rebuilt.
    await page.keyboard.press('ArrowLeft');
    const back = await waitStepChange(page, 'end');
    expect(back).toBe('s18-sent');
    await page.getByText('Votre nouveau code provisoire a été envoyé').first().waitFor();
    // Every request of the whole run stayed on the page's origin (the scripts, fonts); the service's API
    // was answered inside the page by the simulated backend, so none of its requests reached the network.
    expect(app.requests.length).toBeGreaterThan(10);
    expect(app.requests.filter((u) => u.includes('/api/'))).toEqual([]);
    expect(app.foreign).toEqual([]);
    // Nothing is asked for at each step: every file of the run was asked for once. (The page's icon, a file,
    // was asked for again at every step, as the player wrote the step in the address.)
    const twice = app.requests.filter((u, i) => app!.requests.indexOf(u) !== i);
    expect([...new Set(twice)]).toEqual([]);
  });

  it("brings a step's target into view only when it is not, the zone on it", async () => {
    /** The zone's and the target's boxes, and the page's scroll, once the step waits for the trainee. */
    const placed = async (page: Page) => {
      await ready(page);
      await page.waitForFunction(() => {
        let el = document.activeElement;
        while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
        return el?.getAttribute('data-hotspot') === 'zone';
      });
      return page.evaluate(() => {
        const overlay = document.querySelector('mes-tutorial')!.shadowRoot!.querySelector('mes-tutorial-overlay') as HTMLElement & { target: string; zone: HTMLElement; targetRect(name: string): { x: number; y: number } };
        const zone = overlay.zone.getBoundingClientRect();
        const target = overlay.targetRect(overlay.target);
        return { scrollY: Math.round(scrollY), innerHeight, zone: { top: zone.top, bottom: zone.bottom, left: zone.left }, target: { top: target.y, left: target.x } };
      });
    };
    // On a desktop screen, the login's first field is in view: the page is not scrolled to centre it.
    app = await openApp('/?scenario=pas-a-pas&step=s7-login&mode=guided', { viewport: { width: 1280, height: 800 } });
    const inView = await placed(app.page);
    expect(inView.scrollY).toBe(0);
    expect(inView.zone.top).toBeCloseTo(inView.target.top, 0);
    // On a phone, the confirmation of the password is below the fold: brought into view, the zone on it.
    await app.page.setViewportSize({ width: 390, height: 700 });
    await app.page.goto(app.page.url().replace(/step=[^&]+/, 'step=s7-confirm'));
    const below = await placed(app.page);
    expect(below.scrollY).toBeGreaterThan(0);
    expect(below.zone.top).toBeGreaterThanOrEqual(0);
    expect(below.zone.bottom).toBeLessThanOrEqual(below.innerHeight);
    expect(below.zone.top).toBeCloseTo(below.target.top, 0);
    expect(below.zone.left).toBeCloseTo(below.target.left, 0);
  });

  it("draws a step in the key's own task: at the next frame's start, the step is shown, its zone placed and focused", async () => {
    /**
     * Presses `key` and reports what the page shows when the first animation frame after it starts (asked for
     * in the page's first keydown listener, so before anything the player asks for that frame): the step, what
     * has the focus, the zone's box and its target's. Work left for that frame would lengthen it, and the
     * trainee's wait for the step, however long the key's task was.
     */
    const atNextFrame = async (page: Page, key: string) => {
      await page.evaluate(() => {
        const w = window as unknown as { atFrame: Promise<unknown> };
        w.atFrame = new Promise((resolve) => {
          addEventListener(
            'keydown',
            () =>
              requestAnimationFrame(() => {
                const player = document.querySelector('mes-tutorial')!.shadowRoot!;
                let el = document.activeElement;
                while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
                const overlay = player.querySelector('mes-tutorial-overlay') as (HTMLElement & { target: string | null; zone: HTMLElement | null; anchoredElement(name: string): HTMLElement | null }) | null;
                const box = (e: Element | null | undefined) => (e ? (({ x, y, width, height }) => ({ x: Math.round(x), y: Math.round(y), width: Math.round(width), height: Math.round(height) }))(e.getBoundingClientRect()) : null);
                resolve({
                  step: player.querySelector('.stage')!.getAttribute('data-step'),
                  focused: el?.getAttribute('data-hotspot') ?? el?.tagName.toLowerCase() ?? null,
                  zone: box(overlay?.zone),
                  target: box(overlay?.target ? overlay.anchoredElement(overlay.target) : null),
                });
              }),
            { capture: true, once: true },
          );
        });
      });
      await page.keyboard.press(key);
      return page.evaluate(() => (window as unknown as { atFrame: Promise<{ step: string; focused: string | null; zone: object | null; target: object | null }> }).atFrame);
    };
    /**
     * Opens `step` and waits until its session runs (a key pressed before that is done once it does, not in
     * its own task) and, on a step of the site, until its zone has the focus.
     */
    const arrive = async (page: Page, step: string, zone: boolean) => {
      await page.goto(page.url().replace(/step=[^&]+/, `step=${step}`));
      await ready(page);
      await page.locator('mes-tutorial[data-drawn-ahead]').waitFor({ state: 'attached', timeout: 15_000 });
      if (!zone) return;
      await page.waitForFunction(() => {
        let el = document.activeElement;
        while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
        return el?.getAttribute('data-hotspot') === 'zone';
      });
    };
    /** Enter on the zone of `from`: at the next frame's start, `to` is shown, its zone focused, on its target. */
    const zoneDrawnAtNextFrame = async (page: Page, from: string, to: string) => {
      await arrive(page, from, true);
      const drawn = await atNextFrame(page, 'Enter');
      expect(drawn.step).toBe(to);
      expect(drawn.focused).toBe('zone');
      expect(drawn.zone).not.toBeNull();
      expect(drawn.zone).toEqual(drawn.target);
    };
    app = await openApp('/?scenario=pas-a-pas&step=cover&mode=guided', { viewport: { width: 1280, height: 800 } });
    const { page } = app;
    // A step of the site: Enter on the zone types the code; the next step's zone is on the NIR's field.
    await zoneDrawnAtNextFrame(page, 's3-code', 's3-nir');
    // A step that changes the site's screen: the new screen's elements render after the player's update,
    // the step's target among them.
    await zoneDrawnAtNextFrame(page, 's2-begin', 's3-code');
    // A slide: its title has the focus.
    await arrive(page, 'howto', false);
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    const slide = await atNextFrame(page, 'ArrowRight');
    expect(slide.step).toBe('before');
    expect(slide.focused).toBe('h1');
  });

  it("draws a guided step's answer from the site once, with the step after, not first under the step before", async () => {
    app = await openApp('/?scenario=pas-a-pas&step=s3-code&mode=guided', { viewport: { width: 1280, height: 800 } });
    const { page } = app;
    /** Enter on the zone of `from`: the steps the player's stage shows at each of its updates until `to` is shown. */
    const drawnAfterZone = async (from: string, to: string) => {
      await page.goto(page.url().replace(/step=[^&]+/, `step=${from}`));
      await page.locator('mes-tutorial[data-drawn-ahead]').waitFor({ state: 'attached', timeout: 15_000 });
      await page.waitForFunction(() => {
        let el = document.activeElement;
        while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
        return el?.getAttribute('data-hotspot') === 'zone';
      });
      await page.evaluate(() => {
        const player = document.querySelector('mes-tutorial') as unknown as HTMLElement & { updated(changed: unknown): void };
        const w = window as unknown as { drawn: string[] };
        w.drawn = [];
        const updated = player.updated.bind(player);
        addEventListener(
          'keydown',
          () => {
            player.updated = (changed: unknown) => {
              w.drawn.push(player.shadowRoot!.querySelector('.stage')!.getAttribute('data-step') ?? '');
              updated(changed);
            };
          },
          { capture: true, once: true },
        );
      });
      await page.keyboard.press('Enter');
      await page.waitForFunction((id) => new URL(location.href).searchParams.get('step') === id, to);
      return page.evaluate(() => (window as unknown as { drawn: string[] }).drawn);
    };
    // A field typed by the zone: never the step before, the site's answer is drawn with the step after.
    const typed = await drawnAfterZone('s3-code', 's3-nir');
    expect(typed.length).toBeGreaterThan(0);
    expect(typed.filter((step) => step !== 's3-nir')).toEqual([]);
    await expect
      .poll(() =>
        page.evaluate(() => {
          const screen = document.querySelector('mes-tutorial')!.shadowRoot!.querySelector('mes-site-frame')?.firstElementChild;
          return screen?.shadowRoot?.querySelector<HTMLInputElement>('input#code')?.value ?? null;
        }),
      )
      .toBe('Kp7RmX2qLa9T');
    // A form sent to the backend: neither the site busy nor its new screen under the step before.
    const sent = await drawnAfterZone('s3-submit', 's4-choose');
    expect(sent.length).toBeGreaterThan(0);
    expect(sent.filter((step) => step !== 's4-choose')).toEqual([]);
  });

  it('shows words, never translation keys, on the first slide before the session has loaded', async () => {
    app = await openApp('/');
    const { page } = app;
    await page.locator('mes-tutorial[data-ready]').waitFor();
    const labels = await page.locator('mes-tutorial').locator('button, a, label, h1, h2, p').allInnerTexts();
    const keys = labels.map((l) => l.trim()).filter((l) => /^[a-z][A-Za-z0-9-]*([.:][A-Za-z0-9_-]+)+$/.test(l));
    expect(labels.length).toBeGreaterThan(5);
    expect(keys).toEqual([]);
    await page.getByRole('link', { name: 'Accessibilité : non conforme', exact: true }).waitFor();
  });

  it('keeps what the trainee asks for on the first step shown before the session has loaded', async () => {
    // A first page that starts no service worker, so that the route below sees the scripts' requests.
    app = await openApp('/?view=accessibilite');
    const { page } = app;
    // The session's code held back for a moment: the first step is shown, the session is not running yet.
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route(/\/assets\/session-kit-[^/]+\.js$/, async (route) => {
      await held;
      await route.continue();
    });
    await page.goto(page.url().replace(/\/\?.*$/, '/?scenario=pas-a-pas&step=end&mode=guided'));
    await page.locator('mes-tutorial[data-ready]').waitFor();
    await page.locator('mes-tutorial').locator('select#mode').selectOption('practice');
    await page.locator('mes-tutorial').locator('[data-hotspot="journey-activation"]').click();
    expect(new URL(page.url()).searchParams.get('step')).toBe('end');
    release();
    await page.waitForFunction(() => new URL(location.href).searchParams.get('step') === 'section-activation', null, { timeout: 30_000 });
    expect(new URL(page.url()).searchParams.get('mode')).toBe('practice');
  });

  it('has the one-time code sent by a step in the mailbox and phone, counted unread, without opening them', async () => {
    app = await openApp('/?scenario=pas-a-pas&step=s13-submit&mode=guided');
    const { page } = app;
    await ready(page);
    const toggle = page.getByRole('button', { name: /^Ma messagerie et mon téléphone/ });
    const unread = async () => Number((/(\d+) messages? non lus?/.exec((await toggle.textContent()) ?? '') ?? [])[1] ?? 0);
    await page.waitForTimeout(300);
    const before = await unread();
    await page.locator('mes-tutorial').evaluate(async (el) => {
      let zone: Element | null | undefined = el.shadowRoot?.querySelector('mes-tutorial-overlay')?.shadowRoot?.querySelector('[data-hotspot="zone"]');
      for (let i = 0; i < 50 && !zone; i++) {
        await new Promise((r) => setTimeout(r, 50));
        zone = el.shadowRoot?.querySelector('mes-tutorial-overlay')?.shadowRoot?.querySelector('[data-hotspot="zone"]');
      }
      (zone as HTMLElement).click();
    });
    expect(await waitStepChange(page, 's13-submit')).toBe('s14-otp');
    await expect.poll(unread, { timeout: 3000 }).toBe(before + 1);
  });

  it('says what a mistyped address could not open, opens the rest, and the message closes', async () => {
    // An unknown scenario and mode: the default pas à pas in guided mode, on its first step.
    app = await openApp('/?scenario=inconnu&mode=bizarre');
    let page = app.page;
    await ready(page);
    let notice = page.locator('mes-tutorial .notice[role="status"]');
    await expect.poll(() => said(notice)).toContain('Le scénario « inconnu » est introuvable : le pas à pas par défaut est affiché à sa place.');
    expect(await said(notice)).toContain('Le mode « bizarre » n\'existe pas : le mode Guidé est choisi.');
    await page.getByRole('heading', { level: 1, name: /Activer \(ou s'opposer à\)/ }).waitFor();
    expect(await page.locator('mes-tutorial select#mode').inputValue()).toBe('guided');
    await page.getByRole('button', { name: 'Fermer ce message' }).click();
    await notice.waitFor({ state: 'detached' });

    // An unknown step of a known scenario, on a site step's address of an unknown view, in English: the
    // message's button is usable over the overlay of a guided site step, by mouse and keyboard.
    app = await openApp('/?view=nulle-part&scenario=pas-a-pas&step=s3-code&lang=en');
    page = app.page;
    await ready(page);
    notice = page.locator('mes-tutorial .notice[role="status"]');
    await expect.poll(() => said(notice)).toContain('There is no “nulle-part” view: here is the step-by-step guide.');
    expect(await stepOf(page)).toBe('s3-code');
    await page.getByRole('button', { name: 'Close this message' }).click();
    await notice.waitFor({ state: 'detached' });
    expect(await stepOf(page)).toBe('s3-code');
    app = await openApp('/?scenario=pas-a-pas&step=nulle-part');
    page = app.page;
    await ready(page);
    notice = page.locator('mes-tutorial .notice[role="status"]');
    await expect.poll(() => said(notice)).toContain("L'étape « nulle-part » n'existe pas dans ce scénario : il commence à sa première étape.");
    // The address follows the step shown once it is painted.
    await page.waitForFunction((id) => new URL(location.href).searchParams.get('step') === id, steps[0]!.id);
    await page.getByRole('button', { name: 'Fermer ce message' }).focus();
    await page.keyboard.press('Enter');
    await notice.waitFor({ state: 'detached' });

    // Empty parts (a link's template left blank) count as absent: the defaults, and no message.
    app = await openApp('/?view=&scenario=&step=&mode=');
    page = app.page;
    await ready(page);
    await page.waitForFunction((id) => new URL(location.href).searchParams.get('step') === id, steps[0]!.id);
    await page.getByRole('heading', { level: 1, name: /Activer \(ou s'opposer à\)/ }).waitFor();
    expect(await page.locator('mes-tutorial select#mode').inputValue()).toBe('guided');
    expect(new URL(page.url()).searchParams.get('scenario')).toBe('pas-a-pas');
    expect(await page.locator('mes-tutorial .notice').count()).toBe(0);
  });

  it('refuses a click outside the zone with a polite hint, and reload resumes at the same step', async () => {
    app = await openApp('/?scenario=pas-a-pas&step=s3-nir&mode=guided');
    const { page } = app;
    await page.getByText('Je renseigne mon n° de sécurité sociale').first().waitFor();
    await page.mouse.click(40, 600);
    await page.getByText('Cliquez sur la zone signalée par la main pour continuer.').first().waitFor();
    expect(stepOf(page)).toBe('s3-nir');
    await page.reload();
    await page.getByText('Je renseigne mon n° de sécurité sociale').first().waitFor();
    expect(stepOf(page)).toBe('s3-nir');
    const code = page.getByLabel('Code provisoire composé de 12 caractères', { exact: true });
    expect(await code.inputValue()).toBe('Kp7RmX2qLa9T');
  });

  it('switches from guided to practice in the middle of a journey without losing the place', async () => {
    app = await openApp('/?scenario=pas-a-pas&step=s3-code&mode=guided');
    const { page } = app;
    await page.getByText('Je renseigne le code provisoire reçu par mail ou courrier').first().waitFor();
    await page.getByRole('button', { name: /Je renseigne le code provisoire/ }).first().click();
    expect(await waitStepChange(page, 's3-code')).toBe('s3-nir');
    await page.getByLabel('Mode', { exact: true }).selectOption('practice');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('mode') === 'practice');
    expect(stepOf(page)).toBe('s3-nir');
    // The site is live now: the trainee types, reading the card from « Mes documents ».
    const nir = page.getByLabel('Numéro de sécurité sociale', { exact: true });
    expect(await page.getByLabel('Code provisoire composé de 12 caractères', { exact: true }).inputValue()).toBe('Kp7RmX2qLa9T');
    await nir.fill('2 69 05 44 109 038 57');
    expect(await waitStepChange(page, 's3-nir')).toBe('s3-card');
    await page.getByRole('button', { name: 'Un indice ?' }).click();
    await page.getByText(/Je sélectionne mon type de carte Vitale/).first().waitFor();
    // « Mes documents » ends above the step's panel (its « Continuer » stays in sight), and follows it when
    // the panel changes height.
    await page.getByRole('button', { name: 'Mes documents' }).click();
    const gap = () =>
      page.evaluate(() => {
        const player = document.querySelector('mes-tutorial')!.shadowRoot!;
        const stepPanel = player.querySelector('.panel')!.getBoundingClientRect();
        const documents = player.querySelector('mes-documents-panel')!.shadowRoot!.querySelector('.panel')!.getBoundingClientRect();
        return { gap: Math.abs(documents.bottom - stepPanel.top), documentsHeight: documents.height };
      });
    await expect.poll(async () => (await gap()).gap).toBeLessThanOrEqual(1);
    expect((await gap()).documentsHeight).toBeGreaterThan(100);
    await page.setViewportSize({ width: 900, height: 700 });
    await expect.poll(async () => (await gap()).gap).toBeLessThanOrEqual(1);
  });

  it('passes an evaluation with values drawn at random, and the certificate says so', async () => {
    app = await openApp('/?scenario=pas-a-pas&step=s17-open&mode=evaluation&seed=4242');
    const { page } = app;
    await page.getByText(/a perdu son code provisoire/).first().waitFor();
    // No hints in evaluation; the values come from the persona's documents, not from the default persona.
    expect(await page.getByRole('button', { name: 'Un indice ?' }).count()).toBe(0);
    await page.getByRole('button', { name: 'Mes documents' }).click();
    await page.getByRole('tab', { name: 'Ma carte Vitale' }).click();
    const labels = await page.locator('mes-vitale-card [role="img"]').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''));
    const all = labels.join(' ');
    const nir = /numéro de sécurité sociale ([0-9AB ]+?)[.,]/.exec(all)?.[1]?.trim() ?? '';
    const withPhoto = all.includes('avec photo');
    const serialPrinted = /numéro de série ([0-9 ]+)/.exec(all)?.[1]?.replace(/\s/g, '') ?? '';
    const serial = withPhoto ? serialPrinted.slice(-11) : serialPrinted;
    expect(nir).not.toBe('2 69 05 44 109 038 57');
    await page.getByRole('tab', { name: 'Mes informations' }).click();
    const info = await page.locator('mes-documents-panel dl').first().innerText();
    const birth = /\d{2}\/\d{2}\/\d{4}/.exec(info)?.[0] ?? '';
    await page.getByRole('dialog', { name: 'Mes documents' }).getByRole('button', { name: /Fermer/ }).click();

    await page.getByRole('button', { name: 'Générer un nouveau code provisoire' }).or(page.getByRole('link', { name: 'Générer un nouveau code provisoire' })).first().click();
    await page.getByLabel('Numéro de sécurité sociale', { exact: true }).fill(nir);
    await page.getByLabel('Date de naissance', { exact: true }).fill(birth);
    await page.getByRole('radio', { name: withPhoto ? 'Carte Vitale avec photo' : 'Carte Vitale sans photo', exact: true }).check();
    await page.getByLabel('Numéro de série de carte Vitale', { exact: true }).fill('1234');
    await page.getByRole('button', { name: 'Continuer', exact: true }).click();
    await page.getByText(/Format invalide, le numéro de série/).first().waitFor();
    await page.getByLabel('Numéro de série de carte Vitale', { exact: true }).fill(serial);
    await page.getByRole('button', { name: 'Continuer', exact: true }).click();
    await page.getByText('Envoi du code provisoire').first().waitFor();
    await page.getByRole('button', { name: 'Valider', exact: true }).click();
    await page.getByText('Votre nouveau code provisoire a été envoyé').first().waitFor();
    await page.keyboard.press('ArrowRight');
    await page.getByRole('heading', { name: "Bilan de l'évaluation" }).waitFor();
    await page.getByText(/À revoir/).first().waitFor();
    await page.getByLabel('Votre nom et prénom').fill('Camille Formation');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: "Télécharger l'attestation (PDF)" }).click(),
    ]);
    const text = execFileSync('pdftotext', [await download.path(), '-']).toString();
    expect(text).toContain('Camille Formation');
    expect(text).toMatch(/Score : \d+ \/ 100/);
    expect(text).toContain('Activer (ou s');
  });
});
