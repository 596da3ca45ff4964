import type { KeyObject } from 'node:crypto';
import type { SbiStatementRequest } from '../config/statement-request';
import { eisHash } from '../crypto/eis-hash';
import { formatSbiDate } from '../mapping/dates';

/** One statement call: an inclusive range of IST days and, after the first page, where to continue. */
export interface SbiStatementQuery {
  account: string;
  corporateCode: string;
  sourceId: string;
  fromDate: string;
  toDate: string;
  startRecord?: string;
}

/** The plaintext EIS request (before the envelope), as `settings` lays it out. */
export function buildStatementPlaintext(settings: SbiStatementRequest, query: SbiStatementQuery, privateKey: KeyObject): Record<string, unknown> {
  const { fields } = settings;
  const inner: Record<string, string> = {
    [fields.account]: query.account,
    [fields.corporateCode]: query.corporateCode,
    [fields.from]: formatSbiDate(query.fromDate, settings.dateFormat),
    [fields.to]: formatSbiDate(query.toDate, settings.dateFormat),
  };
  if (fields.startRecord !== null && query.startRecord !== undefined) inner[fields.startRecord] = query.startRecord;
  return {
    SOURCE_ID: query.sourceId,
    DESTINATION: settings.destination,
    TXN_TYPE: settings.txnType,
    TXN_SUB_TYPE: settings.txnSubType,
    EIS_PAYLOAD: { [settings.requestName]: inner, ...(settings.hash && { HASH: eisHash(inner, privateKey) }) },
  };
}
