/**
 * Resident ID numbers (GB 11643-1999), checked the way the server checks them, so a typo is
 * caught before anything is sent.
 */

/** Why an ID number is not valid; each has its own message (locale key member.idNumberProblem). */
export type IdNumberProblem = 'length' | 'characters' | 'birth_date' | 'checksum';

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARACTERS = '10X98765432';
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** The check character (0–9 or X) that the 17 leading digits call for. */
export function idNumberCheckCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i += 1) sum += Number(first17[i]) * (WEIGHTS[i] ?? 0);
  return CHECK_CHARACTERS[sum % 11] ?? '';
}

function isValidDate(year: number, month: number, day: number): boolean {
  if (year < 1900 || year > 2199 || month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = (DAYS_IN_MONTH[month - 1] ?? 0) + (month === 2 && leap ? 1 : 0);
  return day <= days;
}

/** The number trimmed, with a lower-case x made upper-case. */
export function normaliseIdNumber(text: string): string {
  return text.trim().replace(/x$/, 'X');
}

/** What is wrong with an ID number, or null when it is valid. */
export function checkIdNumber(text: string): IdNumberProblem | null {
  const id = normaliseIdNumber(text);
  if (id.length !== 18) return 'length';
  if (!/^\d{17}[\dX]$/.test(id)) return 'characters';
  const year = Number(id.slice(6, 10));
  const month = Number(id.slice(10, 12));
  const day = Number(id.slice(12, 14));
  if (!isValidDate(year, month, day)) return 'birth_date';
  if (idNumberCheckCharacter(id.slice(0, 17)) !== id[17]) return 'checksum';
  return null;
}

/** The 11-digit mobile number (spaces, dashes and a +86 prefix removed), or null if invalid. */
export function normalisePhone(text: string): string | null {
  const trimmed = text.trim();
  if (!/^[\d\s+-]*$/.test(trimmed)) return null;
  let digits = trimmed.replace(/\D/g, '');
  if (digits.length === 13 && digits.startsWith('86')) digits = digits.slice(2);
  return /^1[3-9]\d{9}$/.test(digits) ? digits : null;
}
