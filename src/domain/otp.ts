import { type Check, invalid, valid } from './check';
import { stripSpaces } from './text';

export const OTP_LENGTH = 6;

/** The one-time code sent by e-mail or SMS; spaces typed between digits are ignored. */
export function checkOtp(input: string): Check {
  const otp = stripSpaces(input);
  if (otp === '') return invalid('otp.required');
  if (!/^\d{6}$/.test(otp)) return invalid('otp.format');
  return valid(otp);
}
