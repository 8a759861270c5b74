import type { Api } from '../../src/api/client';
import { Store } from '../../src/backend/store';
import type { CallScreenDeps } from '../../src/callcentre/call-screen';
import { backendStateOf } from '../../src/callcentre/goal';
import { memoryResults, type ResultsStore } from '../../src/callcentre/results-store';
import { callScenarioSchema, type CallScenario } from '../../src/callcentre/schema';
import type { CallRecord } from '../../src/callcentre/score';

/**
 * A call as scenarios/calls/06-type-de-carte.yaml writes it (the browser test server cannot bundle
 * YAML files), validated by the same schema, and the real simulated service in the page: the Store's
 * methods answer the site machine directly, as the handlers would behind fetch.
 */
export function cardCall(): CallScenario {
  return callScenarioSchema.parse({
    id: 'appel-type-de-carte',
    title: 'Non identifiée : le modèle de carte',
    lang: 'fr',
    level: 'intermédiaire',
    tags: ['identification', 'carte Vitale'],
    durationMinutes: 6,
    world: {
      ruleSet: 'seed-2021',
      personas: [
        {
          id: 'lucie',
          firstName: 'Lucie',
          lastName: 'MARCHAND',
          sex: 'F',
          birthDate: '1992-02-27',
          nir: '292023523804796',
          card: { type: 'avec-photo', serial: '802547305918264' },
          provisionalCode: 'Jx8TbQ2mNv5R',
          email: 'lucie.marchand@example.fr',
        },
      ],
    },
    call: {
      journey: 'opposition',
      brief: {
        persona: 'lucie',
        caller: 'Mme Lucie MARCHAND',
        words: '« Je veux m’opposer, mais le site me dit qu’il n’arrive pas à m’identifier. »',
        atHand: [{ kind: 'letter' }, { kind: 'card-avec-photo' }, { kind: 'computer', text: '« Je m’identifie », un message d’erreur.' }],
      },
      setup: [
        { send: { type: 'ACTIVATE_SPACE' } },
        { send: { type: 'BEGIN' } },
        { fill: { form: 'identify', field: 'code', value: '{{persona.provisionalCode}}' } },
        { fill: { form: 'identify', field: 'nir', value: '{{persona.nirFormatted}}' } },
        { fill: { form: 'identify', field: 'cardType', value: 'sans-photo' } },
        { fill: { form: 'identify', field: 'serial', value: '{{persona.serialToType}}' } },
        { send: { type: 'SUBMIT' } },
      ],
      diagnosis: {
        questions: [
          { id: 'photo', ask: 'Votre carte Vitale porte-t-elle votre photo ?', answer: '« Oui, avec ma photo à gauche. »' },
          { id: 'meteo', ask: 'Quel temps fait-il chez vous ?', answer: '« Il pleut. »', useful: false },
        ],
        explanations: [
          { id: 'modele', text: 'Elle a coché « sans photo » alors que sa carte a une photo.', correct: true, feedback: 'Oui : le service compare le modèle de carte.' },
          { id: 'nir', text: 'Son numéro de sécurité sociale est faux.', feedback: 'Non : le site l’aurait refusé sous le champ.' },
        ],
      },
      guide: [
        {
          screen: 'identify',
          do: [{ fill: { form: 'identify', field: 'cardType', value: 'avec-photo' } }, { send: { type: 'SUBMIT' } }],
        },
        { screen: 'decision', do: [{ send: { type: 'CHOOSE', choice: 'oppose' } }, { send: { type: 'SUBMIT' } }] },
        { screen: 'confirmOpposition', do: [{ send: { type: 'SUBMIT' } }] },
      ],
      goal: { opposed: true },
      keySentence: '« Cochez « Carte Vitale avec photo ». »',
      notes: 'Fixture des tests du navigateur.',
    },
  });
}

/** The Store behind the API's methods, without fetch: a BackendError carries the same `code` as an ApiError. */
export function storeApi(store: Store): CallScreenDeps['api'] {
  const api: Pick<Api, keyof CallScreenDeps['api']> = {
    identify: async (req) => store.identify(req),
    decide: async (id, req) => store.decide(id, req),
    changeContact: async (id, kind, req) => store.changeContact(id, kind, req.value),
    verifyContact: async (id, kind, req) => store.verifyContact(id, kind, req.otp),
    setCredentials: async (id, req) => store.setCredentials(id, req),
    fetchOppositionProof: async (id) => store.oppositionProof(id),
    fetchProfiles: async (id) => store.profiles(id),
    manageProfile: async (id, child) => store.manageProfile(id, child),
    requestNewCode: async (req) => store.requestNewCode(req),
    sendNewCode: async (id) => store.sendNewCode(id),
    fetchInbox: async () => store.inbox(),
    loadWorld: async (world) => store.loadWorld(world),
  };
  return api;
}

export function callDeps(call: CallScenario, results: ResultsStore = memoryResults()): { deps: CallScreenDeps; store: Store; results: ResultsStore } {
  const store = new Store(call.world, { seed: 3 });
  let n = 0;
  return {
    store,
    results,
    deps: {
      api: storeApi(store),
      readState: () => backendStateOf(store),
      results,
      newId: () => `2b7e1c4a-5d6f-4a8b-9c0d-${String(++n).padStart(12, '0')}`,
      deliverProof: () => undefined,
    },
  };
}

export function sampleRecords(): CallRecord[] {
  const base = {
    callId: 'appel-type-de-carte',
    callTitle: 'Non identifiée : le modèle de carte',
    startedAt: '2026-11-20T09:00:00.000Z',
    durationMs: 95_000,
    wrongDiagnoses: 0,
    uselessQuestions: 0,
    refusedSubmissions: 0,
    prompts: 2,
  };
  return [
    {
      ...base,
      id: '2b7e1c4a-5d6f-4a8b-9c0d-000000000001',
      endedAt: '2026-11-20T09:01:35.000Z',
      resolved: false,
      diagnosisRight: false,
      firstDiagnosis: 'nir',
      wrongDiagnoses: 1,
      score: 21,
      passed: false,
      steps: [
        { key: 'diagnosis:nir', kind: 'diagnosis', label: 'Son numéro de sécurité sociale est faux.', labelKind: 'text', ok: false, prompted: false, response: 'nir', at: '2026-11-20T09:00:30.000Z', durationMs: 30_000 },
        {
          key: 'refused:identify:server.NO_USER_FOUND',
          kind: 'screen',
          label: 'steps.refused',
          labelKind: 'phrase',
          labelValues: {},
          labelKeys: { screenName: 'calls:screens.identify', message: 'errors:server.NO_USER_FOUND' },
          ok: false,
          prompted: false,
          response: 'server.NO_USER_FOUND',
          at: '2026-11-20T09:01:00.000Z',
          durationMs: 30_000,
        },
      ],
    },
    {
      ...base,
      id: '2b7e1c4a-5d6f-4a8b-9c0d-000000000002',
      endedAt: '2026-11-21T09:01:35.000Z',
      resolved: true,
      diagnosisRight: true,
      firstDiagnosis: 'modele',
      score: 96,
      passed: true,
      steps: [
        { key: 'diagnosis:modele', kind: 'diagnosis', label: 'Elle a coché « sans photo ».', labelKind: 'text', ok: true, prompted: false, response: 'modele', at: '2026-11-21T09:00:30.000Z', durationMs: 30_000 },
      ],
    },
  ];
}
