import type { Plugin } from 'vite';

/**
 * The data the app loads on demand, one chunk per kind rather than one per file: the translation bundles
 * beyond the first slide's (src/i18n: `loadAllLocales()` loads them all at once, both languages) and the
 * shipped scenarios other than the default one (scripts/vite-scenarios.mjs). Many small files compress
 * badly one by one (gzip starts each with no dictionary), and the offline worker (scripts/vite-offline.ts)
 * fetches every file of the build at the first visit anyway: together they weigh about a third less.
 *
 * Only modules that nothing imports statically are gathered (found in the module graph once it is built),
 * so the first slide's bundles and the default scenario stay with the code that shows the first slide;
 * a module that merely gathers data of a kind for a view (`GATHERERS`: every shipped scenario at once,
 * scripts/vite-scenarios.mjs) does not count as such an import.
 */
export interface DataChunks {
  plugin: Plugin;
  /** For `build.rolldownOptions.output.codeSplitting.groups`. */
  groups: Array<{ name: string; test: (id: string) => boolean }>;
}

export function dataChunks(kinds: Record<string, RegExp>): DataChunks {
  const onDemand = new Set<string>();
  return {
    plugin: {
      name: 'data-chunks',
      apply: 'build',
      buildStart() {
        onDemand.clear();
      },
      buildEnd() {
        for (const id of this.getModuleIds()) {
          const info = this.getModuleInfo(id);
          if (info && info.dynamicImporters.length > 0 && info.importers.every((importer) => GATHERERS.test(importer))) onDemand.add(id);
        }
      },
    },
    groups: Object.entries(kinds).map(([name, pattern]) => ({ name, test: (id: string) => pattern.test(id) && onDemand.has(id) })),
  };
}

/** Modules that only gather data loaded on demand for a view: their imports keep it on demand. */
const GATHERERS = /^\0virtual:shipped-scenarios-all$/;

/** The kinds of data of this app, by module id. */
export const DATA_KINDS = {
  locales: /[\\/]locales[\\/][a-z]{2}[\\/][\w-]+\.json$/,
  scenarios: /^\0virtual:shipped-scenario\//,
};
