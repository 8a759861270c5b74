import { expect, fixture } from '@open-wc/testing';
import { html, unsafeStatic } from 'lit/static-html.js';
import { i18next, t } from '../../src/i18n';
import { passwordChecklist } from '../../src/domain/password';
import type { BlockerCode, NotCoveredId, SiteContext, SiteEvent } from '../../src/site/types';
import { type CtxOverrides, lucasSession as lucas, makeCtx as baseCtx, martineSession as martine } from './fixtures';
import type { SiteScreen } from '../../src/site/screens/site-screen';
import '../../src/site/screens/contacts';
import '../../src/site/screens/edit-contact';
import '../../src/site/screens/verify-contact';
import '../../src/site/screens/credentials';
import '../../src/site/screens/activated';
import '../../src/site/screens/blocked';
import '../../src/site/screens/not-covered';

// Mocha's globals, provided by @web/test-runner at run time (no @types/mocha in the project).
declare const describe: (name: string, body: () => void) => void;
declare const it: (name: string, body: () => void | Promise<void>) => void;
declare const afterEach: (body: () => void) => void;

/** The site context after identification, with the checklist the machine computes for an empty password. */
function makeCtx(overrides: CtxOverrides = {}): SiteContext {
  return baseCtx({ passwordChecklist: passwordChecklist('', overrides.ruleSet ?? 'seed-2021'), ...overrides });
}

async function mount<T extends SiteScreen>(tag: string, ctx: SiteContext): Promise<T> {
  const name = unsafeStatic(tag);
  return fixture<T>(html`<${name} .ctx=${ctx}></${name}>`);
}

/** Every intent the element emits, in order, as the app shell would receive them. */
function record(el: Element): SiteEvent[] {
  const events: SiteEvent[] = [];
  // Listened on the document: the event must cross the shadow root and bubble to the shell.
  const listener = (e: Event) => {
    if (e.composedPath().includes(el)) {
      events.push((e as CustomEvent<SiteEvent>).detail);
    }
  };
  document.addEventListener('mes-intent', listener);
  afterEachCleanup.push(() => document.removeEventListener('mes-intent', listener));
  return events;
}
const afterEachCleanup: Array<() => void> = [];
afterEach(() => {
  while (afterEachCleanup.length) afterEachCleanup.pop()?.();
});

function hot<T extends HTMLElement = HTMLElement>(el: Element, name: string): T {
  const target = el.shadowRoot?.querySelector<T>(`[data-hotspot="${name}"]`);
  if (!target) throw new Error(`no data-hotspot="${name}"`);
  return target;
}

/** The hotspot name of the focused element inside the screen (a string: failures stay readable). */
function focused(el: Element): string | null {
  return el.shadowRoot?.activeElement?.getAttribute('data-hotspot') ?? null;
}

function text(el: Element): string {
  return (el.shadowRoot?.textContent ?? '').replace(/\s+/g, ' ');
}

function type(input: HTMLInputElement, value: string): void {
  input.value = value;
  input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
}

/** The field's error is in the same field block, announced, and referenced by the input. */
function expectFieldError(el: Element, hotspot: string, message: string): void {
  const input = hot<HTMLInputElement>(el, hotspot);
  expect(input.getAttribute('aria-invalid')).to.equal('true');
  const ids = (input.getAttribute('aria-describedby') ?? '').split(/\s+/);
  const error = ids.map((id) => el.shadowRoot?.getElementById(id)).find((node) => node?.classList.contains('error'));
  expect(error, `error of ${hotspot}`).to.exist;
  expect(error?.textContent?.trim()).to.equal(message);
  expect(error?.getAttribute('role')).to.equal('alert');
  expect(error?.closest('.field') === input.closest('.field'), 'error in the same field block').to.equal(true);
}

