import { describe, expect, it } from 'vitest';
import { expectApiError, martineIdentify, startSim, useServer } from './harness';

useServer();

/**
 * « Simuler une panne » arms a failure for the next request of the service, whatever it is (README):
 * the request that opens a child's profile too, although no scenario fault can name it. The simulator's
 * own requests (the inbox) never consume it.
 */
describe('the outage armed by the trainer', () => {
  it("hits the next request of the service, « Gérer le profil » included, and only that one", async () => {
    const { api } = startSim();
    const { sessionId } = await api.identify(martineIdentify());
    await api.armNextFailure('SERVER_ERROR');
    await api.fetchInbox();
    await expectApiError(api.manageProfile(sessionId, 'lucas'), 'SERVER_ERROR', 500);
    const child = await api.manageProfile(sessionId, 'lucas');
    expect(child.isChild).toBe(true);
    await api.decide(child.sessionId, { decision: 'oppose', cguAccepted: false });
  });

  it('still hits the requests scenario faults can name', async () => {
    const { api } = startSim();
    await api.armNextFailure('SESSION_TIMED_OUT');
    await expectApiError(api.identify(martineIdentify()), 'SESSION_TIMED_OUT', 401);
    expect((await api.identify(martineIdentify())).isChild).toBe(false);
  });
});
