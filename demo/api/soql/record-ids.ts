import { to18 } from '../../../lib/model/record-id.ts';

const idChars = /^[a-zA-Z0-9]+$/;
const suffixAlphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';

/**
 * The exact 18-character id a literal names, or null when it is not an id. A 15-character id is
 * case-sensitive; an 18-character one is case-insensitive because its suffix records which of the
 * first 15 characters are upper case, so the case is restored from the suffix before comparing.
 */
export function canonicalId(literal: string): string | null {
  if (!idChars.test(literal)) return null;
  if (literal.length === 15) return to18(literal);
  if (literal.length !== 18) return null;
  const suffix = literal.slice(15).toUpperCase();
  let id15 = '';
  for (let chunk = 0; chunk < 3; chunk++) {
    const bits = suffixAlphabet.indexOf(suffix.charAt(chunk));
    if (bits === -1) return null;
    for (let i = 0; i < 5; i++) {
      const c = literal.charAt(chunk * 5 + i);
      id15 += bits & (1 << i) ? c.toUpperCase() : c.toLowerCase();
    }
  }
  const id = to18(id15);
  // A suffix claiming upper case on a digit cannot come from a real id.
  return id.slice(15) === suffix ? id : null;
}
