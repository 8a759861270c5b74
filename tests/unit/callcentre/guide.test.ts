import { describe, expect, it } from 'vitest';
import { actionDone, describeEvent, eventOf, locateGuide, nextGuideEvent } from '../../../src/callcentre/guide';
import type { GuideStep } from '../../../src/callcentre/schema';
import { emptyForms, initialSiteContext } from '../../../src/site/machine';
import type { SiteContext } from '../../../src/site/types';

function ctx(over: Partial<SiteContext> = {}): SiteContext {
  return initialSiteContext({ passwordChecklist: [], ...over });
}

const guide: GuideStep[] = [
  { screen: 'contacts', do: [{ send: { type: 'EDIT_CONTACT', kind: 'email' } }] },
  { screen: 'editContact', do: [{ fill: { form: 'contact', field: 'value', value: 'a@example.fr' } }, { send: { type: 'SUBMIT' } }] },
  { screen: 'contacts', do: [{ send: { type: 'SUBMIT' } }] },
];

describe('the agent’s words', () => {
  it('tell each click with the site’s own label, by screen', () => {
    expect(describeEvent({ type: 'SUBMIT' }, 'identify', ctx())).toEqual({ key: 'journal.click', labels: { label: 'common:continue' } });
    expect(describeEvent({ type: 'SUBMIT' }, 'credentials', ctx())).toEqual({ key: 'journal.click', labels: { label: 'common:validate' } });
    expect(describeEvent({ type: 'BEGIN' }, 'codeSent', ctx())?.labels?.label).toBe('newcode:sent.activate');
    expect(describeEvent({ type: 'EDIT_CONTACT', kind: 'mobile' }, 'delivery', ctx())?.labels?.label).toBe('newcode:delivery.wrongContacts');
    expect(describeEvent({ type: 'BACK' }, 'confirmOpposition', ctx())?.labels?.label).toBe('common:cancel');
    expect(describeEvent({ type: 'DISMISS_NOTICE' }, 'contacts', ctx())).toBeNull();
  });

  it('say « Renseigner » for a contact the caller has not got, « Modifier » otherwise', () => {
    const withEmail = ctx({ session: { sessionId: 's', person: { firstName: 'A', middleNames: '', lastName: 'B', birthDate: '', nir: '' }, isChild: false, contacts: { email: 'a@example.fr', mobile: null }, status: 'pending', decidedAt: null } });
    expect(describeEvent({ type: 'EDIT_CONTACT', kind: 'email' }, 'contacts', withEmail)?.labels?.label).toBe('contacts:emailEdit');
    expect(describeEvent({ type: 'EDIT_CONTACT', kind: 'mobile' }, 'contacts', withEmail)?.labels?.label).toBe('contacts:mobileAdd');
  });

  it('repeat the typed value, never a password', () => {
    expect(describeEvent({ type: 'FIELD', form: 'identify', field: 'code', value: 'Kp7RmX2qLa9T' }, 'identify', ctx())).toEqual({ key: 'journal.field.code', values: { value: 'Kp7RmX2qLa9T' } });
    const pw = describeEvent({ type: 'FIELD', form: 'credentials', field: 'password', value: 'Secret#123' }, 'credentials', ctx());
    expect(JSON.stringify(pw)).not.toContain('Secret');
    expect(describeEvent({ type: 'FIELD', form: 'contact', field: 'value', value: '0612345678' }, 'editContact', ctx({ contactKind: 'mobile' }))?.key).toBe('journal.field.mobile');
  });
});

describe('the right way, for the prompter', () => {
  it('finds a screen’s block after the current one first, else from the start', () => {
    expect(locateGuide(guide, 0, 'contacts')).toBe(0);
    expect(locateGuide(guide, 2, 'contacts')).toBe(2);
    expect(locateGuide(guide, 3, 'editContact')).toBe(1);
    expect(locateGuide(guide, 0, 'home')).toBe(-1);
  });

  it('gives the first action the screen does not show yet', () => {
    const values = {};
    expect(nextGuideEvent(guide, 1, 'editContact', ctx(), values)).toEqual({ event: { type: 'FIELD', form: 'contact', field: 'value', value: 'a@example.fr' }, at: 1 });
    const typed = ctx({ forms: { ...emptyForms(), contact: { value: ' a@example.fr', otp: '' } } });
    expect(nextGuideEvent(guide, 1, 'editContact', typed, values)).toEqual({ event: { type: 'SUBMIT' }, at: 1 });
    expect(nextGuideEvent(guide, 1, 'home', ctx(), values)).toEqual({ event: null, reason: 'offPath' });
  });

  it('fills placeholders from the persona and the inbox', () => {
    expect(eventOf({ fill: { form: 'identify', field: 'code', value: '{{inbox.code}}' } }, { 'inbox.code': 'Abc123Def456' })).toMatchObject({ value: 'Abc123Def456' });
    expect(eventOf({ send: { type: 'CHOOSE', choice: 'oppose' } }, {})).toEqual({ type: 'CHOOSE', choice: 'oppose' });
  });

  it('knows a choice or a box already made', () => {
    const chosen = ctx({ forms: { ...emptyForms(), decision: { choice: 'activate', cgu: true } } });
    expect(actionDone({ type: 'CHOOSE', choice: 'activate' }, chosen)).toBe(true);
    expect(actionDone({ type: 'TOGGLE_CGU', checked: true }, chosen)).toBe(true);
    expect(actionDone({ type: 'CHOOSE', choice: 'oppose' }, chosen)).toBe(false);
    expect(actionDone({ type: 'SUBMIT' }, chosen)).toBe(false);
  });
});
