import { readFileSync, readdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { validateStatements } from '../../src/callcentre/xapi-validate';
import { closeBrowser, openApp, type E2EPage } from './harness';
import { describeViolations, runAxe } from './quality-helpers';
import { click, readCode, said, see } from './site-helpers';

/**
 * The 3422 call-centre rehearsal, as an agent takes the calls: for each situation of
 * scenarios/calls, one call resolved the right way (the caller's screen driven through the agent's
 * desk), and one where the agent first gives a wrong diagnosis, which the debrief names. Driven by the
 * visible labels of the desk and of the scenario files.
 */

interface Explanation {
  id: string;
  text: string;
  correct?: boolean;
  feedback: string;
}

interface CallFile {
  id: string;
  title: string;
  call: {
    keySentence: string;
    diagnosis: { questions: Array<{ id: string; ask: string; answer: string; useful?: boolean }>; explanations: Explanation[] };
  };
}

const DIR = 'scenarios/calls';
const calls: CallFile[] = readdirSync(DIR)
  .filter((f) => f.endsWith('.yaml'))
  .sort()
  .map((f) => parse(readFileSync(`${DIR}/${f}`, 'utf8')) as CallFile);

let app: E2EPage | null = null;
/** A page opened by a test itself (not shared by a describe block), checked and closed after it. */
let own: E2EPage | null = null;
afterEach(async () => {
  const current = own;
  own = null;
  if (current) {
    try {
      current.assertClean();
    } finally {
      await current.close();
    }
  }
});
afterAll(closeBrowser);

const PROMPT = "Souffler l'étape suivante";
const DEBRIEF = "Bilan de l'appel";

/** From the catalogue, as a new agent would: the call's own button, then the call sheet. */
async function takeCall(page: Page, call: CallFile): Promise<void> {
  await see(page, 'Répéter un appel du 3422');
  await page.getByRole('button', { name: `Prendre l'appel : ${call.title}`, exact: true }).click();
  await page.getByRole('button', { name: 'Décrocher', exact: true }).waitFor({ timeout: 20_000 });
}

async function diagnose(page: Page, explanation: Explanation): Promise<void> {
  await page.getByRole('radio', { name: explanation.text, exact: true }).check();
  await click(page, 'Valider le diagnostic');
}

/** Has the caller do the next step of the right way until the call ends. */
async function promptToEnd(page: Page): Promise<void> {
  const debrief = page.getByRole('heading', { name: DEBRIEF, exact: true });
  const prompt = page.getByRole('button', { name: PROMPT, exact: true, disabled: false });
  for (let i = 0; i < 40; i += 1) {
    await debrief.or(prompt).first().waitFor({ timeout: 15_000 });
    if (await debrief.isVisible()) return;
    await prompt.click();
  }
  throw new Error('the call did not end after 40 prompted steps');
}

const right = (call: CallFile) => call.call.diagnosis.explanations.find((e) => e.correct === true)!;
const wrong = (call: CallFile) => call.call.diagnosis.explanations.find((e) => e.correct !== true)!;

/**
 * A few calls start by hand on the caller's screen, as the agent clicks and types on it; the prompter
 * finishes the right way.
 */
const BY_HAND: Record<string, (page: Page) => Promise<void>> = {
  'appel-type-de-carte': async (page) => {
    await page.getByRole('radio', { name: 'Carte Vitale avec photo', exact: true }).check();
    await see(page, 'Cochez « Carte Vitale avec photo ».');
    await click(page, 'Continuer');
    await see(page, 'Bonjour Lucie !');
  },
  'appel-cle-nir': async (page) => {
    await page.getByLabel('Numéro de sécurité sociale', { exact: true }).fill('1 63 06 31 555 147 83');
    await click(page, 'Continuer');
    await see(page, 'Bonjour Jean-Pierre !');
    await see(page, 'Saisissez le numéro de sécurité sociale : 1 63 06 31 555 147 83.');
  },
  'appel-attendre-30-secondes': async (page) => {
    const code = await readCode(page, 'Messagerie');
    await page.getByLabel('Code à usage unique', { exact: true }).fill(code);
    await click(page, 'Valider');
  },
  'appel-deja-active': async (page) => {
    await click(page, 'Me connecter');
  },
};

/**
 * One page per situation: the wrong diagnosis first, then « Rejouer cet appel » (a fresh world, the
 * caller's screen put back) and the right way. Sharing the page keeps each test short.
 */
describe.each(calls.map((c) => [c.title, c] as const))('%s', (_title, call) => {
  let page: Page;
  beforeAll(async () => {
    app = await openApp('/?view=appels');
    page = app.page;
    await takeCall(page, call);
  });
  afterAll(async () => {
    const current = app;
    app = null;
    if (current) {
      try {
        current.assertClean();
      } finally {
        await current.close();
      }
    }
  });

  it('a wrong diagnosis first: the desk says why, and the debrief names it', async () => {
    await click(page, 'Décrocher');
    const mistake = wrong(call);
    await diagnose(page, mistake);
    await see(page, "Ce n'est pas la bonne explication.");
    await see(page, mistake.feedback);
    await click(page, 'Raccrocher');
    await see(page, 'Appel non résolu');
    await see(page, `Diagnostic erroné : vous aviez d'abord choisi « ${mistake.text} ».`);
    await see(page, right(call).text);
  });

  it('replayed and resolved the right way: the debrief says so and gives the key sentence', async () => {
    await click(page, 'Rejouer cet appel');
    await click(page, 'Décrocher');
    const question = call.call.diagnosis.questions.find((q) => q.useful !== false)!;
    await click(page, question.ask);
    await see(page, question.answer);
    await diagnose(page, right(call));
    await see(page, "Guider l'appelant");
    await BY_HAND[call.id]?.(page);
    await promptToEnd(page);
    await see(page, 'Appel résolu');
    await see(page, 'Bon diagnostic du premier coup.');
    await see(page, call.call.keySentence);
    await see(page, "L'appel est enregistré dans vos résultats.");
  });
}, 90_000);

describe('results, exports and the fiche réflexe', () => {
  it('an address with a call that does not exist shows the catalogue and says so, to axe too', async () => {
    own = await openApp('/?view=appels&appel=inconnu');
    const { page } = own;
    const notice = page.locator('mes-call-centre .notice[role="status"]');
    await notice.waitFor();
    expect(await said(notice)).toContain("L'appel « inconnu » est introuvable : choisissez-le dans le catalogue ci-dessous.");
    await see(page, 'Répéter un appel du 3422');
    expect(describeViolations('unknown call', await runAxe(page))).toEqual([]);
    await page.getByRole('button', { name: 'Fermer ce message' }).click();
    await notice.waitFor({ state: 'detached' });
  });

  it('a finished call is listed, drawn, and exported as CSV and valid xAPI statements; every page passes axe', async () => {
    own = await openApp('/?view=appels');
    const { page } = own;
    const axe = async (where: string) => expect(describeViolations(where, await runAxe(page))).toEqual([]);
    const call = calls.find((c) => c.id === 'appel-deja-active')!;
    await see(page, 'Répéter un appel du 3422');
    await axe('catalogue');
    await takeCall(page, call);
    await axe('call sheet');
    await click(page, 'Décrocher');
    await diagnose(page, wrong(call));
    await axe('diagnosis');
    await diagnose(page, right(call));
    await see(page, "Guider l'appelant");
    await axe('guidance');
    await promptToEnd(page);
    await see(page, "L'appel est enregistré dans vos résultats.");
    await axe('debrief');
    await click(page, 'Voir mes résultats');
    await see(page, 'Résultats des appels');
    await axe('results');
    await expect(page.getByRole('img', { name: 'Scores au fil des appels' }).count()).resolves.toBe(1);
    await expect(page.getByRole('img', { name: 'Étapes le plus souvent manquées' }).count()).resolves.toBe(1);
    await see(page, call.title);

    await click(page, 'Exporter en CSV');
    await see(page, "Saisir votre nom pour l'export");
    await page.getByLabel("Nom de l'agent", { exact: true }).fill('Camille Martin');
    const [csvDownload] = await Promise.all([page.waitForEvent('download'), click(page, 'Exporter en CSV')]);
    const csv = readFileSync((await csvDownload.path())!, 'utf8');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv).toContain('\r\n');
    expect(csv).toContain('Camille Martin');
    expect(csv).toContain(call.id);

    const [jsonDownload] = await Promise.all([page.waitForEvent('download'), click(page, 'Exporter en xAPI (JSON)')]);
    const statements = JSON.parse(readFileSync((await jsonDownload.path())!, 'utf8')) as Array<Record<string, any>>;
    expect(statements.length).toBeGreaterThan(2);
    expect(validateStatements(statements)).toEqual([]);
    expect(statements.at(-1)?.actor.account.name).toBe('Camille Martin');
    expect(statements.some((s) => s.verb.id === 'http://adlnet.gov/expapi/verbs/answered' && s.result.success === false)).toBe(true);

    // Kept in IndexedDB: still there after a reload.
    await page.reload();
    await see(page, call.title);
  });

  it('the fiche réflexe opens at any moment of a call and closes back to it', async () => {
    own = await openApp('/?view=appels');
    const { page } = own;
    await takeCall(page, calls[0]!);
    await click(page, 'Décrocher');
    await click(page, 'Fiche réflexe');
    const dialog = page.getByRole('dialog', { name: 'Fiche réflexe' });
    await dialog.waitFor();
    await expect(dialog.getByText('Service gratuit + prix appel, du lundi au vendredi de 8h30 à 17h30').count()).resolves.toBe(1);
    await expect(dialog.getByRole('img').count()).resolves.toBe(4);
    expect(describeViolations('fiche réflexe', await runAxe(page))).toEqual([]);
    await dialog.getByRole('button', { name: 'Fermer', exact: true }).click();
    await see(page, 'Poser une question');
  });
});
