import { readAmount, readCurrency } from './amount';
import { channelOf } from './channel';
import { readFields } from './field-reader';
import { merchantReferenceFromNotes, normalizeNotes } from './notes';
import { asJson, compactRefs, finish, razorpayTxnBase, type MapOptions, type MapResult } from './result';
import { mapStatus } from './status';
import { unixToIst } from './time';

/**
 * A Razorpay payment → standard transaction (a CREDIT to the merchant's Razorpay balance).
 *
 * - `txn_id` is the payment id, so every later version of the same payment (captured, then
 *   refunded) has the same `txn_id`: consumers upsert by (`source`, `txn_id`).
 * - `acquirer_data.rrn` / `upi_transaction_id` / `bank_transaction_id` become `references.rrn` /
 *   `upi_txn_id` / `bank_txn_id`; the first present is also `reference_number`.
 * - Payments have no `receipt` (that is an order's field) and only sometimes a `customer_id`;
 *   neither is used. The merchant reference comes from `notes`, when a usual key is set.
 * - `fee` (GST included) and `tax` are null until capture, and then omitted.
 */
export function mapPayment(entity: unknown, options: MapOptions = {}): MapResult {
  const fields = readFields(entity);
  const id = fields.string('id');
  const currency = readCurrency(fields);
  const amount = readAmount(fields, 'amount', currency);
  const rawStatus = fields.string('status');
  const status = rawStatus === undefined ? undefined : mapStatus('payment', rawStatus);
  if (rawStatus !== undefined && status === undefined) fields.fail('status', `is not a payment status this SDK knows (${JSON.stringify(rawStatus).slice(0, 32)})`);
  const createdAt = fields.integer('created_at');
  const method = fields.optionalString('method');
  const fee = readAmount(fields, 'fee', currency, true);
  const tax = readAmount(fields, 'tax', currency, true);
  const acquirer = fields.object('acquirer_data');
  const notes = normalizeNotes(fields.raw('notes'));
  const upi = fields.object('upi');

  return finish(fields, entity, 'payment', () => {
    const ref = (key: string) => (typeof acquirer[key] === 'string' ? (acquirer[key] as string) : undefined);
    const references = compactRefs({
      payment_id: id,
      order_id: fields.optionalString('order_id'),
      rrn: ref('rrn'),
      upi_txn_id: ref('upi_transaction_id'),
      bank_txn_id: ref('bank_transaction_id'),
      merchant_reference: merchantReferenceFromNotes(notes),
    });
    const vpa = fields.optionalString('vpa') ?? (typeof upi['vpa'] === 'string' ? upi['vpa'] : undefined);
    const bank = fields.optionalString('bank') ?? fields.optionalString('wallet');
    const description = fields.optionalString('description');
    return {
      ...razorpayTxnBase(options),
      txn_id: id as string,
      amount: amount as string,
      currency: currency as string,
      direction: 'CREDIT',
      status: status as NonNullable<typeof status>,
      raw_status: rawStatus as string,
      timestamp: unixToIst(createdAt as number),
      transaction_type: 'PAYMENT',
      ...(channelOf(method) && { channel: channelOf(method) }),
      reference_number: references.rrn ?? references.upi_txn_id ?? references.bank_txn_id ?? (id as string),
      references,
      ...(description !== undefined && { description: description.slice(0, 4096) }),
      ...((vpa !== undefined || bank !== undefined) && { counterparty: { ...(vpa !== undefined && { vpa: vpa.slice(0, 256) }), ...(bank !== undefined && { bank: bank.slice(0, 256) }) } }),
      ...(fee !== undefined && { fee }),
      ...(tax !== undefined && { tax }),
      raw: asJson(entity),
    };
  });
}
