import type { Direction, TransactionType } from '@recon/core';
import { readAmount, readCurrency } from './amount';
import { channelOf } from './channel';
import { readFields } from './field-reader';
import { asJson, compactRefs, finish, razorpayTxnBase, type MapOptions, type MapResult } from './result';
import { istDate, unixToIst } from './time';

const TYPE: Readonly<Record<string, TransactionType>> = Object.freeze({
  payment: 'PAYMENT',
  refund: 'REFUND',
  transfer: 'TRANSFER',
  adjustment: 'ADJUSTMENT',
});

/** Direction when both `credit` and `debit` are 0 (a zero-value row): what the row type means. */
const ZERO_DIRECTION: Readonly<Record<string, Direction>> = Object.freeze({ payment: 'CREDIT', refund: 'DEBIT', transfer: 'DEBIT', adjustment: 'CREDIT' });

/** The `txn_id` of a recon row: unique per (settlement, entity), distinct from the entity's own record. */
export function reconTxnId(settlementId: string, entityId: string): string {
  return `${settlementId}:${entityId}`;
}

/**
 * One row of the settlement recon report → standard transaction: how one payment, refund,
 * transfer or adjustment entered a settlement.
 *
 * - `txn_id` is `<settlement_id>:<entity_id>`, so it never collides with the payment's own record
 *   (`pay_…`), which describes the same money from the payment side.
 * - `amount` is the gross `amount`; `fee` (GST included) and `tax` are the row's; the net effect
 *   on the settlement is `credit − debit`, so `direction` is CREDIT when `credit > 0`, DEBIT when
 *   `debit > 0`. A row with both non-zero is rejected as inconsistent.
 * - `references.settlement_id` and `references.utr` (`settlement_utr`) tie the row to the bank
 *   credit; `payment_id` / `refund_id` to the gateway records; `order_receipt` is the merchant reference.
 * - `status` is SUCCESS for settled rows and PENDING otherwise (`on_hold` is the raw status then);
 *   `value_date` is the IST date of `settled_at`.
 * - `notes` arrive as an object, a string, `"{}"` or null; they are only kept in `raw`.
 */
export function mapReconItem(entity: unknown, options: MapOptions = {}): MapResult {
  const fields = readFields(entity);
  const entityId = fields.string('entity_id');
  const settlementId = fields.string('settlement_id');
  const rawType = fields.string('type');
  const currency = readCurrency(fields);
  const amount = readAmount(fields, 'amount', currency);
  const credit = fields.integer('credit');
  const debit = fields.integer('debit');
  const fee = readAmount(fields, 'fee', currency, true);
  const tax = readAmount(fields, 'tax', currency, true);
  const settled = fields.boolean('settled');
  const onHold = fields.raw('on_hold') === true;
  const createdAt = fields.integer('created_at');
  const settledAt = fields.optionalInteger('settled_at');
  if (credit !== undefined && debit !== undefined && credit > 0 && debit > 0) fields.fail('credit', 'a recon row cannot both credit and debit the settlement');

  return finish(fields, entity, 'recon row', () => {
    const type = (rawType as string).toLowerCase();
    const direction: Direction = (credit as number) > 0 ? 'CREDIT' : (debit as number) > 0 ? 'DEBIT' : (ZERO_DIRECTION[type] ?? 'CREDIT');
    const paymentId = type === 'payment' ? entityId : fields.optionalString('payment_id');
    const references = compactRefs({
      settlement_id: settlementId,
      utr: fields.optionalString('settlement_utr'),
      payment_id: paymentId,
      refund_id: type === 'refund' ? entityId : undefined,
      order_id: fields.optionalString('order_id'),
      merchant_reference: fields.optionalString('order_receipt'),
    });
    const channel = channelOf(fields.optionalString('method'));
    const description = fields.optionalString('description');
    return {
      ...razorpayTxnBase(options),
      txn_id: reconTxnId(settlementId as string, entityId as string),
      amount: amount as string,
      currency: currency as string,
      direction,
      status: settled ? 'SUCCESS' : 'PENDING',
      raw_status: settled ? 'settled' : onHold ? 'on_hold' : 'unsettled',
      timestamp: unixToIst(createdAt as number),
      ...(settledAt !== undefined && { value_date: istDate(settledAt) }),
      transaction_type: TYPE[type] ?? 'OTHER',
      ...(channel && { channel }),
      reference_number: entityId as string,
      references,
      ...(description !== undefined && { description: description.slice(0, 4096) }),
      ...(fee !== undefined && { fee }),
      ...(tax !== undefined && { tax }),
      raw: asJson(entity),
    };
  });
}
