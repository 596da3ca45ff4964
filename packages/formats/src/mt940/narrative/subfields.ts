import type { EntryCounterparty, NarrativeDetails } from '../../types';
import { readSepaKeys, sepaReferences } from './sepa-keys';
import { addField, type NarrativeDialect } from './types';

/** A 3-digit code (optional), then the first `?NN` or `>NN`. */
const HEAD = /^\s*([0-9]{3})?\s*([?>])[0-9]{2}/;
const BIC = /^[A-Z]{6}[A-Z0-9]{2}([A-Z0-9]{3})?$/;

const isDigit = (c: number) => c >= 48 && c <= 57;

/** Where the next `?NN` (separator and two digits) starts at or after `from`, or -1. */
function nextSubfield(text: string, separator: string, from: number): number {
  let at = text.indexOf(separator, from);
  while (at >= 0 && !(isDigit(text.charCodeAt(at + 1)) && isDigit(text.charCodeAt(at + 2)))) at = text.indexOf(separator, at + 1);
  return at;
}

/** `?00`…`?99` and `>00`…`>99` as constant strings: storing under a fresh slice costs a string-table lookup per key. */
const KEYS: Readonly<Record<string, readonly string[]>> = {
  '?': Array.from({ length: 100 }, (_, n) => `?${String(n).padStart(2, '0')}`),
  '>': Array.from({ length: 100 }, (_, n) => `>${String(n).padStart(2, '0')}`),
};

function subfieldKey(separator: string, text: string, at: number): string {
  const n = (text.charCodeAt(at + 1) - 48) * 10 + (text.charCodeAt(at + 2) - 48);
  return (KEYS[separator] as readonly string[])[n] as string;
}

/**
 * Sub-field dialect: a 3-digit business transaction code, then `?NN` sub-fields (German GVC,
 * DFÜ agreement) or `>NN` (Polish banks, Triodos). The meaning of the numbers is shared:
 * `00` booking text, `10` primanota, `20`–`29` and `60`–`63` purpose, `30` bank code or BIC,
 * `31` account or IBAN, `32`–`33` name, `34` text key extension, `38` IBAN.
 */
export const subfieldsDialect: NarrativeDialect = {
  name: 'subfields',
  matches: (text) => HEAD.test(text),
  read(text) {
    // Banks wrap `:86:` at 65 characters wherever the line ends, mid-word included.
    const flat = text.includes('\n') ? text.replace(/\r?\n/g, '') : text;
    const head = HEAD.exec(flat) as RegExpExecArray;
    const separator = head[2] as string;
    const fields: { [key: string]: string } = {};
    const details: NarrativeDetails = { dialect: 'subfields', fields };
    if (head[1]) details.code = head[1];
    let purpose = '';
    let name = '';
    // The match ends with the separator and two digits of the first sub-field.
    for (let at = head[0].length - 3; at >= 0; ) {
      const next = nextSubfield(flat, separator, at + 3);
      // Keyed as written (`?20`, `>31`): a bare `20` would be an array index to V8, and storing
      // sparse indexes on an object is several times slower than named keys.
      const key = subfieldKey(separator, flat, at);
      const value = flat.slice(at + 3, next < 0 ? flat.length : next);
      addField(fields, key, value);
      const n = (key.charCodeAt(1) - 48) * 10 + (key.charCodeAt(2) - 48);
      // Purpose sub-fields are cut at a fixed width, so they are joined without a separator.
      if ((n >= 20 && n <= 29) || (n >= 60 && n <= 63)) purpose += value;
      else if (n === 32 || n === 33) name += value;
      at = next;
    }
    const keyOf = KEYS[separator] as readonly string[];
    const booking = fields[keyOf[0] as string]?.trim();
    if (booking) details.bookingText = booking;
    const purposeText = purpose.trim();
    const counterparty: EntryCounterparty = {};
    if (name.trim() !== '') counterparty.name = name.trim();
    const account = (fields[keyOf[31] as string] ?? fields[keyOf[38] as string])?.trim();
    if (account) counterparty.account = account;
    const bank = fields[keyOf[30] as string]?.trim();
    if (bank) {
      if (BIC.test(bank)) counterparty.bic = bank;
      else counterparty.bankCode = bank;
    }
    const keys = purposeText.includes('+') ? readSepaKeys(purposeText) : undefined;
    if (keys) {
      let svwz: string | undefined;
      for (const [key, value] of keys) {
        if (key === '') continue;
        addField(fields, key, value);
        if (key === 'SVWZ') svwz ??= value;
        else if (key === 'IBAN' && !counterparty.account) counterparty.account = value;
        else if (key === 'BIC' && !counterparty.bic) counterparty.bic = value;
      }
      const refs = sepaReferences(keys);
      if (refs) details.references = refs;
      details.purpose = svwz ?? purposeText;
    } else if (purposeText !== '') {
      details.purpose = purposeText;
    }
    if (counterparty.name !== undefined || counterparty.account !== undefined || counterparty.bic !== undefined || counterparty.bankCode !== undefined) details.counterparty = counterparty;
    return details;
  },
};
