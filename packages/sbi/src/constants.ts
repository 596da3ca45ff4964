/** Connector id, and the `source` of every transaction this package produces. */
export const SBI_SOURCE = 'sbi';

/** Bank code stamped on transactions (the IFSC prefix). */
export const SBI_BANK_CODE = 'SBIN';

/** Token endpoint path under `baseUrl`. Project-defined: no public source names SBI's (reference §4). */
export const SBI_DEFAULT_TOKEN_PATH = '/oauth2/token';

/** Statement endpoint path under `baseUrl`. Project-defined: no public source names it (reference §4). */
export const SBI_DEFAULT_STATEMENT_PATH = '/cmp/v1/account-statement';

/** Client-side limit from the integration guide: 2000 requests per hour. */
export const SBI_DEFAULT_REQUESTS_PER_HOUR = 2000;

/** Header carrying the RSA-wrapped session key [S, aerele `sbi_connector`: `AccessToken`]. */
export const SBI_DEFAULT_SESSION_KEY_HEADER = 'AccessToken';

/** `RESPONSE_STATUS` / `responseStatus` value meaning success [S, aerele]. */
export const SBI_SUCCESS_STATUS = '0';
