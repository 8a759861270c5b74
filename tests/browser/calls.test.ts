import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { MesCallScreen } from '../../src/callcentre/call-screen';
import '../../src/callcentre/call-screen';
import type { MesCallCatalogue } from '../../src/callcentre/catalogue';
import '../../src/callcentre/catalogue';
import type { MesCallChart } from '../../src/callcentre/chart';
import '../../src/callcentre/chart';
import type { MesFicheReflexe } from '../../src/callcentre/fiche-reflexe';
import '../../src/callcentre/fiche-reflexe';
import { phaseOf } from '../../src/callcentre/machine';
import type { MesCallResults } from '../../src/callcentre/results-page';
import '../../src/callcentre/results-page';
import { RECORD_FORMAT, indexedDbResults, memoryResults } from '../../src/callcentre/results-store';
import { situationStats } from '../../src/callcentre/stats';
import { callDeps, cardCall, sampleRecords } from './calls-fixtures';

/** The call centre's elements in Chromium: each part of a call, the fiche réflexe, the results. */

function shadow(el: Element): ShadowRoot {
  if (!el.shadowRoot) throw new Error(`${el.localName} has no shadow root`);
  return el.shadowRoot;
}

function text(el: Element | ShadowRoot): string {
  return (el.textContent ?? '').replace(/\s+/g, ' ').trim();
}

function findButton(root: ShadowRoot, label: string): HTMLButtonElement | undefined {
  return [...root.querySelectorAll('button')].find((b) => text(b) === label);
}

function button(root: ShadowRoot, label: string): HTMLButtonElement {
  const found = findButton(root, label);
  if (!found) throw new Error(`no button « ${label} »`);
  return found;
}

async function phase(el: MesCallScreen, wanted: string): Promise<void> {
  await waitUntil(() => el.callSnapshot !== null && phaseOf(el.callSnapshot) === wanted, `phase ${wanted}`, { timeout: 10_000 });
  await el.updateComplete;
}

