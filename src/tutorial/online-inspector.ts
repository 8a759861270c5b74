import type { InspectionEvent } from 'xstate';

/**
 * Stately's online inspector (`?inspect`), for a trainer or developer with internet access. It is the
 * only part of the simulator that talks to another origin, so it never starts by itself: the statechart
 * panel offers it when the address asks for it and the browser is online, and the trainer opens it with
 * a click (which also lets the browser open its window). The package is loaded only then.
 */
export type OnlineInspectorStatus = 'available' | 'offline' | 'connecting' | 'connected' | 'failed';

export interface OnlineInspectorConnection {
  inspect: (event: InspectionEvent) => void;
  stop: () => void;
}

export interface ConnectOptions {
  /** Where the inspector's page opens its window (tests give a fake one). */
  window?: Window;
  /** The inspector's address (Stately's by default). */
  url?: string;
  /** How the package is loaded (tests give a fake one). */
  load?: () => Promise<typeof import('./stately-browser-inspector')>;
}

/** What the panel can offer now: nothing without `?inspect`; without a network, why not. */
export function onlineInspectorStatus(requested: boolean, online: boolean = navigator.onLine): OnlineInspectorStatus | null {
  if (!requested) return null;
  return online ? 'available' : 'offline';
}

/**
 * Opens Stately's inspector window and returns its `inspect` hook. Fails (rejects) when the package
 * cannot load or the browser refused to open the window, so that the panel can say so.
 */
export async function connectOnlineInspector(options: ConnectOptions = {}): Promise<OnlineInspectorConnection> {
  const load = options.load ?? (() => import('./stately-browser-inspector'));
  const { createBrowserInspector } = await load();
  const inspector = createBrowserInspector({
    window: options.window ?? window,
    autoStart: true,
    ...(options.url ? { url: options.url } : {}),
  });
  // The adapter opened its window with `window.open`: null when the browser refused it.
  const opened = (inspector.adapter as { targetWindow?: Window | null }).targetWindow;
  if (!opened) {
    inspector.stop();
    throw new Error('window refused');
  }
  return { inspect: (event) => inspector.inspect.next?.(event), stop: () => inspector.stop() };
}