describe('mes-screen-contacts (S6)', () => {
  it('shows the seed labels and the contacts on file, the mobile grouped by pairs', async () => {
    const el = await mount('mes-screen-contacts', makeCtx());
    const shown = text(el);
    expect(shown).to.contain('Je vérifie mes coordonnées de contact');
    expect(shown).to.contain(
      "Ces informations sont indispensables pour assurer la sécurité de Mon espace santé et ont été transmises par ma caisse d'assurance maladie.",
    );
    expect(shown).to.contain('Adresse e-mail');
    expect(shown).to.contain('Numéro de téléphone mobile');
    expect(el.shadowRoot?.querySelector('[data-testid="email-value"]')?.textContent?.trim()).to.equal(
      'martine.leguellec@example.fr',
    );
    expect(el.shadowRoot?.querySelector('[data-testid="mobile-value"]')?.textContent?.trim()).to.equal('06 11 12 13 14');
    expect(hot(el, 'edit-email').textContent?.trim()).to.equal("Modifier l'adresse e-mail");
    expect(hot(el, 'edit-email').querySelector('svg[aria-hidden="true"]')).to.exist;
    expect(hot(el, 'edit-mobile').textContent?.trim()).to.equal('Modifier mon numéro de mobile');
    expect(hot(el, 'submit').textContent?.trim()).to.equal('Continuer');
    expect(hot(el, 'back').getAttribute('aria-label')).to.equal(t('common:backLabel'));
    await expect(el).to.be.accessible();
  });

  it('offers to fill in missing contacts', async () => {
    const el = await mount('mes-screen-contacts', makeCtx({ session: martine({ contacts: { email: null, mobile: null } }) }));
    const shown = text(el);
    expect(shown).to.contain('Aucune adresse e-mail renseignée');
    expect(hot(el, 'edit-email').textContent?.trim()).to.equal('Renseigner mon adresse e-mail');
    expect(hot(el, 'edit-mobile').textContent?.trim()).to.equal('Renseigner mon numéro de mobile');
    await expect(el).to.be.accessible();
  });

  it('shows the notice as a status message', async () => {
    const el = await mount('mes-screen-contacts', makeCtx({ notice: { key: 'notice.emailChanged' } }));
    const status = el.shadowRoot?.querySelector('[role="status"]');
    expect(status?.textContent?.trim()).to.equal('Adresse e-mail modifiée');
    await expect(el).to.be.accessible();
  });

  it('emits an intent for each hotspot', async () => {
    const el = await mount('mes-screen-contacts', makeCtx());
    const events = record(el);
    hot(el, 'back').click();
    hot(el, 'edit-email').click();
    hot(el, 'edit-mobile').click();
    hot(el, 'submit').click();
    expect(events).to.deep.equal([
      { type: 'BACK' },
      { type: 'EDIT_CONTACT', kind: 'email' },
      { type: 'EDIT_CONTACT', kind: 'mobile' },
      { type: 'SUBMIT' },
    ]);
  });

  it('shows that a request is in flight and ignores clicks meanwhile', async () => {
    const el = await mount('mes-screen-contacts', makeCtx({ busy: true }));
    const events = record(el);
    const submit = hot(el, 'submit');
    expect(submit.getAttribute('aria-disabled')).to.equal('true');
    expect(submit.textContent?.trim()).to.equal('Envoi en cours…');
    submit.click();
    expect(events).to.deep.equal([]);
  });
});

