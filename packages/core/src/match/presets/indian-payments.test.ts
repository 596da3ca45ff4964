import { describe, expect, it } from 'vitest';
import type { StandardTransaction } from '../../schema/transaction';
import { reconcile } from '../engine/reconcile';
import { exportJson } from '../export/json';
import { txn } from '../fixtures.test-helper';
import type { MatchedOutcome, Outcome } from '../types';
import { captureCycle, indianPaymentsPreset } from './indian-payments';

const day = (d: number, time = '10:00:00') => `2024-04-0${d}T${time}+05:30`;
const date = (d: number) => `2024-04-0${d}`;

function led(id: string, amount: string, references: StandardTransaction['references'], extra: Partial<StandardTransaction> = {}) {
  return txn({ txn_id: id, source: 'ledger', amount, references, timestamp: day(1), ...extra });
}
function pay(id: string, amount: string, fee: string, tax: string, extra: Partial<StandardTransaction> = {}) {
  return txn({ txn_id: id, source: 'razorpay', amount, fee, tax, timestamp: day(1), references: { payment_id: id }, ...extra });
}
function line(id: string, amount: string, settlement: string, utr: string, extra: Partial<StandardTransaction> = {}) {
  return txn({ txn_id: id, source: 'razorpay', amount, timestamp: day(1), value_date: date(2), references: { settlement_id: settlement, utr }, ...extra });
}
function bank(id: string, amount: string, valueDate: number, description: string, direction: StandardTransaction['direction'] = 'CREDIT') {
  return txn({ txn_id: id, source: 'hdfc', amount, direction, transaction_type: 'SETTLEMENT', timestamp: day(valueDate, '09:00:00'), value_date: date(valueDate), description });
}

const UTR_A = 'AXISCN0118376057';
const UTR_B = 'KKBKH14156891582';

// One day of a merchant: six orders, one refund, two settlements, a withheld report, bank noise.
const records: StandardTransaction[] = [
  led('L1', '1000.00', { payment_id: 'pay_1' }),
  led('L2', '500.00', { order_id: 'order_2' }),
  led('L3', '300.00', { payment_id: 'pay_3' }),
  led('L4', '200.00', { payment_id: 'pay_4' }),
  led('L5', '250.00', {}, { timestamp: day(1, '10:02:00') }),
  led('L6', '100.00', { payment_id: 'pay_6' }, { status: 'FAILED' }),
  led('LR1', '200.00', { payment_id: 'pay_1', refund_id: 'rfnd_1' }, { direction: 'DEBIT', transaction_type: 'REFUND' }),
  pay('pay_1', '1000.00', '23.60', '3.60'),
  pay('pay_2', '500.00', '11.80', '1.80', { references: { payment_id: 'pay_2', order_id: 'order_2' } }),
  pay('pay_3', '300.00', '7.08', '1.08'),
  pay('pay_4', '200.00', '4.72', '0.72'),
  pay('pay_5', '250.00', '5.90', '0.90'),
  pay('pay_6', '100.00', '0.00', '0.00', { status: 'FAILED' }),
  txn({ txn_id: 'rfnd_1', source: 'razorpay', amount: '200.00', direction: 'DEBIT', transaction_type: 'REFUND', timestamp: day(1), references: { payment_id: 'pay_1', refund_id: 'rfnd_1' } }),
  line('S1', '1000.00', 'setl_A', UTR_A, { fee: '23.60', tax: '3.60', references: { settlement_id: 'setl_A', utr: UTR_A, payment_id: 'pay_1' } }),
  line('S2', '500.00', 'setl_A', UTR_A, { fee: '11.80', tax: '1.80', references: { settlement_id: 'setl_A', utr: UTR_A, payment_id: 'pay_2' } }),
  line('S3', '200.00', 'setl_A', UTR_A, { direction: 'DEBIT', transaction_type: 'REFUND', references: { settlement_id: 'setl_A', utr: UTR_A, payment_id: 'pay_1', refund_id: 'rfnd_1' } }),
  line('S4', '300.00', 'setl_B', UTR_B, { fee: '7.08', tax: '1.08', references: { settlement_id: 'setl_B', utr: UTR_B, payment_id: 'pay_3' } }),
  line('S5', '250.00', 'setl_B', UTR_B, { fee: '5.90', tax: '0.90', references: { settlement_id: 'setl_B', utr: UTR_B, payment_id: 'pay_5' } }),
  // setl_A: 1000 − 23.60 + 500 − 11.80 − 200 = 1264.60; setl_B: 300 − 7.08 + 250 − 5.90 = 537.02.
  bank('B1', '1264.60', 3, `NEFT CR-${UTR_A}-RAZORPAY SOFTWARE PVT LTD`),
  bank('B2', '537.02', 3, 'NEFT CR-KKBKH141568-RAZORPAY SOFTWARE'), // UTR truncated by the bank
  bank('B3', '195.28', 2, 'NEFT CR-RAZORPAY PAYMENTS'), // pay_4 net of its fee (GST included); its report never came
  bank('B4', '999.99', 2, 'IMPS 412345678901 JOHN'),
  bank('B5', '50.00', 2, 'ATM WDL', 'DEBIT'),
];

