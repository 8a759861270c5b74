import { expect, fixture } from '@open-wc/testing';
import { html as staticHtml, unsafeStatic } from 'lit/static-html.js';
import { html, render } from 'lit';
import { i18next, t } from '../../src/i18n';
import type { RuleSet } from '../../src/scenarios/schema';
import type { FormName, Forms, Message, SiteContext } from '../../src/site/types';
import type { SiteScreen } from '../../src/site/screens/site-screen';
import {
  validateContactValue,
  validateCredentials,
  validateIdentify,
  validateNewCode,
  validateOtp,
} from '../../src/site/validation';
import { scenarioText } from '../../src/tutorial/text';
import type { MesTutorialOverlay } from '../../src/tutorial/overlay/tutorial-overlay';
import '../../src/site/screens/identify';
import '../../src/site/screens/new-code';
import '../../src/site/screens/edit-contact';
import '../../src/site/screens/verify-contact';
import '../../src/site/screens/credentials';
import '../../src/tutorial/overlay';
import '../../src/tutorial/progress-bar';
import '../../src/tutorial/slides/slide-section';
import { BAD_VALUES } from '../unit/fuzz/bad-inputs';
import { makeCtx, martineSession } from './fixtures';

// Mocha's globals, typed here: the project has no @types/mocha.
declare function describe(name: string, fn: () => void): void;
declare function it(name: string, fn: () => Promise<void> | void): void;
declare function before(fn: () => Promise<void> | void): void;
declare function after(fn: () => Promise<void> | void): void;

/**
 * The corpus of bad inputs through the screens themselves: each field of each form holds the input as
 * typed, shows the service's French message tied to it (aria-invalid, aria-describedby), and nothing
 * typed is ever read as HTML. Scenario texts with HTML or script are shown as text too.
 */

const TODAY = new Date('2026-11-26T10:00:00Z');
const VALID = {
  identify: { code: 'Kp7RmX2qLa9T', nir: '2 69 05 44 109 038 57', cardType: 'sans-photo' as const, serial: '09073458126' },
  newCode: { nir: '2 69 05 44 109 038 57', birthDate: '12/05/1969', cardType: 'sans-photo' as const, serial: '09073458126' },
  contact: { value: 'martine.l@example.fr', otp: '123456' },
  credentials: { login: 'mleguellec69', password: 'Printemps#2024', confirm: 'Printemps#2024' },
};

interface FieldCase {
  tag: string;
  form: Exclude<FormName, 'decision'>;
  field: string;
  /** The id of the input in the screen. */
  inputId: string;
  ruleSet?: RuleSet;
  contactKind?: 'email' | 'mobile';
  errors(forms: Forms, ruleSet: RuleSet): Record<string, Message>;
}

const CASES: FieldCase[] = [
  ...(['code', 'nir', 'serial'] as const).map((field) => ({
    tag: 'mes-screen-identify',
    form: 'identify' as const,
    field,
    inputId: field,
    errors: (f: Forms) => validateIdentify(f.identify),
  })),
  ...([['nir', 'nir'], ['birthDate', 'birth-date'], ['serial', 'serial']] as const).map(([field, inputId]) => ({
    tag: 'mes-screen-new-code',
    form: 'newCode' as const,
    field,
    inputId,
    errors: (f: Forms) => validateNewCode(f.newCode, TODAY),
  })),
  ...(['email', 'mobile'] as const).map((kind) => ({
    tag: 'mes-screen-edit-contact',
    form: 'contact' as const,
    field: 'value',
    inputId: 'value',
    contactKind: kind,
    errors: (f: Forms) => validateContactValue(f.contact, kind),
  })),
  { tag: 'mes-screen-verify-contact', form: 'contact', field: 'otp', inputId: 'otp', errors: (f) => validateOtp(f.contact) },
  ...(['login', 'password', 'confirm'] as const).map((field) => ({
    tag: 'mes-screen-credentials',
    form: 'credentials' as const,
    field,
    inputId: field,
    ruleSet: 'current' as const,
    errors: (f: Forms, ruleSet: RuleSet) => validateCredentials(f.credentials, ruleSet, martineSession().person),
  })),
];

const errorsSeen: string[] = [];
const onError = (e: ErrorEvent) => errorsSeen.push(e.message);
const onRejection = (e: PromiseRejectionEvent) => errorsSeen.push(String(e.reason));
before(async () => {
  await i18next.changeLanguage('fr');
  window.addEventListener('error', onError);
  window.addEventListener('unhandledrejection', onRejection);
});
after(() => {
  window.removeEventListener('error', onError);
  window.removeEventListener('unhandledrejection', onRejection);
});

/**
 * Elements that only injected markup would create: in the components' shadow roots (the test page's
 * own <script> elements are in the document), and an <img src=x> anywhere.
 */
function injected(): number {
  let count = document.querySelectorAll('img[src="x"]').length;
  const walk = (root: Document | ShadowRoot) => {
    if (root !== document) count += root.querySelectorAll('img[src="x"], script, iframe, object, marquee, math, details, body, b, template, mes-screen-home').length;
    for (const el of root.querySelectorAll('*')) if (el.shadowRoot) walk(el.shadowRoot);
  };
  walk(document);
  return count;
}