describe('mes-screen-edit-contact (S13 / S15)', () => {
  it('asks for the new e-mail address (S13)', async () => {
    const ctx = makeCtx({ contactKind: 'email', forms: { contact: { value: 'martine.l@example.fr', otp: '' } } });
    const el = await mount('mes-screen-edit-contact', ctx);
    const shown = text(el);
    expect(shown).to.contain('Je modifie mon adresse e-mail');
    expect(shown).to.contain('Je saisis mon adresse e-mail pour recevoir un code à usage unique et valider la modification.');
    const input = hot<HTMLInputElement>(el, 'contact-value');
    expect(input.type).to.equal('email');
    expect(input.autocomplete).to.equal('email');
    expect(input.value).to.equal('martine.l@example.fr');
    expect(input.labels?.[0]?.textContent?.trim()).to.equal('Adresse e-mail');
    expect(input.getAttribute('aria-invalid')).to.equal('false');
    expect(hot(el, 'cancel').textContent?.trim()).to.equal('Annuler');
    expect(hot(el, 'submit').textContent?.trim()).to.equal('Valider');
    await expect(el).to.be.accessible();
  });

  it('asks for the new mobile number with its example (S15)', async () => {
    const el = await mount('mes-screen-edit-contact', makeCtx({ contactKind: 'mobile' }));
    const shown = text(el);
    expect(shown).to.contain('Je renseigne mon numéro de téléphone mobile');
    expect(shown).to.contain(
      'Je saisis mon nouveau numéro de téléphone mobile pour recevoir un code à usage unique et valider la modification.',
    );
    const input = hot<HTMLInputElement>(el, 'contact-value');
    expect(input.type).to.equal('tel');
    expect(input.labels?.[0]?.textContent?.trim()).to.equal('Numéro de téléphone mobile');
    const hint = el.shadowRoot?.getElementById(input.getAttribute('aria-describedby') ?? '');
    expect(hint?.textContent?.trim()).to.equal('Ex. : 06 12 34 56 78');
    await expect(el).to.be.accessible();
  });

  it('sends what is typed and the intents of its buttons', async () => {
    const el = await mount('mes-screen-edit-contact', makeCtx({ contactKind: 'mobile' }));
    const events = record(el);
    type(hot<HTMLInputElement>(el, 'contact-value'), '07 22 33 44 55');
    hot(el, 'back').click();
    hot(el, 'cancel').click();
    hot(el, 'submit').click();
    expect(events).to.deep.equal([
      { type: 'FIELD', form: 'contact', field: 'value', value: '07 22 33 44 55' },
      { type: 'BACK' },
      { type: 'BACK' },
      { type: 'SUBMIT' },
    ]);
  });

  it('shows the field error next to the field, and the form error', async () => {
    const el = await mount(
      'mes-screen-edit-contact',
      makeCtx({
        contactKind: 'mobile',
        forms: { contact: { value: '05 11 12 13 14', otp: '' } },
        fieldErrors: { 'contact.value': { key: 'mobile.format' } },
        formError: { key: 'server.MIN_DELAY_ERROR' },
      }),
    );
    expectFieldError(el, 'contact-value', 'Format invalide, vérifier le format du numéro');
    const describedBy = hot(el, 'contact-value').getAttribute('aria-describedby') ?? '';
    expect(describedBy.split(' ')).to.include('value-hint');
    const formError = el.shadowRoot?.querySelector('.form-error');
    expect(formError?.textContent?.trim()).to.equal('Une erreur est survenue. Veuillez attendre 30 secondes puis réessayez.');
    expect(formError?.getAttribute('role')).to.equal('alert');
    await expect(el).to.be.accessible();
  });

  it('moves focus to the invalid field when its SUBMIT is refused', async () => {
    const ctx = makeCtx({ contactKind: 'email', forms: { contact: { value: 'martine@', otp: '' } } });
    const el = await mount('mes-screen-edit-contact', ctx);
    hot(el, 'submit').focus();
    hot(el, 'submit').click();
    el.ctx = { ...ctx, fieldErrors: { 'contact.value': { key: 'email.format' } } };
    await el.updateComplete;
    expect(focused(el)).to.equal('contact-value');
    expectFieldError(el, 'contact-value', 'Saisir une adresse e-mail valide');
    await expect(el).to.be.accessible();
  });

  it('ignores a second submission while busy', async () => {
    const el = await mount('mes-screen-edit-contact', makeCtx({ busy: true }));
    const events = record(el);
    expect(hot(el, 'submit').getAttribute('aria-disabled')).to.equal('true');
    expect(hot(el, 'submit').textContent?.trim()).to.equal('Envoi en cours…');
    hot(el, 'submit').click();
    expect(events).to.deep.equal([]);
  });
});

