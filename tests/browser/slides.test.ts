import { expect, fixture, html } from '@open-wc/testing';
import { parse } from 'yaml';
import { setLanguage, t } from '../../src/i18n';
import { scenarioSchema, type PersonaData } from '../../src/scenarios/schema';
import '../../src/tutorial/slides';
import type {
  JourneyEvent,
  MesSlideCover,
  MesSlideNotificationLetter,
  MesSlideNotificationMail,
  MesSlideSection,
  SlideElement,
} from '../../src/tutorial/slides';
import { SLIDE_TAGS } from '../../src/tutorial/slides';

// ---------------------------------------------------------------------------------------------------
// Helpers

/** The default persona, read from scenarios/pas-a-pas.yaml itself: Martine LEGUELLEC, Lucas and Chloé. */
async function martine(): Promise<PersonaData> {
  const response = await fetch('/scenarios/pas-a-pas.yaml');
  const scenario = scenarioSchema.parse(parse(await response.text()));
  const persona = scenario.world.personas[0];
  if (!persona) throw new Error('no persona in pas-a-pas.yaml');
  return persona;
}

function root(el: SlideElement): ShadowRoot {
  if (!el.shadowRoot) throw new Error(`${el.localName} has no shadow root`);
  return el.shadowRoot;
}

/**
 * The wording of a slide (its shadow root's text) or of a part of it (as rendered, so that a <br>
 * separates lines), whitespace (no-break spaces included) collapsed.
 */
function text(el: SlideElement | Element): string {
  if (el instanceof HTMLElement && el.shadowRoot) return (el.shadowRoot.textContent ?? '').replace(/\s+/g, ' ');
  const raw = el instanceof HTMLElement ? el.innerText : (el.textContent ?? '');
  return raw.replace(/\s+/g, ' ');
}

function expectShows(el: SlideElement | Element, sentences: string[]): void {
  const shown = text(el);
  for (const sentence of sentences) expect(shown, `« ${sentence} »`).to.include(sentence.replace(/\s+/g, ' '));
}

function hotspot<T extends HTMLElement = HTMLElement>(el: SlideElement, name: string): T {
  const found = root(el).querySelector<T>(`[data-hotspot="${name}"]`);
  if (!found) throw new Error(`no data-hotspot="${name}" in ${el.localName}`);
  return found;
}

function h1(el: SlideElement): HTMLElement {
  const heading = root(el).querySelector<HTMLElement>('h1');
  if (!heading) throw new Error(`no h1 in ${el.localName}`);
  return heading;
}

/** The one main heading, focusable by the tutorial (tabindex -1) but not in the tab order. */
function expectMainHeading(el: SlideElement, title: string): void {
  expect(root(el).querySelectorAll('h1')).to.have.length(1);
  expect(text(h1(el)).trim()).to.equal(title);
  expect(h1(el).getAttribute('tabindex')).to.equal('-1');
  expect(el.headingElement).to.equal(h1(el));
  h1(el).focus();
  expect(root(el).activeElement).to.equal(h1(el));
}

// ---------------------------------------------------------------------------------------------------

