import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import { i18next, setLanguage } from '../../src/i18n';
import '../../src/catalogue/catalogue';
import type { MesCatalogue } from '../../src/catalogue/catalogue';
import { CATALOGUE_MODES } from '../../src/catalogue/model';
import { parseScenario, ScenarioError, type ScenarioIssue } from '../../src/scenarios/load';
import type { Scenario } from '../../src/scenarios/schema';

/**
 * The scenario catalogue, fed with real scenario files of the repository (fetched from the test
 * server, as the registry bundles them in the app) and with a file the checker refuses.
 */

const FILES = ['pas-a-pas', 'code-expire', 'opposition-parent-deux-enfants', 'mot-de-passe-refuse', 'delai-30-secondes'];

async function load(id: string): Promise<Scenario> {
  const response = await fetch(`/scenarios/${id}.yaml`);
  return parseScenario(await response.text(), `scenarios/${id}.yaml`);
}

/** A scenario with a wrong card type and a missing persona name: refused with two error lines. */
const BROKEN = `id: casse
title: Un scénario cassé
world:
  personas:
    - id: x
      lastName: DURAND
      sex: F
      birthDate: 1980-01-01
      nir: "280017511300107"
      card: { type: hologramme, serial: "12345678" }
      provisionalCode: Ab3De5Gh7Jk9
`;

function refusedIssues(): ScenarioIssue[] {
  try {
    parseScenario(BROKEN, 'scenarios/casse.yaml');
  } catch (error) {
    if (error instanceof ScenarioError) return error.issues;
  }
  throw new Error('the broken scenario was accepted');
}

async function scenarios(): Promise<Scenario[]> {
  const list = await Promise.all(FILES.map(load));
  // A world without a tutorial is not a scenario one can open: the catalogue leaves it out.
  const worldOnly: Scenario = { ...list[1]!, id: 'monde-seul', title: 'Un monde sans pas à pas', tutorial: undefined };
  return [...list, worldOnly];
}

async function mount(props: Partial<Pick<MesCatalogue, 'journey' | 'level'>> = {}): Promise<MesCatalogue> {
  const el = await fixture<MesCatalogue>(html`<mes-catalogue
    .scenarios=${await scenarios()}
    .issues=${refusedIssues()}
    first="pas-a-pas"
    journey=${props.journey ?? ''}
    level=${props.level ?? ''}
  ></mes-catalogue>`);
  await el.updateComplete;
  return el;
}

const root = (el: MesCatalogue) => el.shadowRoot!;
const titles = (el: MesCatalogue) => [...root(el).querySelectorAll('.list article h2')].map((h) => h.textContent?.trim());
const ids = (el: MesCatalogue) => [...root(el).querySelectorAll<HTMLElement>('.list article')].map((a) => a.dataset.scenario);
const text = (node: Element | ShadowRoot | null) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();

function select(el: MesCatalogue, id: 'journey' | 'level'): HTMLSelectElement {
  const found = root(el).querySelector<HTMLSelectElement>(`#${id}`);
  if (!found) throw new Error(`no #${id}`);
  return found;
}

async function choose(el: MesCatalogue, id: 'journey' | 'level', value: string): Promise<CustomEvent> {
  const s = select(el, id);
  s.value = value;
  const event = oneEvent(el, 'mes-catalogue-filter');
  s.dispatchEvent(new Event('change'));
  const detail = (await event) as CustomEvent;
  await el.updateComplete;
  return detail;
}

