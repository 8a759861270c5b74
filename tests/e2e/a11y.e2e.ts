import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openApp, type E2EPage, useCleanApps } from './harness';
import { describeViolations, gotoStep, navigate, playerReady, reload, runAxe, shownStep, steps } from './quality-helpers';
import { MARTINE, click, identify, readCode, see, startActivation } from './site-helpers';

/**
 * axe-core's WCAG 2.1 A and AA rules on the built app: every step of the pas à pas (each slide and the
 * site screens it shows), each mode, the screens the tutorial does not show (errors, blocked pages, pages
 * not covered), the simulated inbox and phone, the shortcuts dialog, the accessibility statement; on a
 * laptop (1366 px) and a phone (360 px). Zero violation is the target: any one fails the test, with the
 * rule, the element and why.
 */

const WIDE = { width: 1366, height: 900 };
const NARROW = { width: 360, height: 780 };
const VIEWPORTS = [
  ['1366 px', WIDE],
  ['360 px', NARROW],
] as const;

let app: E2EPage | null = null;
useCleanApps();

/** Collects the violations of every check of a test, and fails once at the end with all of them. */
function collector() {
  const problems: string[] = [];
  let checks = 0;
  return {
    async check(page: Page, where: string): Promise<void> {
      checks += 1;
      problems.push(...describeViolations(where, await runAxe(page)));
    },
    done(minChecks: number): void {
      expect(checks).toBeGreaterThanOrEqual(minChecks);
      expect(problems, problems.join('\n')).toEqual([]);
    },
  };
}

async function fieldByLabel(page: Page, label: string) {
  return page.getByLabel(label, { exact: true });
}

