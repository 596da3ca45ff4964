import { z } from 'zod';
import { currencyExponent, isKnownCurrency } from '../money/currencies';

/**
 * The standard transaction: one shape for every source, as it travels on the wire (JSON, Kafka).
 *
 * Field names follow the integration guide (snake_case) so non-TypeScript consumers read the same
 * JSON. Amounts are **decimal strings with exactly the currency's ISO 4217 scale** ("5000.00" for
 * INR, "120" for JPY, "1.250" for KWD): unlike a JSON number they survive every JSON parser exactly,
 * unlike integer minor units they cannot be misread by a consumer that guesses the exponent, and
 * `Decimal("5000.00")` / `new BigDecimal("5000.00")` read them natively. In TypeScript, use
 * `amountOf(txn)` / `parseAmount()` to work in integer minor units (bigint).
 */
export const SCHEMA_VERSION = 1 as const;

/** Money movement direction relative to `account_id`: money in (CREDIT) or out (DEBIT). */
export const Direction = z.enum(['CREDIT', 'DEBIT']);
export type Direction = z.infer<typeof Direction>;

/** Normalised lifecycle status. The source's own status string is kept in `raw_status`. */
export const TransactionStatus = z.enum(['PENDING', 'SUCCESS', 'FAILED', 'REVERSED', 'REFUNDED', 'CANCELLED']);
export type TransactionStatus = z.infer<typeof TransactionStatus>;

/** Payment rail or instrument. */
export const Channel = z.enum(['NEFT', 'RTGS', 'IMPS', 'UPI', 'CARD', 'NETBANKING', 'WALLET', 'EMI', 'CHEQUE', 'CASH', 'ATM', 'INTERNAL', 'OTHER']);
export type Channel = z.infer<typeof Channel>;

/** What the movement is, as reconciliation cares about it. */
export const TransactionType = z.enum(['PAYMENT', 'REFUND', 'SETTLEMENT', 'FEE', 'TAX', 'TRANSFER', 'ADJUSTMENT', 'REVERSAL', 'CHARGEBACK', 'INTEREST', 'OTHER']);
export type TransactionType = z.infer<typeof TransactionType>;

const nonEmpty = z.string().trim().min(1);
const optionalId = z.string().trim().min(1).max(256).optional();

/** Unsigned decimal string; its scale is checked against `currency` by the transaction schema. */
export const DecimalAmount = z
  .string()
  .regex(/^(0|[1-9][0-9]*)(\.[0-9]+)?$/, 'must be an unsigned decimal string such as "5000.00" (no sign, grouping or exponent)')
  .max(40);

/** ISO 4217 code, upper case, known to this SDK. */
export const CurrencyCodeSchema = z
  .string()
  // abort: a malformed code is one problem, not also "unknown code".
  .regex(/^[A-Z]{3}$/, { message: 'must be a three-letter upper-case ISO 4217 code', abort: true })
  .refine(isKnownCurrency, 'is not an active ISO 4217 currency code');

/** Identifiers reconciliation matches on. All optional; a source sets what it has. */
export const References = z
  .object({
    /** NEFT/RTGS UTR (16 or 22 chars), or the settlement UTR of a gateway payout. */
    utr: optionalId,
    /** 12-digit retrieval reference number (IMPS, UPI, cards). */
    rrn: optionalId,
    /** NPCI UPI transaction id. */
    upi_txn_id: optionalId,
    /** The bank's own transaction id (statement line id). */
    bank_txn_id: optionalId,
    /** Gateway settlement id (e.g. Razorpay `setl_...`). */
    settlement_id: optionalId,
    /** Gateway payment id (e.g. Razorpay `pay_...`). */
    payment_id: optionalId,
    /** Gateway order id. */
    order_id: optionalId,
    /** Gateway refund id. */
    refund_id: optionalId,
    /** Merchant's own reference (invoice, receipt, ledger entry). */
    merchant_reference: optionalId,
    /** ISO 20022 end-to-end id. */
    end_to_end_id: optionalId,
    /** ISO 20022 UETR. */
    uetr: optionalId,
    cheque_number: optionalId,
  })
  .strict();
export type References = z.infer<typeof References>;

/** The other party, when the source names it. */
export const Counterparty = z
  .object({
    name: z.string().max(512).optional(),
    account: z.string().max(64).optional(),
    ifsc: z.string().regex(/^[A-Z]{4}0[A-Z0-9]{6}$/, 'must be an 11-character IFSC').optional(),
    vpa: z.string().max(256).optional(),
    bank: z.string().max(256).optional(),
  })
  .strict();
export type Counterparty = z.infer<typeof Counterparty>;

const isoDateTime = z.iso.datetime({ offset: true });
const isoDate = z.iso.date();

