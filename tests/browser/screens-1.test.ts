import { expect, fixture } from '@open-wc/testing';
import { html, unsafeStatic } from 'lit/static-html.js';
import { t } from '../../src/i18n';
import type { SiteContext, SiteEvent } from '../../src/site/types';
import type { SiteScreen } from '../../src/site/screens/site-screen';
import '../../src/site/screens/home';
import '../../src/site/screens/start';
import '../../src/site/screens/identify';
import '../../src/site/screens/decision';
import '../../src/site/screens/confirm-opposition';
import '../../src/site/screens/opposed';
import '../../src/site/screens/new-code';
import '../../src/site/screens/delivery';
import '../../src/site/screens/code-sent';
import { lucasSession, makeCtx, martineSession, profiles, type CtxOverrides } from './fixtures';

// ---------------------------------------------------------------------------------------------------
// Helpers

async function mount(tag: string, ctx: SiteContext): Promise<SiteScreen> {
  const name = unsafeStatic(tag);
  const el = await fixture<SiteScreen>(html`<${name} .ctx=${ctx}></${name}>`);
  await el.updateComplete;
  return el;
}

async function update(el: SiteScreen, overrides: CtxOverrides): Promise<void> {
  el.ctx = makeCtx(overrides);
  await el.updateComplete;
}

function root(el: SiteScreen): ShadowRoot {
  if (!el.shadowRoot) throw new Error(`${el.localName} has no shadow root`);
  return el.shadowRoot;
}

/** The screen's visible wording, whitespace collapsed. */
function text(el: SiteScreen): string {
  return (root(el).textContent ?? '').replace(/\s+/g, ' ');
}

function hotspot<T extends HTMLElement = HTMLElement>(el: SiteScreen, name: string): T {
  const found = root(el).querySelector<T>(`[data-hotspot="${name}"]`);
  if (!found) throw new Error(`no data-hotspot="${name}" in ${el.localName}`);
  return found;
}

function hotspots(el: SiteScreen): string[] {
  return [...root(el).querySelectorAll('[data-hotspot]')].map((node) => node.getAttribute('data-hotspot') ?? '');
}

function byId<T extends HTMLElement = HTMLElement>(el: SiteScreen, id: string): T {
  const found = root(el).getElementById(id) as T | null;
  if (!found) throw new Error(`no #${id} in ${el.localName}`);
  return found;
}

/** Every intent the element emits from now on. */
function record(el: SiteScreen): SiteEvent[] {
  const events: SiteEvent[] = [];
  el.addEventListener('mes-intent', (event) => events.push(event.detail));
  return events;
}

async function clickAndCollect(el: SiteScreen, name: string): Promise<SiteEvent[]> {
  const events = record(el);
  hotspot(el, name).click();
  await el.updateComplete;
  return events;
}

function type(el: SiteScreen, name: string, value: string): SiteEvent[] {
  const events = record(el);
  const input = hotspot<HTMLInputElement>(el, name);
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  return events;
}

function expectShows(el: SiteScreen, labels: string[]): void {
  const shown = text(el);
  for (const label of labels) expect(shown, `« ${label} » on ${el.localName}`).to.include(label);
}

/** The input (or radio group) behind a field, its error paragraph, and their ties. */
function expectFieldError(el: SiteScreen, fieldId: string, message: string): void {
  const field = byId(el, fieldId);
  const error = byId(el, `${fieldId}-error`);
  expect(error.textContent?.trim()).to.equal(message);
  expect(field.getAttribute('aria-invalid')).to.equal('true');
  const described = field.matches('fieldset') ? field.querySelector('input') : field;
  expect(described?.getAttribute('aria-describedby')?.split(' ')).to.include(`${fieldId}-error`);
  // "Next to its field": the error lives in the same field block as its input.
  const block = field.matches('fieldset') ? field : field.closest('.field, .consent');
  expect(block?.contains(error), `${fieldId}-error inside its field`).to.equal(true);
}

function expectFieldValid(el: SiteScreen, fieldId: string): void {
  expect(byId(el, fieldId).getAttribute('aria-invalid')).to.equal('false');
  expect(root(el).getElementById(`${fieldId}-error`)).to.equal(null);
}

function focused(el: SiteScreen): Element | null {
  return root(el).activeElement;
}

async function expectBusySubmit(tag: string, overrides: CtxOverrides, hotspotName = 'submit'): Promise<void> {
  const el = await mount(tag, makeCtx({ ...overrides, busy: true }));
  const button = hotspot(el, hotspotName);
  expect(button.getAttribute('aria-disabled')).to.equal('true');
  expect(button.textContent?.trim()).to.equal('Envoi en cours…');
  const events = await clickAndCollect(el, hotspotName);
  expect(events).to.deep.equal([]);
  await expect(el).to.be.accessible();
}

// ---------------------------------------------------------------------------------------------------

