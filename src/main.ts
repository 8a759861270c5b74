import '@fontsource/open-sans/400.css';
import '@fontsource/open-sans/600.css';
import '@fontsource/open-sans/700.css';
import { initI18n } from './i18n';

void initI18n();

/**
 * One page, several views: the pas à pas (default) or the simulated site alone (`?view=site`).
 * Each view is loaded on demand so that the first one shown carries only what it needs.
 */
async function mount(): Promise<void> {
  const view = new URLSearchParams(location.search).get('view');
  const root = document.getElementById('app') ?? document.body;
  if (view === 'site') {
    await import('./app/app-root');
    root.replaceChildren(document.createElement('mes-app'));
  } else {
    await import('./tutorial/tutorial-app');
    root.replaceChildren(document.createElement('mes-tutorial'));
  }
}

void mount();
