import type { Rng } from '@recon/core/testing';
import type { RazorpayPayment, RazorpayRefund } from '../api/types';
import { feeFor, toWire } from './money';
import { BANK_CODES, CARD_NETWORKS, FAILURES, FIRST_NAMES, ID_ALPHABET, UPI_HANDLES, WALLETS } from './vocabulary';

/** A Razorpay id: prefix + 14 alphanumerics. */
export function razorpayId(rng: Rng, prefix: string): string {
  return `${prefix}_${rng.string(14, ID_ALPHABET)}`;
}

/** Fee rates by method, in basis points (made up, in Razorpay's usual range). */
const RATE_BPS: Readonly<Record<string, bigint>> = { upi: 200n, card: 200n, netbanking: 190n, wallet: 195n, emi: 300n };

/** Payment method mix: mostly UPI, as in Indian e-commerce. */
const METHODS = ['upi', 'upi', 'upi', 'upi', 'card', 'card', 'card', 'netbanking', 'netbanking', 'wallet', 'emi'] as const;

/** Card details the recon report shows for card payments (`card_network`, `card_issuer`, `card_type`). */
export interface CardInfo {
  network: string;
  issuer: string;
  type: 'credit' | 'debit';
}

/** A generated payment with what the generator knows about it. */
export interface GeneratedPayment {
  payment: RazorpayPayment;
  card?: CardInfo;
  /** `order_receipt` of its order, when it has one. */
  receipt: string | null;
}

/**
 * `notes`: usually empty, which Razorpay writes as `[]`; otherwise a few merchant keys, one with
 * slashes so that PHP-style escaping (`\/`) shows up in webhook bodies.
 */
function notesFor(rng: Rng, index: number): RazorpayPayment['notes'] {
  if (rng.chance(0.6)) return [];
  return { merchant_order_id: `ORD-${10_000 + index}`, landing_page: `https://shop.example/checkout/${index}` };
}

function acquirerData(rng: Rng, method: string, failed: boolean): Record<string, string | null> {
  switch (method) {
    case 'upi':
      return { rrn: rng.digits(12), upi_transaction_id: rng.hex(rng.chance(0.5) ? 20 : 32).toUpperCase() };
    case 'netbanking':
      return { bank_transaction_id: failed ? null : rng.digits(10) };
    case 'card':
    case 'emi':
      return { auth_code: failed ? null : rng.digits(6), rrn: failed ? null : rng.digits(12), arn: null, authentication_reference_number: null };
    default:
      return { transaction_id: null };
  }
}

