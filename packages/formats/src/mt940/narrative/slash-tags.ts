import type { EntryCounterparty, EntryReferences, NarrativeDetails } from '../../types';
import { isSpaceCode } from '../../whitespace';
import { addField, type NarrativeDialect } from './types';

/** Tags the dialect knows; values are split at these only. */
const TAGS = [
  'TRTP', 'IBAN', 'BIC', 'NAME', 'REMI', 'EREF', 'CNTP', 'MARF', 'CSID', 'PREF', 'ORDP', 'BENM', 'ADDR',
  'ULTC', 'ULTD', 'ULTB', 'ISDT', 'RTRN', 'PURP', 'SVCL', 'BAI', 'ACNO', 'OCMT', 'CHGS', 'EXCH', 'OGB',
  'OSDR', 'SUM', 'CDTRREF', 'CDTRREFTP', 'CREF', 'RTYP', 'FX', 'BUSP', 'ID', 'INFO', 'ORDR', 'BENE',
];
/** The tags by their text, each mapped to itself: a lookup hands back the shared constant. */
const TAG_SET: ReadonlyMap<string, string> = new Map(TAGS.map((t): [string, string] => [t, t]));
const SHORTEST = Math.min(...TAGS.map((t) => t.length));
const LONGEST = Math.max(...TAGS.map((t) => t.length));

/**
 * The known tag between the `/` at `slash` and the next `/`, or undefined. What the pattern
 * `/(TRTP|IBAN|…)/` matches at `slash`: tags hold no `/`, so at most one of them can.
 */
function tagAt(text: string, slash: number): string | undefined {
  const close = text.indexOf('/', slash + 1);
  const length = close - slash - 1;
  if (close < 0 || length < SHORTEST || length > LONGEST) return undefined;
  return TAG_SET.get(text.slice(slash + 1, close));
}

/** Where the next `/TAG/` starts at or after `from`, or -1: the leftmost match of `/(TRTP|IBAN|…)/`. */
function nextTag(text: string, from: number): number {
  for (let slash = text.indexOf('/', from); slash >= 0; slash = text.indexOf('/', slash + 1)) {
    if (tagAt(text, slash) !== undefined) return slash;
  }
  return -1;
}

/** Blanks, then a known tag between slashes (the `^\s*` pattern the dialect used to match with). */
function startsWithTag(text: string): boolean {
  let at = 0;
  while (at < text.length && isSpaceCode(text.charCodeAt(at))) at++;
  return text.charCodeAt(at) === 47 && tagAt(text, at) !== undefined;
}

/** A value between its tag and the next one, without its closing slash and blanks. */
function valueText(flat: string, from: number, to: number): string {
  let end = Math.max(from, to);
  if (end > from && flat.charCodeAt(end - 1) === 47) end--;
  return flat.slice(from, end).trim();
}

/** `USTD//Invoice 12/` → `Invoice 12`; `STRD/CUR/RF18…/` → `RF18…`. */
function cleanRemittance(value: string): string {
  const structured = /^(?:USTD|STRD)\/(?:[A-Z]{3,4})?\/*(.*?)\/*$/.exec(value);
  return (structured ? (structured[1] as string) : value.replace(/\/+$/, '')).trim();
}

/**
 * Slash-tag dialect (Dutch banks: ING, ABN AMRO, Rabobank, bunq, Knab; also HSBC and ASB):
 * `/TRTP/SEPA OVERBOEKING/IBAN/NL…/BIC/…/NAME/…/REMI/…/EREF/…/`. Values may contain `/`
 * (`/REMI/USTD//text/`, `/CNTP/iban/bic/name/city/`), so the text is split only at known tags.
 */
export const slashTagsDialect: NarrativeDialect = {
  name: 'slash-tags',
  matches: (text) => startsWithTag(text),
  read(text) {
    const flat = text.replace(/\r?\n/g, '');
    const fields: { [key: string]: string } = {};
    const details: NarrativeDetails = { dialect: 'slash-tags', fields };
    // Each tag's value runs from its closing slash to the next tag, stored when the next is found.
    let hits = 0;
    let tag = '';
    let valueAt = 0;
    for (let at = nextTag(flat, 0); at >= 0; ) {
      const found = tagAt(flat, at) as string;
      if (hits > 0) addField(fields, tag, valueText(flat, valueAt, at));
      hits++;
      tag = found;
      valueAt = at + found.length + 2;
      // The closing slash of this tag may open the next one: search from it.
      at = nextTag(flat, valueAt - 1);
    }
    if (hits > 0) addField(fields, tag, valueText(flat, valueAt, flat.length));
    if (fields.TRTP) details.bookingText = fields.TRTP;
    const remi = fields.REMI === undefined ? undefined : cleanRemittance(fields.REMI);
    const after = hits > 0 ? '' : flat;
    const purpose = remi && remi !== '' ? remi : after !== '' ? after : undefined;
    // Set only when there is one: deleting a key would turn every result into a slow dictionary.
    if (purpose !== undefined) details.purpose = purpose;
    const cntp = fields.CNTP?.split('/');
    const name = fields.NAME ?? cntp?.[2] ?? fields.BENM ?? fields.ORDP;
    const account = fields.IBAN ?? cntp?.[0] ?? fields.ACNO;
    const bic = fields.BIC ?? cntp?.[1];
    // Blank parts are left out; the object is made only when something is left.
    const nameText = name?.trim();
    const accountText = account?.trim();
    const bicText = bic?.trim();
    if (nameText || accountText || bicText) {
      const counterparty: EntryCounterparty = {};
      if (nameText) counterparty.name = nameText;
      if (accountText) counterparty.account = accountText;
      if (bicText) counterparty.bic = bicText;
      details.counterparty = counterparty;
    }
    const eref = fields.EREF && fields.EREF.toUpperCase() !== 'NOTPROVIDED' ? fields.EREF : undefined;
    if (eref || fields.MARF || fields.CSID || fields.PREF) {
      const refs: EntryReferences = {};
      if (eref) refs.endToEndId = eref;
      if (fields.MARF) refs.mandateId = fields.MARF;
      if (fields.CSID) refs.creditorId = fields.CSID;
      if (fields.PREF) refs.paymentInformationId = fields.PREF;
      details.references = refs;
    }
    return details;
  },
};