/** A JSON value: what `raw` may hold. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export const JsonValueSchema: z.ZodType<JsonValue> = z.lazy(() =>
  z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(JsonValueSchema), z.record(z.string(), JsonValueSchema)]),
);

const TransactionObject = z
  .object({
    /** Wire-format version; bumped whenever a field is added, removed or changes meaning. */
    schema_version: z.literal(SCHEMA_VERSION),
    /** Stable id, unique within `source`: the source's own id, or {@link @recon/core!deriveTxnId}'s hash. */
    txn_id: nonEmpty.max(256),
    /** Which connector produced it (`razorpay`, `hdfc`, `sftp:kotak`, `ledger`, ...). */
    source: nonEmpty.max(64).regex(/^[a-z0-9][a-z0-9_.:-]*$/, 'must be lower-case letters, digits and _.:-'),
    /** The account the movement is on (bank account number, merchant account, ledger account). */
    account_id: nonEmpty.max(128),
    /** Bank or gateway code (IFSC prefix such as `HDFC`, or `RAZORPAY`). */
    bank_code: z.string().max(32).optional(),
    /** Exact unsigned amount in major units at the currency's scale; sign lives in `direction`. */
    amount: DecimalAmount,
    currency: CurrencyCodeSchema,
    direction: Direction,
    status: TransactionStatus,
    /** The source's own status string, kept verbatim. */
    raw_status: z.string().max(64).optional(),
    /** When the transaction happened (booking/creation time), ISO 8601 with offset. */
    timestamp: isoDateTime,
    /** The day the money is available (bank value date), `YYYY-MM-DD`. */
    value_date: isoDate.optional(),
    channel: Channel.optional(),
    transaction_type: TransactionType,
    /** The primary reference the source shows (the guide's `reference_number`). */
    reference_number: z.string().max(256).optional(),
    references: References.default({}),
    merchant_id: z.string().max(128).optional(),
    /** Narration / remarks, verbatim. References are extracted from it by the matcher. */
    description: z.string().max(4096).optional(),
    counterparty: Counterparty.optional(),
    /**
     * Total fee the source charged on this transaction, **including** any tax on it (Razorpay's
     * convention), same currency and scale as `amount`. Net amount = amount − fee.
     */
    fee: DecimalAmount.optional(),
    /** The tax (GST) part already included in `fee`; informational, never subtracted again. */
    tax: DecimalAmount.optional(),
    /** Account balance after this line, when the source gives it (may be negative). */
    balance_after: z.string().regex(/^-?(0|[1-9][0-9]*)(\.[0-9]+)?$/, 'must be a signed decimal string such as "-120.50"').max(41).optional(),
    /** The original record exactly as received, so nothing is lost. */
    raw: JsonValueSchema,
  })
  .strict();

const AMOUNT_FIELDS = ['amount', 'fee', 'tax', 'balance_after'] as const;
const PLAIN_DECIMAL = /^-?(0|[1-9][0-9]*)(\.[0-9]+)?$/;

/**
 * Scale check: every amount field must carry exactly the currency's exponent in decimals. Reads
 * the payload defensively, because it also runs when other fields are already invalid.
 */
function checkScale(value: unknown, ctx: z.RefinementCtx): void {
  const txn = value as Record<string, unknown>;
  const currency = txn.currency;
  if (typeof currency !== 'string' || !isKnownCurrency(currency)) return; // reported by the currency field
  const exponent = currencyExponent(currency);
  for (const field of AMOUNT_FIELDS) {
    const amount = txn[field];
    if (typeof amount !== 'string' || !PLAIN_DECIMAL.test(amount)) continue; // reported by the field itself
    const decimals = amount.includes('.') ? amount.length - amount.indexOf('.') - 1 : 0;
    if (decimals !== exponent) {
      ctx.addIssue({
        code: 'custom',
        path: [field],
        message: `must have exactly ${exponent} decimal place${exponent === 1 ? '' : 's'} for ${currency} (got "${amount}")`,
      });
    }
  }
}

/**
 * The standard transaction schema: every field plus the scale rule.
 * `when` makes the scale rule run even after an aborting issue elsewhere (a bad enum, a wrong
 * type): zod 4 skips refinements by default then, and one parse must list every problem.
 */
export const StandardTransactionSchema = TransactionObject.superRefine(checkScale, {
  when: (payload) => typeof payload.value === 'object' && payload.value !== null && !Array.isArray(payload.value),
});

/** A validated standard transaction (output type: `references` always present). */
export type StandardTransaction = z.output<typeof StandardTransactionSchema>;
/** What a producer may pass in before defaults are applied. */
export type StandardTransactionInput = z.input<typeof StandardTransactionSchema>;