describe('mes-slide-cover (T1)', () => {
  it('shows the title and « Bienvenue ! » with the three goals of the seed', async () => {
    const el = await fixture<MesSlideCover>(html`<mes-slide-cover></mes-slide-cover>`);
    expectMainHeading(el, "Activer (ou s'opposer à) son compte Mon espace santé");
    expectShows(el, [
      'Pas à pas',
      'Écrans en date de fin décembre 2021 – évolution de l\'outil en continu',
      'Bienvenue !',
      "Ce pas à pas détaille le parcours d'activation ou d'opposition à Mon espace santé pour une personne majeure.",
      'Grâce à ce pas à pas je serai en mesure de :',
      "Activer ou m'opposer à Mon espace santé",
      "Demander la génération d'un nouveau code provisoire nécessaire à l'activation ou à l'opposition en cas de perte",
      "Modifier mes coordonnées de contact (mail / téléphone) suite à l'activation de Mon espace santé",
    ]);
    expect(root(el).querySelectorAll('.goals li')).to.have.length(3);
    // The own wordmark, no official logo or State motto.
    expect(root(el).querySelector('.wordmark svg title')?.textContent).to.equal('mon ESPACE SANTÉ');
    expect(text(el)).not.to.match(/MINISTÈRE|Liberté|Réussir ensemble/);
  });

  it('follows the language', async () => {
    const el = await fixture<MesSlideCover>(html`<mes-slide-cover></mes-slide-cover>`);
    try {
      await setLanguage('en');
      await el.updateComplete;
      expect(text(h1(el)).trim()).to.equal('Activate (or opt out of) your Mon espace santé account');
      expectShows(el, ['Welcome!', 'Step by step']);
    } finally {
      await setLanguage('fr');
    }
    await el.updateComplete;
    expectShows(el, ['Bienvenue !']);
  });

  it('is accessible', async () => {
    const el = await fixture<MesSlideCover>(html`<mes-slide-cover></mes-slide-cover>`);
    await expect(el).to.be.accessible();
  });
});

describe('mes-slide-howto (T2)', () => {
  it('explains the navigation of this application, with the seed\'s sentences where they apply', async () => {
    const el = await fixture<SlideElement>(html`<mes-slide-howto></mes-slide-howto>`);
    expectMainHeading(el, "Mode d'emploi");
    expectShows(el, [
      'Utiliser un mode plein écran pour faciliter la navigation',
      'Je clique sur le bouton « Plein écran » ou j\'appuie sur la touche F',
      'Pour naviguer entre les diapositives :',
      "Je clique directement n'importe où sur la diapositive ou j'utilise les flèches de mon clavier",
      "L'icône ci-contre signale une zone « cliquable » sur la diapositive.",
      "Il vous suffit de cliquer à l'endroit indiqué pour poursuivre le parcours selon le chemin choisi.",
      "Sans cette icône il n'est pas possible de cliquer sur d'autres parcours qui seraient proposés.",
      "À noter : si aucune icône n'est présente alors je clique n'importe où sur la diapositive pour continuer.",
      'la touche « Échap » ou « Esc » en haut à gauche de mon clavier pour quitter le plein écran à tout moment si je le souhaite.',
      'Flèche gauche',
      'Flèche droite',
    ]);
    expect(text(el)).not.to.match(/Powerpoint/i);
    const hand = root(el).querySelector('svg[role="img"]');
    expect(hand?.getAttribute('aria-label')).to.equal('Icône de la main : zone cliquable'.replace(/ :/, '\u00a0:'));
    expect(hand?.querySelectorAll('path').length).to.be.greaterThan(1);
  });

  it('asks for fullscreen with a cancelable event, and does nothing else when the tutorial takes it', async () => {
    const el = await fixture<SlideElement>(html`<mes-slide-howto></mes-slide-howto>`);
    const button = hotspot<HTMLButtonElement>(el, 'fullscreen');
    expect(button.localName).to.equal('button');
    expect(text(button).trim()).to.equal('Plein écran');
    const requests: Event[] = [];
    const take = (event: Event) => {
      requests.push(event);
      event.preventDefault();
    };
    document.addEventListener('mes-fullscreen-request', take);
    try {
      button.click();
    } finally {
      document.removeEventListener('mes-fullscreen-request', take);
    }
    expect(requests).to.have.length(1);
    expect(requests[0]?.composed).to.equal(true);
    expect(document.fullscreenElement).to.equal(null);
  });

  it('is accessible', async () => {
    const el = await fixture<SlideElement>(html`<mes-slide-howto></mes-slide-howto>`);
    await expect(el).to.be.accessible();
  });
});

