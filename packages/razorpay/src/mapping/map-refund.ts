import { readAmount, readCurrency } from './amount';
import { readFields } from './field-reader';
import { merchantReferenceFromNotes, normalizeNotes } from './notes';
import { asJson, compactRefs, finish, razorpayTxnBase, type MapOptions, type MapResult } from './result';
import { mapStatus } from './status';
import { unixToIst } from './time';

/**
 * A Razorpay refund → standard transaction (a DEBIT of the merchant's Razorpay balance).
 * `txn_id` is the refund id; the parent payment is `references.payment_id`. The refund's
 * `acquirer_data` carries the rail reference Razorpay names "RRN, ARN or UTR": `rrn` and `utr`
 * go to their reference slots, and the first present of arn / rrn / utr is `reference_number`.
 * Refunds, unlike payments, do have a `receipt`: it is the merchant reference.
 */
export function mapRefund(entity: unknown, options: MapOptions = {}): MapResult {
  const fields = readFields(entity);
  const id = fields.string('id');
  const paymentId = fields.string('payment_id');
  const currency = readCurrency(fields);
  const amount = readAmount(fields, 'amount', currency);
  const rawStatus = fields.string('status');
  const status = rawStatus === undefined ? undefined : mapStatus('refund', rawStatus);
  if (rawStatus !== undefined && status === undefined) fields.fail('status', `is not a refund status this SDK knows (${JSON.stringify(rawStatus).slice(0, 32)})`);
  const createdAt = fields.integer('created_at');
  const acquirer = fields.object('acquirer_data');
  const notes = normalizeNotes(fields.raw('notes'));
  const receipt = fields.optionalString('receipt');

  return finish(fields, entity, 'refund', () => {
    const ref = (key: string) => (typeof acquirer[key] === 'string' ? (acquirer[key] as string) : undefined);
    const references = compactRefs({
      refund_id: id,
      payment_id: paymentId,
      rrn: ref('rrn'),
      utr: ref('utr'),
      merchant_reference: receipt ?? merchantReferenceFromNotes(notes),
    });
    return {
      ...razorpayTxnBase(options),
      txn_id: id as string,
      amount: amount as string,
      currency: currency as string,
      direction: 'DEBIT',
      status: status as NonNullable<typeof status>,
      raw_status: rawStatus as string,
      timestamp: unixToIst(createdAt as number),
      transaction_type: 'REFUND',
      reference_number: (ref('arn') ?? references.rrn ?? references.utr ?? (id as string)).slice(0, 256),
      references,
      raw: asJson(entity),
    };
  });
}