describe.each(VIEWPORTS)('axe-core, WCAG 2.1 A and AA, at %s', (_name, viewport) => {
  it('every step of the pas à pas in guided mode: each slide, each screen with its overlay', async () => {
    const axe = collector();
    app = await openApp('/', { viewport });
    const { page } = app;
    const seen: string[] = [];
    // The trainee's walk through the tutorial: the zone for a site step, → for the others.
    for (let i = 0; i < steps.length + 2; i += 1) {
      await playerReady(page);
      const id = await shownStep(page);
      const step = steps.find((s) => s.id === id);
      expect(step, `step ${id}`).toBeDefined();
      if (step!.action) await page.locator('mes-tutorial-overlay .zone').waitFor();
      await axe.check(page, `step ${id}`);
      seen.push(id);
      if (id === 'end') break;
      if (step!.action) await page.locator('mes-tutorial-overlay .zone').click();
      else await page.keyboard.press('ArrowRight');
      await page.waitForFunction((prev) => new URL(location.href).searchParams.get('step') !== prev, id, { timeout: 20_000 });
    }
    expect(seen).toEqual(steps.map((s) => s.id));
    axe.done(steps.length);
  }, 180_000);

  it('each mode: demonstration paused, practice with « Mes documents » open, evaluation and its debrief', async () => {
    const axe = collector();
    app = await openApp('/?scenario=pas-a-pas&step=s3-nir&mode=demo', { viewport });
    const { page } = app;
    await playerReady(page);
    await page.getByRole('button', { name: 'Pause', exact: true }).click();
    await page.getByRole('button', { name: 'Reprendre', exact: true }).waitFor();
    await axe.check(page, 'demo paused');

    await gotoStep(page, 's3-card', 'practice');
    await axe.check(page, 'practice');
    await page.getByRole('button', { name: 'Mes documents' }).click();
    const tabs = page.getByRole('dialog', { name: 'Mes documents' }).getByRole('tab');
    const count = await tabs.count();
    expect(count).toBeGreaterThanOrEqual(2);
    for (let i = 0; i < count; i += 1) {
      await tabs.nth(i).click();
      await axe.check(page, `practice, documents tab ${(await tabs.nth(i).textContent())?.trim()}`);
    }
    await page.getByRole('dialog', { name: 'Mes documents' }).getByRole('button', { name: /Fermer/ }).click();
    // Hints up to the hand, in practice.
    for (let i = 0; i < 3; i += 1) await page.getByRole('button', { name: 'Un indice ?' }).click();
    await axe.check(page, 'practice, third hint');

    await gotoStep(page, 's17-nir', 'evaluation', '&seed=4242');
    await axe.check(page, 'evaluation');
    await gotoStep(page, 's18-sent', 'evaluation', '&seed=4242');
    await page.keyboard.press('ArrowRight');
    await page.getByRole('heading', { name: "Bilan de l'évaluation" }).waitFor();
    await axe.check(page, 'evaluation debrief');
    // The certificate's form refusing an empty name.
    await page.getByRole('button', { name: "Télécharger l'attestation (PDF)" }).click();
    await see(page, "Saisir votre nom pour l'attestation");
    await axe.check(page, 'evaluation debrief, name refused');
    axe.done(7);
  }, 120_000);

  it('the shortcuts dialog and the simulated inbox and phone, in the player', async () => {
    const axe = collector();
    app = await openApp('/?scenario=pas-a-pas&step=s14-otp&mode=guided', { viewport });
    const { page } = app;
    await playerReady(page);
    await page.getByRole('button', { name: /raccourcis clavier/i }).click();
    await page.getByRole('dialog').first().waitFor();
    await axe.check(page, 'shortcuts dialog');
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: /Ma messagerie et mon téléphone/ }).click();
    await page.getByRole('tab', { name: /Messagerie/ }).click();
    await page.getByRole('tabpanel', { name: /Messagerie/ }).locator('.code').first().waitFor();
    await axe.check(page, 'inbox, e-mail tab');
    await page.getByRole('tab', { name: /Téléphone/ }).click();
    await axe.check(page, 'inbox, phone tab');
    axe.done(3);
  }, 60_000);

  it('the message of a mistyped address, on a slide, over a guided site step and on the site alone', async () => {
    const axe = collector();
    app = await openApp('/?scenario=inconnu&mode=bizarre', { viewport });
    await playerReady(app.page);
    await app.page.locator('mes-tutorial .notice').waitFor();
    await axe.check(app.page, 'address message, slide');
    app = await openApp('/?view=nulle-part&scenario=pas-a-pas&step=s3-code', { viewport });
    await playerReady(app.page);
    await app.page.locator('mes-tutorial .notice').waitFor();
    await axe.check(app.page, 'address message, guided site step');
    app = await openApp('/?view=site&scenario=inconnu', { viewport });
    await app.page.locator('mes-app .notice').waitFor();
    await see(app.page, 'Activer Mon espace santé');
    await axe.check(app.page, 'address message, the site alone');
    axe.done(3);
  }, 60_000);

  it('the site alone: every screen, with its errors, the blocked pages and the pages not covered', async () => {
    const axe = collector();
    app = await openApp('/?view=site', { viewport });
    const { page } = app;
    await see(page, 'Activer Mon espace santé');
    await axe.check(page, 'home');
    await click(page, 'Activer Mon espace santé');
    await see(page, "Pour l'activer ou m'y opposer j'ai besoin d'avoir :");
    await axe.check(page, 'start');
    await click(page, 'Me connecter');
    await see(page, 'Retour');
    await axe.check(page, 'not covered (login)');
    await click(page, 'Retour');
    await click(page, 'Commencer');
    await see(page, "Je m'identifie");
    await axe.check(page, 'identify');
    // Every field refused at once.
    await (await fieldByLabel(page, 'Numéro de sécurité sociale')).fill('1 55 12 55 555 555 55');
    await click(page, 'Continuer');
    await see(page, 'Sélectionner un modèle de carte Vitale');
    await axe.check(page, 'identify, field errors');
    // The « Où trouver… » help panels opened.
    const helps = page.locator('mes-screen-identify').getByRole('button', { name: /Où trouver/ });
    for (let i = 0; i < (await helps.count()); i += 1) await helps.nth(i).click();
    await axe.check(page, 'identify, help panels open');
    await identify(page, { ...MARTINE, serial: '12345678' });
    await see(page, "Nous n'avons pas réussi à vous identifier. Veuillez vérifier votre saisie.");
    await axe.check(page, 'identify, NO_USER_FOUND');
    await identify(page, MARTINE);
    await see(page, 'Bonjour Martine !');
    await axe.check(page, 'decision');
    await click(page, 'Continuer');
    await axe.check(page, 'decision, no choice');
    await page.getByText("J'active Mon espace santé", { exact: true }).first().click();
    await click(page, 'Continuer');
    await see(page, "Veuillez cocher l'autorisation");
    await axe.check(page, 'decision, CGU refused');
    await page.getByRole('checkbox').check();
    await click(page, 'Continuer');
    await see(page, 'Je vérifie mes coordonnées de contact');
    await axe.check(page, 'contacts');
    await page.getByRole('button', { name: /Modifier l'adresse e-mail/ }).first().click();
    await see(page, 'Je modifie mon adresse e-mail');
    await axe.check(page, 'edit e-mail');
    await (await fieldByLabel(page, 'Adresse e-mail')).fill('pas-une-adresse');
    await click(page, 'Valider');
    await see(page, 'Saisir une adresse e-mail valide');
    await axe.check(page, 'edit e-mail, refused');
    await (await fieldByLabel(page, 'Adresse e-mail')).fill('martine.l@example.fr');
    await click(page, 'Valider');
    await see(page, 'Je valide mon adresse e-mail');
    await axe.check(page, 'verify e-mail');
    await (await fieldByLabel(page, 'Code à usage unique')).fill('12');
    await click(page, 'Valider');
    await axe.check(page, 'verify e-mail, refused');
    const otp = await readCode(page, 'Messagerie');
    await (await fieldByLabel(page, 'Code à usage unique')).fill(otp);
    await click(page, 'Valider');
    await see(page, 'Adresse e-mail modifiée');
    await axe.check(page, 'contacts, e-mail changed');
    await page.getByRole('button', { name: /numéro de mobile/ }).first().click();
    await see(page, 'Je renseigne mon numéro de téléphone mobile');
    await axe.check(page, 'edit mobile');
    await click(page, "Revenir à l'écran précédent");
    await click(page, 'Continuer');
    await see(page, 'Je choisis mon identifiant et mon mot de passe');
    await axe.check(page, 'credentials');
    await click(page, 'Valider');
    await axe.check(page, 'credentials, all refused');
    await (await fieldByLabel(page, 'Identifiant')).fill('mleguellec');
    await (await fieldByLabel(page, 'Mot de passe')).fill('Azerty123!');
    await (await fieldByLabel(page, 'Confirmer le mot de passe')).fill('Azerty123!');
    await click(page, 'Valider');
    await see(page, 'Cet identifiant existe déjà. Veuillez en saisir un nouveau.');
    await axe.check(page, 'credentials, identifier taken with suggestions');
    await (await fieldByLabel(page, 'Identifiant')).fill('mleguellec69');
    await (await fieldByLabel(page, 'Mot de passe')).fill('Printemps#2024');
    await (await fieldByLabel(page, 'Confirmer le mot de passe')).fill('Printemps#2024');
    await click(page, 'Valider');
    await see(page, 'Mon espace santé a bien été activé !');
    await axe.check(page, 'activated');
    await click(page, 'Découvrir Mon espace santé');
    await axe.check(page, 'not covered (discover)');

    // The same code again: the profile exists.
    await page.locator('mes-site-frame [data-hotspot="logo"]').click();
    await startActivation(page);
    await identify(page, MARTINE);
    await see(page, 'Un profil a déjà été créé pour cette personne.');
    await axe.check(page, 'blocked PROFILE_ALREADY_EXISTS');
    await click(page, 'Recommencer');
    await startActivation(page);
    await identify(page, { code: 'Wm3Tq8ZcNe4P', nir: '1 58 03 75 056 123 21', serial: '4817203965' });
    await see(page, 'Votre code provisoire a expiré');
    await axe.check(page, 'blocked CODE_EXPIRED');
    await click(page, 'Générer un nouveau code provisoire');
    await see(page, 'Je génère un nouveau code provisoire');
    await axe.check(page, 'new code');
    await click(page, 'Continuer');
    await axe.check(page, 'new code, all refused');
    await (await fieldByLabel(page, 'Numéro de sécurité sociale')).fill('2 48 08 13 055 045 92');
    await (await fieldByLabel(page, 'Date de naissance')).fill('22/08/1948');
    await page.getByRole('radio', { name: 'Carte Vitale avec photo', exact: true }).check();
    await (await fieldByLabel(page, 'Numéro de série de carte Vitale')).fill('50193847261');
    await click(page, 'Continuer');
    await see(page, 'Nous avons besoin de vos coordonnées');
    await axe.check(page, 'blocked CONTACTS_NOT_FOUND');
    await click(page, "Revenir à l'accueil");
    await startActivation(page);
    await identify(page, { code: 'Zx4VbN7mQw2R', nir: '182016912308708', serial: '73920584' });
    await see(page, 'Ce profil ne peut pas être activé');
    await axe.check(page, 'blocked DECEASED_INDIVIDUAL');
    await click(page, "Revenir à l'accueil");

    // Opposition, the justificatif refused the second time, a child, then the used code.
    await startActivation(page);
    await identify(page, MARTINE);
    await page.getByText("Je m'oppose à la création de Mon espace santé", { exact: true }).first().click();
    await click(page, 'Continuer');
    await see(page, "Je valide l'opposition à la création de Mon espace santé");
    await axe.check(page, 'confirm opposition');
    await click(page, 'Continuer');
    await see(page, 'Ma décision a bien été prise en compte');
    await see(page, 'Lucas LEGUELLEC');
    await axe.check(page, 'opposed, with the profiles');
    await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /Télécharger le justificatif/ }).click()]);
    await page.getByRole('button', { name: /Télécharger le justificatif/ }).click();
    await see(page, /déjà été téléchargé/);
    await axe.check(page, 'opposed, justificatif already downloaded');
    await page.getByRole('button', { name: /Gérer le profil/ }).first().click();
    await see(page, 'Bonjour Lucas !');
    await axe.check(page, 'decision for a child');
    await page.locator('mes-site-frame [data-hotspot="logo"]').click();
    await startActivation(page);
    await identify(page, MARTINE);
    await see(page, 'Votre code provisoire a déjà été utilisé');
    await axe.check(page, 'blocked CODE_ALREADY_USED');

    // The session expired (a fault the scenario can set), and the help page.
    await click(page, 'Recommencer');
    await startActivation(page);
    await page.evaluate(() =>
      fetch('/api/faults/next', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ error: 'SESSION_TIMED_OUT' }) }),
    );
    await identify(page, MARTINE);
    await see(page, 'Votre session a expiré');
    await axe.check(page, 'blocked SESSION_TIMED_OUT');
    await page.getByRole('button', { name: /Besoin d'aide/ }).first().click();
    await axe.check(page, 'not covered (help)');

    // The new-code journey to its end: delivery, code sent.
    await click(page, 'Recommencer');
    await click(page, 'Activer Mon espace santé');
    await click(page, 'Générer un nouveau code provisoire');
    await (await fieldByLabel(page, 'Numéro de sécurité sociale')).fill(MARTINE.nir);
    await (await fieldByLabel(page, 'Date de naissance')).fill('12/05/1969');
    await page.getByRole('radio', { name: 'Carte Vitale sans photo', exact: true }).check();
    await (await fieldByLabel(page, 'Numéro de série de carte Vitale')).fill(MARTINE.serial);
    await click(page, 'Continuer');
    await see(page, 'Envoi du code provisoire');
    await axe.check(page, 'delivery');
    await click(page, 'Valider');
    await see(page, 'Votre nouveau code provisoire a été envoyé');
    await axe.check(page, 'code sent');
    // The toolbar's outage armed: its state is announced.
    await click(page, 'Simuler une panne');
    await axe.check(page, 'outage armed');
    axe.done(38);
  }, 240_000);

  it('the accessibility statement', async () => {
    const axe = collector();
    app = await openApp('/?view=accessibilite', { viewport });
    const { page } = app;
    await page.getByRole('heading', { level: 1, name: "Déclaration d'accessibilité" }).waitFor();
    await axe.check(page, 'accessibility statement');
    axe.done(1);
  });
});