describe('call centre', function (this: Mocha.Suite) {
  this.timeout(60_000);

  it('<mes-call-catalogue> lists the calls, filters them, and asks to take one', async () => {
    const other = cardCall();
    other.id = 'autre';
    other.title = 'Un autre appel';
    other.call.journey = 'activation';
    other.tags = ['sécurité'];
    const el = await fixture<MesCallCatalogue>(html`<mes-call-catalogue .calls=${[cardCall(), other]}></mes-call-catalogue>`);
    const root = shadow(el);
    expect(root.querySelectorAll('.list > li')).to.have.length(2);
    await expect(el).to.be.accessible();
    const journey = root.querySelector<HTMLSelectElement>('#f-journey')!;
    journey.value = 'opposition';
    journey.dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect(root.querySelectorAll('.list > li')).to.have.length(1);
    expect(text(root.querySelector('[role="status"]')!)).to.equal('1 appel affiché');
    const search = root.querySelector<HTMLInputElement>('#f-query')!;
    search.value = 'securite';
    search.dispatchEvent(new Event('input'));
    await el.updateComplete;
    expect(text(root)).to.contain('Aucun appel ne correspond à ces filtres.');
    journey.value = '';
    journey.dispatchEvent(new Event('change'));
    await el.updateComplete;
    let taken = '';
    el.addEventListener('mes-call-take', (e) => (taken = e.detail.callId));
    root.querySelector<HTMLButtonElement>('.list button')!.click();
    expect(taken).to.equal('autre');
  });

  it('<mes-call-screen>: brief, diagnosis, guidance and debrief, each accessible, recorded at the end', async () => {
    const call = cardCall();
    const { deps, results, store } = callDeps(call);
    const el = await fixture<MesCallScreen>(html`<mes-call-screen .call=${call} .deps=${deps}></mes-call-screen>`);
    await phase(el, 'brief');
    const root = shadow(el);
    expect(text(root)).to.contain('Appel entrant');
    expect(root.querySelector('.screen-wrap')!.hasAttribute('inert')).to.equal(true);
    await expect(el).to.be.accessible();

    button(root, 'Décrocher').click();
    await phase(el, 'diagnosing');
    button(root, 'Votre carte Vitale porte-t-elle votre photo ?').click();
    await el.updateComplete;
    expect(text(root.querySelector('.transcript')!)).to.contain('avec ma photo à gauche');
    // No choice: the error is tied to the group and announced.
    button(root, 'Valider le diagnostic').click();
    await el.updateComplete;
    expect(text(root.querySelector('#explain-error')!)).to.equal('Choisissez une explication.');
    expect(root.querySelector('fieldset')!.getAttribute('aria-describedby')).to.equal('explain-error');
    const radios = [...root.querySelectorAll<HTMLInputElement>('input[name="explanation"]')];
    radios[1]!.click();
    button(root, 'Valider le diagnostic').click();
    await el.updateComplete;
    expect(text(root.querySelector('[role="alert"]')!)).to.contain("Ce n'est pas la bonne explication.");
    await expect(el).to.be.accessible();

    radios[0]!.click();
    button(root, 'Valider le diagnostic').click();
    await phase(el, 'guiding');
    expect(root.querySelector('.screen-wrap')!.hasAttribute('inert')).to.equal(false);
    await expect(el).to.be.accessible();
    for (let i = 0; i < 10 && phaseOf(el.callSnapshot!) === 'guiding'; i += 1) {
      await waitUntil(() => phaseOf(el.callSnapshot!) !== 'guiding' || findButton(root, 'Souffler l\'étape suivante')?.disabled === false, 'prompt ready');
      if (phaseOf(el.callSnapshot!) !== 'guiding') break;
      button(root, 'Souffler l\'étape suivante').click();
      await waitUntil(() => el.callSnapshot!.context.journal.length > 0, 'journal');
      await el.updateComplete;
    }
    await phase(el, 'ended');
    const debrief = root.querySelector('mes-call-debrief')!;
    await waitUntil(() => text(shadow(debrief)).includes('enregistré dans vos résultats'), 'saved');
    expect(text(shadow(debrief))).to.contain('Appel résolu');
    expect(text(shadow(debrief))).to.contain('Diagnostic erroné : vous aviez d\'abord choisi « Son numéro de sécurité sociale est faux. ».');
    expect(store.toJSON().world.personas[0]!.status).to.equal('opposed');
    const [saved] = await results.all();
    expect(saved).to.include({ callId: 'appel-type-de-carte', resolved: true, diagnosisRight: false, wrongDiagnoses: 1 });
    await expect(el).to.be.accessible();
  });

  it('<mes-call-screen> acting by hand on the caller’s screen writes the journal in words', async () => {
    const call = cardCall();
    const { deps } = callDeps(call);
    const el = await fixture<MesCallScreen>(html`<mes-call-screen .call=${call} .deps=${deps}></mes-call-screen>`);
    await phase(el, 'brief');
    const root = shadow(el);
    button(root, 'Décrocher').click();
    await phase(el, 'diagnosing');
    root.querySelector<HTMLInputElement>('input[value="modele"]')!.click();
    button(root, 'Valider le diagnostic').click();
    await phase(el, 'guiding');
    const identify = root.querySelector('mes-screen-identify')!;
    await (identify as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
    const photo = shadow(identify).querySelector<HTMLInputElement>('input[type="radio"][value="avec-photo"]')!;
    photo.click();
    await waitUntil(() => el.callSnapshot!.context.journal.length === 1, 'journal line');
    await el.updateComplete;
    expect(text(root.querySelector('.journal')!)).to.equal('Cochez « Carte Vitale avec photo ».');
  });

  it('<mes-fiche-reflexe> draws both cards with the numbers circled, the rules and the hours, accessibly', async () => {
    const el = await fixture<MesFicheReflexe>(html`<mes-fiche-reflexe open></mes-fiche-reflexe>`);
    await el.updateComplete;
    const root = shadow(el);
    expect(root.querySelector('dialog')!.open).to.equal(true);
    const cards = [...root.querySelectorAll('mes-vitale-card')];
    expect(cards).to.have.length(4);
    expect(cards.map((c) => [c.getAttribute('side'), (c as HTMLElement & { highlight: string }).highlight])).to.deep.equal([
      ['front', 'nir'],
      ['back', 'serial'],
      ['front', 'nir'],
      ['front', 'serial'],
    ]);
    expect(root.querySelectorAll('tbody tr')).to.have.length(10);
    expect(text(root)).to.contain('Service gratuit + prix appel, du lundi au vendredi de 8h30 à 17h30');
    expect(text(root)).to.contain('30 secondes');
    await expect(el).to.be.accessible();
    let closed = false;
    el.addEventListener('mes-fiche-close', () => (closed = true));
    button(root, 'Fermer').click();
    await el.updateComplete;
    expect(closed).to.equal(true);
    expect(root.querySelector('dialog')!.open).to.equal(false);
  });

  it('<mes-call-chart> draws scores and wrong steps, with tables as their description', async () => {
    const [stats] = situationStats(sampleRecords());
    const el = await fixture<MesCallChart>(html`<mes-call-chart .stats=${stats}></mes-call-chart>`);
    const root = shadow(el);
    const svgs = [...root.querySelectorAll('svg[role="img"]')];
    expect(svgs).to.have.length(2);
    expect(root.querySelectorAll('circle')).to.have.length(2);
    expect(root.querySelectorAll('rect')).to.have.length(stats!.wrong.length);
    for (const svg of svgs) {
      for (const id of svg.getAttribute('aria-describedby')!.split(' ')) expect(root.getElementById(id), id).to.not.equal(null);
    }
    expect(text(root.querySelector('#wrong-table')!)).to.contain('Je m\'identifie : « Nous n\'avons pas réussi à vous identifier');
    await expect(el).to.be.accessible();
  });

  it('<mes-call-results> lists the calls, checks the agent’s name, and is accessible', async () => {
    const el = await fixture<MesCallResults>(html`<mes-call-results .results=${memoryResults(sampleRecords())}></mes-call-results>`);
    await waitUntil(() => shadow(el).querySelector('table') !== null, 'table');
    const root = shadow(el);
    expect(root.querySelectorAll('mes-call-chart')).to.have.length(1);
    const input = root.querySelector<HTMLInputElement>('#agent')!;
    input.value = '';
    input.dispatchEvent(new Event('input'));
    await el.updateComplete;
    button(root, 'Exporter en CSV').click();
    await el.updateComplete;
    expect(input.getAttribute('aria-invalid')).to.equal('true');
    expect(input.getAttribute('aria-describedby')).to.equal('agent-error');
    expect(text(root.querySelector('#agent-error')!)).to.equal("Saisir votre nom pour l'export");
    await expect(el).to.be.accessible();
  });

  it('keeps the results in IndexedDB, across instances', async () => {
    const name = `mes-appels-test-${Date.now()}`;
    const first = indexedDbResults(indexedDB, name);
    const [a, b] = sampleRecords();
    await first.add(b!);
    await first.add(a!);
    const second = indexedDbResults(indexedDB, name);
    expect((await second.all()).map((r) => r.id)).to.deep.equal([a!.id, b!.id]);
    await second.clear();
    expect(await first.all()).to.deep.equal([]);
  });

  it('discards saved results that are damaged or from an older version, says so, and shows the others', async () => {
    const name = `mes-appels-old-${Date.now()}`;
    const store = indexedDbResults(indexedDB, name);
    const [a] = sampleRecords();
    await store.add(a!);
    // Written as an older version did (no format), and a damaged one (steps missing), beside the good one.
    await new Promise<void>((resolve, reject) => {
      const req = indexedDB.open(name, 1);
      req.onsuccess = () => {
        const tx = req.result.transaction('calls', 'readwrite');
        tx.objectStore('calls').put({ ...a!, id: 'old-one' });
        tx.objectStore('calls').put({ ...a!, id: 'damaged', format: RECORD_FORMAT, steps: 'x' });
        tx.oncomplete = () => {
          req.result.close();
          resolve();
        };
        tx.onerror = () => reject(tx.error);
      };
      req.onerror = () => reject(req.error);
    });
    const el = await fixture<MesCallResults>(html`<mes-call-results .results=${indexedDbResults(indexedDB, name)}></mes-call-results>`);
    await waitUntil(() => shadow(el).querySelector('table') !== null, 'table');
    const root = shadow(el);
    expect(text(root.querySelector('[role="status"]')!)).to.contain("2 résultats enregistrés illisibles ou d'une ancienne version du simulateur ont été écartés.");
    expect(root.querySelectorAll('tbody tr')).to.have.length(1);
    expect((await store.all()).map((r) => r.id)).to.deep.equal([a!.id]);
    expect(await store.discardUnreadable()).to.equal(0);
    await store.clear();
  });
});
