/**
 * The contract between the site (client) and the simulated backend. Both sides import these types,
 * so a change of shape is a compile error on both ends.
 */

export type CardType = 'sans-photo' | 'avec-photo';
export type ContactKind = 'email' | 'mobile';
export type Decision = 'activate' | 'oppose';
/** Status of a person's space, as the real service reports it. */
export type ProfileStatus = 'pending' | 'activated' | 'opposed';
export type Channel = 'email' | 'sms' | 'letter';

/** Server error codes: those of the real service, plus a few of the simulator's own. */
export type ApiErrorCode =
  | 'NO_USER_FOUND'
  | 'CODE_EXPIRED'
  | 'CODE_ALREADY_USED'
  | 'PROFILE_ALREADY_EXISTS'
  | 'CONTACTS_NOT_FOUND'
  | 'MIN_DELAY_ERROR'
  | 'SESSION_TIMED_OUT'
  | 'LOGIN_ALREADY_EXISTS'
  | 'WEAK_PASSWORD'
  | 'WEAK_PASSWORD_PERSONAL'
  | 'DECEASED_INDIVIDUAL'
  | 'WRONG_OTP'
  | 'PROOF_ALREADY_DOWNLOADED'
  | 'NOT_LEGAL_REPRESENTATIVE'
  | 'INVALID_REQUEST'
  | 'SERVER_ERROR';

export interface ApiErrorBody {
  code: ApiErrorCode;
  message: string;
  /** Extra data for some errors, e.g. identifier suggestions for LOGIN_ALREADY_EXISTS. */
  details?: { suggestions?: string[]; field?: string };
}

export interface Contacts {
  /** Full address; the site shows it to its owner once identified. Null when none on file. */
  email: string | null;
  /** National format, digits only: "0611121314". Null when none on file. */
  mobile: string | null;
}

export interface PersonView {
  firstName: string;
  /** Further given names, as on the justificatif (« Martine Julie »). */
  middleNames: string;
  lastName: string;
  /** ISO date yyyy-mm-dd. */
  birthDate: string;
  /** 15 characters, no spaces. For a child, the legal representative's NIR. */
  nir: string;
}

export interface ProfileSummary {
  id: string;
  firstName: string;
  lastName: string;
  birthDate: string;
  status: ProfileStatus;
  /** ISO date of the decision when status is opposed or activated. */
  decidedAt: string | null;
}

export interface IdentifyRequest {
  code: string;
  nir: string;
  cardType: CardType;
  serial: string;
}

/** An identified session: the person whose space is being decided, and who acts for them. */
export interface SessionView {
  sessionId: string;
  person: PersonView;
  /** True when the person is a minor managed by the legal representative. */
  isChild: boolean;
  contacts: Contacts;
  status: ProfileStatus;
  decidedAt: string | null;
}

export interface DecisionRequest {
  decision: Decision;
  cguAccepted: boolean;
}

export interface DecisionResponse {
  status: ProfileStatus;
  decidedAt: string | null;
}

export interface ContactChangeRequest {
  value: string;
}

export interface ContactChangeResponse {
  /** Where the one-time code went, as the site shows it. */
  sentTo: string;
}

export interface ContactVerifyRequest {
  otp: string;
}

export interface ContactVerifyResponse {
  contacts: Contacts;
}

export interface CredentialsRequest {
  login: string;
  password: string;
}

export interface CredentialsResponse {
  status: 'activated';
  decidedAt: string;
}

export interface OppositionProof {
  /** The person opposed: name as on the justificatif. */
  firstName: string;
  middleNames: string;
  lastName: string;
  nir: string;
  /** ISO date of the opposition. */
  opposedAt: string;
}

export interface NewCodeRequest {
  nir: string;
  /** ISO date yyyy-mm-dd: the person's own, or one of her children's. */
  birthDate: string;
  cardType: CardType;
  serial: string;
}

export interface NewCodeResponse {
  sessionId: string;
  channel: Exclude<Channel, 'letter'>;
  /** Masked destination: « mar*****@example.fr » or « 06 ** ** ** 14 ». */
  maskedDestination: string;
  contacts: Contacts;
  /** Whose code this is (the child's first name when a child's birth date was given). */
  forFirstName: string;
}

export interface NewCodeSendResponse {
  channel: Exclude<Channel, 'letter'>;
  maskedDestination: string;
}

/** A message received by the simulated inbox (e-mail) or phone (SMS). */
export interface InboxMessage {
  id: string;
  channel: 'email' | 'sms';
  /** The address or number it was sent to. */
  to: string;
  /** i18n key of the subject (e-mail) in namespace "inbox". */
  subjectKey: string;
  /** i18n key of the body in namespace "inbox", with its values. */
  bodyKey: string;
  values: Record<string, string>;
  /** ISO timestamp. */
  receivedAt: string;
}

export interface InboxResponse {
  messages: InboxMessage[];
}
