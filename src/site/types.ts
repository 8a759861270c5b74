import type {
  ApiErrorCode,
  CardType,
  ContactKind,
  Decision,
  NewCodeResponse,
  ProfileSummary,
  SessionView,
} from '../api/types';
import type { RuleSet } from '../scenarios/schema';

/**
 * What the site machine knows and what screens may send it. Screens render `SiteView` (derived from
 * a snapshot) and emit `SiteEvent`s; they hold no business state of their own.
 */

/** The screen ids of the recreated site (DESIGN.md §1), as states of the site machine: the one list of them. */
export const SCREEN_IDS = [
  'home', // S1
  'start', // S2
  'identify', // S3
  'decision', // S4, S5, S9
  'confirmOpposition', // S10
  'opposed', // S11
  'contacts', // S6
  'editContact', // S13 (email) / S15 (mobile)
  'verifyContact', // S14 / S16
  'credentials', // S7
  'activated', // S8
  'newCode', // S17
  'delivery', // S18
  'codeSent', // after « Valider » on S18
  'blocked', // a full-page error of the real service (expired code, already activated, …)
  'notCovered', // a journey the seed does not cover (« Me connecter », « Découvrir », …)
] as const;

export type ScreenId = (typeof SCREEN_IDS)[number];

/** i18n key of a message, in namespace "errors" (e.g. "nir.length"), with optional values. */
export interface Message {
  key: string;
  values?: Record<string, string>;
}

export interface IdentifyForm {
  code: string;
  nir: string;
  cardType: CardType | '';
  serial: string;
}

export interface NewCodeForm {
  nir: string;
  /** As typed: jj/mm/aaaa. */
  birthDate: string;
  cardType: CardType | '';
  serial: string;
}

export interface DecisionForm {
  choice: Decision | '';
  cgu: boolean;
}

export interface ContactForm {
  /** The new value being typed (e-mail or mobile). */
  value: string;
  otp: string;
}

export interface CredentialsForm {
  login: string;
  password: string;
  confirm: string;
}

export interface Forms {
  identify: IdentifyForm;
  newCode: NewCodeForm;
  decision: DecisionForm;
  contact: ContactForm;
  credentials: CredentialsForm;
}

export type FormName = keyof Forms;

/** One rule of the password checklist, ticked live as the user types. */
export interface PasswordRuleState {
  /** i18n key in namespace "errors", e.g. "password.rule.minLength". */
  id: string;
  key: string;
  ok: boolean;
}

/** Why the site shows a full-page message instead of a form. */
export type BlockerCode = Extract<
  ApiErrorCode,
  'CODE_EXPIRED' | 'CODE_ALREADY_USED' | 'PROFILE_ALREADY_EXISTS' | 'DECEASED_INDIVIDUAL' | 'SESSION_TIMED_OUT' | 'CONTACTS_NOT_FOUND'
>;

/** Which uncovered journey was asked for. */
export type NotCoveredId = 'login' | 'discover' | 'otherProfile' | 'help' | 'cgu' | 'privacy';

export interface SiteContext {
  ruleSet: RuleSet;
  forms: Forms;
  /** Field errors by "form.field" (e.g. "identify.nir"), shown next to the field. */
  fieldErrors: Record<string, Message>;
  /** An error of the whole form (server refusal), shown above its submit button. */
  formError: Message | null;
  /** Identifier suggestions offered after LOGIN_ALREADY_EXISTS. */
  loginSuggestions: string[];
  passwordChecklist: PasswordRuleState[];
  /** The identified person whose space is being decided (the parent, or a child being managed). */
  session: SessionView | null;
  /** The legal representative's session while one of her children is managed. */
  parentSession: SessionView | null;
  profiles: ProfileSummary[];
  /** The contact being changed, and where to go back afterwards. */
  contactKind: ContactKind;
  contactReturn: 'contacts' | 'delivery';
  /** Where the one-time code was sent (as the site shows it). */
  otpSentTo: string;
  /** New-code request answered by the backend (S18). */
  delivery: NewCodeResponse | null;
  /** True once the justificatif has been downloaded (the backend refuses a second time). */
  proofDownloaded: boolean;
  /** The legal representative's own `proofDownloaded`, kept while one of her children is managed. */
  parentProofDownloaded: boolean;
  /** A confirmation shown once, e.g. « Adresse e-mail modifiée ». */
  notice: Message | null;
  blocker: BlockerCode | null;
  notCovered: NotCoveredId | null;
  /** True while a request is in flight: buttons show it and refuse a second submission. */
  busy: boolean;
}

export type SiteEvent =
  /** S1 « Activer Mon espace santé ». */
  | { type: 'ACTIVATE_SPACE' }
  /** S2 « Commencer ». */
  | { type: 'BEGIN' }
  /** « Générer un nouveau code provisoire » (S2, S3). */
  | { type: 'NEW_CODE' }
  /** A journey the seed does not cover. */
  | { type: 'NOT_COVERED'; which: NotCoveredId }
  /** The back arrow, « Retour » and « Annuler ». */
  | { type: 'BACK' }
  /** The user types in a field: the value is kept whatever happens next. */
  | { type: 'FIELD'; form: 'identify'; field: keyof IdentifyForm; value: string }
  | { type: 'FIELD'; form: 'newCode'; field: keyof NewCodeForm; value: string }
  | { type: 'FIELD'; form: 'contact'; field: keyof ContactForm; value: string }
  | { type: 'FIELD'; form: 'credentials'; field: keyof CredentialsForm; value: string }
  | { type: 'CHOOSE'; choice: Decision }
  | { type: 'TOGGLE_CGU'; checked: boolean }
  /** The screen's main button (« Continuer », « Valider »). */
  | { type: 'SUBMIT' }
  /** S6 / S18: modify the e-mail or the mobile. */
  | { type: 'EDIT_CONTACT'; kind: ContactKind }
  /** S14 / S16 « Envoyer à nouveau le code ». */
  | { type: 'RESEND' }
  /** S11 « Télécharger le justificatif ». */
  | { type: 'DOWNLOAD_PROOF' }
  /** S11 « Gérer le profil » of a child. */
  | { type: 'MANAGE_PROFILE'; profileId: string }
  /** Back to the site's home page (logo, full-page errors). */
  | { type: 'HOME' }
  | { type: 'DISMISS_NOTICE' };

export type SessionPerson = SessionView['person'];
