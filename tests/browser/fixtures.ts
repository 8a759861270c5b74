import type { ProfileSummary, SessionView } from '../../src/api/types';
import { emptyForms, initialSiteContext } from '../../src/site/machine';
import type { FormName, Forms, SiteContext } from '../../src/site/types';

/**
 * Realistic site contexts for screen tests: the default persona of scenarios/pas-a-pas.yaml
 * (Martine LEGUELLEC) and her two children, as the backend's answers show them.
 */

export function martineSession(overrides: Partial<SessionView> = {}): SessionView {
  return {
    sessionId: 'sess-martine',
    person: {
      firstName: 'Martine',
      middleNames: 'Julie',
      lastName: 'LEGUELLEC',
      birthDate: '1969-05-12',
      nir: '269054410903857',
    },
    isChild: false,
    contacts: { email: 'martine.leguellec@example.fr', mobile: '0611121314' },
    status: 'pending',
    decidedAt: null,
    ...overrides,
  };
}

/** Her son Lucas, managed by her: a child carries the legal representative's NIR here. */
export function lucasSession(overrides: Partial<SessionView> = {}): SessionView {
  return martineSession({
    sessionId: 'sess-lucas',
    person: { firstName: 'Lucas', middleNames: '', lastName: 'LEGUELLEC', birthDate: '2012-09-03', nir: '269054410903857' },
    isChild: true,
    contacts: { email: null, mobile: null },
    ...overrides,
  });
}

/** Martine's attached profiles, one in each status. */
export function profiles(): ProfileSummary[] {
  return [
    { id: 'lucas', firstName: 'Lucas', lastName: 'LEGUELLEC', birthDate: '2012-09-03', status: 'pending', decidedAt: null },
    { id: 'chloe', firstName: 'Chloé', lastName: 'LEGUELLEC', birthDate: '2013-02-21', status: 'opposed', decidedAt: '2021-12-07' },
    { id: 'jeanne', firstName: 'Jeanne', lastName: 'LEGUELLEC', birthDate: '2015-06-30', status: 'activated', decidedAt: '2022-01-15' },
  ];
}

export { emptyForms };

export type CtxOverrides = Partial<Omit<SiteContext, 'forms'>> & {
  /** Each form is merged field by field over the empty one. */
  forms?: { [K in FormName]?: Partial<Forms[K]> };
};

/** A site context as the machine would give it just after identification, with `overrides` on top. */
export function makeCtx(overrides: CtxOverrides = {}): SiteContext {
  const { forms: formOverrides = {}, ...rest } = overrides;
  const base = emptyForms();
  const forms: Forms = {
    identify: { ...base.identify, ...formOverrides.identify },
    newCode: { ...base.newCode, ...formOverrides.newCode },
    decision: { ...base.decision, ...formOverrides.decision },
    contact: { ...base.contact, ...formOverrides.contact },
    credentials: { ...base.credentials, ...formOverrides.credentials },
  };
  return initialSiteContext({ forms, passwordChecklist: [], session: martineSession(), ...rest });
}
