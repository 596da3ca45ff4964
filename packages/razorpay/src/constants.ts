/** Connector id, and the `source` of every transaction this package produces. */
export const RAZORPAY_SOURCE = 'razorpay';

/** Production API host; every path starts with `/v1`. */
export const RAZORPAY_BASE_URL = 'https://api.razorpay.com';

/** Largest `count` the payments, refunds and settlements lists accept. */
export const MAX_LIST_COUNT = 100;

/** Largest `count` the settlement recon report accepts (ten times the lists' cap). */
export const MAX_RECON_COUNT = 1000;

/** Range Razorpay accepts for `from` / `to` (Unix seconds): 2000-01-01 to 2121-01-01. */
export const MIN_TIMESTAMP = 946_684_800;
/** See {@link MIN_TIMESTAMP}. */
export const MAX_TIMESTAMP = 4_765_046_400;

/** India Standard Time offset: Razorpay's days (recon `year/month/day`) are IST days. */
export const IST_OFFSET_SECONDS = 19_800;