/** Animations and transitions still running, in the document and every shadow root. */
async function runningAnimations(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const all = new Set<Animation>(document.getAnimations());
    const walk = (root: Document | ShadowRoot) => {
      for (const el of root.querySelectorAll('*')) {
        for (const a of el.getAnimations()) all.add(a);
        if (el.shadowRoot) walk(el.shadowRoot);
      }
    };
    walk(document);
    return [...all]
      .filter((a) => a.playState === 'running')
      .map((a) => {
        const target = (a.effect as KeyframeEffect | null)?.target;
        const name = (a as CSSAnimation).animationName ?? (a as CSSTransition).transitionProperty ?? a.id;
        return `${a.constructor.name} ${name} on ${target ? `${target.tagName.toLowerCase()}.${target.className}` : '?'}`;
      });
  });
}

describe('reduced motion', () => {
  it('stops every animation and transition on a guided step with the hand; without it, the hand moves', async () => {
    app = await openApp('/?scenario=pas-a-pas&step=s3-code&mode=guided', { viewport: WIDE });
    const { page } = app;
    await playerReady(page);
    await page.locator('mes-tutorial-overlay .zone').waitFor();
    await page.waitForTimeout(800);
    // The check sees animations: the hand taps while motion is allowed.
    expect(await runningAnimations(page)).not.toEqual([]);

    await page.emulateMedia({ reducedMotion: 'reduce' });
    await reload(page);
    await playerReady(page);
    await page.locator('mes-tutorial-overlay .zone').waitFor();
    // Let transitions started by the first layout settle.
    await page.waitForTimeout(1200);
    expect(await runningAnimations(page)).toEqual([]);
    // The next step too, and the site view with its panel open.
    await page.locator('mes-tutorial-overlay .zone').press('Enter');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('step') !== 's3-code');
    await playerReady(page);
    await page.waitForTimeout(1200);
    expect(await runningAnimations(page)).toEqual([]);
    await navigate(page, '/?view=site');
    await see(page, 'Activer Mon espace santé');
    await page.getByRole('button', { name: /Ma messagerie et mon téléphone/ }).press('Enter');
    await page.waitForTimeout(1200);
    expect(await runningAnimations(page)).toEqual([]);
  }, 60_000);
});

