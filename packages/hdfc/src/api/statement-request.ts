import type { HdfcStatementRequest } from '../config/statement-request';
import { formatBankDate } from '../mapping/dates';

/** One statement call: an inclusive range of IST calendar days and, after the first page, the bank's page token. */
export interface StatementQuery {
  account: string;
  /** First day, `YYYY-MM-DD`. */
  fromDate: string;
  /** Last day, `YYYY-MM-DD`, inclusive. */
  toDate: string;
  pageToken?: string;
}

/** The plaintext request body (before signing and encryption), written as `settings` says. */
export function buildStatementRequest(settings: HdfcStatementRequest, query: StatementQuery): Record<string, string | number> {
  const { fields } = settings;
  const body: Record<string, string | number> = {
    ...settings.extraFields,
    [fields.account]: query.account,
    [fields.from]: formatBankDate(query.fromDate, settings.dateFormat),
    [fields.to]: formatBankDate(query.toDate, settings.dateFormat),
  };
  if (fields.pageSize !== null) body[fields.pageSize] = settings.pageSize;
  if (fields.pageToken !== null && query.pageToken !== undefined) body[fields.pageToken] = query.pageToken;
  return body;
}
