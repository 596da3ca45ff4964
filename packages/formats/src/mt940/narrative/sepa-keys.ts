import type { EntryReferences } from '../../types';

/**
 * SEPA keywords in German remittance text (`EREF+…SVWZ+…`), as the DFÜ agreement (Anlage 3)
 * lists them. Matched only as whole keys; the value runs to the next key.
 */
const KEYS: ReadonlySet<string> = new Set(['EREF', 'KREF', 'MREF', 'CRED', 'DEBT', 'SVWZ', 'ABWA', 'ABWE', 'IBAN', 'BIC', 'COAM', 'OAMT', 'PURP', 'RREF', 'BREF', 'ORCR', 'ORMR']);

const isLetter = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);

/**
 * `EREF+x SVWZ+y` → `[['EREF', 'x'], ['SVWZ', 'y']]`, or undefined when the text has no key. A key
 * counts only at the start or after a non-letter (so `XIBAN+` inside a word is text). Text before
 * the first key comes back under the empty key. Scans the `+` signs, not the text with a pattern.
 */
export function readSepaKeys(text: string): Array<[string, string]> | undefined {
  const hits: Array<{ key: string; at: number; valueAt: number }> = [];
  for (let plus = text.indexOf('+'); plus >= 0; plus = text.indexOf('+', plus + 1)) {
    for (const length of [4, 3]) {
      const at = plus - length;
      if (at < 0 || (at > 0 && isLetter(text.charCodeAt(at - 1)))) continue;
      const key = text.slice(at, plus);
      if (KEYS.has(key)) {
        hits.push({ key, at, valueAt: plus + 1 });
        break;
      }
    }
  }
  const firstHit = hits[0];
  if (!firstHit) return undefined;
  const out: Array<[string, string]> = [];
  const lead = text.slice(0, firstHit.at).trim();
  if (lead !== '') out.push(['', lead]);
  hits.forEach((hit, i) => out.push([hit.key, text.slice(hit.valueAt, hits[i + 1]?.at ?? text.length).trim()]));
  return out;
}

/** The references SEPA keys carry, or undefined for none. `NOTPROVIDED` (the SEPA "no end-to-end id") is dropped. */
export function sepaReferences(keys: Array<[string, string]>): EntryReferences | undefined {
  let refs: EntryReferences | undefined;
  for (const [key, value] of keys) {
    if (value === '') continue;
    if (key === 'EREF' && value.toUpperCase() !== 'NOTPROVIDED') (refs ??= {}).endToEndId ??= value;
    else if (key === 'KREF' && value.toUpperCase() !== 'NOTPROVIDED') (refs ??= {}).customerReferenceSepa ??= value;
    else if (key === 'MREF') (refs ??= {}).mandateId ??= value;
    else if (key === 'CRED') (refs ??= {}).creditorId ??= value;
  }
  return refs;
}
