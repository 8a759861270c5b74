import { describe, expect, it } from 'vitest';
import { i18next, initI18n, t } from '../../../src/i18n';
import type { RuleSet } from '../../../src/scenarios/schema';
import {
  validateContactValue,
  validateCredentials,
  validateIdentify,
  validateNewCode,
  validateOtp,
} from '../../../src/site/validation';
import type { ContactForm, CredentialsForm, Forms, IdentifyForm, Message, NewCodeForm, ScreenId, SiteContext, SiteEvent } from '../../../src/site/types';
import { BAD_INPUTS, BAD_VALUES } from './bad-inputs';
import { MARTINE, TODAY, identifyMartine, oneScreen, startSite, useServer, type SiteHarness } from './harness';

/**
 * Every field of every form of the site, fed each input of the corpus through the site machine (FIELD
 * then SUBMIT) with the other fields right: no exception, the value kept as typed, and a clear French
 * message — the field's own error when the rules refuse the value, or, when a free-text field (an
 * identifier, a password) accepts it, the service's answer.
 */

useServer();

const texts = (ctx: SiteContext): Message[] =>
  [ctx.formError, ctx.notice, ...Object.values(ctx.fieldErrors)].filter((m): m is Message => m !== null && m !== undefined);

/** The French text of an error message: it must exist in locales/fr/errors.json and read as words. */
function french(message: Message): string {
  const key = `errors:${message.key}`;
  expect(i18next.exists(key, { lng: 'fr' }), key).toBe(true);
  const text = t(key, { ...message.values, lng: 'fr' });
  expect(text, key).not.toBe(message.key);
  expect(text.trim().length, key).toBeGreaterThan(3);
  expect(text, key).toMatch(/\p{L}{2,}/u);
  return text;
}

interface FieldCase {
  form: keyof Forms;
  field: string;
  screen: ScreenId;
  ruleSet?: RuleSet;
  /** Puts the machine on the form's screen with every other field right. */
  reach(h: SiteHarness): Promise<void>;
  /** The field's error for this value, by the rules (null when the rules accept it). */
  rule(ctx: SiteContext): Message | null;
  /** Events that type the value: usually one FIELD; the password is typed twice (password and confirm). */
  type(value: string): SiteEvent[];
}

const field = (form: 'identify' | 'newCode' | 'contact' | 'credentials', name: string, value: string): SiteEvent =>
  ({ type: 'FIELD', form, field: name, value }) as SiteEvent;

async function sendAll(h: SiteHarness, events: SiteEvent[]): Promise<void> {
  for (const e of events) await h.send(e);
}

const toIdentify = async (h: SiteHarness) => sendAll(h, [{ type: 'ACTIVATE_SPACE' }, { type: 'BEGIN' }, ...identifyMartine]);
const toNewCode = async (h: SiteHarness) =>
  sendAll(h, [
    { type: 'ACTIVATE_SPACE' },
    { type: 'NEW_CODE' },
    field('newCode', 'nir', MARTINE.nir),
    field('newCode', 'birthDate', MARTINE.birthDate),
    field('newCode', 'cardType', MARTINE.cardType),
    field('newCode', 'serial', MARTINE.serial),
  ]);
const toContacts = async (h: SiteHarness) => {
  await toIdentify(h);
  await sendAll(h, [{ type: 'SUBMIT' }, { type: 'CHOOSE', choice: 'activate' }, { type: 'TOGGLE_CGU', checked: true }, { type: 'SUBMIT' }]);
  expect(h.screen()).toBe('contacts');
};
const toEdit = (kind: 'email' | 'mobile') => async (h: SiteHarness) => {
  await toContacts(h);
  await h.send({ type: 'EDIT_CONTACT', kind });
};
const toVerify = async (h: SiteHarness) => {
  await toEdit('email')(h);
  await sendAll(h, [field('contact', 'value', MARTINE.email), { type: 'SUBMIT' }]);
  expect(h.screen()).toBe('verifyContact');
};
const toCredentials = async (h: SiteHarness) => {
  await toContacts(h);
  await sendAll(h, [
    { type: 'SUBMIT' },
    field('credentials', 'login', MARTINE.login),
    field('credentials', 'password', MARTINE.password),
    field('credentials', 'confirm', MARTINE.password),
  ]);
};

const pick = (errors: Record<string, Message>, path: string): Message | null => errors[path] ?? null;

const identifyCase = (name: keyof IdentifyForm): FieldCase => ({
  form: 'identify',
  field: name,
  screen: 'identify',
  reach: toIdentify,
  rule: (ctx) => pick(validateIdentify(ctx.forms.identify), `identify.${name}`),
  type: (v) => [field('identify', name, v)],
});

const newCodeCase = (name: keyof NewCodeForm): FieldCase => ({
  form: 'newCode',
  field: name,
  screen: 'newCode',
  reach: toNewCode,
  rule: (ctx) => pick(validateNewCode(ctx.forms.newCode, TODAY), `newCode.${name}`),
  type: (v) => [field('newCode', name, v)],
});

const contactCase = (kind: 'email' | 'mobile'): FieldCase => ({
  form: 'contact',
  field: `value (${kind})`,
  screen: 'editContact',
  reach: toEdit(kind),
  rule: (ctx) => pick(validateContactValue(ctx.forms.contact, kind), 'contact.value'),
  type: (v) => [field('contact', 'value', v)],
});

