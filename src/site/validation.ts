import {
  checkBirthDate,
  checkCardType,
  checkEmail,
  checkIdentifier,
  checkMobile,
  checkNir,
  checkOtp,
  checkPassword,
  checkPasswordConfirm,
  checkProvisionalCode,
  checkSerial,
  type Check,
} from '../domain';
import type { CardType, ContactKind, IdentifyRequest, NewCodeRequest } from '../api/types';
import type { RuleSet } from '../scenarios/schema';
import type { CredentialsForm, ContactForm, IdentifyForm, Message, NewCodeForm, SessionPerson } from './types';

/**
 * Form-level validation: the domain's rules applied to each form, giving the field errors that the
 * screens show. Used by the site machine's guards and actions, never by the screens.
 */
export type FieldErrors = Record<string, Message>;

function collect(form: string, checks: Record<string, Check<unknown>>): FieldErrors {
  const errors: FieldErrors = {};
  for (const [field, result] of Object.entries(checks)) {
    if (!result.ok) errors[`${form}.${field}`] = { key: result.error };
  }
  return errors;
}

export function validateIdentify(form: IdentifyForm): FieldErrors {
  const nir = checkNir(form.nir);
  return collect('identify', {
    code: checkProvisionalCode(form.code),
    nir,
    cardType: checkCardType(form.cardType),
    serial: checkSerial(form.serial, form.cardType, nir.ok ? nir.value : undefined),
  });
}

export function validateNewCode(form: NewCodeForm, today: Date): FieldErrors {
  const nir = checkNir(form.nir);
  return collect('newCode', {
    nir,
    birthDate: checkBirthDate(form.birthDate, today),
    cardType: checkCardType(form.cardType),
    serial: checkSerial(form.serial, form.cardType, nir.ok ? nir.value : undefined),
  });
}

export function validateContactValue(form: ContactForm, kind: ContactKind): FieldErrors {
  return collect('contact', { value: kind === 'email' ? checkEmail(form.value) : checkMobile(form.value) });
}

export function validateOtp(form: ContactForm): FieldErrors {
  return collect('contact', { otp: checkOtp(form.otp) });
}

export function validateCredentials(form: CredentialsForm, ruleSet: RuleSet, person: SessionPerson | null): FieldErrors {
  return collect('credentials', {
    login: checkIdentifier(form.login, ruleSet, { nir: person?.nir }),
    password: checkPassword(form.password, ruleSet, {
      firstName: person?.firstName,
      lastName: person?.lastName,
      birthDate: person?.birthDate,
      nir: person?.nir,
      login: form.login,
    }),
    confirm: checkPasswordConfirm(form.password, form.confirm),
  });
}

/** The normalised value a check accepted (e.g. NIR without spaces), or the raw input. */
export function normalised<T>(check: Check<T>, raw: T): T {
  return check.ok ? check.value : raw;
}

export const isEmpty = (errors: FieldErrors): boolean => Object.keys(errors).length === 0;

/** The identification as the service receives it: each value normalised by the rule that accepted it. */
export function identifyRequest(form: IdentifyForm): IdentifyRequest {
  const nir = checkNir(form.nir);
  const serial = checkSerial(form.serial, form.cardType, nir.ok ? nir.value : undefined);
  return {
    code: normalised(checkProvisionalCode(form.code), form.code),
    nir: normalised(nir, form.nir),
    cardType: form.cardType as CardType,
    serial: normalised(serial, form.serial),
  };
}

export function newCodeRequest(form: NewCodeForm, today: Date): NewCodeRequest {
  const nir = checkNir(form.nir);
  const serial = checkSerial(form.serial, form.cardType, nir.ok ? nir.value : undefined);
  return {
    nir: normalised(nir, form.nir),
    birthDate: normalised(checkBirthDate(form.birthDate, today), form.birthDate),
    cardType: form.cardType as CardType,
    serial: normalised(serial, form.serial),
  };
}

/** The new e-mail or mobile as the service receives it (a mobile without spaces, an e-mail trimmed). */
export function contactValue(form: ContactForm, kind: ContactKind): string {
  return normalised(kind === 'email' ? checkEmail(form.value) : checkMobile(form.value), form.value);
}