describe('mes-screen-home (S1)', () => {
  it('shows the home page of the seed', async () => {
    const el = await mount('mes-screen-home', makeCtx({ session: null }));
    expectShows(el, [
      'Mon espace santé',
      'Activer Mon espace santé',
      'Me connecter',
      'MON PROFIL MÉDICAL',
      "Partagez l'essentiel de vos informations de santé",
      'Vous pouvez ajouter des informations sur :',
      'Vos maladies et sujets de santé',
      'Vos traitements',
      'Vos allergies',
      'Vos vaccinations',
      'Vos mesures de santé',
      'Vous pouvez également partager une synthèse de votre profil avec les professionnels de santé de votre choix.',
    ]);
    expect(root(el).querySelector('h1')?.textContent?.trim()).to.equal('Mon espace santé');
    expect(hotspots(el)).to.have.members(['activate-space', 'login']);
  });

  it('emits ACTIVATE_SPACE and NOT_COVERED login', async () => {
    const el = await mount('mes-screen-home', makeCtx({ session: null }));
    expect(await clickAndCollect(el, 'activate-space')).to.deep.equal([{ type: 'ACTIVATE_SPACE' }]);
    expect(await clickAndCollect(el, 'login')).to.deep.equal([{ type: 'NOT_COVERED', which: 'login' }]);
  });

  it('is accessible', async () => {
    const el = await mount('mes-screen-home', makeCtx({ session: null }));
    await expect(el).to.be.accessible();
  });
});

describe('mes-screen-start (S2)', () => {
  it('shows what is needed and the three ways on', async () => {
    const el = await mount('mes-screen-start', makeCtx({ session: null }));
    expectShows(el, [
      'Mon espace santé',
      "Pour l'activer ou m'y opposer j'ai besoin d'avoir :",
      'Le code provisoire reçu par e-mail ou courrier',
      'Ma carte Vitale',
      '5 minutes de mon temps',
      'Commencer',
      "Je n'ai pas de code provisoire ?",
      'Générer un nouveau code provisoire',
      "J'ai déjà activé Mon espace santé ?",
      'Me connecter',
    ]);
    expect(root(el).querySelectorAll('.needs li svg')).to.have.length(3);
    expect(hotspots(el)).to.have.members(['begin', 'new-code', 'login']);
  });

  it('emits BEGIN, NEW_CODE and NOT_COVERED login', async () => {
    const el = await mount('mes-screen-start', makeCtx({ session: null }));
    expect(await clickAndCollect(el, 'begin')).to.deep.equal([{ type: 'BEGIN' }]);
    expect(await clickAndCollect(el, 'new-code')).to.deep.equal([{ type: 'NEW_CODE' }]);
    expect(await clickAndCollect(el, 'login')).to.deep.equal([{ type: 'NOT_COVERED', which: 'login' }]);
  });

  it('is accessible', async () => {
    const el = await mount('mes-screen-start', makeCtx({ session: null }));
    await expect(el).to.be.accessible();
  });
});