/** What an input of this type keeps of a value (browsers strip line breaks, and more for e-mail). */
function sanitized(type: string, value: string): string {
  const probe = document.createElement('input');
  probe.type = type;
  probe.value = value;
  return probe.value;
}

function formsWith(c: FieldCase, value: string): Forms {
  const forms = {
    identify: { ...VALID.identify },
    newCode: { ...VALID.newCode },
    decision: { choice: 'activate' as const, cgu: true },
    contact: { ...VALID.contact, value: c.contactKind === 'mobile' ? '07 22 33 44 55' : VALID.contact.value },
    credentials: { ...VALID.credentials },
  } as Forms;
  (forms[c.form] as unknown as Record<string, string>)[c.field] = value;
  // A password is typed in both boxes, so that only its own rules decide.
  if (c.form === 'credentials' && c.field === 'password') forms.credentials.confirm = value;
  return forms;
}

describe('the corpus of bad inputs, through the screens', () => {
  for (const c of CASES) {
    it(`${c.tag} ${c.field}${c.contactKind ? ` (${c.contactKind})` : ''}: every input kept as typed, its French error tied to it, no markup`, async () => {
      const ruleSet = c.ruleSet ?? 'seed-2021';
      const first: SiteContext = makeCtx({ ruleSet, ...(c.contactKind ? { contactKind: c.contactKind } : {}) });
      const name = unsafeStatic(c.tag);
      const el = await fixture<SiteScreen>(staticHtml`<${name} .ctx=${first}></${name}>`);
      let refused = 0;
      for (const value of BAD_VALUES) {
        const forms = formsWith(c, value);
        const fieldErrors = c.errors(forms, ruleSet);
        el.ctx = makeCtx({ ruleSet, forms, fieldErrors, ...(c.contactKind ? { contactKind: c.contactKind } : {}) });
        await el.updateComplete;
        const where = `${c.tag} ${c.field} = ${JSON.stringify(value.slice(0, 40))}`;
        const input = el.shadowRoot!.getElementById(c.inputId) as HTMLInputElement | null;
        expect(input, where).to.not.equal(null);
        expect(input!.value, where).to.equal(sanitized(input!.type, value));
        const error = fieldErrors[`${c.form}.${c.field}`];
        if (error) {
          refused += 1;
          const text = t(`errors:${error.key}`, error.values);
          expect(i18next.exists(`errors:${error.key}`), where).to.equal(true);
          expect(input!.getAttribute('aria-invalid'), where).to.equal('true');
          const ids = (input!.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean);
          const described = ids.map((id) => el.shadowRoot!.getElementById(id)?.textContent?.replace(/\s+/g, ' ').trim() ?? '');
          expect(described, where).to.include(text.replace(/\s+/g, ' ').trim());
        } else {
          expect(input!.getAttribute('aria-invalid'), where).to.equal('false');
        }
        expect(injected(), where).to.equal(0);
      }
      expect(refused).to.be.greaterThan(20);
      expect(errorsSeen).to.deep.equal([]);
    });
  }
});

describe('the markup detector', () => {
  it('sees markup planted in a shadow root', () => {
    const host = document.createElement('div');
    document.body.append(host);
    const root = host.attachShadow({ mode: 'open' });
    root.innerHTML = '<b>gras</b>';
    expect(injected()).to.equal(1);
    host.remove();
    expect(injected()).to.equal(0);
  });
});

describe('scenario texts with HTML or script', () => {
  const payloads = ['<img src=x onerror="window.__xss = 1">', '<script>window.__xss = 1</script>', '<b>gras</b> {{persona.firstName}}'];
  const values = { 'persona.firstName': '<img src=x onerror="window.__xss = 2">' };

  it('are shown as text in a slide heading, the progress bar and the overlay callouts', async () => {
    for (const payload of payloads) {
      const shown = scenarioText(payload, values);
      expect(shown).to.include('<');
      const section = await fixture(html`<mes-slide-section .heading=${shown}></mes-slide-section>`);
      await (section as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
      expect(section.shadowRoot!.textContent).to.include(shown);
      const bar = await fixture(html`<mes-progress-bar current="2" total="5" .journey=${shown}></mes-progress-bar>`);
      await (bar as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;

      const container = document.createElement('div');
      document.body.append(container);
      render(html`<div><button data-hotspot="target">Cible</button><mes-tutorial-overlay></mes-tutorial-overlay></div>`, container);
      const overlay = container.querySelector('mes-tutorial-overlay') as MesTutorialOverlay;
      overlay.root = container.firstElementChild as HTMLElement;
      overlay.callouts = [
        { n: 1, text: shown, target: 'target', kind: 'step' },
        { text: shown, kind: 'note' },
      ];
      overlay.hint = shown;
      await overlay.updateComplete;
      await new Promise((r) => setTimeout(r, 50));
      expect(overlay.shadowRoot!.textContent).to.include(shown);
      expect(injected(), payload).to.equal(0);
      expect((window as unknown as { __xss?: number }).__xss).to.equal(undefined);
      container.remove();
    }
    // Keys resolve to translated text, values inserted as text as well.
    expect(scenarioText('pasapas:journeys.activation', values)).to.not.include('pasapas:');
    expect(errorsSeen).to.deep.equal([]);
  });
});
