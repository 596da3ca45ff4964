import { readAmount } from './amount';
import { readFields } from './field-reader';
import { asJson, compactRefs, finish, razorpayTxnBase, type MapOptions, type MapResult } from './result';
import { mapStatus } from './status';
import { unixToIst } from './time';

/**
 * A Razorpay settlement → standard transaction: a DEBIT of the merchant's Razorpay balance, paid
 * out to their bank, where it shows as a CREDIT carrying the same UTR (`references.utr`, also
 * `reference_number`). The entity has no currency field; settlements are paid in INR.
 * Razorpay's plural `fees` maps to `fee`. `utr` is null while the settlement is `created`.
 */
export function mapSettlement(entity: unknown, options: MapOptions = {}): MapResult {
  const fields = readFields(entity);
  const id = fields.string('id');
  const currency = 'INR';
  const amount = readAmount(fields, 'amount', currency);
  const fee = readAmount(fields, 'fees', currency, true);
  const tax = readAmount(fields, 'tax', currency, true);
  const rawStatus = fields.string('status');
  const status = rawStatus === undefined ? undefined : mapStatus('settlement', rawStatus);
  if (rawStatus !== undefined && status === undefined) fields.fail('status', `is not a settlement status this SDK knows (${JSON.stringify(rawStatus).slice(0, 32)})`);
  const createdAt = fields.integer('created_at');
  const utr = fields.optionalString('utr');

  return finish(fields, entity, 'settlement', () => {
    const references = compactRefs({ settlement_id: id, utr });
    return {
      ...razorpayTxnBase(options),
      txn_id: id as string,
      amount: amount as string,
      currency,
      direction: 'DEBIT',
      status: status as NonNullable<typeof status>,
      raw_status: rawStatus as string,
      timestamp: unixToIst(createdAt as number),
      transaction_type: 'SETTLEMENT',
      reference_number: references.utr ?? (id as string),
      references,
      ...(fee !== undefined && { fee }),
      ...(tax !== undefined && { tax }),
      raw: asJson(entity),
    };
  });
}