const summary = (outcomes: readonly Outcome[]) =>
  outcomes.map((o) => `${o.kind}:${[...o.left, ...o.right].map((t) => t.txn_id).join('+')}${'rule' in o ? `@${o.rule}` : ''}`).sort();

describe('indianPaymentsPreset', () => {
  const result = reconcile(records, indianPaymentsPreset());
  const link = (name: string) => result.links.find((l) => l.name === name)!.outcomes;

  it('ledger ↔ payments: by payment id, order id, refund id, and the keyless amount-and-time fallback', () => {
    expect(summary(link('ledger-payments'))).toEqual([
      'matched:L1+pay_1@by-reference',
      'matched:L2+pay_2@by-reference',
      'matched:L3+pay_3@by-reference',
      'matched:L4+pay_4@by-reference',
      'matched:L5+pay_5@amount-and-time',
      'matched:L6+pay_6@by-reference',
      'matched:LR1+rfnd_1@refund',
    ]);
    const viaOrder = link('ledger-payments').find((o) => o.left[0]?.txn_id === 'L2') as MatchedOutcome;
    expect(viaOrder.evidence.identifier?.name).toBe('order_id');
  });

  it('payments ↔ settlement lines: captured payments and refunds; the failed payment stays out', () => {
    expect(summary(link('payments-settlement'))).toEqual([
      'matched:pay_1+S1@payment',
      'matched:pay_2+S2@payment',
      'matched:pay_3+S4@payment',
      'matched:pay_5+S5@payment',
      'matched:rfnd_1+S3@refund',
      'unmatched:pay_4',
    ]);
  });

  it('settlement groups ↔ bank credits: fees, GST and a netted refund; a truncated UTR by prefix', () => {
    expect(summary(link('settlement-bank'))).toEqual(['matched:S1+S2+S3+B1@settlement-utr', 'matched:S4+S5+B2@settlement-utr', 'unmatched:B3', 'unmatched:B4']);
    const [a, b] = link('settlement-bank') as MatchedOutcome[];
    const byBank = new Map([a!, b!].map((o) => [o.right[0]!.txn_id, o]));
    expect(byBank.get('B1')!.amounts).toEqual({ currency: 'INR', left: 130000n, right: 126460n, fee: 3540n, tax: 0n, difference: 0n });
    expect(byBank.get('B1')!.evidence.value).toBe(UTR_A);
    expect(byBank.get('B2')!.evidence).toMatchObject({ value: UTR_B, counterpartValue: 'KKBKH141568' });
    expect(byBank.get('B2')!.evidence.identifier?.compare).toBe('prefix');
  });

  it('withheld report: the unsettled payment found in the leftover bank credit as the block between reported ones', () => {
    expect(summary(link('payments-bank-withheld'))).toEqual(['matched:pay_4+B3@capture-window', 'unmatched:B4']);
    const m = link('payments-bank-withheld')[0] as MatchedOutcome;
    expect(m.evidence.method).toBe('subset-sum');
    expect(m.amounts).toMatchObject({ left: 20000n, right: 19528n, fee: 472n, tax: 0n, difference: 0n });
  });

  it('withheld report: a capture window of one channel between reported payouts, net of the refund of its channel', () => {
    const upi = (id: string, amount: string, fee: string, time: string) => pay(id, amount, fee, '0.00', { channel: 'UPI', timestamp: day(1, time) });
    const reportedLine = (id: string, amount: string, fee: string) =>
      line(`S-${id}`, amount, 'setl_C', UTR_A, { fee, references: { settlement_id: 'setl_C', utr: UTR_A, payment_id: id } });
    const refund = (id: string, parent: string, amount: string, channel?: StandardTransaction['channel']) =>
      txn({ txn_id: id, source: 'razorpay', amount, direction: 'DEBIT', transaction_type: 'REFUND', timestamp: day(1, '20:00:00'), references: { payment_id: parent, refund_id: id }, ...(channel && { channel }) });
    const r = reconcile(
      [
        upi('pay_u1', '100.00', '2.00', '11:00:00'),
        upi('pay_u2', '200.00', '4.00', '11:01:00'),
        upi('pay_u3', '300.00', '6.00', '11:02:00'),
        upi('pay_u4', '400.00', '8.00', '11:03:00'),
        pay('pay_c1', '80.00', '1.60', '0.00', { channel: 'CARD', timestamp: day(1, '11:01:30') }),
        reportedLine('pay_u1', '100.00', '2.00'),
        reportedLine('pay_u4', '400.00', '8.00'),
        reportedLine('pay_c1', '80.00', '1.60'),
        refund('rfnd_u', 'pay_u1', '50.00'),
        refund('rfnd_c', 'pay_c1', '50.00'),
        // pay_u2 + pay_u3 net of fees (490.00) less the UPI refund of the day before.
        bank('B9', '440.00', 2, 'NEFT CR-RAZORPAY PAYMENTS'),
      ],
      indianPaymentsPreset(),
    );
    const withheld = r.links.find((l) => l.name === 'payments-bank-withheld')!.outcomes;
    expect(summary(withheld.filter((o) => o.kind === 'matched'))).toEqual(['matched:pay_u2+pay_u3+rfnd_u+B9@capture-window']);
    expect((withheld.find((o) => o.kind === 'matched') as MatchedOutcome).amounts).toMatchObject({ left: 45000n, right: 44000n, fee: 1000n, difference: 0n });
  });

  it('is byte-identical for any record order', () => {
    const reversed = reconcile([...records].reverse(), indianPaymentsPreset());
    expect(exportJson(reversed)).toBe(exportJson(result));
  });

  it('takes other source names', () => {
    const renamed = records.map((t) => (t.source === 'hdfc' ? { ...t, source: 'icici_stmt' } : t));
    const r = reconcile(renamed, indianPaymentsPreset({ bank: { sources: ['icici_stmt'] } }));
    expect(summary(r.links[2]!.outcomes).filter((s) => s.startsWith('matched'))).toHaveLength(2);
  });

  it('normalises order id prefixes: ORD-… in the books meets order_… at the gateway; short merchant numbers stay exact', () => {
    const r = reconcile(
      [
        led('L1', '10.00', { order_id: 'ORD-KX3a9f0Y2bLmQp' }),
        pay('pay_a', '10.00', '0.24', '0.04', { references: { payment_id: 'pay_a', order_id: 'order_KX3a9f0Y2bLmQp' } }),
        led('L2', '20.00', { order_id: 'ORD-1001' }),
        pay('pay_b', '20.00', '0.47', '0.07', { references: { payment_id: 'pay_b', order_id: 'order_1001' }, timestamp: day(3) }),
      ],
      indianPaymentsPreset(),
    );
    expect(summary(r.links[0]!.outcomes)).toEqual(['matched:L1+pay_a@by-reference', 'unmatched:L2', 'unmatched:pay_b']);
  });

  it('reports a ledger double post (same order id and amount) as a duplicate, not an ambiguity', () => {
    const entries = [led('L1', '10.00', { order_id: 'order_KX3a9f0Y2bLmQp' }), led('L1b', '10.00', { order_id: 'order_KX3a9f0Y2bLmQp' }, { timestamp: day(1, '10:01:00') })];
    const gateway = pay('pay_a', '10.00', '0.24', '0.04', { references: { payment_id: 'pay_a', order_id: 'order_KX3a9f0Y2bLmQp' } });
    expect(summary(reconcile([...entries, gateway], indianPaymentsPreset()).links[0]!.outcomes)).toEqual(['duplicate:L1b', 'matched:L1+pay_a@by-reference']);
    const off = reconcile([...entries, gateway], indianPaymentsPreset({ ledgerDuplicateKey: false }));
    expect(summary(off.links[0]!.outcomes)).toEqual(['suggested:L1+L1b+pay_a@by-reference']);
  });

  it('matches a settlement to a credit without UTR by its exact net on the settlement day, only when unique', () => {
    const lines = [
      line('S1', '100.00', 'setl_A', UTR_A, { fee: '2.36', tax: '0.36', references: { settlement_id: 'setl_A', utr: UTR_A, payment_id: 'p1' } }),
      line('S2', '300.00', 'setl_B', UTR_B, { fee: '7.08', tax: '1.08', references: { settlement_id: 'setl_B', utr: UTR_B, payment_id: 'p2' } }),
    ];
    const credits = [bank('B1', '97.64', 3, 'NEFT CR-RAZORPAY SOFTWARE'), bank('B2', '292.92', 2, 'NEFT CR-RAZORPAY SOFTWARE'), bank('B3', '97.64', 4, 'IMPS 412345678901 JOHN')];
    const r = reconcile([...lines, ...credits.slice(0, 2)], indianPaymentsPreset());
    expect(summary(r.links[2]!.outcomes)).toEqual(['matched:S1+B1@settlement-amount', 'matched:S2+B2@settlement-amount']);
    // A second credit of the same amount within the window: two candidates, so review, not a guess.
    const twice = reconcile([...lines, ...credits], indianPaymentsPreset());
    expect(summary(twice.links[2]!.outcomes)).toEqual(['matched:S2+B2@settlement-amount', 'suggested:S1+B1+B3@settlement-amount']);
  });
});

