import type { EntryCounterparty, EntryReferences, NarrativeDetails } from '../../types';
import { readSepaKeys, sepaReferences } from './sepa-keys';
import { isSpaceCode } from '../../whitespace';
import { isBic } from '../identifiers';
import { addField, type NarrativeDialect } from './types';

const isDigit = (c: number) => c >= 48 && c <= 57;

/** Start of the code found by the last {@link headAt}, or -1 when it had none. */
let headCode = -1;

/**
 * The head of a sub-field text, `^\s*([0-9]{3})?\s*([?>])[0-9]{2}`, by character codes (this runs for
 * every `:86:`): the position of the first separator, or -1 when the text does not start that way.
 * The pattern is deterministic: after the leading blanks a digit can only start the code.
 */
function headAt(text: string): number {
  const n = text.length;
  let at = 0;
  while (at < n && isSpaceCode(text.charCodeAt(at))) at++;
  headCode = -1;
  if (isDigit(text.charCodeAt(at)) && isDigit(text.charCodeAt(at + 1)) && isDigit(text.charCodeAt(at + 2))) {
    headCode = at;
    at += 3;
    while (at < n && isSpaceCode(text.charCodeAt(at))) at++;
  }
  const c = text.charCodeAt(at);
  return (c === 63 || c === 62) && isDigit(text.charCodeAt(at + 1)) && isDigit(text.charCodeAt(at + 2)) ? at : -1;
}

/** Where the next `?NN` (separator and two digits) starts at or after `from`, or -1. */
function nextSubfield(text: string, separator: string, from: number): number {
  let at = text.indexOf(separator, from);
  while (at >= 0 && !(isDigit(text.charCodeAt(at + 1)) && isDigit(text.charCodeAt(at + 2)))) at = text.indexOf(separator, at + 1);
  return at;
}

/** `?00`…`?99` and `>00`…`>99` as constant strings: storing under a fresh slice costs a string-table lookup per key. */
const QUESTION_KEYS: readonly string[] = Array.from({ length: 100 }, (_, n) => `?${String(n).padStart(2, '0')}`);
const ANGLE_KEYS: readonly string[] = Array.from({ length: 100 }, (_, n) => `>${String(n).padStart(2, '0')}`);

/**
 * Scratch space of {@link subfieldsDialect}'s `read`: values by sub-field number, and the numbers
 * seen in order (at most 100 distinct). Emptied before `read` returns, and `read` calls nothing
 * that could re-enter it.
 */
const scratch: Array<string | undefined> = Array.from({ length: 100 }, () => undefined);
const seen: number[] = Array.from({ length: 100 }, () => 0);

/**
 * Whether the sub-fields of `text` (whose first line break is at `newline`) can be found in the
 * text as it is, with the same boundaries as in the text without line breaks: no `\r`, the head
 * (code, separator, two digits) on the first line, and no break right after a separator or its
 * first digit, where it would split a `?NN` that the joined text has.
 */
function breaksAreInsideValues(text: string, newline: number, first: number): boolean {
  if (text.includes('\r')) return false;
  if (first < 0 || newline < first + 3) return false;
  for (let at = newline; at >= 0; at = text.indexOf('\n', at + 1)) {
    const a = text.charCodeAt(at - 1);
    const b = text.charCodeAt(at - 2);
    if (a === 63 || a === 62 || b === 63 || b === 62) return false;
  }
  return true;
}

/** Business transaction codes (`166`, `051`) repeat on every line: one shared string each. */
const CODES: readonly string[] = Array.from({ length: 1000 }, (_, n) => String(n).padStart(3, '0'));

function codeText(text: string, at: number): string {
  return CODES[(text.charCodeAt(at) - 48) * 100 + (text.charCodeAt(at + 1) - 48) * 10 + (text.charCodeAt(at + 2) - 48)] as string;
}

/**
 * Sub-field dialect: a 3-digit business transaction code, then `?NN` sub-fields (German GVC,
 * DFÜ agreement) or `>NN` (Polish banks, Triodos). The meaning of the numbers is shared:
 * `00` booking text, `10` primanota, `20`–`29` and `60`–`63` purpose, `30` bank code or BIC,
 * `31` account or IBAN, `32`–`33` name, `34` text key extension, `38` IBAN.
 */
