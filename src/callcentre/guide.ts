import type { StepAction } from '../scenarios/schema';
import type { ScreenId, SiteContext, SiteEvent } from '../site/types';
import { fillTemplate } from '../tutorial/values';
import { resolveEvent } from '../tutorial/machine';
import type { GuideStep } from './schema';

/**
 * The agent's words: each event of the caller's screen told as the sentence an agent says on the phone
 * (« Cliquez sur « Continuer » », « Saisissez le code provisoire : … »), and the scenario's right way
 * through the screens, which the prompter (« Souffler l'étape suivante ») plays one action at a time.
 */

/** A sentence of namespace "calls": its key, plain values, and values that are i18n keys themselves. */
export interface Phrase {
  key: string;
  values?: Record<string, string>;
  /** Placeholder → i18n key, translated when shown (the journal follows a change of language). */
  labels?: Record<string, string>;
}

const SUBMIT_LABEL: Partial<Record<ScreenId, string>> = {
  identify: 'common:continue',
  decision: 'common:continue',
  confirmOpposition: 'common:continue',
  contacts: 'common:continue',
  newCode: 'common:continue',
  credentials: 'common:validate',
  editContact: 'common:validate',
  verifyContact: 'common:validate',
  delivery: 'common:validate',
};

const NOT_COVERED_LABEL: Record<string, string> = {
  login: 'blocked:login',
  discover: 'activated:discover',
  otherProfile: 'activated:otherProfile',
  help: 'frame:help',
  cgu: 'calls:journal.labels.cgu',
  privacy: 'calls:journal.labels.privacy',
};

const click = (label: string): Phrase => ({ key: 'journal.click', labels: { label } });

/** The field an event types into ("identify.serial"), or null for a click. */
export function fieldOf(event: SiteEvent): string | null {
  return event.type === 'FIELD' ? `${event.form}.${event.field}` : null;
}

/** What the agent says to make the caller do `event` on `screen`. Null for what needs no words. */
export function describeEvent(event: SiteEvent, screen: ScreenId, ctx: SiteContext): Phrase | null {
  switch (event.type) {
    case 'ACTIVATE_SPACE':
      return click('home:activate');
    case 'BEGIN':
      return click(screen === 'codeSent' ? 'newcode:sent.activate' : 'start:begin');
    case 'NEW_CODE':
      return click('common:newCode');
    case 'NOT_COVERED':
      return click(NOT_COVERED_LABEL[event.which] ?? 'calls:journal.labels.help');
    case 'BACK':
      return screen === 'confirmOpposition' || screen === 'editContact' || screen === 'verifyContact'
        ? click('common:cancel')
        : { key: 'journal.back' };
    case 'HOME':
      return screen === 'blocked' ? click('blocked:home') : { key: 'journal.home' };
    case 'CHOOSE':
      return { key: 'journal.choose', labels: { label: `decision:${event.choice}.title` } };
    case 'TOGGLE_CGU':
      return { key: event.checked ? 'journal.cguOn' : 'journal.cguOff' };
    case 'SUBMIT':
      return click(SUBMIT_LABEL[screen] ?? 'common:continue');
    case 'EDIT_CONTACT': {
      if (screen === 'delivery') return click('newcode:delivery.wrongContacts');
      const has = event.kind === 'email' ? ctx.session?.contacts.email : ctx.session?.contacts.mobile;
      return click(`contacts:${event.kind}${has ? 'Edit' : 'Add'}`);
    }
    case 'RESEND':
      return click('contacts:verify.resend');
    case 'DOWNLOAD_PROOF':
      return click('opposition:opposed.download');
    case 'MANAGE_PROFILE': {
      const profile = ctx.profiles.find((p) => p.id === event.profileId);
      return { key: 'journal.manage', values: { name: profile?.firstName ?? event.profileId }, labels: { label: 'opposition:opposed.manage' } };
    }
    case 'DISMISS_NOTICE':
      return null;
    case 'FIELD':
      return describeField(event, ctx);
  }
}

function describeField(event: Extract<SiteEvent, { type: 'FIELD' }>, ctx: SiteContext): Phrase {
  const value = event.value;
  switch (event.field) {
    case 'code':
      return { key: 'journal.field.code', values: { value } };
    case 'nir':
      return { key: 'journal.field.nir', values: { value } };
    case 'cardType':
      return {
        key: 'journal.field.cardType',
        labels: { label: value === 'avec-photo' ? 'common:cardWithPhoto' : value === 'sans-photo' ? 'common:cardWithoutPhoto' : 'common:cardType' },
      };
    case 'serial':
      return { key: 'journal.field.serial', values: { value } };
    case 'birthDate':
      return { key: 'journal.field.birthDate', values: { value } };
    case 'value':
      return { key: ctx.contactKind === 'email' ? 'journal.field.email' : 'journal.field.mobile', values: { value } };
    case 'otp':
      return { key: 'journal.field.otp', values: { value } };
    case 'login':
      return { key: 'journal.field.login', values: { value } };
    // An agent never hears nor repeats a password: the caller chooses it alone.
    case 'password':
      return { key: 'journal.field.password' };
    case 'confirm':
      return { key: 'journal.field.confirm' };
  }
}

// ---------------------------------------------------------------------------------------------------
// The right way through, for the prompter

/**
 * The guide block for `screen`: first after `from` (a screen may come twice, e.g. « Je vérifie mes
 * coordonnées » before and after changing the e-mail), else from the start (the agent went back).
 * −1 when the screen is not on the right way.
 */
export function locateGuide(guide: readonly GuideStep[], from: number, screen: ScreenId): number {
  for (let i = Math.max(0, from); i < guide.length; i += 1) if (guide[i]?.screen === screen) return i;
  for (let i = 0; i < Math.min(from, guide.length); i += 1) if (guide[i]?.screen === screen) return i;
  return -1;
}

const compact = (v: string) => v.replace(/\s+/g, '');

/** The site event an action sends, its placeholders filled. */
export function eventOf(action: StepAction, values: Record<string, string>): SiteEvent {
  if ('fill' in action) {
    return { type: 'FIELD', form: action.fill.form, field: action.fill.field, value: fillTemplate(action.fill.value, values) } as SiteEvent;
  }
  return resolveEvent(action.send, values);
}

/** True when the caller's screen already shows what this action would do. */
export function actionDone(event: SiteEvent, ctx: SiteContext): boolean {
  if (event.type === 'FIELD') {
    const forms = ctx.forms as unknown as Record<string, Record<string, string>>;
    const current = forms[event.form]?.[event.field] ?? '';
    return compact(current) === compact(event.value);
  }
  if (event.type === 'CHOOSE') return ctx.forms.decision.choice === event.choice;
  if (event.type === 'TOGGLE_CGU') return ctx.forms.decision.cgu === event.checked;
  return false;
}

export type PromptResult = { event: SiteEvent; at: number } | { event: null; reason: 'offPath' | 'nothingLeft' };

/** The next thing the agent should have the caller do, on the screen the caller is on. */
export function nextGuideEvent(
  guide: readonly GuideStep[],
  at: number,
  screen: ScreenId,
  ctx: SiteContext,
  values: Record<string, string>,
): PromptResult {
  const index = guide[at]?.screen === screen ? at : locateGuide(guide, at, screen);
  const block = guide[index];
  if (index < 0 || !block) return { event: null, reason: 'offPath' };
  for (const action of block.do) {
    const event = eventOf(action, values);
    if (!actionDone(event, ctx)) return { event, at: index };
  }
  return { event: null, reason: 'nothingLeft' };
}
