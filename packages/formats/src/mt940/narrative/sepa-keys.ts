import type { EntryReferences } from '../../types';

/**
 * SEPA keywords in German remittance text (`EREF+…SVWZ+…`), as the DFÜ agreement (Anlage 3)
 * lists them. Matched only as whole keys; the value runs to the next key.
 */
const KEYS: ReadonlyMap<string, string> = new Map(
  ['EREF', 'KREF', 'MREF', 'CRED', 'DEBT', 'SVWZ', 'ABWA', 'ABWE', 'IBAN', 'BIC', 'COAM', 'OAMT', 'PURP', 'RREF', 'BREF', 'ORCR', 'ORMR'].map((k): [string, string] => [k, k]),
);

const isLetter = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);

/**
 * `EREF+x SVWZ+y` → `[['EREF', 'x'], ['SVWZ', 'y']]`, or undefined when the text has no key. A key
 * counts only at the start or after a non-letter (so `XIBAN+` inside a word is text). Text before
 * the first key comes back under the empty key. Scans the `+` signs, not the text with a pattern;
 * keys come back as shared constant strings.
 */
export function readSepaKeys(text: string): Array<[string, string]> | undefined {
  // One pass: each key's value is cut when the next key is found (a key never overlaps the one
  // before it, since keys are letters and the `+` of the one before is not).
  let out: Array<[string, string]> | undefined;
  let key = '';
  let valueAt = 0;
  for (let plus = text.indexOf('+'); plus >= 0; plus = text.indexOf('+', plus + 1)) {
    const found = keyBefore(text, plus, 4) ?? keyBefore(text, plus, 3);
    if (found === undefined) continue;
    const at = plus - found.length;
    if (out === undefined) {
      out = [];
      const lead = text.slice(0, at).trim();
      if (lead !== '') out.push(['', lead]);
    } else {
      out.push([key, text.slice(valueAt, at).trim()]);
    }
    key = found;
    valueAt = plus + 1;
  }
  if (out === undefined) return undefined;
  out.push([key, text.slice(valueAt).trim()]);
  return out;
}

/** The key of `length` letters that ends at the `+` at `plus`, at the start or after a non-letter. */
function keyBefore(text: string, plus: number, length: number): string | undefined {
  const at = plus - length;
  if (at < 0 || (at > 0 && isLetter(text.charCodeAt(at - 1)))) return undefined;
  // Every key is upper-case letters: most `+` signs (`+49`, `a + b`) fail this without a slice.
  for (let i = at; i < plus; i++) {
    const c = text.charCodeAt(i);
    if (c < 65 || c > 90) return undefined;
  }
  return KEYS.get(text.slice(at, plus));
}

/** `value.toUpperCase() === 'NOTPROVIDED'` without the upper-case copy for values of another length. */
const isNotProvided = (value: string) => value.length === 11 && value.toUpperCase() === 'NOTPROVIDED';

/** The references SEPA keys carry, or undefined for none. `NOTPROVIDED` (the SEPA "no end-to-end id") is dropped. */
export function sepaReferences(keys: Array<[string, string]>): EntryReferences | undefined {
  let refs: EntryReferences | undefined;
  for (const [key, value] of keys) {
    if (value === '') continue;
    if (key === 'EREF' && !isNotProvided(value)) (refs ??= {}).endToEndId ??= value;
    else if (key === 'KREF' && !isNotProvided(value)) (refs ??= {}).customerReferenceSepa ??= value;
    else if (key === 'MREF') (refs ??= {}).mandateId ??= value;
    else if (key === 'CRED') (refs ??= {}).creditorId ??= value;
  }
  return refs;
}