describe('mes-slide-before (T3)', () => {
  it('shows the three numbered steps and the NB', async () => {
    const el = await fixture<SlideElement>(html`<mes-slide-before></mes-slide-before>`);
    expectMainHeading(el, 'Avant de commencer');
    expectShows(el, [
      'Comment activer Mon espace santé ?',
      'Pour activer Mon espace santé, je suis invité à suivre plusieurs étapes :',
      "Réception d'une notification par mail ou par courrier contenant mon code d'activation (et ceux de mes enfants mineurs)",
      'Activation du compte sur monespacesante.fr',
      'Découverte de Mon espace santé et enrichissement du profil médical',
      "NB : Il est possible de s'opposer à l'activation de son espace santé dès l'étape 2.",
    ]);
    const steps = [...root(el).querySelectorAll('ol.steps > li')];
    expect(steps).to.have.length(3);
    expect(steps.map((li) => li.querySelector('.number')?.textContent)).to.deep.equal(['1', '2', '3']);
    for (const li of steps) expect(li.querySelector('svg'), 'an icon per step').not.to.equal(null);
  });

  it('is accessible', async () => {
    const el = await fixture<SlideElement>(html`<mes-slide-before></mes-slide-before>`);
    await expect(el).to.be.accessible();
  });
});

describe('mes-slide-notification-mail (T4)', () => {
  async function mount(persona?: PersonaData): Promise<MesSlideNotificationMail> {
    const p = persona ?? (await martine());
    return fixture<MesSlideNotificationMail>(html`<mes-slide-notification-mail .persona=${p}></mes-slide-notification-mail>`);
  }

  function message(el: MesSlideNotificationMail): HTMLElement {
    const found = root(el).querySelector<HTMLElement>('.message');
    if (!found) throw new Error('no open message');
    return found;
  }

  it('shows the seed\'s explanation', async () => {
    const el = await mount();
    expectMainHeading(el, "La notification de l'utilisateur");
    expectShows(el, [
      "En tant qu'utilisateur je suis notifié de la création de mon espace santé par mail ou par courrier (si l'adresse mail n'est pas connue ou certifiée).",
      "En cas d'envoi mail, il contient :",
      'Une rapide présentation de Mon espace santé',
      'Un lien vers le site monespacesante.fr',
      "Le code provisoire nécessaire à l'activation ou l'opposition du service Mon espace santé",
      "J'ai des enfants mineurs ?",
      'Je reçois également des codes provisoires uniques pour chacun de mes enfants.',
    ]);
    expect(root(el).querySelectorAll('.triangles li')).to.have.length(3);
  });

  it('renders Martine\'s e-mail from the template, every variable filled', async () => {
    const el = await mount();
    const mail = message(el);
    expect(mail.dataset.recipient).to.equal('martine');
    expectShows(mail, [
      'martine.leguellec@example.fr',
      'Bonjour,',
      "Comme l'ensemble des citoyens français, vous allez bénéficier d'un nouveau service sécurisé, Mon espace santé, qui vous permet d'être acteur au quotidien de votre santé et de celle de vos proches.",
      "Dans un délai d'un mois à partir de la réception de cet email, le service Mon espace santé sera créé automatiquement pour Martine LEGUELLEC. Avec votre carte Vitale et le code provisoire ci-dessous, vous pouvez :",
      'activer sans attendre le service ;',
      "ou vous opposer à sa création automatique. Vous pourrez à tout moment changer d'avis et ouvrir plus tard votre accès personnel à Mon espace santé.",
      'Code provisoire pour Martine LEGUELLEC',
      'Kp7RmX2qLa9T',
      'Ce code provisoire est confidentiel et valable 1 mois à partir de la réception de cet email.',
      'SE CONNECTER À MON ESPACE SANTÉ',
      'consulter et conserver toutes vos informations de santé grâce au dossier médical partagé (DMP) ;',
      'échanger avec les professionnels de santé qui assurent votre suivi grâce à une messagerie sécurisée.',
      'Et dès 2022,',
      'suivre vos rendez-vous médicaux grâce à un agenda ;',
      'découvrir des applications utiles pour votre santé disponibles dans Mon espace santé.',
      'Pour en savoir plus sur le service Mon espace santé, rendez-vous sur le site monespacesante.fr',
      'Avec toute mon attention,',
      'Votre correspondant Mon espace santé.',
      'rendez-vous sur monespacesante.fr/protection-donnees-personnelles.',
    ]);
    // The seed's « Et dès 2022 » paragraph appears once (its copy was a copy error).
    expect(text(mail).match(/Et dès 2022/g)).to.have.length(1);
    expect(text(el)).not.to.match(/eens\.|\{\{|\}\}|\$\(vars/);
    // The e-mail's emphasis, as in the seed.
    const bold = [...mail.querySelectorAll('strong')].map((b) => b.textContent);
    expect(bold).to.include.members(['Mon espace santé', 'activer sans attendre le service', 'vous opposer à sa création automatique']);
  });

  it('opens one e-mail per minor child, with the child\'s code', async () => {
    const el = await mount();
    const buttons = [...root(el).querySelectorAll<HTMLButtonElement>('.inbox button')];
    expect(buttons.map((b) => b.dataset.hotspot)).to.deep.equal(['mail-martine', 'mail-lucas', 'mail-chloe']);
    expect(buttons.map((b) => text(b).includes('Pour '))).to.deep.equal([true, true, true]);
    expectShows(el, ['Pour Martine', 'Pour Lucas', 'Pour Chloé']);
    expect(buttons.map((b) => b.getAttribute('aria-pressed'))).to.deep.equal(['true', 'false', 'false']);

    for (const [id, name, code] of [
      ['lucas', 'Lucas', 'Ht4WqZ8nBv2M'],
      ['chloe', 'Chloé', 'Rd6XpL3sKe9F'],
    ] as const) {
      hotspot(el, `mail-${id}`).click();
      await el.updateComplete;
      const mail = message(el);
      expect(mail.dataset.recipient).to.equal(id);
      expect(hotspot(el, `mail-${id}`).getAttribute('aria-pressed')).to.equal('true');
      expectShows(mail, [
        `sera créé automatiquement pour ${name} LEGUELLEC.`,
        `Code provisoire pour ${name} LEGUELLEC`,
        code,
        // A child's e-mail goes to the legal representative.
        'martine.leguellec@example.fr',
      ]);
      expect(text(mail)).not.to.include('Kp7RmX2qLa9T');
      expect(text(el)).not.to.match(/eens\.|\{\{|\}\}/);
    }
  });

  it('follows another persona and says when no e-mail address is known', async () => {
    const base = await martine();
    const el = await mount({ ...base, id: 'paul', firstName: 'Paul', lastName: 'MARTIN', provisionalCode: 'Zz9Yy8Xx7Ww6', email: null, children: [] });
    expect(root(el).querySelectorAll('.inbox button')).to.have.length(1);
    expectShows(message(el), ['Paul MARTIN', 'Zz9Yy8Xx7Ww6', 'aucune adresse e-mail connue']);
  });

  it('is accessible', async () => {
    const el = await mount();
    await expect(el).to.be.accessible();
  });
});

describe('mes-slide-notification-letter (T5)', () => {
  const day = new Date(2021, 11, 20, 9, 0);

  async function mount(): Promise<MesSlideNotificationLetter> {
    const persona = await martine();
    return fixture<MesSlideNotificationLetter>(
      html`<mes-slide-notification-letter .persona=${persona} .today=${day}></mes-slide-notification-letter>`,
    );
  }

  it('shows what the envelope holds and the flyer, its typos fixed', async () => {
    const el = await mount();
    expectMainHeading(el, "La notification de l'utilisateur");
    expectShows(el, [
      "En cas d'envoi courrier, l'enveloppe contient",
      "Un flyer d'information",
      'Un courrier de notification',
      "Il contient le code provisoire nécessaire à l'activation (ou l'opposition) du service Mon espace santé pour chaque membre de la famille (parent & enfants mineurs)",
      "J'ai des enfants mineurs ?",
      'Je reçois également un courrier pour chacun de mes enfants contenant leur code provisoire unique.',
      '3 AVANTAGES',
      'STOCKEZ VOS DOCUMENTS EN TOUTE SÉCURITÉ',
      "Vos résultats d'analyses, ordonnances, prescriptions, etc. sont accessibles tout le temps et de n'importe où.",
      'PARTAGEZ-LES AVEC VOS PROFESSIONNELS DE SANTÉ',
      'Avec votre autorisation, ils peuvent accéder à vos documents de santé, directement et de façon sécurisée.',
      'ÉCHANGEZ DE FAÇON SÉCURISÉE AVEC VOS PROFESSIONNELS',
      "UTILISER MON ESPACE SANTÉ, C'EST SIMPLE",
      'Rendez-vous sur monespacesante.fr depuis votre ordinateur, tablette ou smartphone.',
      "VOUS SOUHAITEZ PLUS D'INFORMATIONS ?",
      'Contactez-nous par téléphone : 3422 (Service gratuit, prix appel) du lundi au vendredi de 8h30 à 17h30.',
      "Partez à la conquête d'un nouvel espace pour votre santé.",
      'VOUS AVEZ LA MAIN SUR VOTRE SANTÉ.',
    ]);
    expect(text(el)).not.to.match(/RÉSONNANT|VOUS FACILITE|monespace\.sante\.fr/);
  });

  it('lays out Martine\'s letter with her name, the address, the date and her code', async () => {
    const el = await mount();
    const letter = root(el).querySelector('.letter');
    if (!letter) throw new Error('no letter');
    expectShows(letter, [
      'Mon nom ou celui de mon ayant droit : LEGUELLEC MARTINE',
      '3422',
      'Service gratuit, prix appel',
      'Le 20/12/2021',
      'JE GÈRE MA SANTÉ AVEC LE NOUVEAU SERVICE MON ESPACE SANTÉ',
      'Madame LEGUELLEC,',
      'Le service Mon espace santé sera créé automatiquement pour Martine LEGUELLEC dans un délai de 1 mois à partir de la réception de ce courrier.',
      'Code provisoire pour Martine LEGUELLEC',
      'Kp7RmX2qLa9T',
      'Ce code est valable 1 mois à partir de la réception de ce courrier.',
      'Votre correspondant Mon espace santé',
    ]);
    const address = letter.querySelector('address');
    expect(address?.innerHTML.replace(/<!--[^>]*-->/g, '').split('<br>').map((s) => s.trim())).to.deep.equal([
      'Mme LEGUELLEC MARTINE',
      '12 RUE DES TILLEULS',
      '44000 NANTES',
    ]);
    expect(text(el)).not.to.match(/\{\{|\}\}|eens\.|DURAND|PRENOM_TITUL/);
  });

  it('downloads the letters as one PDF: Martine\'s, then one per child', async () => {
    const el = await mount();
    const button = hotspot<HTMLButtonElement>(el, 'download-letter');
    expect(text(button).trim()).to.equal('Télécharger le courrier (PDF)');
    expectShows(el, ['Un fichier PDF de 3 pages']);

    // saveFile clicks a temporary <a download>: catch it, keep the file, stop the real download.
    const downloads: { name: string; bytes: Promise<ArrayBuffer> }[] = [];
    const catchDownload = (event: Event) => {
      const link = event.target;
      if (!(link instanceof HTMLAnchorElement) || !link.download) return;
      event.preventDefault();
      downloads.push({ name: link.download, bytes: fetch(link.href).then((r) => r.arrayBuffer()) });
    };
    document.addEventListener('click', catchDownload, true);
    try {
      button.click();
      const deadline = Date.now() + 8000;
      while (downloads.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    } finally {
      document.removeEventListener('click', catchDownload, true);
    }
    expect(downloads.map((d) => d.name)).to.deep.equal(['courrier-notification-leguellec.pdf']);
    const raw = new TextDecoder('latin1').decode(await downloads[0]!.bytes);
    expect(raw.startsWith('%PDF-')).to.equal(true);
    expect(raw.match(/\/Type \/Page\b(?!s)/g)).to.have.length(3);
    for (const code of ['Kp7RmX2qLa9T', 'Ht4WqZ8nBv2M', 'Rd6XpL3sKe9F']) expect(raw).to.include(code);
    expect(raw).to.include('20/12/2021');
    await el.updateComplete;
    expect(button.getAttribute('aria-disabled')).to.equal('false');
    expect(root(el).querySelector('[role="alert"]')).to.equal(null);
  });

  it('is accessible', async () => {
    const el = await mount();
    await expect(el).to.be.accessible();
  });
});

describe('mes-slide-section', () => {
  it('shows its heading as the main heading', async () => {
    const el = await fixture<MesSlideSection>(
      html`<mes-slide-section heading="Activer -ou s'opposer à- Mon espace santé"></mes-slide-section>`,
    );
    expectMainHeading(el, "Activer -ou s'opposer à- Mon espace santé");
    el.heading = 'Je génère un nouveau code provisoire';
    await el.updateComplete;
    expect(text(h1(el)).trim()).to.equal('Je génère un nouveau code provisoire');
  });

  it('is accessible', async () => {
    const el = await fixture<MesSlideSection>(html`<mes-slide-section heading="Activer -ou s'opposer à- Mon espace santé"></mes-slide-section>`);
    await expect(el).to.be.accessible();
  });
});

describe('mes-slide-end (T6)', () => {
  const menu = [
    ['journey-activation', 'activation', "Je clique ici pour réaliser le parcours d'activation"],
    ['journey-opposition', 'opposition', "Je clique ici pour réaliser le parcours d'opposition"],
    ['journey-new-code', 'new-code', "Je clique ici pour demander l'édition d'un nouveau code provisoire"],
    ['journey-contacts', 'contacts', 'Je clique ici pour modifier mes coordonnées de contact (téléphone ou mail)'],
  ] as const;

  it('congratulates and offers the four journeys again', async () => {
    const el = await fixture<SlideElement>(html`<mes-slide-end></mes-slide-end>`);
    expectMainHeading(el, 'Fin de parcours');
    expectShows(el, ['Félicitations, vous voici arrivé à la fin de ce pas à pas !', 'Pour revenir aux parcours proposés :']);
    const buttons = [...root(el).querySelectorAll<HTMLButtonElement>('[data-hotspot]')];
    expect(buttons.map((b) => b.dataset.hotspot)).to.deep.equal(menu.map(([hotspotName]) => hotspotName));
    buttons.forEach((b, i) => {
      expect(b.localName).to.equal('button');
      expect(b.type).to.equal('button');
      expect(text(b).trim()).to.equal(menu[i]![2]);
    });
  });

  it('emits a bubbling, composed mes-journey with the journey of each button', async () => {
    const el = await fixture<SlideElement>(html`<mes-slide-end></mes-slide-end>`);
    const received: JourneyEvent[] = [];
    const listener = (event: JourneyEvent) => received.push(event);
    // Heard above the slide: it bubbles out of the element.
    const parent = el.parentElement!;
    parent.addEventListener('mes-journey', listener);
    try {
      for (const [name] of menu) hotspot(el, name).click();
    } finally {
      parent.removeEventListener('mes-journey', listener);
    }
    expect(received.map((e) => e.detail)).to.deep.equal(menu.map(([, journey]) => ({ journey })));
    for (const event of received) {
      expect(event.bubbles).to.equal(true);
      expect(event.composed).to.equal(true);
    }
  });

  it('is accessible', async () => {
    const el = await fixture<SlideElement>(html`<mes-slide-end></mes-slide-end>`);
    await expect(el).to.be.accessible();
  });
});

describe('slides index', () => {
  it('registers one element per slide kind of the scenario schema', () => {
    for (const tag of Object.values(SLIDE_TAGS)) expect(customElements.get(tag), tag).not.to.equal(undefined);
  });

  it('has every string in French and English', () => {
    for (const key of ['slides:cover.welcome', 'slides:end.contacts', 'slides:mail.legal', 'slides:letter.footer']) {
      expect(t(key)).not.to.equal(key.split(':')[1]);
    }
  });
});
