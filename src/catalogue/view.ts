import { currentLanguage, onLanguageChanged, setLanguage, t } from '../i18n';
import { shippedScenarioList } from '../scenarios/checked';
import { DEFAULT_SCENARIO } from '../scenarios/registry';
import './catalogue';
import { filterFromSearch, searchWithFilter } from './model';

/**
 * The catalogue page (`?view=catalogue`): the shipped scenarios and the checker's issues from the
 * registry, the filters kept in the address so that a filtered list can be bookmarked or linked.
 */
export async function mountCatalogue(root: HTMLElement): Promise<void> {
  const lang = new URLSearchParams(location.search).get('lang');
  if (lang === 'fr' || lang === 'en') await setLanguage(lang);
  const syncDocument = () => {
    const current = currentLanguage();
    document.documentElement.lang = current;
    document.title = t('catalogue:pageTitle');
    // The language chosen here survives a reload and is carried by a copied address.
    const params = new URLSearchParams(location.search);
    if (current === 'fr') params.delete('lang');
    else params.set('lang', current);
    const search = `?${params.toString()}`;
    if (search !== location.search) history.replaceState(null, '', search);
  };
  syncDocument();
  onLanguageChanged(syncDocument);

  const { scenarios, issues } = shippedScenarioList();
  const filter = filterFromSearch(location.search);
  const element = document.createElement('mes-catalogue');
  element.scenarios = [...scenarios.values()];
  element.issues = issues;
  element.first = DEFAULT_SCENARIO;
  element.journey = filter.journey;
  element.level = filter.level;
  element.addEventListener('mes-catalogue-filter', (event) => {
    const search = searchWithFilter(location.search, event.detail);
    if (search !== location.search) history.replaceState(null, '', search);
  });
  root.replaceChildren(element);
}
