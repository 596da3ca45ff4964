import { currencyExponent, isKnownCurrency } from '@recon/core';

/**
 * Minor-unit exponents of withdrawn ISO 4217 codes that still occur in old statement files (the
 * corpus has a 2013 mBank MT942 in DEM). @recon/core knows only active codes, and guessing an
 * exponent would scale money by 100, so the historic ones are listed here explicitly.
 */
const HISTORIC_EXPONENTS: Readonly<Record<string, number>> = {
  ATS: 2, BEF: 0, CYP: 2, DEM: 2, EEK: 2, ESP: 0, FIM: 2, FRF: 2, GRD: 0, IEP: 2, ITL: 0, LTL: 2,
  LUF: 0, LVL: 2, MTL: 2, NLG: 2, PTE: 0, SIT: 2, SKK: 2, HRK: 2,
};

/**
 * The exponent to read a statement amount with: the active ISO 4217 code's, else a withdrawn
 * code's, else `undefined` (an unknown code, which the caller reports).
 */
export function statementExponent(currency: string): number | undefined {
  if (isKnownCurrency(currency)) return currencyExponent(currency);
  return Object.prototype.hasOwnProperty.call(HISTORIC_EXPONENTS, currency) ? HISTORIC_EXPONENTS[currency] : undefined;
}

/** True for a code a statement amount can be read in (active or withdrawn ISO 4217). */
export function isStatementCurrency(currency: string): boolean {
  // Every statement asks about its balance currency, the same shared string file after file.
  if (currency === lastStatementCurrency) return true;
  const known = statementExponent(currency) !== undefined;
  if (known) lastStatementCurrency = currency;
  return known;
}

/** The last code {@link isStatementCurrency} said yes to (a three-letter string: nothing large kept alive). */
let lastStatementCurrency = '';