describe('mes-screen-identify (S3)', () => {
  const filled: CtxOverrides = {
    session: null,
    forms: { identify: { code: 'Kp7RmX2qLa9T', nir: '2 69 05 44 109 038 57', cardType: 'sans-photo', serial: '09073458126' } },
  };
  const allErrors: CtxOverrides = {
    session: null,
    fieldErrors: {
      'identify.code': { key: 'code.length' },
      'identify.nir': { key: 'nir.format' },
      'identify.cardType': { key: 'cardType.required' },
      'identify.serial': { key: 'serial.required' },
    },
  };

  it('shows the labels and examples of the seed', async () => {
    const el = await mount('mes-screen-identify', makeCtx({ session: null }));
    expectShows(el, [
      "Je m'identifie",
      'Pour vous identifier, veuillez saisir le code provisoire reçu par e-mail ou courrier, votre numéro de sécurité sociale ainsi que le numéro de série de votre carte Vitale.',
      'Code provisoire composé de 12 caractères',
      'Ex. : HuqZF3KXCz8k',
      'Générer un nouveau code provisoire',
      'Numéro de sécurité sociale',
      'Ex. : 1 55 12 55 555 555 55',
      'Où trouver mon numéro de sécurité sociale ?',
      'Ma carte Vitale',
      'Carte Vitale sans photo',
      'Carte Vitale avec photo',
      'Numéro de série de carte Vitale',
      'Ex. : 0102457612 4',
      'Où trouver mon numéro de série de carte Vitale ?',
      'Continuer',
    ]);
    expect(byId(el, 'code').closest('.field')?.querySelector('label')?.textContent?.trim()).to.equal(
      'Code provisoire composé de 12 caractères',
    );
    expect(hotspots(el)).to.include.members([
      'back',
      'code',
      'new-code',
      'nir',
      'help-nir',
      'card-sans-photo',
      'card-avec-photo',
      'serial',
      'help-serial',
      'submit',
    ]);
    expect(hotspot(el, 'back').getAttribute('aria-label')).to.equal(t('common:backLabel'));
  });

  it('is controlled by ctx.forms.identify', async () => {
    const el = await mount('mes-screen-identify', makeCtx(filled));
    expect(hotspot<HTMLInputElement>(el, 'code').value).to.equal('Kp7RmX2qLa9T');
    expect(hotspot<HTMLInputElement>(el, 'nir').value).to.equal('2 69 05 44 109 038 57');
    expect(hotspot<HTMLInputElement>(el, 'serial').value).to.equal('09073458126');
    expect(hotspot(el, 'card-sans-photo').querySelector('input')?.checked).to.equal(true);
    expect(hotspot(el, 'card-avec-photo').querySelector('input')?.checked).to.equal(false);
    await update(el, { ...filled, forms: { identify: { ...filled.forms?.identify, cardType: 'avec-photo', code: '' } } });
    expect(hotspot<HTMLInputElement>(el, 'code').value).to.equal('');
    expect(hotspot(el, 'card-avec-photo').querySelector('input')?.checked).to.equal(true);
  });

  it('sends FIELD for every input and the card type', async () => {
    const el = await mount('mes-screen-identify', makeCtx({ session: null }));
    expect(type(el, 'code', 'Kp7RmX2q')).to.deep.equal([{ type: 'FIELD', form: 'identify', field: 'code', value: 'Kp7RmX2q' }]);
    expect(type(el, 'nir', '2690544')).to.deep.equal([{ type: 'FIELD', form: 'identify', field: 'nir', value: '2690544' }]);
    expect(type(el, 'serial', '0907')).to.deep.equal([{ type: 'FIELD', form: 'identify', field: 'serial', value: '0907' }]);
    expect(await clickAndCollect(el, 'card-avec-photo')).to.deep.equal([
      { type: 'FIELD', form: 'identify', field: 'cardType', value: 'avec-photo' },
    ]);
    expect(await clickAndCollect(el, 'card-sans-photo')).to.deep.equal([
      { type: 'FIELD', form: 'identify', field: 'cardType', value: 'sans-photo' },
    ]);
  });

  it('emits BACK, NEW_CODE and SUBMIT', async () => {
    const el = await mount('mes-screen-identify', makeCtx(filled));
    expect(await clickAndCollect(el, 'back')).to.deep.equal([{ type: 'BACK' }]);
    expect(await clickAndCollect(el, 'new-code')).to.deep.equal([{ type: 'NEW_CODE' }]);
    expect(await clickAndCollect(el, 'submit')).to.deep.equal([{ type: 'SUBMIT' }]);
  });

  it('submits on Enter in a field', async () => {
    const el = await mount('mes-screen-identify', makeCtx(filled));
    const events = record(el);
    root(el).querySelector('form')?.requestSubmit();
    expect(events).to.deep.equal([{ type: 'SUBMIT' }]);
  });

  it('shows busy and refuses a second submission', async () => {
    await expectBusySubmit('mes-screen-identify', filled);
  });

  it('opens the NIR help: carte Vitale and attestation de droits, 15 characters', async () => {
    const el = await mount('mes-screen-identify', makeCtx({ session: null }));
    const panel = byId(el, 'help-nir-panel');
    expect(panel.hidden).to.equal(true);
    expect(hotspot(el, 'help-nir').getAttribute('aria-expanded')).to.equal('false');
    const events = await clickAndCollect(el, 'help-nir');
    expect(events, 'a help panel is presentation only').to.deep.equal([]);
    expect(panel.hidden).to.equal(false);
    expect(hotspot(el, 'help-nir').getAttribute('aria-expanded')).to.equal('true');
    expect(panel.textContent).to.include('carte Vitale').and.include('attestation de droits').and.include('15 caractères');
    expect(panel.querySelectorAll('svg[role="img"]')).to.have.length(2);
    await expect(el).to.be.accessible();
    await clickAndCollect(el, 'help-nir-close');
    expect(panel.hidden).to.equal(true);
    expect(focused(el)).to.equal(hotspot(el, 'help-nir'));
  });

  it('opens the serial help for the chosen card type, with 3422', async () => {
    const sansPhoto =
      'Le numéro de série se situe au dos en haut à gauche de votre carte Vitale. Il est composé de 8 ou 13 chiffres.';
    const avecPhoto =
      'Le numéro de série se situe en haut à droite de votre carte Vitale. Renseignez les 11 derniers chiffres de votre numéro de série.';
    const el = await mount('mes-screen-identify', makeCtx({ session: null, forms: { identify: { cardType: 'sans-photo' } } }));
    await clickAndCollect(el, 'help-serial');
    const panel = byId(el, 'help-serial-panel');
    const shown = () => (panel.textContent ?? '').replace(/\s+/g, ' ');
    expect(panel.hidden).to.equal(false);
    expect(shown()).to.include(sansPhoto).and.not.include(avecPhoto);
    expect(shown()).to.include("Et si je n'arrive pas à lire le numéro de série de ma carte Vitale ?");
    expect(shown()).to.include('Afin d\'obtenir le numéro de série de votre carte Vitale, contactez le :');
    expect(shown()).to.include('3422').and.include('Service client');
    expect(shown()).to.include('Service disponible du lundi au vendredi de 8h30 à 17h30.');
    expect(panel.querySelectorAll('svg[role="img"]')).to.have.length(1);

    await update(el, { session: null, forms: { identify: { cardType: 'avec-photo' } } });
    expect(shown()).to.include(avecPhoto).and.not.include(sansPhoto);

    await update(el, { session: null });
    expect(shown(), 'no card chosen yet: both').to.include(avecPhoto).and.include(sansPhoto);
    await expect(el).to.be.accessible();
  });

  it('renders each field error next to its field, formError above the button', async () => {
    const el = await mount('mes-screen-identify', makeCtx({ ...allErrors, formError: { key: 'server.NO_USER_FOUND' } }));
    expectFieldError(el, 'code', t('errors:code.length'));
    expectFieldError(el, 'nir', t('errors:nir.format'));
    expectFieldError(el, 'cardType', t('errors:cardType.required'));
    expectFieldError(el, 'serial', t('errors:serial.required'));
    expect(t('errors:code.length')).to.equal('Le code doit contenir 12 caractères');
    const alert = root(el).querySelector('[role="alert"]');
    expect(alert?.textContent?.trim()).to.equal(t('errors:server.NO_USER_FOUND'));
    const submit = hotspot(el, 'submit');
    expect(alert && alert.compareDocumentPosition(submit) & Node.DOCUMENT_POSITION_FOLLOWING).to.be.ok;
    // The hint stays in the description next to the error.
    expect(byId(el, 'code').getAttribute('aria-describedby')).to.equal('code-hint code-error');
  });

  it('renders no error markup while valid', async () => {
    const el = await mount('mes-screen-identify', makeCtx(filled));
    for (const id of ['code', 'nir', 'cardType', 'serial']) expectFieldValid(el, id);
    expect(root(el).querySelector('[role="alert"]')).to.equal(null);
  });

  it('moves focus to the first invalid field when a SUBMIT is refused, not while errors clear', async () => {
    const el = await mount('mes-screen-identify', makeCtx(filled));
    hotspot(el, 'serial').focus();
    await update(el, {
      ...filled,
      fieldErrors: { 'identify.nir': { key: 'nir.format' }, 'identify.serial': { key: 'serial.required' } },
    });
    expect(focused(el)).to.equal(hotspot(el, 'nir'));
    // Typing in the serial clears its error: focus stays where the user is.
    hotspot(el, 'serial').focus();
    await update(el, { ...filled, fieldErrors: { 'identify.nir': { key: 'nir.format' } } });
    expect(focused(el)).to.equal(hotspot(el, 'serial'));
    // A card-type error focuses its radio.
    await update(el, { ...filled, forms: { identify: { cardType: '' } }, fieldErrors: { 'identify.cardType': { key: 'cardType.required' } } });
    expect(focused(el)).to.equal(hotspot(el, 'card-sans-photo').querySelector('input'));
  });

  it('is accessible with and without errors', async () => {
    const valid = await mount('mes-screen-identify', makeCtx(filled));
    await expect(valid).to.be.accessible();
    const invalid = await mount('mes-screen-identify', makeCtx({ ...allErrors, formError: { key: 'server.NO_USER_FOUND' } }));
    await expect(invalid).to.be.accessible();
  });
});