/** One payment created at `createdAt`, in a status drawn from a realistic mix. */
export function generatePayment(rng: Rng, index: number, createdAt: number): GeneratedPayment {
  const method = rng.pick(METHODS);
  const roll = rng.next();
  const status: RazorpayPayment['status'] = roll < 0.08 ? 'failed' : roll < 0.11 ? 'authorized' : 'captured';
  const amount = BigInt(rng.chance(0.3) ? rng.int(1, 200) * 10_000 : rng.int(100, 5_000_000));
  const name = rng.pick(FIRST_NAMES);
  const hasOrder = rng.chance(0.8);
  const failure = status === 'failed' ? rng.pick(FAILURES) : undefined;
  const captured = status === 'captured';
  const { fee, tax } = feeFor(amount, RATE_BPS[method] ?? 200n);
  const vpa = method === 'upi' ? `${name}${rng.chance(0.4) ? rng.digits(2) : ''}@${rng.pick(UPI_HANDLES)}` : null;
  const payment: RazorpayPayment = {
    id: razorpayId(rng, 'pay'),
    entity: 'payment',
    amount: toWire(amount),
    currency: 'INR',
    status,
    method,
    order_id: hasOrder ? razorpayId(rng, 'order') : null,
    invoice_id: null,
    international: false,
    amount_refunded: 0,
    refund_status: null,
    captured,
    description: `Order #${10_000 + index}`,
    card_id: method === 'card' || method === 'emi' ? razorpayId(rng, 'card') : null,
    bank: method === 'netbanking' ? rng.pick(BANK_CODES) : null,
    wallet: method === 'wallet' ? rng.pick(WALLETS) : null,
    vpa,
    email: rng.chance(0.1) ? '' : `${name}@example.com`,
    contact: `+9198${rng.digits(8)}`,
    notes: notesFor(rng, index),
    fee: captured ? toWire(fee) : null,
    tax: captured ? toWire(tax) : null,
    error_code: failure ? 'BAD_REQUEST_ERROR' : null,
    error_description: failure ? failure.description : null,
    error_source: failure ? failure.source : null,
    error_step: failure ? failure.step : null,
    error_reason: failure ? failure.reason : null,
    acquirer_data: acquirerData(rng, method, status === 'failed'),
    created_at: createdAt,
  };
  if (rng.chance(0.3)) payment.customer_id = razorpayId(rng, 'cust');
  if (method === 'upi') payment.upi = { payer_account_type: 'bank_account', vpa: vpa ?? '', flow: rng.pick(['intent', 'collect', 'in_app']) };
  const card = method === 'card' || method === 'emi' ? { network: rng.pick(CARD_NETWORKS), issuer: rng.pick(BANK_CODES), type: rng.chance(0.6) ? ('debit' as const) : ('credit' as const) } : undefined;
  return { payment, ...(card && { card }), receipt: hasOrder ? `rcpt_${10_000 + index}` : null };
}

/** Refund acquirer data: ARN for cards, RRN for UPI, UTR for netbanking (what Razorpay documents). */
function refundAcquirerData(rng: Rng, method: string): Record<string, string | null> {
  if (method === 'card' || method === 'emi') return { arn: `7${rng.digits(22)}` };
  if (method === 'upi') return { rrn: rng.digits(12) };
  if (method === 'netbanking') return { utr: `HDFCR5${rng.digits(10)}` };
  return {};
}

/**
 * A refund of `amount` paise against `payment`, created at `createdAt`, and the payment updated
 * to match (`amount_refunded`, `refund_status`, and `refunded` once fully refunded).
 */
export function refundPaymentEntity(rng: Rng, payment: RazorpayPayment, amount: bigint, createdAt: number, status: RazorpayRefund['status'] = 'processed'): RazorpayRefund {
  const refunded = BigInt(payment.amount_refunded) + amount;
  if (refunded > BigInt(payment.amount)) throw new RangeError(`refund of ${amount} exceeds what is left of ${payment.id}`);
  payment.amount_refunded = toWire(refunded);
  payment.refund_status = refunded === BigInt(payment.amount) ? 'full' : 'partial';
  if (payment.refund_status === 'full') payment.status = 'refunded';
  return {
    id: razorpayId(rng, 'rfnd'),
    entity: 'refund',
    amount: toWire(amount),
    currency: payment.currency,
    payment_id: payment.id,
    notes: rng.chance(0.7) ? [] : { reason: 'Customer returned the item' },
    receipt: rng.chance(0.5) ? `Receipt No. ${rng.int(1, 999)}` : null,
    acquirer_data: status === 'processed' ? refundAcquirerData(rng, payment.method) : {},
    created_at: createdAt,
    batch_id: null,
    status,
    speed_processed: 'normal',
    speed_requested: 'normal',
  };
}

/** Capture an authorized payment: status, `captured`, and its fee and tax. */
export function capturePaymentEntity(payment: RazorpayPayment): void {
  if (payment.status !== 'authorized') throw new RangeError(`${payment.id} is ${payment.status}, not authorized`);
  const { fee, tax } = feeFor(BigInt(payment.amount), RATE_BPS[payment.method] ?? 200n);
  payment.status = 'captured';
  payment.captured = true;
  payment.fee = toWire(fee);
  payment.tax = toWire(tax);
}
