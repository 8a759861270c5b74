import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { downloadCertificate } from '../../src/documents/certificate';
import { computeResult, type EvaluationResult, type StepRecord } from '../../src/tutorial/evaluation/score';
import type { MesDebrief } from '../../src/tutorial/evaluation/debrief';
import '../../src/tutorial/evaluation/debrief';

const steps: StepRecord[] = [
  { stepId: 'code', title: 'Je renseigne le code provisoire', journey: 'Activation', wrongClicks: 0, refusedSubmissions: 0, hintsUsed: 0, durationMs: 45_000 },
  { stepId: 'nir', title: 'Je renseigne mon numéro de sécurité sociale', journey: 'Activation', wrongClicks: 2, refusedSubmissions: 1, hintsUsed: 0, durationMs: 125_000 },
  { stepId: 'cgu', title: "J'accepte les CGU", journey: 'Activation', wrongClicks: 0, refusedSubmissions: 0, hintsUsed: 1, durationMs: 555_000 },
];

function result(over: Partial<EvaluationResult> = {}): EvaluationResult {
  return { ...computeResult('pas-a-pas', 'Activer Mon espace santé', steps, new Date(2026, 4, 12, 16, 45)), ...over };
}

function shadow(el: HTMLElement): ShadowRoot {
  if (!el.shadowRoot) throw new Error(`${el.localName} has no shadow root`);
  return el.shadowRoot;
}

function part<T extends Element = HTMLElement>(el: HTMLElement, selector: string): T {
  const found = shadow(el).querySelector<T>(selector);
  if (!found) throw new Error(`${selector} not found in ${el.localName}`);
  return found;
}

function text(el: Element): string {
  return (el.textContent ?? '').replace(/\s+/g, ' ').trim();
}

async function debrief(r: EvaluationResult = result()): Promise<MesDebrief> {
  const el = await fixture<MesDebrief>(html`<mes-debrief .result=${r}></mes-debrief>`);
  await el.updateComplete;
  return el;
}

/** Every event of `type` that reaches the document from now on. */
function record<T>(type: string): { events: CustomEvent<T>[]; stop: () => void } {
  const events: CustomEvent<T>[] = [];
  const listener = (e: Event) => events.push(e as CustomEvent<T>);
  document.addEventListener(type, listener);
  return { events, stop: () => document.removeEventListener(type, listener) };
}

const input = (el: MesDebrief) => part<HTMLInputElement>(el, '#trainee-name');
const download = (el: MesDebrief) => part<HTMLButtonElement>(el, '[data-hotspot="download-certificate"]');

async function typeName(el: MesDebrief, value: string): Promise<void> {
  input(el).value = value;
  input(el).dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  await el.updateComplete;
}

