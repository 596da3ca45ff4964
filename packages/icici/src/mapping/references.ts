/**
 * Reference formats from NPCI/RBI practice (bank-apis.md §5). No primary RBI text fixes the inner
 * layout of a NEFT UTR, so both the classic 16-character and the newer 22-character forms pass.
 */

/** RTGS UTR, and the newer 22-character NEFT UTR: bank code, R/N, channel, YYYYMMDD, sequence. */
const UTR_22 = /^[A-Z]{4}[RN][0-9A-Z][0-9]{16}$/;
/** Classic NEFT UTR: bank code plus 12 bank-specific characters. */
const UTR_16 = /^[A-Z]{4}[A-Z0-9]{12}$/;
/** IMPS and UPI retrieval reference number. */
const RRN = /^[0-9]{12}$/;
/** NPCI UPI transaction id: a 3-letter PSP prefix and 32 alphanumerics. */
const UPI_TXN_ID = /^[A-Z]{3}[A-Z0-9]{32}$/;
/** IFSC: bank code, a reserved 0, six branch characters. */
const IFSC = /^[A-Z]{4}0[A-Z0-9]{6}$/;

const digits = (text: string): number => text.replace(/[^0-9]/g, '').length;

/**
 * True for a NEFT/RTGS UTR. A 16-letter word (`RAZORPAYSOFTWARE`) has the classic shape too, so
 * that form also needs at least six digits.
 */
export function isUtr(value: string): boolean {
  return UTR_22.test(value) || (UTR_16.test(value) && digits(value) >= 6);
}

/** True for a 12-digit RRN. */
export function isRrn(value: string): boolean {
  return RRN.test(value);
}

/** True for a 35-character NPCI UPI transaction id. */
export function isUpiTxnId(value: string): boolean {
  return UPI_TXN_ID.test(value);
}

/** True for an 11-character IFSC. */
export function isIfsc(value: string): boolean {
  return IFSC.test(value);
}
