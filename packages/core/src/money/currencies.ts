/**
 * ISO 4217 minor-unit exponents. Only currencies whose exponent differs from 2 need listing
 * explicitly; every other active code in {@link ISO_4217_CODES} uses 2.
 */
const EXPONENT_EXCEPTIONS: Readonly<Record<string, number>> = {
  // zero-decimal
  BIF: 0, CLP: 0, DJF: 0, GNF: 0, ISK: 0, JPY: 0, KMF: 0, KRW: 0, PYG: 0, RWF: 0, UGX: 0, UYI: 0,
  VND: 0, VUV: 0, XAF: 0, XOF: 0, XPF: 0,
  // three-decimal
  BHD: 3, IQD: 3, JOD: 3, KWD: 3, LYD: 3, OMR: 3, TND: 3,
  // four-decimal
  CLF: 4, UYW: 4,
};

/** Active ISO 4217 alphabetic codes (2024 list, funds codes included, metals and test codes excluded). */
export const ISO_4217_CODES: ReadonlySet<string> = new Set(
  (
    'AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BHD BIF BMD BND BOB BOV BRL BSD BTN BWP BYN BZD ' +
    'CAD CDF CHE CHF CHW CLF CLP CNY COP COU CRC CUP CVE CZK DJF DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP GEL ' +
    'GHS GIP GMD GNF GTQ GYD HKD HNL HTG HUF IDR ILS INR IQD IRR ISK JMD JOD JPY KES KGS KHR KMF KPW KRW KWD ' +
    'KYD KZT LAK LBP LKR LRD LSL LYD MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR MWK MXN MXV MYR MZN NAD NGN NIO ' +
    'NOK NPR NZD OMR PAB PEN PGK PHP PKR PLN PYG QAR RON RSD RUB RWF SAR SBD SCR SDG SEK SGD SHP SLE SOS SRD ' +
    'SSP STN SVC SYP SZL THB TJS TMT TND TOP TRY TTD TWD TZS UAH UGX USD USN UYI UYU UYW UZS VED VES VND VUV ' +
    'WST XAF XCD XCG XOF XPF YER ZAR ZMW ZWG'
  ).split(' '),
);

/** A three-letter ISO 4217 currency code such as `"INR"`. */
export type CurrencyCode = string;

/** True when `code` is an active ISO 4217 code this SDK knows the exponent of. */
export function isKnownCurrency(code: string): boolean {
  return ISO_4217_CODES.has(code);
}

/**
 * Number of minor-unit digits for a currency (INR 2, JPY 0, KWD 3).
 * Throws a RangeError for an unknown code: guessing an exponent would silently scale money.
 */
export function currencyExponent(code: CurrencyCode): number {
  if (!ISO_4217_CODES.has(code)) throw new RangeError(`Unknown ISO 4217 currency code: ${JSON.stringify(code)}`);
  return EXPONENT_EXCEPTIONS[code] ?? 2;
}