const credentialsCase = (name: keyof CredentialsForm, ruleSet: RuleSet): FieldCase => ({
  form: 'credentials',
  field: `${name} (${ruleSet})`,
  screen: 'credentials',
  ruleSet,
  reach: toCredentials,
  rule: (ctx) => pick(validateCredentials(ctx.forms.credentials, ctx.ruleSet, ctx.session?.person ?? null), `credentials.${name}`),
  // The password is typed in both boxes, so that only its own rules decide.
  type: (v) => (name === 'password' ? [field('credentials', 'password', v), field('credentials', 'confirm', v)] : [field('credentials', name, v)]),
});

const CASES: FieldCase[] = [
  identifyCase('code'),
  identifyCase('nir'),
  identifyCase('cardType'),
  identifyCase('serial'),
  newCodeCase('nir'),
  newCodeCase('birthDate'),
  newCodeCase('cardType'),
  newCodeCase('serial'),
  contactCase('email'),
  contactCase('mobile'),
  {
    form: 'contact',
    field: 'otp',
    screen: 'verifyContact',
    reach: toVerify,
    rule: (ctx) => pick(validateOtp(ctx.forms.contact as ContactForm), 'contact.otp'),
    type: (v) => [field('contact', 'otp', v)],
  },
  credentialsCase('login', 'seed-2021'),
  credentialsCase('login', 'current'),
  credentialsCase('password', 'seed-2021'),
  credentialsCase('password', 'current'),
  credentialsCase('confirm', 'seed-2021'),
];

/** The fields whose format no input of the corpus satisfies. */
const FORMAT_FIELDS = new Set(['identify.code', 'identify.nir', 'identify.cardType', 'identify.serial', 'newCode.nir', 'newCode.birthDate', 'newCode.cardType', 'newCode.serial', 'contact.value (email)', 'contact.value (mobile)', 'contact.otp', 'credentials.confirm (seed-2021)']);

describe('the corpus of bad inputs', () => {
  it('holds at least 200 distinct inputs of every kind', () => {
    expect(BAD_VALUES.length).toBeGreaterThanOrEqual(200);
    expect(new Set(BAD_VALUES).size).toBe(BAD_VALUES.length);
    const kinds = new Set(BAD_INPUTS.map((b) => b.kind));
    expect([...kinds].sort()).toEqual(['control', 'emoji', 'empty', 'format', 'html', 'long', 'script', 'wrongKey']);
    expect(BAD_VALUES).toContain('<img src=x onerror=alert(1)>');
  });
});

describe.each(CASES)('$form.$field: every bad input gives a French error, never an exception', (c) => {
  it(`${BAD_VALUES.length} inputs, FIELD then SUBMIT`, async () => {
    await initI18n('fr');
    await i18next.changeLanguage('fr');
    let h: SiteHarness | null = null;
    let refused = 0;
    let accepted = 0;
    const ensure = async (): Promise<SiteHarness> => {
      if (h && h.screen() === c.screen && h.snapshot().context.formError === null) return h;
      h?.stop();
      h = startSite(c.ruleSet ? { ruleSet: c.ruleSet } : {});
      await c.reach(h);
      expect(h.screen(), `reach ${c.screen}`).toBe(c.screen);
      return h;
    };
    for (const value of BAD_VALUES) {
      const site = await ensure();
      const where = `${c.form}.${c.field} = ${JSON.stringify(value.slice(0, 60))}`;
      await sendAll(site, c.type(value));
      const typed = site.snapshot().context;
      const expected = c.rule(typed);
      const snap = await site.send({ type: 'SUBMIT' });
      expect(site.errors, where).toEqual([]);
      expect(snap.status, where).toBe('active');
      expect(oneScreen(snap), where).toBeNull();
      // Nothing typed is lost, whatever the answer.
      const formName = c.form;
      const realField = c.field.split(' ')[0]!;
      if (snap.context.forms !== undefined && oneScreenIs(snap, c.screen)) {
        expect((snap.context.forms[formName] as unknown as Record<string, string>)[realField], where).toBe(value);
      }
      const messages = texts(snap.context);
      for (const m of messages) french(m);
      if (expected) {
        refused += 1;
        expect(oneScreenIs(snap, c.screen), `${where}: stays on ${c.screen}`).toBe(true);
        expect(snap.context.fieldErrors[`${c.form}.${realField}`], where).toEqual(expected);
        // The error is tied to the field by the screen; the machine says which field it is for.
      } else {
        accepted += 1;
        expect(FORMAT_FIELDS.has(`${c.form}.${c.field}`), `${where}: the rules accepted a corpus input on a format field`).toBe(false);
        // Accepted by the rules: the service answered (the next screen, or its message on the form).
        expect(!oneScreenIs(snap, c.screen) || messages.length > 0, `${where}: accepted, neither moved on nor answered`).toBe(true);
      }
    }
    expect(refused + accepted).toBe(BAD_VALUES.length);
    // Format fields refuse the whole corpus; free-text fields (identifier, password) accept some of it.
    if (FORMAT_FIELDS.has(`${c.form}.${c.field}`)) expect(accepted).toBe(0);
    else expect(refused, `${c.form}.${c.field} refused`).toBeGreaterThan(20);
    (h as SiteHarness | null)?.stop();
  }, 60_000);
});

function oneScreenIs(snap: { value: unknown }, screen: ScreenId): boolean {
  return oneScreen(snap) === null && (snap.value === screen || (snap.value as { screens?: unknown }).screens === screen || Object.keys(((snap.value as { screens?: object }).screens ?? {}) as object)[0] === screen);
}
