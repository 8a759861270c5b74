import type { ApiErrorBody, ApiErrorCode } from '../api/types';

/**
 * The simulated service's refusals. The store throws them; the handlers turn them into the JSON
 * error bodies and HTTP statuses the real service answers with.
 */
export class BackendError extends Error {
  readonly code: ApiErrorCode;
  readonly details?: ApiErrorBody['details'];

  constructor(code: ApiErrorCode, details?: ApiErrorBody['details']) {
    super(ERROR_MESSAGES[code]);
    this.name = 'BackendError';
    this.code = code;
    if (details !== undefined) this.details = details;
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }

  toBody(): ApiErrorBody {
    return { code: this.code, message: this.message, ...(this.details !== undefined && { details: this.details }) };
  }
}

/**
 * HTTP statuses: 4xx for what the person can act on, 401 when the session is gone (start again),
 * 410 for what existed and is no more, 429 for the anti-abuse delay.
 */
export const ERROR_STATUS: Readonly<Record<ApiErrorCode, number>> = {
  NO_USER_FOUND: 404,
  CODE_EXPIRED: 410,
  CODE_ALREADY_USED: 409,
  PROFILE_ALREADY_EXISTS: 409,
  // The person exists, but the request cannot be fulfilled with what is on file.
  CONTACTS_NOT_FOUND: 422,
  MIN_DELAY_ERROR: 429,
  SESSION_TIMED_OUT: 401,
  LOGIN_ALREADY_EXISTS: 409,
  WEAK_PASSWORD: 400,
  WEAK_PASSWORD_PERSONAL: 400,
  DECEASED_INDIVIDUAL: 403,
  WRONG_OTP: 400,
  PROOF_ALREADY_DOWNLOADED: 410,
  NOT_LEGAL_REPRESENTATIVE: 403,
  INVALID_REQUEST: 400,
  SERVER_ERROR: 500,
};

/**
 * The server's own wording (French, as the real service writes it). Screens translate by `code`
 * from the locales; this text is what a developer sees in the network panel.
 */
export const ERROR_MESSAGES: Readonly<Record<ApiErrorCode, string>> = {
  NO_USER_FOUND: "Nous n'avons pas réussi à vous identifier. Veuillez vérifier votre saisie.",
  CODE_EXPIRED: 'Votre code provisoire a expiré.',
  CODE_ALREADY_USED: 'Votre code provisoire a déjà été utilisé.',
  PROFILE_ALREADY_EXISTS: 'Un profil a déjà été créé pour cette personne.',
  CONTACTS_NOT_FOUND: 'Nous avons besoin de vos coordonnées.',
  MIN_DELAY_ERROR: 'Une erreur est survenue. Veuillez attendre 30 secondes puis réessayez.',
  SESSION_TIMED_OUT: 'Votre session a expiré.',
  LOGIN_ALREADY_EXISTS: 'Cet identifiant existe déjà. Veuillez en saisir un nouveau.',
  WEAK_PASSWORD: "Le mot de passe saisi n'est pas assez sécurisé. Veuillez réessayer.",
  WEAK_PASSWORD_PERSONAL: 'Le mot de passe saisi contient des informations personnelles. Veuillez réessayer',
  DECEASED_INDIVIDUAL: 'Ce profil ne peut pas être activé.',
  WRONG_OTP: 'Vérifier le code à usage unique et réessayer.',
  PROOF_ALREADY_DOWNLOADED: "Le justificatif d'opposition a déjà été téléchargé.",
  NOT_LEGAL_REPRESENTATIVE:
    "Seul le représentant légal auquel l'enfant est rattaché a accès à ce profil.",
  INVALID_REQUEST: 'La demande est invalide.',
  SERVER_ERROR: 'Une erreur est survenue, veuillez réessayer plus tard',
};