describe('mes-screen-decision (S4, S5, S9)', () => {
  it('greets the person and offers the two choices of the seed', async () => {
    const el = await mount('mes-screen-decision', makeCtx());
    expectShows(el, [
      'Bonjour Martine !',
      'Je prends ma décision',
      "J'active Mon espace santé",
      "J'active Mon espace santé et j'accède à mon dossier médical, mes documents et mes mesures de santé.",
      "Je m'oppose à la création de Mon espace santé",
      'Si je change d\'avis, je peux à tout moment ouvrir Mon espace santé.',
      'Continuer',
    ]);
    expect(root(el).querySelector('h1')?.textContent?.trim()).to.equal('Bonjour Martine !');
    expect(root(el).querySelector('[data-hotspot="cgu"]'), 'no CGU before choosing').to.equal(null);
    expect(hotspots(el)).to.have.members(['back', 'choice-activate', 'choice-oppose', 'submit']);
  });

  it('emits CHOOSE for each card, BACK and SUBMIT', async () => {
    const el = await mount('mes-screen-decision', makeCtx());
    expect(await clickAndCollect(el, 'choice-activate')).to.deep.equal([{ type: 'CHOOSE', choice: 'activate' }]);
    await update(el, {});
    expect(await clickAndCollect(el, 'choice-oppose')).to.deep.equal([{ type: 'CHOOSE', choice: 'oppose' }]);
    expect(await clickAndCollect(el, 'back')).to.deep.equal([{ type: 'BACK' }]);
    expect(await clickAndCollect(el, 'submit')).to.deep.equal([{ type: 'SUBMIT' }]);
  });

  it('shows the CGU checkbox once activation is chosen (S5), with its two links', async () => {
    const el = await mount('mes-screen-decision', makeCtx({ forms: { decision: { choice: 'activate' } } }));
    expect(hotspot(el, 'choice-activate').querySelector('input')?.checked).to.equal(true);
    expectShows(el, [
      "J'accepte les Conditions Générales d'Utilisation et la Politique de protection des données personnelles.",
    ]);
    expect(hotspot(el, 'cgu').matches('input[type="checkbox"]')).to.equal(true);
    expect(await clickAndCollect(el, 'cgu')).to.deep.equal([{ type: 'TOGGLE_CGU', checked: true }]);
    await update(el, { forms: { decision: { choice: 'activate', cgu: true } } });
    expect(hotspot<HTMLInputElement>(el, 'cgu').checked).to.equal(true);
    expect(await clickAndCollect(el, 'cgu')).to.deep.equal([{ type: 'TOGGLE_CGU', checked: false }]);
    // The links sit inside the checkbox's label: following one must not tick the box.
    expect(await clickAndCollect(el, 'link-cgu')).to.deep.equal([{ type: 'NOT_COVERED', which: 'cgu' }]);
    expect(await clickAndCollect(el, 'link-privacy')).to.deep.equal([{ type: 'NOT_COVERED', which: 'privacy' }]);
    expect(hotspot(el, 'link-cgu').textContent?.trim()).to.equal("Conditions Générales d'Utilisation");
    expect(hotspot(el, 'link-privacy').textContent?.trim()).to.equal('Politique de protection des données personnelles');
    await expect(el).to.be.accessible();
  });

  it('hides the CGU when opposing (S9)', async () => {
    const el = await mount('mes-screen-decision', makeCtx({ forms: { decision: { choice: 'oppose' } } }));
    expect(hotspot(el, 'choice-oppose').querySelector('input')?.checked).to.equal(true);
    expect(root(el).querySelector('[data-hotspot="cgu"]')).to.equal(null);
  });

  it('names the child and asks the legal representative to certify', async () => {
    const el = await mount('mes-screen-decision', makeCtx({ session: lucasSession(), forms: { decision: { choice: 'activate' } } }));
    expect(root(el).querySelector('h1')?.textContent?.trim()).to.equal('Bonjour Lucas !');
    expectShows(el, ['Je certifie être le représentant légal de Lucas']);
    expect(hotspot(el, 'cgu').getAttribute('aria-describedby')).to.include('legal-rep');
    const adult = await mount('mes-screen-decision', makeCtx({ forms: { decision: { choice: 'activate' } } }));
    expect(text(adult)).not.to.include('représentant légal');
    await expect(el).to.be.accessible();
  });

  it('renders decision.choice and decision.cgu errors next to their fields, and focuses the first', async () => {
    const el = await mount('mes-screen-decision', makeCtx());
    await update(el, { fieldErrors: { 'decision.choice': { key: 'choice.required' } } });
    expectFieldError(el, 'choice', t('errors:choice.required'));
    expect(focused(el)).to.equal(hotspot(el, 'choice-activate').querySelector('input'));
    await expect(el).to.be.accessible();

    await update(el, { forms: { decision: { choice: 'activate' } }, fieldErrors: { 'decision.cgu': { key: 'cgu.required' } } });
    expectFieldValid(el, 'choice');
    expectFieldError(el, 'cgu', 'Veuillez cocher l\'autorisation');
    expect(focused(el)).to.equal(hotspot(el, 'cgu'));
    await expect(el).to.be.accessible();
  });

  it('shows busy and refuses a second submission', async () => {
    await expectBusySubmit('mes-screen-decision', { forms: { decision: { choice: 'oppose' } } });
  });

  it('is accessible', async () => {
    const el = await mount('mes-screen-decision', makeCtx());
    await expect(el).to.be.accessible();
  });
});

