import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkScenarioSource, checkScenarioSources, isHotspotOf, siteGraph, type ScenarioSource } from '../../../src/scenarios/check';
import { formatIssue } from '../../../src/scenarios/load';
import { loadScenarios } from '../../../src/scenarios/registry';
import { readSource } from '../../../scripts/scenarios-cli';
import { nodeCheckEnvironment, scenarioFiles } from '../../../scripts/scenarios-env';

/**
 * The scenario checker on malformed files (each with its exact lines: position, path, message), on
 * every shipped scenario, and as the app runs it.
 */

const env = nodeCheckEnvironment();
const BAD = 'tests/fixtures/scenarios/bad';
const GOOD = 'tests/fixtures/scenarios/good/minimal.yaml';

const read = (file: string) => readFileSync(file, 'utf8');
const linesOf = (file: string, text = read(file)) => checkScenarioSource(text, file, env).issues.map(formatIssue);

/** Expected lines of each tests/fixtures/scenarios/bad/<name>.yaml, without the file name. */
const EXPECTED: Record<string, string[]> = {
  'action-form': [
    '40:15  tutorial.steps[1].action  forme non reconnue : une de ces clés est attendue : fill, send',
  ],
  'after-end': [
    '56:7  tutorial.steps[4]  étape inaccessible : elle suit la diapositive de fin (end), qui termine le pas à pas',
  ],
  'ages': [
    '12:18  world.personas[0].birthDate  le titulaire doit être majeur au 01/06/2026 (il a 14 ans)',
    '19:66  world.personas[0].children[0].birthDate  un enfant rattaché doit être mineur au 01/06/2026 (il a 25 ans)',
    '20:66  world.personas[0].children[1].birthDate  cette date n\'existe pas',
  ],
  'codes': [
    '15:24  world.personas[0].provisionalCode  valeur refusée par les règles du service : Cette saisie contient un caractère non autorisé',
    '19:95  world.personas[0].children[0].provisionalCode  valeur refusée par les règles du service : Le code doit contenir 12 caractères',
  ],
  'contacts': [
    '16:14  world.personas[0].email  valeur refusée par les règles du service : Saisir une adresse e-mail valide',
    '17:15  world.personas[0].mobile  valeur refusée par les règles du service : Format invalide, vérifier le format du numéro',
  ],
  'date-format': [
    '12:18  world.personas[0].birthDate  date attendue au format AAAA-MM-JJ',
  ],
  'duplicate-ids': [
    '20:17  world.personas[0].children[1].id  identifiant d\'enfant en double : leo',
    '37:11  tutorial.steps[1].id  identifiant d\'étape en double : accueil',
  ],
  'enum-value': [
    '14:21  world.personas[0].card.type  valeur non autorisée ; valeurs possibles : sans-photo, avec-photo',
  ],
  'event-ignored': [
    '31:31  tutorial.steps[0].action.send.type  l\'événement SUBMIT est sans effet sur l\'écran home',
  ],
  'expect-invalid': [
    '18:23  world.personas[0].expectInvalid[0]  « nir » est déclaré invalide (expectInvalid) mais sa valeur est valide',
    '18:28  world.personas[0].expectInvalid[1]  chemin inconnu dans expectInvalid : carte ; chemins possibles : nir, card.serial, provisionalCode, email, mobile, birthDate, children[0].birthDate, children[0].provisionalCode',
  ],
  'fill-field': [
    '48:48  tutorial.steps[2].action.fill.field  champ inconnu « codeProvisoire » du formulaire identify ; champs : code, nir, cardType, serial',
  ],
  'hotspot-other-screen': [
    '34:59  tutorial.steps[0].callouts[0].target  zone « nir » absente de l\'écran home ; zones de cet écran : activate-space, help, login, logo',
  ],
  'hotspot-typo': [
    '30:15  tutorial.steps[0].target  zone « activer-space » absente de l\'écran home ; vouliez-vous dire « activate-space » ?',
  ],
  'hotspot-unknown': [
    '43:61  tutorial.steps[1].callouts[0].target  zone « bouton-commencer » absente de l\'écran start ; zones de cet écran : begin, help, login, logo, new-code',
  ],
  'journey-split': [
    '42:16  tutorial.steps[2].journey  les étapes du parcours activation doivent se suivre : il reprend ici après le parcours decouvrir',
    '48:16  tutorial.steps[2].callouts[0].n  numéro 3 inattendu : la numérotation d\'un écran commence à 1',
  ],
  'journey-unknown': [
    '37:16  tutorial.steps[1].journey  parcours inconnu : activaton ; parcours déclarés : activation, fin',
  ],
  'menu-journey': [
    '56:22  tutorial.steps[3].menu[1].journey  parcours inconnu : opposition ; parcours déclarés : activation, fin',
  ],
  'missing-required': [
    '8:7  world.personas[0].lastName  valeur obligatoire manquante',
  ],
  'needs-target': [
    '36:7  tutorial.steps[1]  une étape avec action ou until doit avoir une cible (target) : sans elle, le mode guidé ne peut pas la faire',
  ],
  'nir-invalid': [
    '13:12  world.personas[0].nir  valeur refusée par les règles du service : Format invalide, vérifier le format du numéro de sécurité sociale',
  ],
  'nir-mismatch': [
    '13:12  world.personas[0].nir  le NIR ne correspond pas au persona (le 1er chiffre donne le sexe : 2 pour F) ; ajouter « nir » à expectInvalid si c\'est voulu',
  ],
  'number-not-text': [
    '17:15  world.personas[0].mobile  type attendu : texte',
  ],
  'numbering': [
    '36:16  tutorial.steps[0].callouts[2].n  numéro 2 inattendu : 3 attendu (les numéros d\'un même écran se suivent de 1 en 1)',
    '44:16  tutorial.steps[1].callouts[0].n  numéro 5 inattendu : 1 attendu, ou 3 pour continuer la numérotation de l\'écran précédent',
    '51:16  tutorial.steps[2].callouts[0].n  numéro 2 inattendu : 1 attendu, ou 6 pour continuer la numérotation de l\'écran précédent',
  ],
  'persona-unknown': [
    '21:12  tutorial.persona  persona inconnu : bob ; personas du monde : ana',
  ],
  'placeholder-unknown': [
    '29:14  tutorial.steps[0].title  valeur à remplacer inconnue : {{persona.firstname}} ; vouliez-vous dire {{persona.firstName}} ?',
    '29:14  tutorial.steps[0].title  valeur à remplacer inconnue : {{persona.prenom}} ; possibles : persona.firstName, persona.middleNames, persona.lastName, persona.fullName, persona.birthDate, persona.birthDateFr, persona.nir, persona.nirFormatted, persona.provisionalCode, persona.card.type, persona.card.serial, persona.serialToType, persona.email, persona.mobile, children.N.firstName, children.N.lastName, children.N.birthDate, children.N.birthDateFr, children.N.provisionalCode, children.N.id, inbox.otp, inbox.code',
  ],
  'screen-unknown': [
    '28:15  tutorial.steps[0].screen  écran inconnu : accueil ; écrans du site : home, start, identify, decision, confirmOpposition, opposed, contacts, editContact, verifyContact, credentials, activated, newCode, delivery, codeSent, blocked, notCovered',
  ],
  'serial-photo': [
    '14:41  world.personas[0].card.serial  valeur refusée par les règles du service : Format invalide, le numéro de série doit contenir 11 chiffres',
  ],
  'setup-ignored': [
    '26:25  tutorial.journeys[0].setup[0].send.type  préparation impossible : l\'événement BEGIN est sans effet sur l\'écran home',
  ],
  'slide-fields': [
    '54:15  tutorial.steps[3].target  une diapositive n\'a pas de « target » : seules les étapes sur un écran du site en ont',
    '55:15  tutorial.steps[3].action  une diapositive n\'a pas de « action » : seules les étapes sur un écran du site en ont',
  ],
  'step-unreachable': [
    '38:15  tutorial.steps[1].screen  étape inaccessible : elle se passe sur l\'écran identify, mais à ce point du parcours le site montre start',
  ],
  'text-key-missing': [
    '4:8  title  texte absent de locales/fr/pasapas.json : pasapas:titre',
    '4:8  title  texte absent de locales/en/pasapas.json : pasapas:titre',
  ],
  'unknown-key': [
    '42:7  tutorial.steps[1].calouts  clé inconnue : calouts',
  ],
  'until-error': [
    '49:23  tutorial.steps[2].until.error  message d\'erreur inconnu : « code.trop-court » n\'est pas une clé de locales/fr/errors.json',
  ],
  'until-impossible': [
    '32:24  tutorial.steps[0].until.screen  cette étape ne peut pas se terminer : ACTIVATE_SPACE sur l\'écran home ne mène pas à l\'écran decision (écrans possibles : start)',
  ],
  'until-kind': [
    '41:41  tutorial.steps[1].until.typed  until.typed ne vaut que pour une étape dont l\'action est « fill »',
    '49:22  tutorial.steps[2].until.sent  until.sent ne vaut que pour une étape dont l\'action est « send »',
  ],
  'until-values': [
    '49:42  tutorial.steps[2].until.values.identify.codes  champ de formulaire inconnu : identify.codes ; champs possibles : identify.code, identify.nir, identify.cardType, identify.serial, newCode.nir, newCode.birthDate, newCode.cardType, newCode.serial, decision.choice, decision.cgu, contact.value, contact.otp, credentials.login, credentials.password, credentials.confirm',
    '49:59  tutorial.steps[2].until.values.decision.cgu  valeur attendue pour decision.cgu : true ou false',
    '49:81  tutorial.steps[2].until.values.identify.code  une valeur de until.values est comparée telle quelle : {{…}} n\'y est pas remplacé',
  ],
  'yaml-syntax': [
    '6:1  (racine)  YAML invalide : indentation incorrecte, ou crochet ou accolade non refermé : aligner avec des espaces les clés d\'un même niveau',
  ],
};

