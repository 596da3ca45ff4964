import type { RazorpayPayment, RazorpayReconItem, RazorpayRefund, RazorpaySettlement } from '@recon/razorpay';

/** Fee of a payment the way Razorpay charges it: 2 % of the amount plus 18 % GST on that, in paise. */
export function razorpayFee(amountMinor: bigint): { fee: bigint; tax: bigint } {
  const base = (amountMinor * 200n) / 10_000n;
  const tax = (base * 18n) / 100n;
  return { fee: base + tax, tax };
}

/** What the scenario decides about one payment; the rest of the entity is filled as Razorpay would. */
export interface PaymentFacts {
  id: string;
  orderId: string;
  receipt: string;
  amountMinor: bigint;
  status: 'captured' | 'failed';
  method: 'upi' | 'card' | 'netbanking';
  createdAt: number;
  customer: string;
  orderNo: number;
  refundedMinor?: bigint;
}

/** Paise as the JSON integer Razorpay's API writes; refuses anything a JSON number cannot hold exactly. */
function wire(minor: bigint): number {
  if (minor < 0n || minor > BigInt(Number.MAX_SAFE_INTEGER)) throw new RangeError(`paise value out of range: ${minor}`);
  return Number(minor);
}

/** A `/v1/payments` entity. */
export function paymentEntity(p: PaymentFacts): RazorpayPayment {
  const captured = p.status === 'captured';
  const { fee, tax } = razorpayFee(p.amountMinor);
  return {
    id: p.id,
    entity: 'payment',
    amount: wire(p.amountMinor),
    currency: 'INR',
    status: p.status,
    method: p.method,
    order_id: p.orderId,
    invoice_id: null,
    international: false,
    amount_refunded: wire(p.refundedMinor ?? 0n),
    refund_status: p.refundedMinor ? 'partial' : null,
    captured,
    description: `Order #${p.orderNo}`,
    card_id: null,
    bank: p.method === 'netbanking' ? 'HDFC' : null,
    wallet: null,
    vpa: p.method === 'upi' ? `${p.customer.toLowerCase()}@okaxis` : null,
    email: `${p.customer.toLowerCase()}@example.com`,
    contact: '+919800000000',
    notes: { merchant_order_id: `ORD-${p.orderNo}` },
    fee: captured ? wire(fee) : null,
    tax: captured ? wire(tax) : null,
    error_code: captured ? null : 'BAD_REQUEST_ERROR',
    error_description: captured ? null : 'Payment was unsuccessful as the bank declined it.',
    error_source: captured ? null : 'bank',
    error_step: captured ? null : 'payment_authorization',
    error_reason: captured ? null : 'payment_declined',
    acquirer_data: {},
    created_at: p.createdAt,
  };
}

/** A processed `/v1/refunds` entity. */
export function refundEntity(id: string, payment: PaymentFacts, amountMinor: bigint, createdAt: number): RazorpayRefund {
  return {
    id,
    entity: 'refund',
    amount: wire(amountMinor),
    currency: 'INR',
    payment_id: payment.id,
    notes: { reason: 'Customer returned one item' },
    receipt: null,
    acquirer_data: { rrn: '000000000000' },
    created_at: createdAt,
    batch_id: null,
    status: 'processed',
    speed_processed: 'normal',
    speed_requested: 'normal',
  };
}

/** One settlement: its entity and its recon rows (payments credit net of fee, refunds debit). */
export function settlementEntities(
  id: string,
  utr: string,
  settledAt: number,
  payments: readonly PaymentFacts[],
  refunds: readonly RazorpayRefund[],
): { settlement: RazorpaySettlement; recon: RazorpayReconItem[] } {
  const base = { currency: 'INR', on_hold: false, settled: true, settled_at: settledAt, settlement_id: id, posted_at: settledAt, settlement_utr: utr, credit_type: 'default', notes: null, card_network: null, card_issuer: null, card_type: null, dispute_id: null };
  const recon: RazorpayReconItem[] = payments.map((p) => {
    const { fee, tax } = razorpayFee(p.amountMinor);
    return { ...base, entity_id: p.id, type: 'payment', debit: 0, credit: wire(p.amountMinor - fee), amount: wire(p.amountMinor), fee: wire(fee), tax: wire(tax), created_at: p.createdAt, description: `Order #${p.orderNo}`, payment_id: null, order_id: p.orderId, order_receipt: p.receipt, method: p.method };
  });
  for (const r of refunds) {
    const parent = payments.find((p) => p.id === r.payment_id);
    recon.push({ ...base, entity_id: r.id, type: 'refund', debit: r.amount, credit: 0, amount: r.amount, fee: 0, tax: 0, created_at: r.created_at, description: null, payment_id: r.payment_id, order_id: parent?.orderId ?? null, order_receipt: parent?.receipt ?? null, method: parent?.method ?? null });
  }
  const net = recon.reduce((sum, row) => sum + BigInt(row.credit) - BigInt(row.debit), 0n);
  return { settlement: { id, entity: 'settlement', amount: wire(net), status: 'processed', fees: 0, tax: 0, utr, created_at: settledAt }, recon };
}
