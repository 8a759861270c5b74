import { formatMobile, formatNir, isoToFr, serialToType } from '../domain';
import type { InboxMessage } from '../api/types';
import type { PersonaData } from '../scenarios/schema';

/**
 * Placeholders of scenario values: `{{persona.nirFormatted}}`, `{{children.0.provisionalCode}}`,
 * `{{inbox.otp}}`… A step types what the persona would, read from her documents or her inbox.
 */
export function personaValues(persona: PersonaData): Record<string, string> {
  const values: Record<string, string> = {
    'persona.firstName': persona.firstName,
    'persona.middleNames': persona.middleNames,
    'persona.lastName': persona.lastName,
    'persona.fullName': `${persona.firstName} ${persona.lastName}`,
    'persona.birthDate': persona.birthDate,
    'persona.birthDateFr': isoToFr(persona.birthDate),
    'persona.nir': persona.nir.replace(/\s+/g, ''),
    'persona.nirFormatted': formatNir(persona.nir.replace(/\s+/g, '')),
    'persona.provisionalCode': persona.provisionalCode,
    'persona.card.type': persona.card.type,
    'persona.card.serial': persona.card.serial,
    'persona.serialToType': serialToType(persona.card.serial, persona.card.type),
    'persona.email': persona.email ?? '',
    'persona.mobile': persona.mobile ? formatMobile(persona.mobile.replace(/\D/g, '').replace(/^33/, '0')) : '',
  };
  persona.children.forEach((child, i) => {
    values[`children.${i}.firstName`] = child.firstName;
    values[`children.${i}.lastName`] = child.lastName;
    values[`children.${i}.birthDate`] = child.birthDate;
    values[`children.${i}.birthDateFr`] = isoToFr(child.birthDate);
    values[`children.${i}.provisionalCode`] = child.provisionalCode;
    values[`children.${i}.id`] = child.id;
  });
  return values;
}

/** The newest one-time code and provisional code the simulated inbox and phone received. */
export function inboxValues(messages: readonly InboxMessage[]): Record<string, string> {
  const values: Record<string, string> = {};
  for (const m of messages) {
    // Newest first: keep the first seen of each.
    if (m.values.otp && !values['inbox.otp']) values['inbox.otp'] = m.values.otp;
    if (m.values.code && !values['inbox.code']) values['inbox.code'] = m.values.code;
  }
  return values;
}

const PLACEHOLDER = /\{\{\s*([\w.]+)\s*\}\}/g;

/** Names of the placeholders a text uses. */
export function placeholdersOf(template: string): string[] {
  return [...template.matchAll(PLACEHOLDER)].map((m) => m[1] ?? '');
}

/** Fills the placeholders; an unknown one is left as is, so that a scenario's mistake shows. */
export function fillTemplate(template: string, values: Record<string, string>): string {
  return template.replace(PLACEHOLDER, (whole, name: string) => values[name] ?? whole);
}

export function needsInbox(template: string): boolean {
  return placeholdersOf(template).some((name) => name.startsWith('inbox.'));
}