describe('mes-screen-verify-contact (S14 / S16)', () => {
  it('asks for the code sent to the e-mail address, with the spam advice (S14)', async () => {
    const el = await mount(
      'mes-screen-verify-contact',
      makeCtx({ contactKind: 'email', otpSentTo: 'martine.l@example.fr' }),
    );
    const shown = text(el);
    expect(shown).to.contain('Je valide mon adresse e-mail');
    expect(shown).to.contain("Un code à usage unique vous a été envoyé à l'adresse martine.l@example.fr");
    expect(shown).to.contain('Pensez à vérifier vos courriers indésirables (spams).');
    const input = hot<HTMLInputElement>(el, 'otp');
    expect(input.labels?.[0]?.textContent?.trim()).to.equal('Code à usage unique');
    expect(input.inputMode).to.equal('numeric');
    expect(input.autocomplete).to.equal('one-time-code');
    const hint = el.shadowRoot?.getElementById('otp-hint');
    expect(hint?.textContent?.trim()).to.equal('Ex. : 034567');
    expect(input.getAttribute('aria-describedby')).to.equal('otp-hint');
    expect(hot(el, 'resend').textContent?.trim()).to.equal('Envoyer à nouveau le code');
    await expect(el).to.be.accessible();
  });

  it('asks for the code sent to the mobile (S16), without the spam advice', async () => {
    const el = await mount('mes-screen-verify-contact', makeCtx({ contactKind: 'mobile', otpSentTo: '06 11 12 13 14' }));
    const shown = text(el);
    expect(shown).to.contain('Je valide mon numéro de téléphone mobile');
    expect(shown).to.contain('Un code à usage unique vous a été envoyé au 06 11 12 13 14');
    expect(shown).not.to.contain('spams');
    await expect(el).to.be.accessible();
  });

  it('sends the code typed and the intents of its buttons', async () => {
    const el = await mount('mes-screen-verify-contact', makeCtx({ otpSentTo: 'martine.l@example.fr' }));
    const events = record(el);
    type(hot<HTMLInputElement>(el, 'otp'), '034567');
    hot(el, 'resend').click();
    hot(el, 'back').click();
    hot(el, 'cancel').click();
    hot(el, 'submit').click();
    expect(events).to.deep.equal([
      { type: 'FIELD', form: 'contact', field: 'otp', value: '034567' },
      { type: 'RESEND' },
      { type: 'BACK' },
      { type: 'BACK' },
      { type: 'SUBMIT' },
    ]);
  });

  it('shows the resent notice, the wrong-code refusal and the field error', async () => {
    const el = await mount(
      'mes-screen-verify-contact',
      makeCtx({
        otpSentTo: 'martine.l@example.fr',
        forms: { contact: { value: 'martine.l@example.fr', otp: '12a' } },
        notice: { key: 'notice.otpResent' },
        formError: { key: 'server.WRONG_OTP' },
        fieldErrors: { 'contact.otp': { key: 'otp.format' } },
      }),
    );
    expect(el.shadowRoot?.querySelector('[role="status"]')?.textContent?.trim()).to.equal(
      'Un nouveau code à usage unique vous a été envoyé.',
    );
    expect(el.shadowRoot?.querySelector('.form-error')?.textContent?.trim()).to.equal(
      'Vérifier le code à usage unique et réessayer',
    );
    expect(hot<HTMLInputElement>(el, 'otp').value).to.equal('12a');
    expectFieldError(el, 'otp', 'Saisir un code valide');
    await expect(el).to.be.accessible();
  });

  it('moves focus to the code when its SUBMIT is refused after the request', async () => {
    const ctx = makeCtx({ otpSentTo: 'martine.l@example.fr' });
    const el = await mount('mes-screen-verify-contact', ctx);
    hot(el, 'submit').click();
    el.ctx = { ...ctx, busy: true };
    await el.updateComplete;
    expect(focused(el)).not.to.equal('otp');
    el.ctx = { ...ctx, fieldErrors: { 'contact.otp': { key: 'otp.required' } } };
    await el.updateComplete;
    expect(focused(el)).to.equal('otp');
  });
});