/** What does not fit: a horizontal scroll of the page, or a heading cut or pushed out of the viewport. */
async function overflow(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const doc = document.documentElement;
    if (doc.scrollWidth > doc.clientWidth) problems.push(`page scrolls horizontally: ${doc.scrollWidth} > ${doc.clientWidth}`);
    const width = doc.clientWidth;
    const walk = (root: Document | ShadowRoot) => {
      for (const el of root.querySelectorAll<HTMLElement>('h1, h2, h3, [role="heading"]')) {
        const box = el.getBoundingClientRect();
        const style = getComputedStyle(el);
        // Hidden or visually hidden headings (clip, 1 px) are for screen readers only.
        if (box.width <= 1 || box.height <= 1 || style.visibility === 'hidden') continue;
        const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 50);
        if (el.scrollWidth > el.clientWidth + 1) problems.push(`heading « ${text} » is cut (${el.scrollWidth} > ${el.clientWidth})`);
        if (box.left < -1 || box.right > width + 1) problems.push(`heading « ${text} » leaves the viewport (${Math.round(box.left)}–${Math.round(box.right)} of ${width})`);
      }
      for (const el of root.querySelectorAll('*')) if (el.shadowRoot) walk(el.shadowRoot);
    };
    walk(document);
    return problems;
  });
}

