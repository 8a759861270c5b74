import { loadAllLocales } from '../../src/i18n';

// The app loads the locale bundles beyond its first slide's right after it (src/i18n); the units under
// test (screens, documents, the registry's checker) run with all of them, as in the app by then.
await loadAllLocales();
