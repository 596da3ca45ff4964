import type { StandardTransaction } from '../../schema/transaction';
import type { FieldPath } from '../types';

/** The `references` keys of the standard transaction (kept in step with the schema by a test). */
export const REFERENCE_KEYS = [
  'utr',
  'rrn',
  'upi_txn_id',
  'bank_txn_id',
  'settlement_id',
  'payment_id',
  'order_id',
  'refund_id',
  'merchant_reference',
  'end_to_end_id',
  'uetr',
  'cheque_number',
] as const;

const PLAIN_FIELDS = ['txn_id', 'reference_number', 'account_id', 'merchant_id', 'bank_code', 'description', 'raw_status'] as const;
const COUNTERPARTY_FIELDS = ['name', 'account', 'vpa', 'ifsc', 'bank'] as const;
const EXTRACTED_FIELDS = ['utr', 'rrn', 'upi', 'tokens'] as const;

/** Every valid {@link FieldPath}, for validation and error messages. */
export const FIELD_PATHS: readonly FieldPath[] = [
  ...PLAIN_FIELDS,
  ...REFERENCE_KEYS.map((k) => `references.${k}` as const),
  ...COUNTERPARTY_FIELDS.map((k) => `counterparty.${k}` as const),
  ...EXTRACTED_FIELDS.map((k) => `extracted.${k}` as const),
  'amount',
];

/** How a field path is read. `plain` fields are read straight off the record. */
export type FieldAccess =
  | { kind: 'plain'; path: string; read: (txn: StandardTransaction) => string | undefined }
  | { kind: 'extracted'; which: (typeof EXTRACTED_FIELDS)[number] }
  | { kind: 'amount' };

type Read = (txn: StandardTransaction) => string | undefined;

/**
 * One reader per field, each its own function: a shared `txn.references[key]` would be a keyed
 * load that turns megamorphic across fields and record shapes, several times slower at a million
 * records than a named property load.
 */
const READERS: Readonly<Record<string, Read>> = {
  txn_id: (t) => t.txn_id,
  reference_number: (t) => t.reference_number,
  account_id: (t) => t.account_id,
  merchant_id: (t) => t.merchant_id,
  bank_code: (t) => t.bank_code,
  description: (t) => t.description,
  raw_status: (t) => t.raw_status,
  'references.utr': (t) => t.references.utr,
  'references.rrn': (t) => t.references.rrn,
  'references.upi_txn_id': (t) => t.references.upi_txn_id,
  'references.bank_txn_id': (t) => t.references.bank_txn_id,
  'references.settlement_id': (t) => t.references.settlement_id,
  'references.payment_id': (t) => t.references.payment_id,
  'references.order_id': (t) => t.references.order_id,
  'references.refund_id': (t) => t.references.refund_id,
  'references.merchant_reference': (t) => t.references.merchant_reference,
  'references.end_to_end_id': (t) => t.references.end_to_end_id,
  'references.uetr': (t) => t.references.uetr,
  'references.cheque_number': (t) => t.references.cheque_number,
  'counterparty.name': (t) => t.counterparty?.name,
  'counterparty.account': (t) => t.counterparty?.account,
  'counterparty.vpa': (t) => t.counterparty?.vpa,
  'counterparty.ifsc': (t) => t.counterparty?.ifsc,
  'counterparty.bank': (t) => t.counterparty?.bank,
};

/** The accessor of a valid field path (validated beforehand). */
export function fieldAccess(path: FieldPath): FieldAccess {
  if (path === 'amount') return { kind: 'amount' };
  const read = READERS[path];
  if (read) return { kind: 'plain', path, read };
  return { kind: 'extracted', which: path.slice('extracted.'.length) as (typeof EXTRACTED_FIELDS)[number] };
}