describe('mes-catalogue', () => {
  beforeEach(async () => {
    await setLanguage('fr');
    await setViewport({ width: 1366, height: 900 });
  });

  it('lists the scenarios that have a tutorial, the official pas à pas first, with their data', async () => {
    const el = await mount();
    expect(ids(el)).to.have.length(FILES.length);
    expect(ids(el)[0]).to.equal('pas-a-pas');
    expect(ids(el)).to.not.include('monde-seul');
    // An i18n key is translated; a plain French text is shown as written.
    expect(titles(el)).to.include("Activer (ou s'opposer à) Mon espace santé — pas à pas");
    expect(titles(el)).to.include('Mon code provisoire a expiré');
    const card = root(el).querySelector('article[data-scenario="code-expire"]')!;
    const meta = Object.fromEntries([...card.querySelectorAll('dl > div')].map((d) => [text(d.querySelector('dt')), text(d.querySelector('dd'))]));
    expect(meta).to.deep.equal({ Parcours: 'Activation', Niveau: 'Intermédiaire', Durée: '12 min', Langue: 'Français' });
    expect(text(card.querySelector('.description'))).to.match(/^Bernard LECLERC saisit le code de son courrier/);
    expect([...card.querySelectorAll('.tags li')].map((li) => li.textContent)).to.deep.equal(['erreur', 'code expiré', 'nouveau code', 'activation']);
    expect(text(root(el).querySelector('[role="status"]'))).to.equal(`${FILES.length} scénarios`);
  });

  it('gives each scenario a plain link per mode, named with the scenario', async () => {
    const el = await mount();
    for (const id of FILES) {
      const links = [...root(el).querySelectorAll<HTMLAnchorElement>(`article[data-scenario="${id}"] .modes a`)];
      expect(links.map((a) => a.getAttribute('href'))).to.deep.equal(CATALOGUE_MODES.map((m) => `/?scenario=${id}&mode=${m}`));
    }
    const practice = root(el).querySelector<HTMLAnchorElement>('article[data-scenario="code-expire"] a[data-mode="practice"]')!;
    expect(text(practice)).to.equal('Entraînement — Mon code provisoire a expiré');
  });

  it('filters by journey and by level, tells how many are left, and can clear the filters', async () => {
    const el = await mount();
    expect([...select(el, 'journey').options].map((o) => o.value)).to.deep.equal(['', 'tous', 'activation', 'opposition', 'new-code']);
    expect([...select(el, 'level').options].map((o) => o.textContent?.trim())).to.deep.equal(['Tous', 'Découverte', 'Intermédiaire', 'Avancé']);

    const event = await choose(el, 'journey', 'activation');
    expect(event.detail).to.deep.equal({ journey: 'activation', level: '' });
    expect(ids(el)).to.have.members(['code-expire', 'mot-de-passe-refuse']);
    expect(text(root(el).querySelector('[role="status"]'))).to.equal('2 scénarios');

    await choose(el, 'level', 'avancé');
    expect(ids(el)).to.deep.equal(['mot-de-passe-refuse']);
    expect(text(root(el).querySelector('[role="status"]'))).to.equal('1 scénario');

    await choose(el, 'journey', 'opposition');
    expect(ids(el)).to.deep.equal([]);
    expect(text(root(el).querySelector('[role="status"]'))).to.equal('Aucun scénario ne correspond à ces filtres.');
    expect(root(el).querySelector('.list')).to.equal(null);

    const reset = [...root(el).querySelectorAll('button')].find((b) => b.textContent?.includes('Effacer les filtres'))!;
    const cleared = oneEvent(el, 'mes-catalogue-filter');
    reset.click();
    expect(((await cleared) as CustomEvent).detail).to.deep.equal({ journey: '', level: '' });
    await el.updateComplete;
    expect(ids(el)).to.have.length(FILES.length);
  });

  it('starts from the filters it is given (an address with ?journey=…&level=…)', async () => {
    const el = await mount({ journey: 'new-code', level: 'avancé' });
    expect(ids(el)).to.deep.equal(['delai-30-secondes']);
    expect(select(el, 'journey').value).to.equal('new-code');
    expect(select(el, 'level').value).to.equal('avancé');
  });

  it('keeps a filter from the address that no scenario matches, with an empty list', async () => {
    const el = await mount({ journey: 'contacts' });
    expect(select(el, 'journey').value).to.equal('contacts');
    expect(select(el, 'journey').selectedOptions[0]?.textContent?.trim()).to.equal('Coordonnées de contact');
    expect(ids(el)).to.deep.equal([]);
    expect(text(root(el).querySelector('[role="status"]'))).to.equal('Aucun scénario ne correspond à ces filtres.');
  });

  it('lists the files refused by the checker apart, with their error lines', async () => {
    const el = await mount();
    const section = root(el).querySelector('section.refused')!;
    expect(text(section.querySelector('h2'))).to.equal('Scénarios refusés par le vérificateur');
    expect(text(section.querySelector('h3'))).to.equal('scenarios/casse.yaml — 2 erreurs');
    const lines = [...section.querySelectorAll('code')].map((c) => c.textContent ?? '');
    expect(lines).to.have.length(2);
    expect(lines.some((l) => /^scenarios\/casse\.yaml:\d+:\d+ {2}world\.personas\[0\]\.firstName {2}valeur obligatoire manquante$/.test(l))).to.equal(true);
    expect(lines.some((l) => /^scenarios\/casse\.yaml:10:\d+ {2}world\.personas\[0\]\.card\.type {2}valeur non autorisée/.test(l))).to.equal(true);
    expect(ids(el)).to.not.include('casse');
  });

  it('has no refused section when every file is accepted', async () => {
    const el = await fixture<MesCatalogue>(html`<mes-catalogue .scenarios=${await scenarios()} .issues=${[]}></mes-catalogue>`);
    expect(root(el).querySelector('section.refused')).to.equal(null);
  });

  it('is accessible: one h1, a heading per scenario, labelled filters, real links', async () => {
    const el = await mount();
    expect(root(el).querySelectorAll('h1')).to.have.length(1);
    expect(root(el).querySelectorAll('.list > li > article > h2')).to.have.length(FILES.length);
    expect(root(el).querySelector('label[for="journey"]')?.textContent).to.equal('Parcours');
    expect(root(el).querySelector('label[for="level"]')?.textContent).to.equal('Niveau');
    await expect(el).to.be.accessible();
  });

  it('shows the keyboard focus', async () => {
    const el = await mount();
    select(el, 'journey').focus();
    await sendKeys({ press: 'Tab' });
    let active = root(el).activeElement as HTMLElement;
    expect(active.id).to.equal('level');
    // Tab until the first mode link: it is a link, and its focus ring is drawn.
    for (let i = 0; i < 10 && active.tagName !== 'A'; i += 1) {
      await sendKeys({ press: 'Tab' });
      active = root(el).activeElement as HTMLElement;
    }
    expect(active.tagName).to.equal('A');
    const style = getComputedStyle(active);
    expect(style.outlineStyle).to.equal('solid');
    expect(style.outlineWidth).to.equal('3px');
    expect(style.outlineColor).to.equal('rgb(12, 117, 246)');
  });

  it('speaks English, and carries the language in its links', async () => {
    const el = await mount();
    const toggle = [...root(el).querySelectorAll('button')].find((b) => b.textContent?.trim() === 'English')!;
    expect(toggle.getAttribute('lang')).to.equal('en');
    toggle.click();
    await new Promise((r) => setTimeout(r, 0));
    await el.updateComplete;
    expect(text(root(el).querySelector('h1'))).to.equal('Scenario catalogue');
    expect(text(root(el).querySelector('label[for="level"]'))).to.equal('Level');
    expect(titles(el)).to.include('Activate (or opt out of) Mon espace santé — step by step');
    const link = root(el).querySelector<HTMLAnchorElement>('article[data-scenario="code-expire"] a[data-mode="guided"]')!;
    expect(link.getAttribute('href')).to.equal('/?scenario=code-expire&mode=guided&lang=en');
    expect(text(root(el).querySelector('section.refused h2'))).to.equal('Scenarios refused by the checker');
    // The checker's messages follow the page's language.
    const lines = [...root(el).querySelectorAll('section.refused code')].map((c) => c.textContent ?? '');
    expect(lines.some((l) => /world\.personas\[0\]\.firstName {2}\S/.test(l) && !l.includes('manquante'))).to.equal(true);
    await expect(el).to.be.accessible();
    await setLanguage('fr');
  });

  it('fits a 360 px wide screen without horizontal scrolling', async () => {
    await setViewport({ width: 360, height: 740 });
    const el = await mount();
    expect(el.scrollWidth).to.be.at.most(360);
    for (const article of root(el).querySelectorAll('article')) expect(article.getBoundingClientRect().right).to.be.at.most(360);
    await setViewport({ width: 1920, height: 1080 });
    await el.updateComplete;
    const tops = [...root(el).querySelectorAll('.list > li')].slice(0, 3).map((li) => Math.round(li.getBoundingClientRect().top));
    // Wide screens show the scenarios side by side.
    expect(new Set(tops).size).to.equal(1);
  });
});

describe('locales/*/catalogue.json', () => {
  const flatten = (node: unknown, prefix = '', out: Record<string, unknown> = {}): Record<string, unknown> => {
    if (node !== null && typeof node === 'object') for (const [k, v] of Object.entries(node)) flatten(v, prefix ? `${prefix}.${k}` : k, out);
    else out[prefix] = node;
    return out;
  };

  it('has the same keys in French and English, all non-empty strings', () => {
    const [fr, en] = ['fr', 'en'].map((lang) => flatten(i18next.getResourceBundle(lang, 'catalogue')));
    expect(Object.keys(en!).sort()).to.deep.equal(Object.keys(fr!).sort());
    for (const [key, value] of [...Object.entries(fr!), ...Object.entries(en!)]) {
      expect(value, key).to.be.a('string');
      expect((value as string).trim(), key).to.not.equal('');
    }
  });
});