describe('mes-screen-confirm-opposition (S10)', () => {
  it('shows the confirmation of the seed', async () => {
    const el = await mount('mes-screen-confirm-opposition', makeCtx());
    expectShows(el, [
      "Je valide l'opposition à la création de Mon espace santé",
      'En validant cette décision, Mon espace santé ne sera pas créé.',
      'Vous pourrez créer Mon espace santé à tout moment.',
      'Annuler',
      'Continuer',
    ]);
    expect(hotspots(el)).to.have.members(['cancel', 'submit']);
  });

  it('« Annuler » sends BACK, « Continuer » SUBMIT', async () => {
    const el = await mount('mes-screen-confirm-opposition', makeCtx());
    expect(await clickAndCollect(el, 'cancel')).to.deep.equal([{ type: 'BACK' }]);
    expect(await clickAndCollect(el, 'submit')).to.deep.equal([{ type: 'SUBMIT' }]);
  });

  it('shows busy and refuses a second submission', async () => {
    await expectBusySubmit('mes-screen-confirm-opposition', {});
  });

  it('announces a refusal and stays accessible', async () => {
    const el = await mount('mes-screen-confirm-opposition', makeCtx({ formError: { key: 'server.MIN_DELAY_ERROR' } }));
    expect(root(el).querySelector('[role="alert"]')?.textContent?.trim()).to.equal(t('errors:server.MIN_DELAY_ERROR'));
    await expect(el).to.be.accessible();
    const plain = await mount('mes-screen-confirm-opposition', makeCtx());
    await expect(plain).to.be.accessible();
  });
});

