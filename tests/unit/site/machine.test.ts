import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createActor, waitFor } from 'xstate';
import { createSiteMachine, screenOf, type SiteActor } from '../../../src/site/machine';
import type { SiteEvent } from '../../../src/site/types';
import { Store } from '../../../src/backend/store';
import { createHandlers } from '../../../src/backend/handlers';
import { createApi } from '../../../src/api/client';
import { scenarioSchema, type WorldData } from '../../../src/scenarios/schema';
import type { OppositionProof } from '../../../src/api/types';

const scenario = scenarioSchema.parse(parse(readFileSync('scenarios/pas-a-pas.yaml', 'utf8')));
const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

interface Harness {
  actor: SiteActor;
  store: Store;
  proofs: OppositionProof[];
  send(...events: SiteEvent[]): Promise<void>;
  screen(): string;
}

function start(world: WorldData = scenario.world): Harness {
  let t = Date.parse('2026-11-26T09:00:00Z');
  const store = new Store(world, { now: () => new Date((t += 60_000)), seed: 3 });
  server.use(...createHandlers(store));
  const proofs: OppositionProof[] = [];
  const actor = createActor(
    createSiteMachine({ api: createApi('http://m.test'), deliverProof: (p) => proofs.push(p), today: () => new Date('2026-11-26T10:00:00Z') }),
    { input: { ruleSet: world.ruleSet } },
  );
  actor.start();
  return {
    actor,
    store,
    proofs,
    async send(...events) {
      for (const e of events) {
        actor.send(e);
        await waitFor(actor, (s) => Object.keys(s.children).length === 0 && !s.context.busy, { timeout: 3000 });
      }
    },
    screen: () => screenOf(actor.getSnapshot()),
  };
}

const identifyAs = (code: string, nir = '269054410903857', serial = '09073458126'): SiteEvent[] => [
  { type: 'FIELD', form: 'identify', field: 'code', value: code },
  { type: 'FIELD', form: 'identify', field: 'nir', value: nir },
  { type: 'FIELD', form: 'identify', field: 'cardType', value: 'sans-photo' },
  { type: 'FIELD', form: 'identify', field: 'serial', value: serial },
];

