/**
 * The translation bundles loaded after the first slide: every namespace of every language but the
 * French ones that come with src/i18n (its eager glob), one language at a time. Here, every file
 * as a module of its own (the dev server, the tests); the build fetches them as one JSON file per
 * language instead (scripts/vite-data-files.ts).
 */
type Bundle = Record<string, unknown>;

const files = import.meta.glob<Bundle>(
  ['../../locales/*/*.json', '!../../locales/fr/{common,app,player,tutorial,slides,pasapas}.json'],
  { import: 'default' },
);

/** The bundles on demand of one language, by namespace. */
export async function onDemandBundles(lang: string): Promise<Record<string, Bundle>> {
  const namespaces: Record<string, Bundle> = {};
  await Promise.all(
    Object.entries(files).map(async ([path, load]) => {
      const match = /locales\/([a-z]{2})\/([\w-]+)\.json$/.exec(path);
      if (match?.[1] === lang) namespaces[match[2]!] = await load();
    }),
  );
  return namespaces;
}