describe('mes-screen-opposed (S11)', () => {
  const opposed = () => martineSession({ status: 'opposed', decidedAt: '2021-12-07' });

  it('offers the justificatif, once', async () => {
    const el = await mount('mes-screen-opposed', makeCtx({ session: opposed() }));
    expectShows(el, [
      'Ma décision a bien été prise en compte',
      "Je peux télécharger mon justificatif d'opposition à la création de Mon espace santé.",
      'Attention, celui-ci ne sera plus disponible par la suite.',
      'Télécharger le justificatif (format .pdf)',
    ]);
    expect(text(el)).not.to.include('Vous pouvez également gérer les profils ci-dessous.');
    expect(text(el)).not.to.include(t('opposition:opposed.downloaded'));
    expect(hotspots(el)).to.have.members(['download-proof']);
    expect(await clickAndCollect(el, 'download-proof')).to.deep.equal([{ type: 'DOWNLOAD_PROOF' }]);
    await expect(el).to.be.accessible();
  });

  it('says the proof was downloaded, and shows a refusal under the link', async () => {
    const el = await mount(
      'mes-screen-opposed',
      makeCtx({ session: opposed(), proofDownloaded: true, formError: { key: 'server.PROOF_ALREADY_DOWNLOADED' } }),
    );
    expectShows(el, ['Le justificatif a été téléchargé.']);
    const alert = root(el).querySelector('[role="alert"]');
    expect(alert?.textContent?.trim()).to.equal(t('errors:server.PROOF_ALREADY_DOWNLOADED'));
    expect(hotspot(el, 'download-proof').compareDocumentPosition(alert as Node) & Node.DOCUMENT_POSITION_FOLLOWING).to.be.ok;
    await expect(el).to.be.accessible();
  });

  it('ignores clicks while busy', async () => {
    const el = await mount('mes-screen-opposed', makeCtx({ session: opposed(), busy: true }));
    expect(hotspot(el, 'download-proof').getAttribute('aria-disabled')).to.equal('true');
    expect(await clickAndCollect(el, 'download-proof')).to.deep.equal([]);
  });

  it('lists the attached profiles with their status and « Gérer le profil »', async () => {
    const el = await mount('mes-screen-opposed', makeCtx({ session: opposed(), profiles: profiles() }));
    expectShows(el, [
      'Vous pouvez également gérer les profils ci-dessous.',
      'Je peux sélectionner un profil et cliquer sur le bouton "Gérer le profil" pour l\'activer ou m\'y opposer.',
      'Lucas LEGUELLEC',
      'En attente de décision',
      'Chloé LEGUELLEC',
      'Profil opposé le 07/12/2021',
      'Jeanne LEGUELLEC',
      'Profil activé le 15/01/2022',
    ]);
    const avatars = [...root(el).querySelectorAll('.avatar')].map((a) => a.textContent?.trim());
    expect(avatars).to.deep.equal(['LL', 'CL', 'JL']);
    expect(hotspots(el)).to.have.members(['download-proof', 'manage-lucas', 'manage-chloe']);
    expect(hotspot(el, 'manage-lucas').textContent?.trim()).to.equal('Gérer le profil');
    expect(await clickAndCollect(el, 'manage-lucas')).to.deep.equal([{ type: 'MANAGE_PROFILE', profileId: 'lucas' }]);
    expect(await clickAndCollect(el, 'manage-chloe')).to.deep.equal([{ type: 'MANAGE_PROFILE', profileId: 'chloe' }]);
    await expect(el).to.be.accessible();
  });

  it('names the child and leads back to the profiles', async () => {
    const el = await mount(
      'mes-screen-opposed',
      makeCtx({ session: lucasSession({ status: 'opposed', decidedAt: '2021-12-07' }), parentSession: opposed(), profiles: profiles() }),
    );
    expect(root(el).querySelector('h1')?.textContent).to.include('Lucas');
    expectShows(el, ['Revenir à mes profils']);
    expect(await clickAndCollect(el, 'back-profiles')).to.deep.equal([{ type: 'BACK' }]);
    await expect(el).to.be.accessible();
  });
});

