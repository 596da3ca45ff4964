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
    const hits: Array<{ tag: string; at: number; valueAt: number }> = [];
    SPLIT.lastIndex = 0;
    for (let m = SPLIT.exec(flat); m; m = SPLIT.exec(flat)) {
      hits.push({ tag: m[1] as string, at: m.index, valueAt: m.index + m[0].length });
      // The closing slash of this tag may open the next one: step back onto it.
      SPLIT.lastIndex = m.index + m[0].length - 1;
    }
    hits.forEach((hit, i) => {
      const end = hits[i + 1]?.at ?? flat.length;
      const value = flat.slice(hit.valueAt, Math.max(hit.valueAt, end)).replace(/\/$/, '').trim();
      addField(fields, hit.tag, value);
    });
    if (fields.TRTP) details.bookingText = fields.TRTP;
    const remi = fields.REMI === undefined ? undefined : cleanRemittance(fields.REMI);
    const after = hits.length > 0 ? '' : flat;
    details.purpose = remi && remi !== '' ? remi : after !== '' ? after : undefined;
    if (details.purpose === undefined) delete details.purpose;
    const counterparty: EntryCounterparty = {};
    const cntp = fields.CNTP?.split('/');
    const name = fields.NAME ?? cntp?.[2] ?? fields.BENM ?? fields.ORDP;
    const account = fields.IBAN ?? cntp?.[0] ?? fields.ACNO;
    const bic = fields.BIC ?? cntp?.[1];
    if (name) counterparty.name = name.trim();
    if (account) counterparty.account = account.trim();
    if (bic) counterparty.bic = bic.trim();
    for (const key of Object.keys(counterparty) as Array<keyof EntryCounterparty>) if (counterparty[key] === '') delete counterparty[key];
    if (Object.keys(counterparty).length > 0) details.counterparty = counterparty;
    const refs: EntryReferences = {};
    if (fields.EREF && fields.EREF.toUpperCase() !== 'NOTPROVIDED') refs.endToEndId = fields.EREF;
    if (fields.MARF) refs.mandateId = fields.MARF;
    if (fields.CSID) refs.creditorId = fields.CSID;
    if (fields.PREF) refs.paymentInformationId = fields.PREF;
    if (Object.keys(refs).length > 0) details.references = refs;
    return details;
  },
};
