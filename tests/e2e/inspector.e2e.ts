import { describe, expect, it } from 'vitest';
import { openApp, type E2EPage, useCleanApps } from './harness';

/**
 * `?inspect`: the statechart panel offers Stately's online inspector, and only a click opens it. Stately's
 * page is replaced here by a stand-in served by the test (no request leaves the machine): it says it is
 * connected, as Stately's does, and records what the simulator posts to it.
 */
let app: E2EPage | null = null;
useCleanApps();

const STAND_IN = `<!doctype html><title>Stately Inspector</title><script>
  window.received = [];
  addEventListener('message', (e) => window.received.push(e.data));
  window.opener.postMessage({ type: '@statelyai.connected' }, '*');
</script>`;

describe('Stately\'s online inspector (?inspect)', () => {
  it('is offered in the panel, opens on a click, restarts at the same step and receives the machines\' events', async () => {
    app = await openApp('/?inspect&scenario=pas-a-pas&step=cover&mode=guided');
    const { page, context } = app;
    await context.route('https://stately.ai/**', (route) => route.fulfill({ contentType: 'text/html', body: STAND_IN }));
    const panel = page.locator('mes-inspector-panel');
    await panel.getByText('Inspecteur en ligne de Stately').waitFor();
    // Nothing was opened, nor requested, before the click.
    expect(context.pages()).toHaveLength(1);
    await page.locator('mes-tutorial .stage[aria-busy="false"]').waitFor();
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('step') !== 'cover');
    const step = new URL(page.url()).searchParams.get('step');
    const [popup] = await Promise.all([context.waitForEvent('page'), panel.getByRole('button', { name: "Ouvrir l'inspecteur en ligne" }).click()]);
    expect(popup.url()).toBe('https://stately.ai/inspect');
    await panel.getByText('Connecté').waitFor();
    expect(new URL(page.url()).searchParams.get('step')).toBe(step);
    // The session started again sends its machines from their start: actors, events, snapshots. Stately's
    // inspector converts and posts each of them in an idle callback of the page, the whole snapshot with it:
    // a loaded machine takes seconds over that backlog, and a key pressed meanwhile reached the stand-in
    // 10 s to more than 90 s later in runs with the processor busy. What is checked is that they come.
    await popup.waitForFunction(
      () => {
        const types = new Set((window as unknown as { received: { type?: string }[] }).received.map((e) => e.type));
        return ['@xstate.actor', '@xstate.event', '@xstate.snapshot'].every((type) => types.has(type));
      },
      undefined,
      { timeout: 90_000, polling: 250 },
    );
    const events = await popup.evaluate(() =>
      (window as unknown as { received: { type?: string; event?: { type?: string } }[] }).received.filter((e) => e.type === '@xstate.event').map((e) => e.event?.type),
    );
    expect(events).toContain('xstate.init');
    await popup.close();
  }, 120_000);

  it('without a network, says why it cannot be opened', async () => {
    app = await openApp('/?inspect&scenario=pas-a-pas&step=cover&mode=guided');
    const panel = app.page.locator('mes-inspector-panel');
    await panel.getByRole('button', { name: "Ouvrir l'inspecteur en ligne" }).waitFor();
    await app.page.locator('mes-tutorial .stage[aria-busy="false"]').waitFor();
    await app.page.evaluate(() => document.fonts.ready.then(() => undefined));
    await app.context.setOffline(true);
    await panel.getByText("le navigateur n'a pas de réseau").waitFor();
    expect(await panel.getByRole('button', { name: "Ouvrir l'inspecteur en ligne" }).count()).toBe(0);
    await app.context.setOffline(false);
    await panel.getByRole('button', { name: "Ouvrir l'inspecteur en ligne" }).waitFor();
  });
});