describe('malformed scenarios', () => {
  const files = readdirSync(BAD).filter((f) => f.endsWith('.yaml')).sort();

  it('has at least 20 fixtures, each with its expected lines', () => {
    expect(files.length).toBeGreaterThanOrEqual(20);
    expect(files.map((f) => f.slice(0, -'.yaml'.length))).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(files)('%s gives exactly its lines', (name) => {
    const file = `${BAD}/${name}`;
    const expected = (EXPECTED[name.slice(0, -'.yaml'.length)] ?? []).map((line) => `${file}:${line}`);
    expect(linesOf(file)).toEqual(expected);
  });

  it('comes from a valid base: the same file without its fault passes', () => {
    expect(linesOf(GOOD)).toEqual([]);
  });
});

describe('shipped scenarios', () => {
  it.each(scenarioFiles())('%s passes the checker', (file) => {
    expect(checkScenarioSources([readSource(file)], env)[0]?.issues.map(formatIssue)).toEqual([]);
  });

  it('refuses the same scenario id in two files, naming the first', () => {
    const text = read(GOOD);
    const results = checkScenarioSources(
      [
        { file: 'a.yaml', text },
        { file: 'b.yaml', text },
      ],
      env,
    );
    expect(results[0]?.issues).toEqual([]);
    expect(results[1]?.issues.map(formatIssue)).toEqual(['b.yaml:2:5  id  identifiant de scénario déjà utilisé par a.yaml']);
  });
});

describe('in the app', () => {
  it('refuses a scenario with errors with the CLI lines, and keeps the others', () => {
    const bad = read(`${BAD}/hotspot-typo.yaml`);
    const good = read(GOOD).replace('id: fixture', 'id: fixture-app');
    const { scenarios, issues } = loadScenarios({ '../../scenarios/faute.yaml': bad, '../../scenarios/bon.yaml': good });
    expect([...scenarios.keys()]).toEqual(['fixture-app']);
    expect(issues.map(formatIssue)).toEqual(linesOf('scenarios/faute.yaml', bad));
    expect(issues.map(formatIssue)).toEqual([
      "scenarios/faute.yaml:30:15  tutorial.steps[0].target  zone « activer-space » absente de l'écran home ; vouliez-vous dire « activate-space » ?",
    ]);
  });

  it('loads every shipped scenario (the bundled ones)', () => {
    const { scenarios, issues } = loadScenarios();
    expect(issues.map(formatIssue)).toEqual([]);
    expect(scenarios.has('pas-a-pas')).toBe(true);
    expect(scenarios.has('exemple-formateur')).toBe(true);
  });

  it('answers in the language asked for', () => {
    const { issues } = loadScenarios({ 'x/faute.yaml': read(`${BAD}/hotspot-typo.yaml`) }, { ...env, t: nodeCheckEnvironment(undefined, 'en').t });
    expect(issues.map((i) => i.message)).toEqual(['zone « activer-space » is not on screen home; did you mean « activate-space »?']);
  });
});

describe('the site graph read from the site machine', () => {
  const graph = siteGraph();

  it('knows every screen and where the site starts', () => {
    expect(graph.initial).toBe('home');
    expect([...graph.screens].sort()).toEqual(Object.keys(env.hotspots.screens).sort());
  });

  it('follows events to every screen they may lead to, refusals included', () => {
    expect([...(graph.next('home', 'ACTIVATE_SPACE') ?? [])]).toEqual(['start']);
    expect([...(graph.next('identify', 'SUBMIT') ?? [])].sort()).toEqual(['blocked', 'decision', 'identify']);
    expect([...(graph.next('decision', 'SUBMIT') ?? [])].sort()).toEqual(['activated', 'blocked', 'confirmOpposition', 'contacts', 'decision']);
    expect([...(graph.next('identify', 'FIELD') ?? [])]).toEqual(['identify']);
    expect(graph.next('home', 'SUBMIT')).toBeNull();
  });
});

describe('zones', () => {
  it('match names, run-time patterns and the frame', () => {
    expect(isHotspotOf(env.hotspots, 'opposed', 'manage-lucas')).toBe(true);
    expect(isHotspotOf(env.hotspots, 'opposed', 'manage-')).toBe(false);
    expect(isHotspotOf(env.hotspots, 'identify', 'card-sans-photo')).toBe(true);
    expect(isHotspotOf(env.hotspots, 'home', 'logo')).toBe(true);
    expect(isHotspotOf(env.hotspots, 'home', 'nir')).toBe(false);
  });
});

describe('speed', () => {
  /** Checks the sources, prints the elapsed and processor times (the bench of the other issue asserts them). */
  function measure(label: string, sources: ScenarioSource[]) {
    const started = performance.now();
    const cpu = process.cpuUsage();
    const results = checkScenarioSources(sources, env);
    const ms = performance.now() - started;
    const used = process.cpuUsage(cpu);
    // The processor time too: on a busy machine the elapsed time says more about the other processes.
    console.log(`scenarios:check — ${label} : ${Math.round(ms)} ms (processeur : ${Math.round((used.user + used.system) / 1000)} ms)`);
    return results;
  }

  it('checks 100 scenarios as large as the pas à pas', { timeout: 120_000 }, () => {
    const text = read('scenarios/pas-a-pas.yaml');
    const sources = Array.from({ length: 100 }, (_, i) => ({ file: `s${i}.yaml`, text: text.replace('id: pas-a-pas', `id: pas-a-pas-${i}`) }));
    const results = measure(`100 scénarios de ${text.split('\n').length} lignes (pas-a-pas)`, sources);
    expect(results.every((r) => r.issues.length === 0)).toBe(true);
  });

  it('checks 100 scenarios of the shipped library', { timeout: 120_000 }, () => {
    const shipped = scenarioFiles().map((file) => readSource(file));
    const sources = Array.from({ length: 100 }, (_, i) => {
      const source = shipped[i % shipped.length] as ScenarioSource;
      return { ...source, file: `${i}-${source.file}`, text: source.text.replace(/^id: (.*)$/m, `id: $1-${i}`) };
    });
    const lines = sources.reduce((n, s) => n + s.text.split('\n').length, 0);
    const results = measure(`100 scénarios de la bibliothèque (${Math.round(lines / 100)} lignes en moyenne)`, sources);
    expect(results.flatMap((r) => r.issues)).toEqual([]);
  });
});