describe('mes-screen-new-code (S17)', () => {
  const allErrors: CtxOverrides = {
    session: null,
    fieldErrors: {
      'newCode.nir': { key: 'nir.required' },
      'newCode.birthDate': { key: 'birthDate.format' },
      'newCode.cardType': { key: 'cardType.required' },
      'newCode.serial': { key: 'serial.digits' },
    },
  };

  it('shows the labels of the seed', async () => {
    const el = await mount('mes-screen-new-code', makeCtx({ session: null }));
    expectShows(el, [
      'Je génère un nouveau code provisoire',
      "Afin de sécuriser l'envoi de mon nouveau code provisoire, j'ai besoin de m'identifier.",
      'Numéro de sécurité sociale',
      'Où trouver mon numéro de sécurité sociale ?',
      'Ma date de naissance',
      'Si la demande me concerne, je saisis ma date de naissance. Si cela concerne mon enfant, j\'indique sa date de naissance.',
      'Date de naissance',
      'jj/mm/aaaa',
      'Ma carte Vitale',
      'Carte Vitale sans photo',
      'Carte Vitale avec photo',
      'Numéro de série de carte Vitale',
      'Où trouver mon numéro de série de carte Vitale ?',
      'Retour',
      'Continuer',
    ]);
    expect(hotspots(el)).to.include.members([
      'nir',
      'help-nir',
      'birth-date',
      'card-sans-photo',
      'card-avec-photo',
      'serial',
      'help-serial',
      'back',
      'submit',
    ]);
    const birth = hotspot<HTMLInputElement>(el, 'birth-date');
    expect(birth.type).to.equal('text');
    expect(birth.getAttribute('inputmode')).to.equal('numeric');
  });

  it('sends FIELD to the newCode form, BACK and SUBMIT', async () => {
    const el = await mount('mes-screen-new-code', makeCtx({ session: null, forms: { newCode: { birthDate: '12/05/1969' } } }));
    expect(hotspot<HTMLInputElement>(el, 'birth-date').value).to.equal('12/05/1969');
    expect(type(el, 'nir', '269054410903857')).to.deep.equal([
      { type: 'FIELD', form: 'newCode', field: 'nir', value: '269054410903857' },
    ]);
    expect(type(el, 'birth-date', '03/09/2012')).to.deep.equal([
      { type: 'FIELD', form: 'newCode', field: 'birthDate', value: '03/09/2012' },
    ]);
    expect(type(el, 'serial', '09073458126')).to.deep.equal([
      { type: 'FIELD', form: 'newCode', field: 'serial', value: '09073458126' },
    ]);
    expect(await clickAndCollect(el, 'card-sans-photo')).to.deep.equal([
      { type: 'FIELD', form: 'newCode', field: 'cardType', value: 'sans-photo' },
    ]);
    expect(await clickAndCollect(el, 'back')).to.deep.equal([{ type: 'BACK' }]);
    expect(await clickAndCollect(el, 'submit')).to.deep.equal([{ type: 'SUBMIT' }]);
  });

  it('has the same help panels as S3', async () => {
    const el = await mount('mes-screen-new-code', makeCtx({ session: null, forms: { newCode: { cardType: 'avec-photo' } } }));
    await clickAndCollect(el, 'help-nir');
    await clickAndCollect(el, 'help-serial');
    expect(byId(el, 'help-nir-panel').hidden).to.equal(false);
    expect(byId(el, 'help-serial-panel').textContent).to.include('Renseignez les 11 derniers chiffres de votre numéro de série.');
    await expect(el).to.be.accessible();
  });

  it('renders errors next to their fields and focuses the first', async () => {
    const el = await mount('mes-screen-new-code', makeCtx({ session: null }));
    await update(el, allErrors);
    expectFieldError(el, 'nir', t('errors:nir.required'));
    expectFieldError(el, 'birth-date', t('errors:birthDate.format'));
    expectFieldError(el, 'cardType', t('errors:cardType.required'));
    expectFieldError(el, 'serial', t('errors:serial.digits'));
    expect(focused(el)).to.equal(hotspot(el, 'nir'));
  });

  it('shows busy and refuses a second submission', async () => {
    await expectBusySubmit('mes-screen-new-code', { session: null });
  });

  it('is accessible with and without errors', async () => {
    const valid = await mount('mes-screen-new-code', makeCtx({ session: null }));
    await expect(valid).to.be.accessible();
    const invalid = await mount('mes-screen-new-code', makeCtx({ ...allErrors, formError: { key: 'server.NO_USER_FOUND' } }));
    await expect(invalid).to.be.accessible();
  });
});

