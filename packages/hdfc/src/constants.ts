/** Connector id, and the `source` of every transaction this package produces. */
export const HDFC_SOURCE = 'hdfc';

/** Bank code stamped on transactions (the IFSC prefix). */
export const HDFC_BANK_CODE = 'HDFC';

/** UAT API host [S x3: aerele india-banking-connector, public C# and Angular samples]. */
export const HDFC_UAT_BASE_URL = 'https://api-uat.hdfcbank.com';

/** Production API host [S x3]. */
export const HDFC_PRODUCTION_BASE_URL = 'https://api.hdfcbank.com';

/** Token endpoint path; grant type and scope travel in its query string [S x3]. */
export const HDFC_TOKEN_PATH = '/auth/oauth/v1/token';

/**
 * Statement endpoint path. Project-defined: no public source names HDFC's statement API
 * (reference §3.4), so this follows the naming of the confirmed `corp-*` JOSE APIs.
 */
export const HDFC_DEFAULT_STATEMENT_PATH = '/api/v1/corp-acctStatement';

/** Client-side limit from the integration guide: 1000 requests per hour. */
export const HDFC_DEFAULT_REQUESTS_PER_HOUR = 1000;

/** Content type of JOSE-protected bodies, both ways [S, aerele]. */
export const JOSE_CONTENT_TYPE = 'application/jose';