describe('mes-screen-credentials (S7)', () => {
  it('shows the seed labels and the 2021 identifier hint', async () => {
    const el = await mount('mes-screen-credentials', makeCtx());
    const shown = text(el);
    expect(shown).to.contain('Je choisis mon identifiant et mon mot de passe');
    expect(shown).to.contain('Ils sont indispensables pour me connecter à Mon espace santé.');
    expect(shown).to.contain("Pour plus de sécurité, l'identifiant ne peut pas être une adresse e-mail.");
    const login = hot<HTMLInputElement>(el, 'login');
    expect(login.labels?.[0]?.textContent?.trim()).to.equal('Identifiant');
    expect(login.autocomplete).to.equal('username');
    expect(el.shadowRoot?.getElementById('login-hint')?.textContent?.trim()).to.equal('Minimum 8 caractères.');
    const password = hot<HTMLInputElement>(el, 'password');
    expect(password.labels?.[0]?.textContent?.trim()).to.equal('Mot de passe');
    expect(password.autocomplete).to.equal('new-password');
    expect(password.type).to.equal('password');
    expect(hot<HTMLInputElement>(el, 'confirm').labels?.[0]?.textContent?.trim()).to.equal('Confirmer le mot de passe');
    expect(hot(el, 'submit').textContent?.trim()).to.equal('Valider');
    expect(hot(el, 'back')).to.exist;
    await expect(el).to.be.accessible();
  });

  it('shows the current rules hint', async () => {
    const el = await mount('mes-screen-credentials', makeCtx({ ruleSet: 'current', passwordChecklist: passwordChecklist('', 'current') }));
    expect(el.shadowRoot?.getElementById('login-hint')?.textContent?.trim()).to.equal(
      'Entre 8 et 100 caractères : chiffres, minuscules et . - _',
    );
    expect(text(el)).to.contain('9 caractères minimum');
  });

  it('ticks the checklist from ctx.passwordChecklist', async () => {
    const password = 'abcdefgH';
    const checklist = passwordChecklist(password, 'seed-2021');
    const el = await mount(
      'mes-screen-credentials',
      makeCtx({ forms: { credentials: { login: 'mrt00174', password, confirm: '' } }, passwordChecklist: checklist }),
    );
    const items = [...(el.shadowRoot?.querySelectorAll<HTMLLIElement>('.checklist li') ?? [])];
    expect(items.map((li) => li.dataset.rule)).to.deep.equal(checklist.map((c) => c.id));
    for (const [n, item] of checklist.entries()) {
      const li = items[n]!;
      expect(li.textContent).to.contain(t(`errors:${item.key}`));
      expect(li.querySelector('.mark')?.textContent).to.equal(item.ok ? '✓' : '•');
      expect(li.querySelector('.visually-hidden')?.textContent).to.contain(item.ok ? 'critère respecté' : 'critère non respecté');
      expect(li.classList.contains('refused')).to.equal(false);
    }
    // « abcdefgH »: 8 characters, one upper, lower case; no digit, no special character.
    expect(items.filter((li) => li.dataset.ok === 'true').map((li) => li.dataset.rule)).to.deep.equal([
      'minLength',
      'upper',
      'lower',
    ]);
    const describedBy = hot(el, 'password').getAttribute('aria-describedby') ?? '';
    expect(describedBy.split(' ')).to.include('checklist');
    await expect(el).to.be.accessible();
  });

  it('turns the unmet rules red after a refused SUBMIT, with all three field errors', async () => {
    const ctx = makeCtx({
      forms: { credentials: { login: 'mrt', password: 'abc', confirm: 'abd' } },
      passwordChecklist: passwordChecklist('abc', 'seed-2021'),
    });
    const el = await mount('mes-screen-credentials', ctx);
    hot(el, 'submit').click();
    el.ctx = {
      ...ctx,
      fieldErrors: {
        'credentials.login': { key: 'identifier.minLength' },
        'credentials.password': { key: 'password.rules' },
        'credentials.confirm': { key: 'confirm.mismatch' },
      },
    };
    await el.updateComplete;
    expect(focused(el)).to.equal('login');
    expectFieldError(el, 'login', 'Minimum 8 caractères.');
    expectFieldError(el, 'password', 'Le mot de passe ne respecte pas tous les critères.');
    expectFieldError(el, 'confirm', 'Le nouveau mot de passe et la confirmation doivent être identiques.');
    const refused = [...(el.shadowRoot?.querySelectorAll<HTMLLIElement>('.checklist li.refused') ?? [])];
    expect(refused.map((li) => li.dataset.rule)).to.deep.equal(['minLength', 'upper', 'special', 'digit']);
    expect(refused.every((li) => li.querySelector('.mark')?.textContent === '✗')).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('offers the suggestions after LOGIN_ALREADY_EXISTS, each one filling the identifier', async () => {
    const el = await mount(
      'mes-screen-credentials',
      makeCtx({
        forms: { credentials: { login: 'mleguellec', password: 'Azerty#2021', confirm: 'Azerty#2021' } },
        formError: { key: 'server.LOGIN_ALREADY_EXISTS' },
        loginSuggestions: ['mleguellec1', 'mleguellec69'],
        passwordChecklist: passwordChecklist('Azerty#2021', 'seed-2021'),
      }),
    );
    expect(el.shadowRoot?.querySelector('.form-error')?.textContent?.trim()).to.equal(
      'Cet identifiant existe déjà. Veuillez en saisir un nouveau.',
    );
    expect(hot(el, 'suggestion-0').textContent?.trim()).to.equal('mleguellec1');
    expect(hot(el, 'suggestion-1').textContent?.trim()).to.equal('mleguellec69');
    const events = record(el);
    hot(el, 'suggestion-1').click();
    expect(events).to.deep.equal([{ type: 'FIELD', form: 'credentials', field: 'login', value: 'mleguellec69' }]);
    await expect(el).to.be.accessible();
  });

  it('sends each field typed and SUBMIT', async () => {
    const el = await mount('mes-screen-credentials', makeCtx());
    const events = record(el);
    type(hot<HTMLInputElement>(el, 'login'), 'mrt00174');
    type(hot<HTMLInputElement>(el, 'password'), 'Azerty#2021');
    type(hot<HTMLInputElement>(el, 'confirm'), 'Azerty#2021');
    hot(el, 'back').click();
    hot(el, 'submit').click();
    expect(events).to.deep.equal([
      { type: 'FIELD', form: 'credentials', field: 'login', value: 'mrt00174' },
      { type: 'FIELD', form: 'credentials', field: 'password', value: 'Azerty#2021' },
      { type: 'FIELD', form: 'credentials', field: 'confirm', value: 'Azerty#2021' },
      { type: 'BACK' },
      { type: 'SUBMIT' },
    ]);
  });

  it('shows and hides each password without telling the machine', async () => {
    const el = await mount(
      'mes-screen-credentials',
      makeCtx({ forms: { credentials: { login: '', password: 'Azerty#2021', confirm: 'Azerty#2021' } } }),
    );
    const events = record(el);
    const toggle = hot(el, 'toggle-password');
    expect(toggle.getAttribute('aria-pressed')).to.equal('false');
    expect(toggle.getAttribute('aria-label')).to.equal('Afficher le mot de passe');
    toggle.click();
    await el.updateComplete;
    expect(hot<HTMLInputElement>(el, 'password').type).to.equal('text');
    expect(hot<HTMLInputElement>(el, 'password').value).to.equal('Azerty#2021');
    expect(toggle.getAttribute('aria-pressed')).to.equal('true');
    expect(toggle.getAttribute('aria-label')).to.equal('Masquer le mot de passe');
    expect(hot<HTMLInputElement>(el, 'confirm').type).to.equal('password');
    hot(el, 'toggle-confirm').click();
    await el.updateComplete;
    expect(hot<HTMLInputElement>(el, 'confirm').type).to.equal('text');
    toggle.click();
    await el.updateComplete;
    expect(hot<HTMLInputElement>(el, 'password').type).to.equal('password');
    expect(events).to.deep.equal([]);
    await expect(el).to.be.accessible();
  });

  it('ignores a second submission while busy', async () => {
    const el = await mount('mes-screen-credentials', makeCtx({ busy: true }));
    const events = record(el);
    expect(hot(el, 'submit').getAttribute('aria-disabled')).to.equal('true');
    expect(hot(el, 'submit').textContent?.trim()).to.equal('Envoi en cours…');
    hot(el, 'submit').click();
    expect(events).to.deep.equal([]);
  });
});

describe('mes-screen-activated (S8)', () => {
  it('congratulates the adult and leads to the uncovered journeys', async () => {
    const el = await mount('mes-screen-activated', makeCtx({ session: martine({ status: 'activated', decidedAt: '2021-12-07' }) }));
    const shown = text(el);
    expect(el.shadowRoot?.querySelector('h1')?.textContent?.trim()).to.equal('Mon espace santé a bien été activé !');
    expect(shown).to.contain(
      'Je peux dès à présent découvrir toutes les fonctionnalités de Mon espace santé et commencer à compléter mon profil.',
    );
    expect(el.shadowRoot?.querySelector('svg[aria-hidden="true"]')).to.exist;
    expect(hot(el, 'discover').textContent?.trim()).to.equal('Découvrir Mon espace santé');
    expect(hot(el, 'other-profile').textContent?.trim()).to.equal('Gérer un autre profil rattaché');
    expect(el.shadowRoot?.querySelector('[data-hotspot="back-profiles"]') === null, 'no back-profiles').to.equal(true);
    const events = record(el);
    hot(el, 'discover').click();
    hot(el, 'other-profile').click();
    expect(events).to.deep.equal([
      { type: 'NOT_COVERED', which: 'discover' },
      { type: 'NOT_COVERED', which: 'otherProfile' },
    ]);
    await expect(el).to.be.accessible();
  });

  it("names the child and leads back to the parent's profiles", async () => {
    const el = await mount('mes-screen-activated', makeCtx({ session: lucas(), parentSession: martine() }));
    expect(el.shadowRoot?.querySelector('h1')?.textContent?.trim()).to.equal('Mon espace santé de Lucas a bien été activé !');
    expect(hot(el, 'back-profiles').textContent?.trim()).to.equal('Revenir à mes profils');
    const events = record(el);
    hot(el, 'back-profiles').click();
    expect(events).to.deep.equal([{ type: 'BACK' }]);
    await expect(el).to.be.accessible();
  });
});

describe('mes-screen-blocked', () => {
  const pages: Array<{ code: BlockerCode; title: string; says: string; hotspots: Record<string, SiteEvent> }> = [
    {
      code: 'CODE_EXPIRED',
      title: 'Votre code provisoire a expiré',
      says: 'saisissez à nouveau les informations de votre carte Vitale',
      hotspots: { 'new-code': { type: 'NEW_CODE' } },
    },
    {
      code: 'CODE_ALREADY_USED',
      title: 'Votre code provisoire a déjà été utilisé',
      says: "Un code provisoire ne sert qu'une seule fois.",
      hotspots: { 'new-code': { type: 'NEW_CODE' }, login: { type: 'NOT_COVERED', which: 'login' } },
    },
    {
      code: 'PROFILE_ALREADY_EXISTS',
      title: 'Un profil a déjà été créé pour cette personne.',
      says: 'connectez-vous avec votre identifiant et votre mot de passe',
      hotspots: { login: { type: 'NOT_COVERED', which: 'login' } },
    },
    {
      code: 'DECEASED_INDIVIDUAL',
      title: 'Ce profil ne peut pas être activé',
      says: 'du lundi au vendredi de 8h30 à 17h30',
      hotspots: {},
    },
    {
      code: 'SESSION_TIMED_OUT',
      title: 'Votre session a expiré',
      says: "Recommencez depuis la page d'accueil.",
      hotspots: {},
    },
    {
      code: 'CONTACTS_NOT_FOUND',
      title: 'Nous avons besoin de vos coordonnées',
      says: "compte en ligne de votre caisse d'assurance maladie (compte ameli)",
      hotspots: {},
    },
  ];

  for (const page of pages) {
    it(`renders the ${page.code} page`, async () => {
      const el = await mount('mes-screen-blocked', makeCtx({ blocker: page.code }));
      expect(el.shadowRoot?.querySelector('h1')?.textContent?.trim()).to.equal(page.title);
      const shown = text(el);
      expect(shown).to.contain(page.says);
      expect(el.shadowRoot?.querySelector('.phone-block')?.textContent?.replace(/\s+/g, ' ').trim()).to.equal(
        'Besoin d\'aide ? 3422 Service gratuit + prix appel, du lundi au vendredi de 8h30 à 17h30',
      );
      expect(hot(el, 'home').textContent?.trim()).to.equal("Revenir à l'accueil");
      const all = [...(el.shadowRoot?.querySelectorAll<HTMLElement>('[data-hotspot]') ?? [])].map((n) => n.dataset.hotspot);
      expect(all.sort()).to.deep.equal([...Object.keys(page.hotspots), 'home'].sort());
      const events = record(el);
      for (const name of Object.keys(page.hotspots)) hot(el, name).click();
      hot(el, 'home').click();
      expect(events).to.deep.equal([...Object.values(page.hotspots), { type: 'HOME' }]);
      await expect(el).to.be.accessible();
    });
  }

  it('labels its buttons as the seed does', async () => {
    const el = await mount('mes-screen-blocked', makeCtx({ blocker: 'CODE_ALREADY_USED' }));
    expect(hot(el, 'new-code').textContent?.trim()).to.equal('Générer un nouveau code provisoire');
    expect(hot(el, 'login').textContent?.trim()).to.equal('Me connecter');
  });
});

describe('mes-screen-not-covered', () => {
  const reasons: Record<NotCoveredId, string> = {
    login: 'Le pas à pas ne détaille pas la connexion à Mon espace santé.',
    discover: 'Le pas à pas ne détaille pas la découverte de Mon espace santé.',
    otherProfile: "Le pas à pas ne détaille pas la gestion d'un autre profil rattaché.",
    help: "Le pas à pas ne détaille pas la page d'aide de Mon espace santé.",
    cgu: 'Le pas à pas ne reproduit pas les Conditions générales d\'utilisation.',
    privacy: 'Le pas à pas ne reproduit pas la Politique de protection des données personnelles.',
  };
  for (const [which, reason] of Object.entries(reasons) as Array<[NotCoveredId, string]>) {
    it(`explains that « ${which} » is not covered`, async () => {
      const el = await mount('mes-screen-not-covered', makeCtx({ notCovered: which }));
      expect(el.shadowRoot?.querySelector('h1')?.textContent?.trim()).to.equal(
        "Ce parcours n'est pas couvert par le simulateur",
      );
      const shown = text(el);
      expect(shown).to.contain(reason);
      for (const [other, sentence] of Object.entries(reasons)) if (other !== which) expect(shown).not.to.contain(sentence);
      expect(hot(el, 'back').textContent?.trim()).to.equal('Retour');
      const events = record(el);
      hot(el, 'back').click();
      expect(events).to.deep.equal([{ type: 'BACK' }]);
      await expect(el).to.be.accessible();
    });
  }
});

describe('locales of these screens', () => {
  function keys(value: unknown, prefix = ''): string[] {
    if (value === null || typeof value !== 'object') return [prefix];
    if (Array.isArray(value)) return [`${prefix}[${value.length}]`];
    return Object.entries(value).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
  }
  for (const ns of ['contacts', 'credentials', 'activated', 'blocked', 'notcovered']) {
    it(`has the same keys in French and English for « ${ns} »`, () => {
      const fr = i18next.getResourceBundle('fr', ns) as unknown;
      const en = i18next.getResourceBundle('en', ns) as unknown;
      expect(keys(fr).length).to.be.greaterThan(3);
      expect(keys(en).sort()).to.deep.equal(keys(fr).sort());
    });
  }

  it('renders in English when the language changes', async () => {
    await i18next.changeLanguage('en');
    try {
      const el = await mount('mes-screen-activated', makeCtx());
      expect(el.shadowRoot?.querySelector('h1')?.textContent?.trim()).to.equal('Mon espace santé has been activated!');
    } finally {
      await i18next.changeLanguage('fr');
    }
  });
});