/**
 * Presses Tab as a keyboard user does through a practice step's form and its bars, and says, for each
 * element reached, whether it is in sight: inside the window, and the element itself found at its centre
 * (not the step's panel or the top bar drawn over it). Returns the names reached and the problems.
 */
async function tabInSight(page: Page, presses: number): Promise<{ reached: string[]; problems: string[] }> {
  const reached: string[] = [];
  const problems: string[] = [];
  for (let i = 0; i < presses; i += 1) {
    await page.keyboard.press('Tab');
    const seen = await page.evaluate(() => {
      let el = document.activeElement;
      while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
      if (!(el instanceof HTMLElement) || el === document.body) return null;
      const name = (el.id || el.getAttribute('aria-label') || el.textContent || el.tagName).replace(/\s+/g, ' ').trim().slice(0, 40);
      const box = el.getBoundingClientRect();
      // Its first line (a tall element need not fit whole), at its centre across.
      const x = box.left + box.width / 2;
      const y = box.top + Math.min(box.height / 2, 10);
      let hit = document.elementFromPoint(x, y);
      while (hit?.shadowRoot) {
        const deeper = hit.shadowRoot.elementFromPoint(x, y);
        if (!deeper || deeper === hit) break;
        hit = deeper;
      }
      const inWindow = box.top >= 0 && box.top < innerHeight && Math.min(box.bottom, box.top + 20) <= innerHeight;
      const itself = hit !== null && (hit === el || el.contains(hit));
      const over = hit ? `${hit.tagName.toLowerCase()}${hit.className && typeof hit.className === 'string' ? '.' + hit.className.split(' ')[0] : ''}` : 'nothing';
      return { name, problem: inWindow && itself ? null : `« ${name} » (${Math.round(box.top)}–${Math.round(box.bottom)} of ${innerHeight}) ${inWindow ? `is under ${over}` : 'is out of the window'}` };
    });
    if (!seen) continue;
    reached.push(seen.name);
    if (seen.problem) problems.push(seen.problem);
  }
  return { reached, problems };
}