describe('captureCycle', () => {
  const p = (over: Partial<StandardTransaction>) => txn({ txn_id: 'pay_1', source: 'razorpay', references: { payment_id: 'pay_1' }, channel: 'UPI', ...over });

  it('is the channel and capture day of a captured payment record, the same for every read', () => {
    expect(captureCycle(p({ timestamp: '2024-04-01T23:59:00+05:30' }))).toBe('UPI 2024-04-01');
    expect(captureCycle(p({ timestamp: '2024-04-01T00:00:00+05:30', channel: 'CARD' }))).toBe('CARD 2024-04-01');
    expect(captureCycle(p({ timestamp: '2024-04-02T00:00:00+05:30' }))).toBe('UPI 2024-04-02');
    expect(captureCycle(p({ timestamp: '2024-04-01T08:00:00Z', channel: undefined }))).toBe(' 2024-04-01');
    // A timestamp that does not start with a date is read as it is.
    expect(captureCycle(p({ timestamp: '2024/04/01 10:00' }))).toBe('UPI 2024/04/01');
  });

  it('has none for settlement lines, refunds, failed payments and records of another payment', () => {
    expect(captureCycle(p({ references: { payment_id: 'pay_1', settlement_id: 'setl_1' } }))).toBeUndefined();
    expect(captureCycle(p({ transaction_type: 'REFUND' }))).toBeUndefined();
    expect(captureCycle(p({ status: 'FAILED' }))).toBeUndefined();
    expect(captureCycle(p({ references: { payment_id: 'pay_2' } }))).toBeUndefined();
  });
});
