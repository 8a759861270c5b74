import { delay, http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { ApiError, createApi } from '../../../src/api/client';
import { BASE, server, useServer } from './harness';

useServer();

describe('createApi', () => {
  it('turns a network failure into SERVER_ERROR with status 0 and the network flag', async () => {
    server.use(http.get('*/api/inbox', () => HttpResponse.error()));
    const error = await createApi(BASE).fetchInbox().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ code: 'SERVER_ERROR', status: 0, network: true });
  });

  it('gives up on an answer that does not come in time: a network failure, which the screens offer to retry', async () => {
    server.use(http.get('*/api/inbox', async () => {
      await delay(1000);
      return HttpResponse.json({ messages: [] });
    }));
    const started = Date.now();
    const error = await createApi(BASE, { timeoutMs: 100 }).fetchInbox().catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'SERVER_ERROR', status: 0, network: true });
    expect(Date.now() - started).toBeLessThan(900);
    // In time, the same request succeeds.
    expect(await createApi(BASE, { timeoutMs: 5000 }).fetchInbox()).toEqual([]);
  });

  it('reads the error body: code, message, details', async () => {
    server.use(
      http.post('*/api/enrolment/:id/credentials', () =>
        HttpResponse.json(
          { code: 'LOGIN_ALREADY_EXISTS', message: 'Cet identifiant existe déjà.', details: { suggestions: ['a1'] } },
          { status: 409 },
        ),
      ),
    );
    const error = await createApi(BASE)
      .setCredentials('s', { login: 'a', password: 'b' })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({
      name: 'ApiError',
      code: 'LOGIN_ALREADY_EXISTS',
      status: 409,
      message: 'Cet identifiant existe déjà.',
      details: { suggestions: ['a1'] },
      network: false,
    });
  });

  it('answers SERVER_ERROR, with the status, to an error without a readable body or with an unknown code', async () => {
    server.use(
      http.get('*/api/inbox', () => new HttpResponse('<html>Bad gateway</html>', { status: 502 })),
      http.post('*/api/reset', () => HttpResponse.json({ code: 'TEAPOT', message: '' }, { status: 418 })),
    );
    const api = createApi(BASE);
    expect(await api.fetchInbox().catch((e: unknown) => e)).toMatchObject({ code: 'SERVER_ERROR', status: 502, network: false });
    expect(await api.reset().catch((e: unknown) => e)).toMatchObject({ code: 'SERVER_ERROR', status: 418 });
  });

  it('sends each endpoint to its path, with its method and JSON body, ids encoded', async () => {
    const seen: string[] = [];
    server.use(
      http.all('*', async ({ request }) => {
        const body = request.method === 'GET' ? '' : await request.text();
        seen.push(`${request.method} ${new URL(request.url).pathname} ${body}`);
        return HttpResponse.json({ messages: [] });
      }),
    );
    const api = createApi(`${BASE}/`);
    await api.identify({ code: 'c', nir: 'n', cardType: 'sans-photo', serial: 's' });
    await api.decide('a/b', { decision: 'oppose', cguAccepted: false });
    await api.changeContact('s1', 'email', { value: 'x@example.fr' });
    await api.verifyContact('s1', 'mobile', { otp: '123456' });
    await api.setCredentials('s1', { login: 'l', password: 'p' });
    await api.fetchOppositionProof('s1');
    await api.fetchProfiles('s1');
    await api.manageProfile('s1', 'lucas');
    await api.requestNewCode({ nir: 'n', birthDate: 'b', cardType: 'avec-photo', serial: 's' });
    await api.sendNewCode('s2');
    await api.fetchInbox();
    expect(seen).toEqual([
      'POST /api/enrolment/identify {"code":"c","nir":"n","cardType":"sans-photo","serial":"s"}',
      'POST /api/enrolment/a%2Fb/decision {"decision":"oppose","cguAccepted":false}',
      'POST /api/enrolment/s1/contacts/email {"value":"x@example.fr"}',
      'POST /api/enrolment/s1/contacts/mobile/verify {"otp":"123456"}',
      'POST /api/enrolment/s1/credentials {"login":"l","password":"p"}',
      'GET /api/enrolment/s1/opposition-proof ',
      'GET /api/enrolment/s1/profiles ',
      'POST /api/enrolment/s1/profiles/lucas/session {}',
      'POST /api/provisional-code {"nir":"n","birthDate":"b","cardType":"avec-photo","serial":"s"}',
      'POST /api/provisional-code/send {"sessionId":"s2"}',
      'GET /api/inbox ',
    ]);
  });
});