describe('focus in sight', () => {
  it('at 1280 × 800, in practice, what Tab reaches is not under the bars', async () => {
    app = await openApp('/?scenario=pas-a-pas&step=s7-password&mode=practice', { viewport: { width: 1280, height: 800 } });
    const { page } = app;
    await playerReady(page);
    await page.locator('input#confirm').waitFor();
    // The bar, two lines high here, stays in sight.
    expect(await page.getByRole('region', { name: 'Commandes du pas à pas' }).evaluate((bar) => getComputedStyle(bar).position)).toBe('sticky');
    const { reached, problems } = await tabInSight(page, 24);
    expect(reached).toEqual(expect.arrayContaining(['login', 'password', 'confirm', 'Valider', 'Un indice ?']));
    expect(problems, problems.join('\n')).toEqual([]);
  });
});

describe.each([
  ['320 px wide', { width: 320, height: 640 }, 1],
  ['1280 px at 200 % zoom (640 CSS px, 2 device pixels each)', { width: 640, height: 400 }, 2],
] as const)('reflow at %s', (_name, viewport, scale) => {
  async function zoomed(path: string): Promise<E2EPage> {
    const opened = await openApp(path, { viewport });
    if (scale !== 1) {
      // The app up first (its backend started), then the zoom, then the same address again.
      if (path.includes('view=site')) await see(opened.page, 'Activer Mon espace santé');
      else await playerReady(opened.page);
      const cdp = await opened.context.newCDPSession(opened.page);
      await cdp.send('Emulation.setDeviceMetricsOverride', { width: viewport.width, height: viewport.height, deviceScaleFactor: scale, mobile: false });
      await reload(opened.page);
    }
    return opened;
  }

  it('every step and slide of the pas à pas fits: no horizontal scroll, no heading cut, the zone between the bars', async () => {
    app = await zoomed('/');
    const { page } = app;
    expect(await page.evaluate(() => window.devicePixelRatio)).toBe(scale);
    const problems: string[] = [];
    const seen: string[] = [];
    for (let i = 0; i < steps.length + 2; i += 1) {
      await playerReady(page);
      const id = await shownStep(page);
      const step = steps.find((s) => s.id === id)!;
      if (step.action) await page.locator('mes-tutorial-overlay .zone').waitFor();
      problems.push(...(await overflow(page)).map((p) => `step ${id}: ${p}`));
      // The zone to press is in sight, between the player's bars (at 200 % zoom the top bar, kept in sight,
      // hid most zones' tops).
      if (step.action) {
        const hidden = await page.locator('mes-tutorial').evaluate((player) => {
          const root = player.shadowRoot!;
          const zone = root.querySelector('mes-tutorial-overlay')?.shadowRoot?.querySelector('.zone:not(.leaving)');
          if (!zone) return 'no zone';
          const box = zone.getBoundingClientRect();
          const bar = root.querySelector('.bar');
          const top = bar && getComputedStyle(bar).position === 'sticky' ? bar.getBoundingClientRect().bottom : 0;
          const bottom = root.querySelector('.panel')?.getBoundingClientRect().top ?? innerHeight;
          return box.top >= top - 1 && box.bottom <= bottom + 1 ? null : `its zone (${Math.round(box.top)}–${Math.round(box.bottom)}) is not between the bars (${Math.round(top)}–${Math.round(bottom)})`;
        });
        if (hidden) problems.push(`step ${id}: ${hidden}`);
      }
      seen.push(id);
      if (id === 'end') break;
      if (step.action) await page.locator('mes-tutorial-overlay .zone').press('Enter');
      else await page.keyboard.press('ArrowRight');
      await page.waitForFunction((prev) => new URL(location.href).searchParams.get('step') !== prev, id, { timeout: 20_000 });
    }
    expect(seen).toEqual(steps.map((s) => s.id));
    expect(problems, problems.join('\n')).toEqual([]);
  }, 180_000);

  it("the site's error pages, forms with errors, the panels and the statement fit too", async () => {
    app = await zoomed('/?view=site');
    const { page } = app;
    const problems: string[] = [];
    const look = async (where: string) => problems.push(...(await overflow(page)).map((p) => `${where}: ${p}`));
    await see(page, 'Activer Mon espace santé');
    await look('home');
    await page.getByRole('button', { name: /Ma messagerie et mon téléphone/ }).press('Enter');
    await page.getByRole('dialog', { name: /messagerie/i }).waitFor();
    await look('inbox open');
    await page.keyboard.press('Escape');
    await startActivation(page);
    await click(page, 'Continuer');
    await see(page, 'Sélectionner un modèle de carte Vitale');
    await look('identify with every error');
    await identify(page, { code: 'Wm3Tq8ZcNe4P', nir: '1 58 03 75 056 123 21', serial: '4817203965' });
    await see(page, 'Votre code provisoire a expiré');
    await look('blocked CODE_EXPIRED');
    await click(page, 'Générer un nouveau code provisoire');
    await click(page, 'Continuer');
    await look('new code with every error');
    await page.getByRole('button', { name: /Besoin d'aide/ }).first().press('Enter');
    await see(page, "Ce parcours n'est pas couvert par le simulateur");
    await look('not covered');
    await navigate(page, '/?view=accessibilite');
    await page.getByRole('heading', { level: 1, name: "Déclaration d'accessibilité" }).waitFor();
    await look('accessibility statement');
    await navigate(page, '/?scenario=pas-a-pas&step=s3-card&mode=practice');
    await playerReady(page);
    await page.getByRole('button', { name: 'Mes documents' }).press('Enter');
    await page.getByRole('dialog', { name: 'Mes documents' }).waitFor();
    await look('practice, « Mes documents » open');
    await page.keyboard.press('Escape');
    await page.keyboard.press('?');
    await page.getByRole('dialog').first().waitFor();
    await look('shortcuts dialog');
    expect(problems, problems.join('\n')).toEqual([]);
  }, 120_000);

  it('in practice, what Tab reaches is in sight: the top bar scrolls away where it would take too much height', async () => {
    app = await zoomed('/?scenario=pas-a-pas&step=s7-password&mode=practice');
    const { page } = app;
    await page.locator('input#confirm').waitFor();
    // At 200 % zoom the bar wraps onto four lines: kept in sight, it took nearly half the window.
    expect(await page.getByRole('region', { name: 'Commandes du pas à pas' }).evaluate((bar) => getComputedStyle(bar).position)).toBe('static');
    const { reached, problems } = await tabInSight(page, 30);
    expect(reached).toEqual(expect.arrayContaining(['login', 'password', 'confirm', 'Valider', 'Un indice ?']));
    expect(problems, problems.join('\n')).toEqual([]);
  });

  it('the checker finds a page too wide and a cut heading', async () => {
    app = await zoomed('/?view=site');
    const { page } = app;
    await see(page, 'Activer Mon espace santé');
    await page.evaluate(() => {
      const wide = document.createElement('div');
      wide.style.width = '2000px';
      wide.innerHTML = '<h2 style="width:100px;overflow:hidden;white-space:nowrap">Un titre bien trop long pour sa boîte</h2>';
      document.body.append(wide);
    });
    const problems = await overflow(page);
    expect(problems.some((p) => p.startsWith('page scrolls horizontally'))).toBe(true);
    expect(problems.some((p) => p.includes('is cut'))).toBe(true);
  });
});

describe('the checker itself', () => {
  it('finds a violation planted in the page (a button without a name, an image without alt)', async () => {
    app = await openApp('/?view=site', { viewport: WIDE });
    const { page } = app;
    await see(page, 'Activer Mon espace santé');
    await page.evaluate(() => {
      const host = document.createElement('div');
      document.body.append(host);
      const root = host.attachShadow({ mode: 'open' });
      root.innerHTML = '<button type="button"></button><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">';
    });
    const ids = (await runAxe(page)).map((v) => v.id);
    expect(ids).toContain('button-name');
    expect(ids).toContain('image-alt');
  });
});
