import type { CurrencyCode } from './currencies';

/** Display symbols for the few currencies whose symbol is unambiguous enough to print. */
const SYMBOLS: Readonly<Record<string, string>> = { INR: '₹', USD: '$', EUR: '€', GBP: '£', JPY: '¥' };

/** Extra spellings seen in statements, beyond the symbol and the ISO code (Indian banks write "Rs."). */
const EXTRA_ALIASES: Readonly<Record<string, readonly string[]>> = { INR: ['Rs.', 'Rs', 'Re.', 'Re'] };

/** The display symbol of `currency` (`₹` for INR), or undefined when we print the ISO code instead. */
export function currencySymbol(currency: CurrencyCode): string | undefined {
  return SYMBOLS[currency];
}

/**
 * Every prefix/suffix that names `currency` in an amount string: its symbol, its ISO code and
 * local spellings, longest first (so `Rs.` is tried before `Rs`).
 */
export function currencyAliases(currency: CurrencyCode): readonly string[] {
  const aliases = [currency, ...(EXTRA_ALIASES[currency] ?? [])];
  const symbol = SYMBOLS[currency];
  if (symbol) aliases.push(symbol);
  return aliases.sort((a, b) => b.length - a.length);
}
