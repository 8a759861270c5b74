import type { ChildData, PersonaData } from '../../scenarios/schema';
import { isoToFr } from '../../domain/dates';
import { pad2 } from '../../domain/text';
import { currentLanguage, t, type Language } from '../../i18n';

/**
 * The variables of the real notification (seed T4: `$(vars["eens.…"])`), filled from a persona or one
 * of her minor children. The e-mail and the letter are written once, in locales/<lang>/slides.json,
 * with i18next placeholders named like these variables without the `eens.` prefix
 * (`{{PrenomFuturTitulaire}}`, `{{URL.Site}}`…). No DOM and no lit here: the PDF module uses it too.
 */
export interface NotificationVars {
  PrenomFuturTitulaire: string;
  NomFuturTitulaire: string;
  CodeEnrolement: string;
  /** In months, as the seed's template writes « $(vars["eens.DelaiOpposition"]) mois ». */
  DelaiOpposition: string;
  'URL.Site': string;
  SignatureCourrier: string;
  'URL.Site.Juridique': string;
}

/** The service's address, as the seed's e-mail and letter print it (not a link: the simulator stays offline). */
export const SITE_URL = 'monespacesante.fr';
export const LEGAL_URL = 'monespacesante.fr/protection-donnees-personnelles';
/** The seed's e-mail and letter say « 1 mois » (the law now says 6 weeks: the seed is the reference here). */
export const OPPOSITION_DELAY_MONTHS = '1';

/** Whose code a notification carries: the persona herself, or one of her minor children. */
export interface NotificationRecipient {
  /** The persona's or the child's id: stable, used in hotspot names. */
  id: string;
  firstName: string;
  lastName: string;
  code: string;
  child: ChildData | null;
}

/**
 * The values of the notification's variables for the persona or, with `child`, for that child
 * (the child's letter and e-mail go to the legal representative but name and code the child).
 * Deterministic: the only translated value, the signature, is read for `lang` explicitly.
 */
export function renderNotificationVars(
  persona: PersonaData,
  child?: ChildData,
  lang: Language = currentLanguage(),
): NotificationVars {
  const holder = child ?? persona;
  return {
    PrenomFuturTitulaire: holder.firstName,
    NomFuturTitulaire: holder.lastName,
    CodeEnrolement: holder.provisionalCode,
    DelaiOpposition: OPPOSITION_DELAY_MONTHS,
    'URL.Site': SITE_URL,
    SignatureCourrier: t('slides:notice.signature', { lng: lang }),
    'URL.Site.Juridique': LEGAL_URL,
  };
}

/** The persona first, then each minor child, in the scenario's order: one e-mail or letter each. */
export function notificationRecipients(persona: PersonaData): NotificationRecipient[] {
  return [
    { id: persona.id, firstName: persona.firstName, lastName: persona.lastName, code: persona.provisionalCode, child: null },
    ...persona.children.map((child) => ({
      id: child.id,
      firstName: child.firstName,
      lastName: child.lastName,
      code: child.provisionalCode,
      child,
    })),
  ];
}

/**
 * A key of the notification templates, filled with the variables. `count` picks the plural form of
 * the sentences that state the delay (English needs « month » / « months »).
 */
export function fillTemplate(key: string, vars: NotificationVars, lang: Language = currentLanguage()): string {
  return t(key, { ...vars, count: Number(vars.DelaiOpposition), lng: lang });
}

/** The letter's date, « JJ/MM/AAAA », from the calendar day of the person at the keyboard. */
export function formatLetterDate(date: Date): string {
  return isoToFr(`${date.getFullYear()}-${pad2(date.getMonth() + 1)}-${pad2(date.getDate())}`);
}

/** The templates mark emphasis with <b>…</b>: what is neither a tag nor emphasis stays plain text. */
export interface RichPart {
  text: string;
  bold: boolean;
}

/**
 * Splits a translated string on its <b>…</b> marks. Only these two tags are read; anything else,
 * including a name typed with angle brackets, stays text, so no markup from a scenario reaches the DOM.
 */
export function parseRich(text: string): RichPart[] {
  const parts: RichPart[] = [];
  let bold = false;
  for (const piece of text.split(/(<\/?b>)/)) {
    if (piece === '<b>') bold = true;
    else if (piece === '</b>') bold = false;
    else if (piece !== '') parts.push({ text: piece, bold });
  }
  return parts;
}

/** The same text without its emphasis marks, for the PDF and for comparisons. */
export function plainText(text: string): string {
  return parseRich(text)
    .map((part) => part.text)
    .join('');
}

/** Every line of one notification letter, in reading order: the slide and the PDF lay out the same text. */
export interface LetterContent {
  /** « Mon nom ou celui de mon ayant droit : » and the beneficiary, surname first, in capitals. */
  beneficiaryLabel: string;
  beneficiary: string;
  helpline: string;
  helplineDetail: string;
  /** The address block: the legal representative, whoever the letter is for. */
  addressLines: string[];
  date: string;
  heading: string;
  salutation: string;
  intro: string;
  featuresIntro: string;
  features: string[];
  from2022: string;
  futureFeatures: string[];
  creation: string;
  choices: string[];
  codeFor: string;
  code: string;
  validity: string;
  closing: string;
  signature: string;
  legal: string;
}

/**
 * The letter of the seed (T5) for the persona or, with `child`, for that child: addressed to the
 * persona, naming the child and carrying the child's code. Emphasis marks are removed: a letter is
 * plain text. The address is a fixed fictitious one (the scenario's persona has no postal address).
 */
export function letterContent(
  persona: PersonaData,
  child: ChildData | undefined,
  date: Date,
  lang: Language = currentLanguage(),
): LetterContent {
  const vars = renderNotificationVars(persona, child, lang);
  const fill = (key: string) => plainText(fillTemplate(`slides:${key}`, vars, lang));
  const tr = (key: string, values: Record<string, string> = {}) => plainText(t(`slides:${key}`, { lng: lang, ...values }));
  const upper = (s: string) => s.toLocaleUpperCase('fr');
  const holder = child ?? persona;
  return {
    beneficiaryLabel: tr('letter.beneficiaryLabel'),
    beneficiary: `${upper(holder.lastName)} ${upper(holder.firstName)}`,
    helpline: tr('letter.helpline'),
    helplineDetail: tr('letter.helplineDetail'),
    addressLines: [
      `${tr(`letter.civility${persona.sex}`)} ${upper(persona.lastName)} ${upper(persona.firstName)}`,
      upper(tr('letter.addressLine1')),
      upper(tr('letter.addressLine2')),
    ],
    date: tr('letter.date', { date: formatLetterDate(date) }),
    heading: tr('letter.heading'),
    salutation: tr(`letter.salutation${persona.sex}`, { lastName: persona.lastName }),
    intro: fill('notice.intro'),
    featuresIntro: fill('notice.featuresIntro'),
    features: [fill('notice.featureDmp'), fill('notice.featureMessaging')],
    from2022: fill('notice.from2022'),
    futureFeatures: [fill('notice.featureAgenda'), fill('notice.featureApps')],
    creation: fill('letter.creation'),
    choices: [fill('letter.activate'), fill('letter.oppose')],
    codeFor: fill('letter.codeFor'),
    code: vars.CodeEnrolement,
    validity: fill('letter.validity'),
    closing: fill('notice.closing'),
    signature: fill('letter.signature'),
    legal: fill('letter.legal'),
  };
}
