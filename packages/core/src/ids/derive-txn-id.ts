import { createHash } from 'node:crypto';
import type { Money } from '../money/money';
import type { Direction } from '../schema/transaction';
import { base32Lower } from './base32';
import { normaliseIdText } from './normalise-text';

/**
 * What identifies a statement line when the source gives no stable id of its own. Use only
 * fields that never change between two reads of the same statement (no fetch time, no running
 * page number), and as many of them as the source has: hashing too few fields is what made
 * other MT940 libraries give two same-day, same-amount lines one id.
 */
export interface TxnIdParts {
  /** The account the line is on, exactly as in the standard transaction. */
  account_id: string;
  /** Value date, or booking date when there is none; normalise to `YYYY-MM-DD` first. */
  date: string;
  direction: Direction;
  /** The unsigned amount (the sign is `direction`); minor units and currency both count. */
  amount: Money;
  /** The line's reference (cheque no., UTR, bank ref). Normalised with {@link normaliseIdText}. */
  reference?: string | null | undefined;
  /** Narration / remarks. Normalised with {@link normaliseIdText}. */
  description?: string | null | undefined;
  /** Any other stable fields the source shows (balance after, counterparty account), in a fixed order. */
  extra?: readonly string[] | undefined;
  /**
   * 0 for the first line with this composite in the statement, 1 for the next identical one, ...
   * (see {@link assignOccurrences}). Default 0.
   */
  occurrence?: number | undefined;
}

/** Input of {@link deriveTxnId}. */
export interface DeriveTxnIdInput {
  /** The connector id (`hdfc`, `sftp:kotak`), as in the standard transaction's `source`. */
  source: string;
  parts: TxnIdParts;
  /** Lower-case letters and digits, default `txn`. */
  prefix?: string;
}

/** Versions the encoding: a different composite must never be able to produce the same id. */
const ENCODING_TAG = 'recon.txn-id.v1';
/** 26 base32 characters = 130 bits. */
const ID_CHARS = 26;

/**
 * The canonical encoding of a composite, without the occurrence: a JSON array of strings (and
 * nulls), so quoting makes field boundaries unambiguous ("ab"+"c" and "a"+"bc" encode differently)
 * and the encoding is the same in any language. Also the natural `keyOf` for {@link assignOccurrences}.
 *
 * Layout: `[tag, source, account_id, date, direction, currency, minor, reference, description, extra]`,
 * serialised by `JSON.stringify` (no spaces, non-ASCII characters left unescaped) and hashed as UTF-8.
 */
export function txnIdComposite(input: { source: string; parts: Omit<TxnIdParts, 'occurrence'> }): string {
  return JSON.stringify(compositeFields(input.source, input.parts));
}

function compositeFields(source: string, parts: Omit<TxnIdParts, 'occurrence'>): (string | null | readonly string[])[] {
  if (parts.amount.minor < 0n) {
    throw new RangeError('deriveTxnId takes the unsigned amount; the sign belongs in `direction`');
  }
  return [
    ENCODING_TAG,
    source,
    parts.account_id,
    parts.date,
    parts.direction,
    parts.amount.currency,
    parts.amount.minor.toString(),
    normaliseIdText(parts.reference),
    normaliseIdText(parts.description),
    parts.extra ?? [],
  ];
}

/**
 * A stable id for a line whose source has none: `<prefix>_` + 26 lower-case base32 characters of
 * SHA-256 over the canonical composite ({@link txnIdComposite}) with the occurrence index appended
 * as a last array element. The same
 * statement read twice gives the same ids; any change in a field gives a different id.
 *
 * Why 130 bits suffice: by the birthday bound, the chance that any two of n distinct lines of one
 * source collide is about n² / 2^131; for n = 10^12 lines that is below 10^-15. Cutting SHA-256
 * keeps ids short enough for a Kafka key and a spreadsheet cell (30 characters with `txn_`).
 *
 * @example deriveTxnId({ source: 'hdfc', parts: { account_id: '5010', date: '2024-04-01', direction: 'DEBIT', amount: money(5000n, 'INR'), description: 'UPI/CAFE' } })
 */
export function deriveTxnId(input: DeriveTxnIdInput): string {
  const prefix = input.prefix ?? 'txn';
  if (!/^[a-z][a-z0-9]{0,15}$/.test(prefix)) throw new RangeError(`Invalid id prefix ${JSON.stringify(prefix)}: use 1-16 lower-case letters and digits`);
  const occurrence = input.parts.occurrence ?? 0;
  if (!Number.isSafeInteger(occurrence) || occurrence < 0) throw new RangeError(`occurrence must be a non-negative integer, got ${String(occurrence)}`);
  const encoded = JSON.stringify([...compositeFields(input.source, input.parts), occurrence]);
  const digest = createHash('sha256').update(encoded, 'utf8').digest();
  return `${prefix}_${base32Lower(digest, ID_CHARS)}`;
}
