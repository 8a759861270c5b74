import './boot/fonts.css';
import { loadAllLocales } from './i18n';
import { takeOver } from './boot/takeover';

/**
 * One page, several views: the pas à pas (default), the simulated site alone (`?view=site`), the
 * trainer's presenter view of a pas à pas (`?view=presenter&scenario=…`), the scenario editor (`?view=auteur`)
 * or the scenario catalogue (`?view=catalogue`).
 * Each view is loaded on demand so that the first one shown carries only what it needs.
 */
async function mount(): Promise<void> {
  const view = new URLSearchParams(location.search).get('view');
  const root = document.getElementById('app') ?? document.body;
  // The pas à pas shows its first slide with the bundles of src/i18n and loads the others after it;
  // every other view needs them all (the site's screens, the checker's messages) before it mounts.
  const player = view === null || !['presenter', 'auteur', 'appels', 'resultats', 'catalogue', 'accessibilite', 'site'].includes(view);
  if (!player) await loadAllLocales();
  if (view === 'presenter') {
    await import('./presenter/presenter-view');
    root.replaceChildren(document.createElement('mes-presenter-view'));
  } else if (view === 'auteur') {
    await import('./authoring/authoring-app');
    root.replaceChildren(document.createElement('mes-authoring'));
  } else if (view === 'appels' || view === 'resultats') {
    // The 3422 call-centre rehearsal: the catalogue and a call, or the results page.
    await import('./callcentre/call-centre');
    const centre = document.createElement('mes-call-centre');
    centre.page = view === 'resultats' ? 'results' : 'calls';
    root.replaceChildren(centre);
  } else if (view === 'catalogue') {
    const { mountCatalogue } = await import('./catalogue/view');
    await mountCatalogue(root);
  } else if (view === 'accessibilite') {
    await import('./app/a11y-statement');
    root.replaceChildren(document.createElement('mes-a11y-statement'));
  } else if (view === 'site') {
    await import('./app/app-root');
    root.replaceChildren(document.createElement('mes-app'));
  } else {
    await import('./tutorial/tutorial-app');
    const player = document.createElement('mes-tutorial');
    // The built page shows the landing address's first slide at once (src/boot/first-slide.ts): taken over.
    const first = window.__mesFirstSlide;
    if (first?.host.isConnected) takeOver(root, player, first);
    else root.replaceChildren(player);
  }
}

void mount();

// The benchmark's build only (scripts/bench.mjs): its hooks; the app's build has no trace of them.
if (import.meta.env.MODE === 'bench') void import('./bench/hooks');