describe('<mes-debrief>', function (this: Mocha.Suite) {
  // axe runs are slow on a loaded machine; the default 10 s has proved too short there.
  this.timeout(30_000);
  it('gives the score, the verdict in words, the rule and the total time', async () => {
    const el = await debrief();
    expect(text(part(el, 'h1'))).to.equal("Bilan de l'évaluation");
    expect(text(part(el, '.scenario'))).to.contain('Activer Mon espace santé');
    // 100 − 2 × 4 − 1 × 8 − 1 × 5.
    expect(text(part(el, '.score'))).to.equal('79 / 100');
    expect(text(part(el, '.verdict'))).to.equal('Réussi');
    const rule = text(part(el, '.rule'));
    for (const piece of ['100 points', '4 points', '8 points', '5 points', 'à partir de 70 points']) expect(rule).to.contain(piece);
    expect(text(part(el, '.facts'))).to.contain('12 min 05 s').and.to.contain('12/05/2026');
    await expect(el).to.be.accessible();
  });

  it('says « Non réussi » below the pass mark', async () => {
    const el = await debrief(result({ score: 54, passed: false }));
    expect(text(part(el, '.verdict'))).to.equal('Non réussi');
    expect(part(el, '.score-card').dataset.passed).to.equal('false');
    await expect(el).to.be.accessible();
  });

  it('lists the steps in an accessible table, marking in words those with errors', async () => {
    const el = await debrief();
    const table = part<HTMLTableElement>(el, 'table');
    expect(text(table.caption!)).to.contain('Détail des étapes');
    const headers = [...table.tHead!.querySelectorAll('th')];
    expect(headers.map((th) => th.getAttribute('scope'))).to.deep.equal(['col', 'col', 'col', 'col', 'col', 'col']);
    expect(headers.map(text)).to.deep.equal(['Étape', 'Parcours', 'Clics erronés', 'Saisies refusées', 'Indices', 'Temps']);
    const rows = [...table.tBodies[0]!.rows];
    expect(rows).to.have.length(3);
    for (const row of rows) expect(row.cells[0]!.localName === 'th' && row.cells[0]!.getAttribute('scope')).to.equal('row');
    const cells = (row: HTMLTableRowElement) => [...row.cells].map(text);
    expect(cells(rows[0]!)).to.deep.equal(['Je renseigne le code provisoire', 'Activation', '0', '0', '0', '45 s']);
    expect(cells(rows[1]!)).to.deep.equal(['Je renseigne mon numéro de sécurité sociale ⚠À revoir', 'Activation', '2', '1', '0', '2 min 05 s']);
    // A hint is not an error: the third row is not marked.
    expect(cells(rows[2]!)).to.deep.equal(["J'accepte les CGU", 'Activation', '0', '0', '1', '9 min 15 s']);
    expect(rows.map((r) => r.classList.contains('has-errors'))).to.deep.equal([false, true, false]);
    expect(cells(table.tFoot!.rows[0]!)).to.deep.equal(['Total', '', '2', '1', '1', '12 min 05 s']);
  });

  it('asks for the name before the certificate, with the error tied to the field and announced', async () => {
    const el = await debrief();
    const { events, stop } = record<{ name: string }>('mes-certificate');
    download(el).click();
    await el.updateComplete;
    await el.updateComplete;
    expect(events).to.have.length(0);
    const error = part(el, '#trainee-name-error');
    expect(text(error)).to.equal("Saisir votre nom pour l'attestation");
    expect(error.closest('[aria-live]')).to.not.equal(null);
    expect(input(el).getAttribute('aria-invalid')).to.equal('true');
    expect(input(el).getAttribute('aria-describedby')).to.contain('trainee-name-error');
    expect(shadow(el).activeElement).to.equal(input(el));
    expect(text(part(el, 'label[for="trainee-name"]'))).to.equal('Votre nom et prénom');
    await expect(el).to.be.accessible();

    await typeName(el, ' M ');
    download(el).click();
    await el.updateComplete;
    expect(text(part(el, '#trainee-name-error'))).to.equal('Le nom doit contenir entre 2 et 80 caractères');
    await typeName(el, 'x'.repeat(81));
    expect(text(part(el, '#trainee-name-error'))).to.equal('Le nom doit contenir entre 2 et 80 caractères');
    download(el).click();
    await el.updateComplete;
    expect(events).to.have.length(0);

    // The error follows the typing once shown, and goes away when the name is right.
    await typeName(el, '  Martine   LEGUELLEC ');
    expect(shadow(el).querySelector('#trainee-name-error')).to.equal(null);
    expect(input(el).getAttribute('aria-invalid')).to.equal('false');
    download(el).click();
    await el.updateComplete;
    stop();
    expect(events).to.have.length(1);
    expect(events[0]!.detail).to.deep.equal({ name: 'Martine LEGUELLEC' });
    expect(events[0]!.bubbles && events[0]!.composed).to.equal(true);
  });

  it('sends the form with Enter, and refuses a name it could not print', async () => {
    const el = await debrief();
    const { events, stop } = record<{ name: string }>('mes-certificate');
    input(el).focus();
    await sendKeys({ type: '李雷' });
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(events).to.have.length(0);
    expect(text(part(el, '#trainee-name-error'))).to.contain('ne peut pas être imprimé');

    await typeName(el, 'Li 李 Wang 😀');
    expect(text(part(el, '#trainee-name-preview'))).to.contain('« Li ? Wang »');
    expect(input(el).getAttribute('aria-describedby')).to.contain('trainee-name-preview');
    input(el).focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    stop();
    expect(events.map((e) => e.detail.name)).to.deep.equal(['Li 李 Wang 😀']);
    await expect(el).to.be.accessible();
  });

  it('starts again on « Recommencer l\'évaluation »', async () => {
    const el = await debrief();
    const { events, stop } = record<{ scenarioId: string }>('mes-evaluation-restart');
    const restart = part<HTMLButtonElement>(el, '[data-hotspot="restart-evaluation"]');
    expect(text(restart)).to.equal("Recommencer l'évaluation");
    restart.click();
    stop();
    expect(events).to.have.length(1);
    expect(events[0]!.detail).to.deep.equal({ scenarioId: 'pas-a-pas' });
    expect(events[0]!.composed).to.equal(true);
  });

  it('says when no step was recorded', async () => {
    const el = await debrief(computeResult('x', 'X', [], new Date()));
    expect(text(part(el, 'tbody'))).to.equal("Aucune étape n'a été enregistrée.");
    await expect(el).to.be.accessible();
  });
});

describe('downloadCertificate', function (this: Mocha.Suite) {
  // axe runs are slow on a loaded machine; the default 10 s has proved too short there.
  this.timeout(30_000);
  it('hands a PDF named after the trainee to the browser', async () => {
    const clicked: { download: string; href: string }[] = [];
    const original = HTMLAnchorElement.prototype.click;
    HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      clicked.push({ download: this.download, href: this.href });
    };
    try {
      await downloadCertificate({
        name: 'Martine LEGUELLEC',
        scenarioTitle: 'Activer Mon espace santé',
        score: 79,
        passed: true,
        totalMs: 725_000,
        date: new Date(2026, 4, 12),
        lang: 'fr',
      });
    } finally {
      HTMLAnchorElement.prototype.click = original;
    }
    expect(clicked).to.have.length(1);
    expect(clicked[0]!.download).to.equal('attestation-formation-martine-leguellec-2026-05-12.pdf');
    const blob = await (await fetch(clicked[0]!.href)).blob();
    expect(blob.type).to.equal('application/pdf');
    expect(new TextDecoder('latin1').decode((await blob.arrayBuffer()).slice(0, 5))).to.equal('%PDF-');
  });
});
