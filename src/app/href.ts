/**
 * The address of a view of the app, as a link: the page's own path with the query. Links stay right
 * wherever the app lives: at a server's root, under a folder, or opened from disk as one file
 * (`npm run build:single`, file://…/simulateur-mon-espace-sante.html), where `/?…` would leave it.
 */
export function appHref(params?: URLSearchParams | string): string {
  const path = typeof location === 'undefined' ? '/' : location.pathname;
  const query = params === undefined ? '' : String(params);
  return query ? `${path}?${query}` : path;
}