describe('site machine', () => {
  it('refuses an invalid identification with a message per field, and keeps every value', async () => {
    const h = start();
    await h.send({ type: 'ACTIVATE_SPACE' }, { type: 'BEGIN' }, ...identifyAs('abc', '155125555555555', '12'), { type: 'SUBMIT' });
    const ctx = h.actor.getSnapshot().context;
    expect(h.screen()).toBe('identify');
    expect(ctx.fieldErrors['identify.code']?.key).toBe('code.length');
    expect(ctx.fieldErrors['identify.nir']?.key).toBe('nir.format');
    expect(ctx.fieldErrors['identify.serial']).toBeDefined();
    expect(ctx.forms.identify).toEqual({ code: 'abc', nir: '155125555555555', cardType: 'sans-photo', serial: '12' });
    // Typing in a field clears its own error only.
    await h.send({ type: 'FIELD', form: 'identify', field: 'code', value: 'Kp7RmX2qLa9T' });
    expect(h.actor.getSnapshot().context.fieldErrors['identify.code']).toBeUndefined();
    expect(h.actor.getSnapshot().context.fieldErrors['identify.nir']).toBeDefined();
  });

  it('shows NO_USER_FOUND on the form, keeps the values, and keeps them after « Retour »', async () => {
    const h = start();
    await h.send({ type: 'ACTIVATE_SPACE' }, { type: 'BEGIN' }, ...identifyAs('Kp7RmX2qLa9T', '269054410903857', '12345678'), { type: 'SUBMIT' });
    expect(h.screen()).toBe('identify');
    expect(h.actor.getSnapshot().context.formError?.key).toBe('server.NO_USER_FOUND');
    await h.send({ type: 'BACK' }, { type: 'BEGIN' });
    expect(h.actor.getSnapshot().context.forms.identify.serial).toBe('12345678');
  });

  it('activates Martine: CGU required, contact changed with the OTP from the inbox, credentials', async () => {
    const h = start();
    await h.send({ type: 'ACTIVATE_SPACE' }, { type: 'BEGIN' }, ...identifyAs('Kp7RmX2qLa9T'), { type: 'SUBMIT' });
    expect(h.screen()).toBe('decision');
    expect(h.actor.getSnapshot().context.session?.person.firstName).toBe('Martine');
    await h.send({ type: 'CHOOSE', choice: 'activate' }, { type: 'SUBMIT' });
    expect(h.actor.getSnapshot().context.fieldErrors['decision.cgu']?.key).toBe('cgu.required');
    await h.send({ type: 'TOGGLE_CGU', checked: true }, { type: 'SUBMIT' });
    expect(h.screen()).toBe('contacts');
    await h.send({ type: 'EDIT_CONTACT', kind: 'mobile' }, { type: 'FIELD', form: 'contact', field: 'value', value: '07 22 33 44 55' }, { type: 'SUBMIT' });
    expect(h.screen()).toBe('verifyContact');
    expect(h.actor.getSnapshot().context.otpSentTo).toBe('07 22 33 44 55');
    await h.send({ type: 'FIELD', form: 'contact', field: 'otp', value: '999999' }, { type: 'SUBMIT' });
    const otp = h.store.inbox()[0]!.values.otp!;
    if (otp !== '999999') expect(h.actor.getSnapshot().context.formError?.key).toBe('server.WRONG_OTP');
    await h.send({ type: 'FIELD', form: 'contact', field: 'otp', value: otp }, { type: 'SUBMIT' });
    expect(h.screen()).toBe('contacts');
    expect(h.actor.getSnapshot().context.session?.contacts.mobile).toBe('0722334455');
    expect(h.actor.getSnapshot().context.notice?.key).toBe('notice.mobileChanged');
    await h.send({ type: 'SUBMIT' });
    expect(h.screen()).toBe('credentials');
    await h.send({ type: 'FIELD', form: 'credentials', field: 'password', value: 'abc' });
    const checklist = h.actor.getSnapshot().context.passwordChecklist;
    expect(checklist.find((r) => r.ok)).toBeDefined();
    expect(checklist.every((r) => r.ok)).toBe(false);
    await h.send(
      { type: 'FIELD', form: 'credentials', field: 'login', value: 'mleguellec69' },
      { type: 'FIELD', form: 'credentials', field: 'password', value: 'Printemps#2024' },
      { type: 'FIELD', form: 'credentials', field: 'confirm', value: 'Printemps#2025' },
      { type: 'SUBMIT' },
    );
    expect(h.actor.getSnapshot().context.fieldErrors['credentials.confirm']?.key).toBe('confirm.mismatch');
    await h.send({ type: 'FIELD', form: 'credentials', field: 'confirm', value: 'Printemps#2024' }, { type: 'SUBMIT' });
    expect(h.screen()).toBe('activated');
    expect(h.actor.getSnapshot().context.passwordChecklist.every((r) => r.ok)).toBe(true);
  });

  it('opposes, hands out the justificatif once, then manages a child whose status changes', async () => {
    const h = start();
    await h.send({ type: 'ACTIVATE_SPACE' }, { type: 'BEGIN' }, ...identifyAs('Kp7RmX2qLa9T'), { type: 'SUBMIT' }, { type: 'CHOOSE', choice: 'oppose' });
    await h.send({ type: 'SUBMIT' });
    expect(h.screen()).toBe('confirmOpposition');
    await h.send({ type: 'BACK' });
    expect(h.screen()).toBe('decision');
    await h.send({ type: 'SUBMIT' }, { type: 'SUBMIT' });
    expect(h.screen()).toBe('opposed');
    expect(h.actor.getSnapshot().context.profiles.map((p) => p.firstName)).toEqual(['Lucas', 'Chloé']);
    await h.send({ type: 'DOWNLOAD_PROOF' });
    expect(h.proofs).toHaveLength(1);
    expect(h.proofs[0]?.lastName).toBe('LEGUELLEC');
    await h.send({ type: 'DOWNLOAD_PROOF' });
    expect(h.proofs).toHaveLength(1);
    expect(h.actor.getSnapshot().context.formError?.key).toBe('server.PROOF_ALREADY_DOWNLOADED');
    await h.send({ type: 'MANAGE_PROFILE', profileId: 'lucas' });
    expect(h.screen()).toBe('decision');
    expect(h.actor.getSnapshot().context.session?.isChild).toBe(true);
    await h.send({ type: 'CHOOSE', choice: 'oppose' }, { type: 'SUBMIT' }, { type: 'SUBMIT' });
    expect(h.screen()).toBe('opposed');
    await h.send({ type: 'BACK' });
    const ctx = h.actor.getSnapshot().context;
    expect(ctx.session?.isChild).toBe(false);
    expect(ctx.proofDownloaded).toBe(true);
    expect(ctx.profiles.find((p) => p.id === 'lucas')?.status).toBe('opposed');
  });

  it('generates a new code (S17 → S18), with a contact change from S18, and the new code activates', async () => {
    const h = start();
    await h.send(
      { type: 'ACTIVATE_SPACE' },
      { type: 'NEW_CODE' },
      { type: 'FIELD', form: 'newCode', field: 'nir', value: '2 69 05 44 109 038 57' },
      { type: 'FIELD', form: 'newCode', field: 'birthDate', value: '12/05/1969' },
      { type: 'FIELD', form: 'newCode', field: 'cardType', value: 'sans-photo' },
      { type: 'FIELD', form: 'newCode', field: 'serial', value: '09073458126' },
      { type: 'SUBMIT' },
    );
    expect(h.screen()).toBe('delivery');
    expect(h.actor.getSnapshot().context.delivery?.maskedDestination).toBe('mar*****@example.fr');
    await h.send({ type: 'EDIT_CONTACT', kind: 'email' }, { type: 'FIELD', form: 'contact', field: 'value', value: 'martine.l@example.fr' }, { type: 'SUBMIT' });
    const otp = h.store.inbox()[0]!.values.otp!;
    await h.send({ type: 'FIELD', form: 'contact', field: 'otp', value: otp }, { type: 'SUBMIT' });
    expect(h.screen()).toBe('delivery');
    expect(h.actor.getSnapshot().context.delivery?.maskedDestination).toBe('mar*****@example.fr');
    expect(h.actor.getSnapshot().context.delivery?.contacts.email).toBe('martine.l@example.fr');
    await h.send({ type: 'SUBMIT' });
    expect(h.screen()).toBe('codeSent');
    const code = h.store.inbox()[0]!.values.code!;
    expect(code).toMatch(/^[0-9A-Za-z]{12}$/);
    await h.send({ type: 'BEGIN' });
    expect(h.actor.getSnapshot().context.forms.identify.nir).toBe('2 69 05 44 109 038 57');
    await h.send(...identifyAs('Kp7RmX2qLa9T'), { type: 'SUBMIT' });
    expect(h.actor.getSnapshot().context.formError?.key).toBe('server.NO_USER_FOUND');
    await h.send(...identifyAs(code), { type: 'SUBMIT' });
    expect(h.screen()).toBe('decision');
  });

  it('shows a full-page error for an expired code, and « Retour » from an uncovered page restores the place', async () => {
    const world = structuredClone(scenario.world);
    world.personas[0]!.codeState = 'expired';
    const h = start(world);
    await h.send({ type: 'ACTIVATE_SPACE' }, { type: 'BEGIN' }, ...identifyAs('Kp7RmX2qLa9T'), { type: 'SUBMIT' });
    expect(h.screen()).toBe('blocked');
    expect(h.actor.getSnapshot().context.blocker).toBe('CODE_EXPIRED');
    await h.send({ type: 'NEW_CODE' });
    expect(h.screen()).toBe('newCode');
    await h.send({ type: 'FIELD', form: 'newCode', field: 'nir', value: '269' }, { type: 'NOT_COVERED', which: 'help' });
    expect(h.screen()).toBe('notCovered');
    await h.send({ type: 'BACK' });
    expect(h.screen()).toBe('newCode');
    expect(h.actor.getSnapshot().context.forms.newCode.nir).toBe('269');
  });

  it('answers the 30-second delay on the form it came from', async () => {
    const world = structuredClone(scenario.world);
    world.faults = [{ endpoint: 'new-code-send', error: 'MIN_DELAY_ERROR', times: 1 }];
    const h = start(world);
    await h.send(
      { type: 'ACTIVATE_SPACE' },
      { type: 'NEW_CODE' },
      { type: 'FIELD', form: 'newCode', field: 'nir', value: '269054410903857' },
      { type: 'FIELD', form: 'newCode', field: 'birthDate', value: '03/09/2012' },
      { type: 'FIELD', form: 'newCode', field: 'cardType', value: 'sans-photo' },
      { type: 'FIELD', form: 'newCode', field: 'serial', value: '09073458126' },
      { type: 'SUBMIT' },
    );
    expect(h.actor.getSnapshot().context.delivery?.forFirstName).toBe('Lucas');
    await h.send({ type: 'SUBMIT' });
    expect(h.screen()).toBe('delivery');
    expect(h.actor.getSnapshot().context.formError?.key).toBe('server.MIN_DELAY_ERROR');
    await h.send({ type: 'SUBMIT' });
    expect(h.screen()).toBe('codeSent');
  });
});
