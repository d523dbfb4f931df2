const checksumAlphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';

/** Turns a 15-character Salesforce id into its case-safe 18-character form. */
export function to18(id: string): string {
  if (id.length !== 15 && id.length !== 18) throw new Error(`Not a Salesforce id: ${id}`);
  const id15 = id.slice(0, 15);
  return id15 + suffixOf(id15);
}

function suffixOf(id15: string): string {
  let suffix = '';
  for (let chunk = 0; chunk < 3; chunk++) {
    let bits = 0;
    for (let i = 0; i < 5; i++) {
      const c = id15.charAt(chunk * 5 + i);
      if (c >= 'A' && c <= 'Z') bits |= 1 << i;
    }
    suffix += checksumAlphabet.charAt(bits);
  }
  return suffix;
}

const idPattern = /^[a-zA-Z0-9]{15}(?:[A-Z0-5]{3})?$/;

/** True for a well-formed 15- or 18-character id (an 18-character one must carry its checksum). */
export function isRecordId(value: string): boolean {
  if (!idPattern.test(value)) return false;
  return value.length === 15 || to18(value.slice(0, 15)) === value;
}

/** The 18-character form of a 15- or 18-character id, or null when it is not an id. */
export function normalizeRecordId(value: string): string | null {
  if (value.length === 15 && /^[a-zA-Z0-9]{15}$/.test(value)) return to18(value);
  // The suffix only encodes the case of the first 15 characters, so it is recomputed.
  if (value.length === 18 && /^[a-zA-Z0-9]{18}$/.test(value)) return to18(value);
  return null;
}

export const keyPrefixes = {
  Account: '001',
  Opportunity: '006',
  User: '005',
  Organization: '00D',
  Event: '00U',
} as const;
