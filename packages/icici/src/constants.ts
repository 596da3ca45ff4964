/**
 * What public integration code agrees on about ICICI's Corporate API Banking (CIB). ICICI shares
 * its documents only with onboarded corporates; every value here is from independent public
 * integrations (see docs/connectors/icici.md for sources and confidence).
 */

/** Connector id, also the `source` of every transaction. */
export const ICICI_SOURCE = 'icici';

/** IFSC bank code, used as the transactions' `bank_code`. */
export const ICICI_BANK_CODE = 'ICIC';

/** Known hosts. `production` is the default base URL. */
export const ICICI_HOSTS = Object.freeze({
  production: 'https://apibankingone.icicibank.com',
  sandbox: 'https://apibankingonesandbox.icicibank.com',
  /** Newer domains seen in one 2026 integration. */
  productionBankIn: 'https://apibankingone.icici.bank.in',
  sandboxBankIn: 'https://apibankingonesandbox.icici.bank.in',
});

/** The paginated statement operation (`CONFLG` / `LASTTRID`). */
export const ICICI_STATEMENT_PATH = '/api/Corporate/CIB/v1/AccountStatements';

/** Header carrying the API key issued on ICICI's developer portal. */
export const ICICI_API_KEY_HEADER = 'apikey';

/** Longest `FROMDATE`..`TODATE` span the statement API accepts, in days (RazorpayX production code). */
export const ICICI_MAX_RANGE_DAYS = 365;

/** Most records one statement page holds (RazorpayX production code). */
export const ICICI_MAX_RECORDS_PER_PAGE = 200;

/** Client-side budget from the integration guide: ICICI allows 500 requests an hour. */
export const ICICI_DEFAULT_REQUESTS_PER_HOUR = 500;

/** The bank's answer to a range with no rows: a "Failure" that really means "empty". */
export const NO_TRANSACTIONS_MESSAGE = 'The transactions do not exist for the account with the entered criteria.';
