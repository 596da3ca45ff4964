import type { Direction, StandardTransaction } from '../schema/transaction';
import type { CurrencyCode } from './currencies';
import { abs } from './arithmetic';
import { toDecimalString } from './format';
import { amountError, exponentOf, minorPerMajor, type Money } from './money';

const WIRE_DECIMAL = /^(-?)(0|[1-9][0-9]*)(?:\.([0-9]+))?$/;

/**
 * Strict inverse of {@link toDecimalString}: a plain decimal string with exactly the currency's
 * scale (`"5000.00"`, `"-0.50"` for INR; `"120"` for JPY). For the wire fields of a standard
 * transaction (`amount`, `fee`, `tax`, `balance_after`); use `parseAmount` for anything a human
 * or a bank export wrote.
 *
 * @throws InvalidDataError `AMOUNT_INVALID` (not a plain decimal, or wrong scale) or `CURRENCY_UNKNOWN`.
 */
export function fromDecimalString(value: string, currency: CurrencyCode): Money {
  const exponent = exponentOf(currency);
  const match = typeof value === 'string' ? WIRE_DECIMAL.exec(value) : null;
  const fraction = match?.[3] ?? '';
  if (!match || fraction.length !== exponent) {
    throw amountError(
      'AMOUNT_INVALID',
      `${JSON.stringify(value)} is not a plain decimal with exactly ${exponent} decimal place${exponent === 1 ? '' : 's'} for ${currency}`,
      value,
    );
  }
  const minor = BigInt(match[2] ?? '0') * minorPerMajor(exponent) + BigInt(fraction || '0');
  return { minor: match[1] ? -minor : minor, currency };
}

/** The transaction's amount as {@link Money}: always ≥ 0, as on the wire (sign is in `direction`). */
export function amountOf(txn: Pick<StandardTransaction, 'amount' | 'currency'>): Money {
  return fromDecimalString(txn.amount, txn.currency);
}

/** The transaction's amount signed from the account's point of view: negative for a DEBIT. */
export function signedAmountOf(txn: Pick<StandardTransaction, 'amount' | 'currency' | 'direction'>): Money {
  const m = amountOf(txn);
  return txn.direction === 'DEBIT' ? { minor: -m.minor, currency: m.currency } : m;
}

/** The wire fields of a standard transaction for a signed amount. */
export interface WireAmount {
  /** Unsigned decimal at the currency's scale (`"5000.00"`). */
  amount: string;
  currency: CurrencyCode;
  /** DEBIT for a negative amount, CREDIT for a positive one. */
  direction: Direction;
}

/**
 * Split a signed amount into the standard transaction's `amount` + `currency` + `direction`.
 * Zero has no sign, so its direction is `zeroDirection` (default CREDIT).
 */
export function toWireAmount(m: Money, zeroDirection: Direction = 'CREDIT'): WireAmount {
  const direction: Direction = m.minor < 0n ? 'DEBIT' : m.minor > 0n ? 'CREDIT' : zeroDirection;
  return { amount: toDecimalString(abs(m)), currency: m.currency, direction };
}