describe('mes-screen-delivery (S18)', () => {
  const byEmail = {
    sessionId: 'nc-1',
    channel: 'email' as const,
    maskedDestination: 'mar*****@example.fr',
    contacts: { email: 'martine.leguellec@example.fr', mobile: '0611121314' },
    forFirstName: 'Martine',
  };
  const bySms = { ...byEmail, channel: 'sms' as const, maskedDestination: '06 ** ** ** 14' };

  it('shows where the code will go', async () => {
    const el = await mount('mes-screen-delivery', makeCtx({ delivery: byEmail }));
    expectShows(el, [
      'Envoi du code provisoire',
      'Mon mode de réception :',
      'Par e-mail : mar*****@example.fr',
      'Mes coordonnées sont incorrectes ?',
      'Valider',
    ]);
    expect(hotspots(el)).to.have.members(['back', 'wrong-contacts', 'submit']);
    const sms = await mount('mes-screen-delivery', makeCtx({ delivery: bySms }));
    expectShows(sms, ['Par SMS : 06 ** ** ** 14']);
  });

  it('edits the contact of the channel, goes back, validates', async () => {
    const el = await mount('mes-screen-delivery', makeCtx({ delivery: byEmail }));
    expect(await clickAndCollect(el, 'wrong-contacts')).to.deep.equal([{ type: 'EDIT_CONTACT', kind: 'email' }]);
    expect(await clickAndCollect(el, 'back')).to.deep.equal([{ type: 'BACK' }]);
    expect(await clickAndCollect(el, 'submit')).to.deep.equal([{ type: 'SUBMIT' }]);
    const sms = await mount('mes-screen-delivery', makeCtx({ delivery: bySms }));
    expect(await clickAndCollect(sms, 'wrong-contacts')).to.deep.equal([{ type: 'EDIT_CONTACT', kind: 'mobile' }]);
  });

  it('shows a notice and a refusal', async () => {
    const el = await mount(
      'mes-screen-delivery',
      makeCtx({ delivery: byEmail, notice: { key: 'notice.emailChanged' }, formError: { key: 'server.MIN_DELAY_ERROR' } }),
    );
    expectShows(el, [t('errors:notice.emailChanged')]);
    expect(t('errors:notice.emailChanged')).to.equal('Adresse e-mail modifiée');
    expect(root(el).querySelector('[role="alert"]')?.textContent?.trim()).to.equal(t('errors:server.MIN_DELAY_ERROR'));
    expect(await clickAndCollect(el, 'dismiss-notice')).to.deep.equal([{ type: 'DISMISS_NOTICE' }]);
    await expect(el).to.be.accessible();
  });

  it('shows busy and refuses a second submission', async () => {
    const el = await mount('mes-screen-delivery', makeCtx({ delivery: byEmail, busy: true }));
    expect(hotspot(el, 'submit').getAttribute('aria-disabled')).to.equal('true');
    expect(hotspot(el, 'submit').textContent?.trim()).to.equal('Envoi en cours…');
    expect(await clickAndCollect(el, 'submit')).to.deep.equal([]);
  });

  it('is accessible', async () => {
    const el = await mount('mes-screen-delivery', makeCtx({ delivery: bySms }));
    await expect(el).to.be.accessible();
  });
});

describe('mes-screen-code-sent', () => {
  const delivery = {
    sessionId: 'nc-1',
    channel: 'email' as const,
    maskedDestination: 'mar*****@example.fr',
    contacts: { email: 'martine.leguellec@example.fr', mobile: '0611121314' },
    forFirstName: 'Martine',
  };

  it('says where the code went and how long it is valid', async () => {
    const el = await mount('mes-screen-code-sent', makeCtx({ delivery }));
    expectShows(el, [
      'Votre nouveau code provisoire a été envoyé',
      'Il a été envoyé par e-mail à mar*****@example.fr. Pensez à vérifier vos courriers indésirables (spams). Ce code est valable 6 semaines.',
      'Activer Mon espace santé',
    ]);
    const sms = await mount('mes-screen-code-sent', makeCtx({ delivery: { ...delivery, channel: 'sms', maskedDestination: '06 ** ** ** 14' } }));
    expectShows(sms, ['Il a été envoyé par SMS au 06 ** ** ** 14.', 'Ce code est valable 6 semaines.']);
    expect(text(sms)).not.to.include('spams');
  });

  it('« Activer Mon espace santé » sends BEGIN', async () => {
    const el = await mount('mes-screen-code-sent', makeCtx({ delivery }));
    expect(hotspots(el)).to.have.members(['begin']);
    expect(await clickAndCollect(el, 'begin')).to.deep.equal([{ type: 'BEGIN' }]);
  });

  it('is accessible', async () => {
    const el = await mount('mes-screen-code-sent', makeCtx({ delivery }));
    await expect(el).to.be.accessible();
  });
});

describe('locales of the first screens', () => {
  it('every French key has an English twin', async () => {
    const namespaces = ['home', 'start', 'identify', 'decision', 'opposition', 'newcode'];
    const keys = (value: unknown, prefix = ''): string[] =>
      value && typeof value === 'object'
        ? Object.entries(value).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k))
        : [prefix];
    const { i18next } = await import('../../src/i18n');
    for (const ns of namespaces) {
      const fr = i18next.getResourceBundle('fr', ns) as unknown;
      const en = i18next.getResourceBundle('en', ns) as unknown;
      expect(fr, `fr/${ns}.json`).to.be.an('object');
      expect(keys(en).sort(), ns).to.deep.equal(keys(fr).sort());
    }
  });
});
