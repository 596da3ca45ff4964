import type { JsonValue, StandardTransactionInput } from '../../schema/transaction';

/** Source id the sample connector stamps on its transactions. */
export const SAMPLE_LEDGER_SOURCE = 'sample-ledger';

/**
 * The standard transaction's fields with values not yet trusted: the mapper's output before
 * validation. Field names are still checked by the compiler.
 */
export type TransactionCandidate = { [K in keyof StandardTransactionInput]?: unknown };

const STATUS: Readonly<Record<string, string>> = {
  settled: 'SUCCESS',
  pending: 'PENDING',
  failed: 'FAILED',
  reversed: 'REVERSED',
};

const DIRECTION: Readonly<Record<string, string>> = { credit: 'CREDIT', debit: 'DEBIT' };

type JsonObject = { [key: string]: JsonValue };

const isObject = (value: unknown): value is JsonObject => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Only present, non-empty strings; anything else is left out (and reported by validation if required). */
const text = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);

/** Copy the defined entries only, so absent source fields stay absent. */
function defined(entries: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(entries).filter(([, v]) => v !== undefined));
}

/**
 * Map one API row to a transaction candidate, copying values verbatim. It never throws and never
 * repairs: a bad amount stays bad, a missing timestamp stays missing, an unknown status maps to
 * nothing, so validation reports the row instead of the mapper guessing.
 */
export function mapLedgerRow(row: unknown): TransactionCandidate {
  const r = isObject(row) ? row : {};
  const counterparty = isObject(r['counterparty']) ? r['counterparty'] : {};
  const utr = text(r['utr']);
  const rrn = text(r['rrn']);
  const rawStatus = text(r['status']);
  const type = text(r['type']);
  const candidate: TransactionCandidate = {
    schema_version: 1,
    txn_id: r['id'],
    source: SAMPLE_LEDGER_SOURCE,
    account_id: r['account_number'],
    amount: r['amount'],
    currency: r['currency'],
    direction: type === undefined ? undefined : DIRECTION[type],
    status: rawStatus === undefined ? undefined : STATUS[rawStatus],
    raw_status: rawStatus,
    timestamp: r['created_at'],
    value_date: r['value_date'],
    channel: r['channel'],
    transaction_type: 'PAYMENT',
    reference_number: utr ?? rrn,
    references: defined({ utr, rrn }),
    description: r['narration'],
    counterparty: defined({ name: text(counterparty['name']), vpa: text(counterparty['vpa']), account: text(counterparty['account']), ifsc: text(counterparty['ifsc']) }),
    raw: row,
  };
  return defined(candidate) as TransactionCandidate;
}