export const subfieldsDialect: NarrativeDialect = {
  name: 'subfields',
  matches: (text) => headAt(text) >= 0,
  read(text) {
    // Banks wrap `:86:` at 65 characters wherever the line ends, mid-word included: the text is
    // read as if it had no line breaks. Where no break touches a separator, the values are cut from
    // the text itself and only those that span a break lose it; otherwise from a copy without them.
    // Values cut from a copy would keep the whole copy alive as long as the result.
    const newline = text.indexOf('\n');
    let first = headAt(text);
    const inPlace = newline >= 0 && breaksAreInsideValues(text, newline, first);
    const flat = newline < 0 || inPlace ? text : text.replace(/\r?\n/g, '');
    // The head moves only in a copy without the line breaks.
    if (flat !== text) first = headAt(flat);
    const separator = flat.charCodeAt(first) === 63 ? '?' : '>';
    const fields: { [key: string]: string } = {};
    const code = headCode >= 0 ? codeText(flat, headCode) : undefined;
    let purpose = '';
    let name = '';
    let count = 0;
    let booking: string | undefined;
    let account: string | undefined;
    let bank: string | undefined;
    try {
      // Values gather by sub-field number first and go into `fields` once each, in first-seen
      // order: reading back a key of an object whose shape differs from text to text was a slow
      // keyed lookup per sub-field.
      // In place, the next line break still to cut out (every break lies inside some value, so it
      // is never before the current value): one `indexOf` per break instead of a search and a
      // pattern replace per value.
      let nl = inPlace ? newline : -1;
      for (let at = first; at >= 0; ) {
        const next = nextSubfield(flat, separator, at + 3);
        const n = (flat.charCodeAt(at + 1) - 48) * 10 + (flat.charCodeAt(at + 2) - 48);
        const valueEnd = next < 0 ? flat.length : next;
        let value: string;
        if (nl < 0 || nl >= valueEnd) {
          value = flat.slice(at + 3, valueEnd);
        } else {
          value = flat.slice(at + 3, nl);
          let from = nl + 1;
          nl = flat.indexOf('\n', from);
          while (nl >= 0 && nl < valueEnd) {
            value += flat.slice(from, nl);
            from = nl + 1;
            nl = flat.indexOf('\n', from);
          }
          value += flat.slice(from, valueEnd);
        }
        const before = scratch[n];
        if (before === undefined) {
          scratch[n] = value;
          seen[count++] = n;
        } else {
          // A repeated sub-field, joined as addField does.
          scratch[n] = `${before} ${value}`;
        }
        // Purpose sub-fields are cut at a fixed width, so they are joined without a separator.
        if ((n >= 20 && n <= 29) || (n >= 60 && n <= 63)) purpose += value;
        else if (n === 32 || n === 33) name += value;
        at = next;
      }
      // Keyed as written (`?20`, `>31`): a bare `20` would be an array index to V8, and storing
      // sparse indexes on an object is several times slower than named keys.
      const keyOf = separator === '?' ? QUESTION_KEYS : ANGLE_KEYS;
      for (let i = 0; i < count; i++) {
        const n = seen[i] as number;
        fields[keyOf[n] as string] = scratch[n] as string;
      }
      booking = scratch[0]?.trim();
      account = (scratch[31] ?? scratch[38])?.trim();
      bank = scratch[30]?.trim();
    } finally {
      // Always emptied, so a failure (a string too long for the engine) cannot leak values into the
      // next text, nor keep this one's text alive.
      for (let i = 0; i < count; i++) scratch[seen[i] as number] = undefined;
    }
    const purposeText = purpose.trim();
    const trimmedName = name.trim();
    let counterparty: EntryCounterparty | undefined;
    if (trimmedName !== '') counterparty = { name: trimmedName };
    if (account) (counterparty ??= {}).account = account;
    if (bank) {
      if (isBic(bank)) (counterparty ??= {}).bic = bank;
      else (counterparty ??= {}).bankCode = bank;
    }
    const keys = purposeText.includes('+') ? readSepaKeys(purposeText) : undefined;
    let references: EntryReferences | undefined;
    let purposeOut: string | undefined;
    if (keys) {
      let svwz: string | undefined;
      for (const [key, value] of keys) {
        if (key === '') continue;
        addField(fields, key, value);
        if (key === 'SVWZ') svwz ??= value;
        else if (key === 'IBAN' && !counterparty?.account) (counterparty ??= {}).account = value;
        else if (key === 'BIC' && !counterparty?.bic) (counterparty ??= {}).bic = value;
      }
      references = sepaReferences(keys);
      purposeOut = svwz ?? purposeText;
    } else if (purposeText !== '') {
      purposeOut = purposeText;
    }
    // Made once, in one literal for the usual set of keys (a code, booking text, purpose and
    // counterparty), rather than a key at a time; the keys keep their order either way.
    if (code !== undefined && booking && purposeOut !== undefined && counterparty !== undefined) {
      return references
        ? { dialect: 'subfields', fields, code, bookingText: booking, references, purpose: purposeOut, counterparty }
        : { dialect: 'subfields', fields, code, bookingText: booking, purpose: purposeOut, counterparty };
    }
    const details: NarrativeDetails = { dialect: 'subfields', fields };
    if (code !== undefined) details.code = code;
    if (booking) details.bookingText = booking;
    if (references) details.references = references;
    if (purposeOut !== undefined) details.purpose = purposeOut;
    if (counterparty) details.counterparty = counterparty;
    return details;
  },
};
