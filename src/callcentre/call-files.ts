/**
 * The texts of the rehearsal calls shipped with the app, `scenarios/calls/*.yaml`, by path: here as
 * modules (the dev server, the tests, the single-file build); the build fetches them as one JSON file
 * when the call centre opens instead (scripts/vite-data-files.ts).
 */
const files = import.meta.glob<string>('../../scenarios/calls/*.yaml', { eager: true, query: '?raw', import: 'default' });

export function loadCallFiles(): Promise<Record<string, string>> {
  return Promise.resolve(files);
}
