/** References found in a bank narration. All values upper-case alphanumerics, deduplicated, in order of appearance. */
export interface ExtractedReferences {
  /** NEFT/RTGS UTRs: 22 characters (`XXXX[RN]` + 17) or 16 characters (4 letters + 12, with at least 6 digits). */
  utr: string[];
  /** 12-digit retrieval reference numbers (IMPS, UPI, cards), also when glued to a prefix (`RVSL412345678901`). */
  rrn: string[];
  /** UPI references: the RRN of a UPI narration (`UPI/<rrn>/…`) and 35-character NPCI UPI transaction ids. */
  upi: string[];
  /** Every token of 8+ alphanumerics with a digit: the fallback for truncated or unusual references. */
  tokens: string[];
}

/** Split on anything that is not an ASCII letter or digit. */
const SEPARATORS = /[^A-Za-z0-9]+/;
/** RTGS UTR and the newer 22-character NEFT UTR: bank code, R/N, channel, YYYYMMDD + sequence. */
const UTR_22 = /^[A-Z]{4}[RN][0-9A-Z][0-9]{16}$/;
/** Classic 16-character NEFT UTR: bank code + 12 bank-specific characters. */
const UTR_16 = /^[A-Z]{4}[A-Z0-9]{12}$/;
/** NPCI UPI transaction id: 35 alphanumerics, starting with the PSP's 3-letter prefix. */
const UPI_TXN_ID = /^[A-Z]{3}[A-Z0-9]{32}$/;
/** A maximal run of exactly 12 digits. */
const TWELVE_DIGITS = /(?<![0-9])[0-9]{12}(?![0-9])/g;
const HAS_DIGIT = /[0-9]/;

/** Digits in a string (ASCII). */
function digitCount(token: string): number {
  let n = 0;
  for (let i = 0; i < token.length; i++) {
    const c = token.charCodeAt(i);
    if (c >= 48 && c <= 57) n++;
  }
  return n;
}

function pushUnique(list: string[], value: string): void {
  if (!list.includes(value)) list.push(value);
}

/**
 * Extract UTR, RRN and UPI references from a bank narration (`description`), following the
 * formats in NPCI/RBI practice and the narration templates banks use, e.g.
 * `NEFT-HDFCN52022062412345678-RAZORPAY…`, `NEFT CR-AXISCN0118376057-…`, `UPI/412345678901/…`,
 * `UPI/RVSL412345678901/…`, `MMT/IMPS/412345678901/…`, `RTGS-AUBLR12021123000584069-…`.
 *
 * Token-based rather than template-based: templates differ per bank and change, and a token that
 * has the shape of a UTR is one wherever it sits. A 16-letter word (`RAZORPAYSOFTWARE`) is not a
 * UTR: the 16-character form needs at least 6 digits.
 */
export function extractReferences(description: string | undefined | null): ExtractedReferences {
  const out: ExtractedReferences = { utr: [], rrn: [], upi: [], tokens: [] };
  if (!description) return out;
  const upper = description.toUpperCase();
  const isUpi = /(^|[^A-Z])UPI([^A-Z]|$)/.test(upper);
  for (const token of upper.split(SEPARATORS)) {
    if (token.length < 8) continue;
    if (HAS_DIGIT.test(token)) pushUnique(out.tokens, token);
    if (token.length === 22 && UTR_22.test(token)) pushUnique(out.utr, token);
    else if (token.length === 16 && UTR_16.test(token) && digitCount(token) >= 6) pushUnique(out.utr, token);
    if (token.length === 35 && UPI_TXN_ID.test(token)) pushUnique(out.upi, token);
    if (token.length >= 12) {
      for (const m of token.matchAll(TWELVE_DIGITS)) {
        pushUnique(out.rrn, m[0]);
        if (isUpi) pushUnique(out.upi, m[0]);
      }
    }
  }
  return out;
}
