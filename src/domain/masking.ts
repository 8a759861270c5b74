import { checkMobile } from './mobile';

/**
 * "martine.leguellec@example.fr" → "mar*****@example.fr": the first three characters of the local
 * part (fewer if it is shorter), then always five stars, so the mask does not reveal its length.
 */
export function maskEmail(email: string): string {
  const e = email.trim();
  const at = e.lastIndexOf('@');
  const local = at < 0 ? e : e.slice(0, at);
  const domain = at < 0 ? '' : e.slice(at);
  return Array.from(local).slice(0, 3).join('') + '*****' + domain;
}

/** "0611121314" → "06 ** ** ** 14". A value that is not a mobile number is fully masked. */
export function maskMobile(mobile: string): string {
  const c = checkMobile(mobile);
  if (!c.ok) return '** ** ** ** **';
  return `${c.value.slice(0, 2)} ** ** ** ${c.value.slice(8)}`;
}
