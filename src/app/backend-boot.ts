import type { WorldData } from '../scenarios/schema';
import { Store } from '../backend/store';
import { startBrowserBackend } from '../backend/browser';

/**
 * Starts the simulated backend in the page with a scenario's world. One store per page: a second call
 * (another scenario) loads the new world into it instead of starting MSW twice.
 */
let running: { store: Store; listeners: Set<() => void> } | null = null;

export async function bootBackend(world: WorldData, onChange: () => void): Promise<Store> {
  if (running) {
    running.store.loadWorld(world);
    running.listeners.add(onChange);
    return running.store;
  }
  const store = new Store(world);
  const listeners = new Set<() => void>([onChange]);
  running = { store, listeners };
  await startBrowserBackend(store, {
    onChange: () => {
      for (const listener of listeners) listener();
    },
  });
  return store;
}
