import type { EntryCounterparty, EntryReferences, NarrativeDetails } from '../../types';
import { addField, type NarrativeDialect } from './types';

/** Tags the dialect knows; values are split at these only. */
const TAGS = [
  'TRTP', 'IBAN', 'BIC', 'NAME', 'REMI', 'EREF', 'CNTP', 'MARF', 'CSID', 'PREF', 'ORDP', 'BENM', 'ADDR',
  'ULTC', 'ULTD', 'ULTB', 'ISDT', 'RTRN', 'PURP', 'SVCL', 'BAI', 'ACNO', 'OCMT', 'CHGS', 'EXCH', 'OGB',
  'OSDR', 'SUM', 'CDTRREF', 'CDTRREFTP', 'CREF', 'RTYP', 'FX', 'BUSP', 'ID', 'INFO', 'ORDR', 'BENE',
];
const SPLIT = new RegExp(`/(${TAGS.join('|')})/`, 'g');
const START = new RegExp(`^\\s*/(${TAGS.join('|')})/`);

/** A value between its tag and the next one, without its closing slash and blanks. */
function valueText(flat: string, from: number, to: number): string {
  return flat.slice(from, Math.max(from, to)).replace(/\/$/, '').trim();
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
  matches: (text) => START.test(text),
  read(text) {
    const flat = text.replace(/\r?\n/g, '');
    const fields: { [key: string]: string } = {};
    const details: NarrativeDetails = { dialect: 'slash-tags', fields };
    // Each tag's value runs from its closing slash to the next tag, stored when the next is found.
    let hits = 0;
    let tag = '';
    let valueAt = 0;
    SPLIT.lastIndex = 0;
    for (let m = SPLIT.exec(flat); m; m = SPLIT.exec(flat)) {
      if (hits > 0) addField(fields, tag, valueText(flat, valueAt, m.index));
      hits++;
      tag = m[1] as string;
      valueAt = m.index + m[0].length;
      // The closing slash of this tag may open the next one: step back onto it.
      SPLIT.lastIndex = valueAt - 1;
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
