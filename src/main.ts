import './boot/fonts.css';
import { loadAllLocales, t } from './i18n';
import { takeOver } from './boot/takeover';

/**
 * One page, several views: the pas à pas (default), the simulated site alone (`?view=site`), the
 * trainer's presenter view of a pas à pas (`?view=presenter&scenario=…`), the scenario editor (`?view=auteur`)
 * or the scenario catalogue (`?view=catalogue`).
 * Each view is loaded on demand so that the first one shown carries only what it needs.
 */
async function mount(): Promise<void> {
  // An empty part of the address (`?view=`) counts as absent, as everywhere in the app.
  const view = new URLSearchParams(location.search).get('view') || null;
  const root = document.getElementById('app') ?? document.body;
  // The pas à pas shows its first slide with the bundles of src/i18n and loads the others after it;
  // every other view needs them all (the site's screens, the checker's messages) before it mounts.
  const player = view === null || !['presenter', 'auteur', 'appels', 'resultats', 'catalogue', 'accessibilite', 'site'].includes(view);
  // The views that list or open the shipped scenarios get them first (a build fetches them: src/scenarios/checked.ts).
  const scenarios = view === 'presenter' || view === 'auteur' || view === 'catalogue' || view === 'site';
  if (!player) await Promise.all([loadAllLocales(), scenarios ? import('./scenarios/checked').then((m) => m.loadShippedScenarioList()) : null]);
  if (view === 'presenter') {
    await import('./presenter/presenter-view');
    root.replaceChildren(document.createElement('mes-presenter-view'));
  } else if (view === 'auteur') {
    await import('./authoring/authoring-app');
    root.replaceChildren(document.createElement('mes-authoring'));
  } else if (view === 'appels' || view === 'resultats') {
    // The 3422 call-centre rehearsal: the catalogue and a call, or the results page.
    const { loadShippedCalls } = await import('./callcentre/call-centre');
    const centre = document.createElement('mes-call-centre');
    centre.loaded = await loadShippedCalls();
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

/**
 * A view that could not load (its modules or its data not fetched: the network cut before the app was kept
 * for offline use) says so where it would have been, with a way to try again, rather than leaving the
 * page blank with an error in the console only.
 */
function showLoadError(): void {
  const root = document.getElementById('app') ?? document.body;
  const box = document.createElement('div');
  box.setAttribute('role', 'alert');
  box.className = 'mes-load-error';
  const message = document.createElement('p');
  message.textContent = t('app:loadError');
  const retry = document.createElement('button');
  retry.type = 'button';
  retry.textContent = t('app:retry');
  retry.addEventListener('click', () => location.reload());
  box.append(message, retry);
  root.replaceChildren(box);
  retry.focus();
}

mount().catch((error: unknown) => {
  console.warn('[simulateur] the view could not load', error);
  showLoadError();
});

// The benchmark's build only (scripts/bench.mjs): its hooks; the app's build has no trace of them.
if (import.meta.env.MODE === 'bench') void import('./bench/hooks');
