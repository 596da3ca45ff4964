/**
 * One business day of a small Indian online shop, seeded: the ERP ledger's orders, the Razorpay
 * payments for them (fee + GST), the settlements that pay them out under a UTR, and the bank
 * credits of those settlements in four accounts (ICICI, HDFC, SBI over their APIs, Kotak as an
 * MT940 file on SFTP), with deliberate breaks. Everything the demo serves comes from here, and so
 * does the ground truth its test checks the report against.
 */
import { createRng, type Rng } from '@recon/core/testing';
import type { RazorpayPayment, RazorpayReconItem, RazorpayRefund, RazorpaySettlement } from '@recon/razorpay';
import { paymentEntity, refundEntity, settlementEntities, type PaymentFacts } from './razorpay-entities';

/** The four bank accounts settlements land in. */
export type DemoBank = 'icici' | 'hdfc' | 'sbi' | 'kotak';

/** A row of the ERP's ledger export, in the ERP's own shape (the demo's ledger connector maps it). */
export interface LedgerExportRow {
  entry_no: string;
  kind: 'sale' | 'refund';
  order_id: string;
  receipt: string;
  payment_id: string;
  refund_id?: string;
  /** Rupees with paise, as the ERP exports them; one row is broken on purpose. */
  amount: string;
  status: 'paid' | 'failed';
  booked_at: string;
  note: string;
}

/** One bank statement line, bank-neutral; each bank's fixture code renders it natively. */
export interface BankLine {
  bank: DemoBank;
  /** Posting day and time, IST. */
  date: string;
  time: string;
  valueDate: string;
  direction: 'CREDIT' | 'DEBIT';
  amountMinor: bigint;
  /** What the bank prints, references inside as each bank writes them. */
  narration: string;
  /** The UTR the line carries, if any. */
  utr?: string;
  /** The bank's own line reference. */
  bankRef: string;
}

/** A break planted in the scenario, and where the report must show it. */
export interface PlantedBreak {
  name: 'missing-payment' | 'amount-mismatch' | 'duplicate' | 'settlement-without-credit' | 'late-credit' | 'unknown-credit' | 'invalid-ledger-row';
  /** What happened, in a sentence. */
  story: string;
  link?: string;
  kind?: 'mismatched' | 'unmatched' | 'duplicate';
  /** `source:txn_id` of a record the break's outcome must contain (for the bank and ledger ones). */
  record?: string;
}

/** One record's expected outcome in one link: the ground truth the report is checked against. */
export interface ExpectedOutcome {
  link: 'ledger-payments' | 'payments-settlement' | 'settlement-bank';
  source: string;
  kind: 'matched' | 'mismatched' | 'unmatched' | 'duplicate';
  amountMinor: bigint;
}

/** The scenario. */
export interface DemoScenario {
  seed: number;
  /** The business day, IST. */
  day: string;
  /** What the demo reads: payments of the day, and what settles and reaches the banks within a week. */
  window: { from: string; to: string };
  ledger: LedgerExportRow[];
  razorpay: { payments: RazorpayPayment[]; refunds: RazorpayRefund[]; settlements: RazorpaySettlement[]; recon: RazorpayReconItem[] };
  bank: BankLine[];
  breaks: PlantedBreak[];
  /** Every record's expected outcome in every link it takes part in. */
  expected: ExpectedOutcome[];
}

/** Options of {@link createDemoScenario}. */
export interface DemoScenarioOptions {
  seed?: number;
  /** Orders of the day (default 40, at least 12). */
  orders?: number;
  /** The business day (default 2026-03-02, a Monday). */
  day?: string;
}

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const CUSTOMERS = ['Aarav', 'Diya', 'Ishaan', 'Kavya', 'Rohan', 'Meera', 'Arjun', 'Ananya', 'Vihaan', 'Saanvi'];
const SETTLEMENT_BANKS: readonly DemoBank[] = ['icici', 'hdfc', 'sbi', 'kotak', 'icici'];
/** Razorpay's payout account, as the banks name the remitter. */
const RAZORPAY_IFSC = 'UTIB0000001';

const istSeconds = (day: string, hhmmss: string) => Date.parse(`${day}T${hhmmss}+05:30`) / 1000;
const pad = (n: number) => String(n).padStart(2, '0');
export const addDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
/** ISO 8601 with the IST offset, from Unix seconds. */
export function istIso(seconds: number): string {
  const t = new Date((seconds + 19_800) * 1000);
  return `${t.toISOString().slice(0, 19)}+05:30`;
}
const rupees = (minor: bigint) => `${minor / 100n}.${String(minor % 100n).padStart(2, '0')}`;
const id = (rng: Rng, prefix: string) => `${prefix}_${rng.string(14, ALNUM)}`;

function bankNarration(bank: DemoBank, utr: string, remitter: string, note: string): string {
  switch (bank) {
    case 'icici':
      return `NEFT-${utr}-${remitter}-${note}-${RAZORPAY_IFSC}`;
    case 'hdfc':
      return `NEFT CR-${RAZORPAY_IFSC}-${remitter}-${note}-${utr}`;
    case 'sbi':
      return `BY TRANSFER-NEFT*${RAZORPAY_IFSC}*${utr}*${remitter}--`;
    case 'kotak':
      return `NEFT CR-${RAZORPAY_IFSC}-${remitter}-${note} UTR ${utr}`;
  }
}

/**
 * Build the day. The same options always give the same entities, ids and amounts.
 *
 * Breaks planted: an order the ERP marked paid that Razorpay never saw (missing payment), an order
 * booked ₹50 above what was captured (amount mismatch), an order posted twice by the ERP
 * (duplicate), a settlement whose bank credit never came, a settlement credit value-dated past
 * the window (late), a credit nobody expected, and a ledger row with a grouped amount (invalid,
 * kept with its reason).
 */
export function createDemoScenario(options: DemoScenarioOptions = {}): DemoScenario {
  const seed = options.seed ?? 2026;
  const count = options.orders ?? 40;
  if (!Number.isInteger(count) || count < 12) throw new RangeError('orders must be an integer >= 12');
  const day = options.day ?? '2026-03-02';
  const rng = createRng(`recon-demo:${seed}`);

  // Orders through the day, 08:00–22:00 IST.
  const times = Array.from({ length: count }, () => rng.int(istSeconds(day, '08:00:00'), istSeconds(day, '22:00:00'))).sort((a, b) => a - b);
  const facts: PaymentFacts[] = times.map((createdAt, i) => ({
    id: id(rng, 'pay'),
    orderId: id(rng, 'order'),
    receipt: `rcpt_${1001 + i}`,
    amountMinor: BigInt(rng.int(199, 24_999)) * 100n + BigInt(rng.pick([0, 0, 50, 99])),
    status: 'captured',
    method: rng.pick(['upi', 'upi', 'upi', 'card', 'netbanking'] as const),
    createdAt,
    customer: rng.pick(CUSTOMERS),
    orderNo: 1001 + i,
  }));
  // Roles, picked from distinct orders: two declined payments, a partial refund, two ledger breaks.
  const [failedA, failedB, refunded, mismatched, duplicated] = rng.shuffle(facts.map((_, i) => i)).slice(0, 5) as [number, number, number, number, number];
  facts[failedA]!.status = 'failed';
  facts[failedB]!.status = 'failed';
  const refundedFacts = facts[refunded]!;
  const refundMinor = refundedFacts.amountMinor / 4n;
  refundedFacts.refundedMinor = refundMinor;
  const refund = refundEntity(id(rng, 'rfnd'), refundedFacts, refundMinor, refundedFacts.createdAt + 7_200);

  // The ERP's ledger: one entry per order (declined ones too), the refund, and the planted breaks.
  const entry = (n: number) => `JV-${day.replaceAll('-', '')}-${String(n).padStart(4, '0')}`;
  let entries = 0;
  const sale = (p: PaymentFacts, over: Partial<LedgerExportRow> = {}): LedgerExportRow => ({
    entry_no: entry(++entries),
    kind: 'sale',
    order_id: p.orderId,
    receipt: p.receipt,
    payment_id: p.id,
    amount: rupees(p.amountMinor),
    status: p.status === 'captured' ? 'paid' : 'failed',
    booked_at: istIso(p.createdAt + 4),
    note: `Order #${p.orderNo} ${p.customer}`,
    ...over,
  });
  const ledger: LedgerExportRow[] = [];
  const breaks: PlantedBreak[] = [];
  const expected: ExpectedOutcome[] = [];
  const expect = (link: ExpectedOutcome['link'], source: string, kind: ExpectedOutcome['kind'], amountMinor: bigint) => expected.push({ link, source, kind, amountMinor });
  for (const [i, p] of facts.entries()) {
    if (i === mismatched) {
      const row = sale(p, { amount: rupees(p.amountMinor + 5_000n) });
      ledger.push(row);
      expect('ledger-payments', 'ledger', 'mismatched', p.amountMinor + 5_000n);
      expect('ledger-payments', 'razorpay', 'mismatched', p.amountMinor);
      breaks.push({ name: 'amount-mismatch', story: `Order #${p.orderNo} booked at ₹${row.amount}, ₹50.00 more than Razorpay captured`, link: 'ledger-payments', kind: 'mismatched', record: `ledger:${row.entry_no}` });
      continue;
    }
    ledger.push(sale(p));
    expect('ledger-payments', 'ledger', 'matched', p.amountMinor);
    expect('ledger-payments', 'razorpay', 'matched', p.amountMinor);
    if (i === duplicated) {
      const row = sale(p, { booked_at: istIso(p.createdAt + 900) });
      ledger.push(row);
      expect('ledger-payments', 'ledger', 'duplicate', p.amountMinor);
      breaks.push({ name: 'duplicate', story: `Order #${p.orderNo} posted twice by the ERP`, link: 'ledger-payments', kind: 'duplicate' });
    }
  }
  ledger.push({ ...sale(refundedFacts), kind: 'refund', refund_id: refund.id, amount: rupees(refundMinor), booked_at: istIso(refund.created_at + 30), note: `Refund on order #${refundedFacts.orderNo}` });
  expect('ledger-payments', 'ledger', 'matched', refundMinor);
  expect('ledger-payments', 'razorpay', 'matched', refundMinor);
  const ghost: PaymentFacts = { id: id(rng, 'pay'), orderId: id(rng, 'order'), receipt: `rcpt_${1001 + count}`, orderNo: 1001 + count, amountMinor: 349_900n, status: 'captured', method: 'upi', createdAt: istSeconds(day, '21:47:12'), customer: rng.pick(CUSTOMERS) };
  const ghostRow = sale(ghost, { note: `Order #${ghost.orderNo} ${ghost.customer} (checkout callback said paid)` });
  ledger.push(ghostRow);
  expect('ledger-payments', 'ledger', 'unmatched', ghost.amountMinor);
  breaks.push({ name: 'missing-payment', story: `Order #${ghost.orderNo} marked paid in the ERP, but Razorpay has no such payment`, link: 'ledger-payments', kind: 'unmatched', record: `ledger:${ghostRow.entry_no}` });
  const broken = sale(ghost, { order_id: id(rng, 'order'), payment_id: id(rng, 'pay'), amount: '1,299.00', note: 'Manual journal: shipping income' });
  ledger.push(broken);
  breaks.push({ name: 'invalid-ledger-row', story: `Ledger row ${broken.entry_no} has the amount "1,299.00" (grouped): kept as invalid with its reason, not matched` });

  // Razorpay settles the day's captured payments the next morning in five payouts, each to one of
  // the shop's bank accounts; the refund is deducted from its payment's payout.
  const captured = facts.filter((p) => p.status === 'captured');
  const settledDay = addDays(day, 1);
  const payments = facts.map(paymentEntity);
  const settlements: RazorpaySettlement[] = [];
  const recon: RazorpayReconItem[] = [];
  const bank: BankLine[] = [];
  const groups = SETTLEMENT_BANKS.length;
  for (let g = 0; g < groups; g++) {
    const members = captured.slice(Math.floor((g * captured.length) / groups), Math.floor(((g + 1) * captured.length) / groups));
    const refunds = members.some((p) => p.id === refund.payment_id) ? [refund] : [];
    const utr = `AXISCN${rng.digits(10)}`;
    const built = settlementEntities(id(rng, 'setl'), utr, istSeconds(settledDay, `${pad(9 + 2 * g)}:30:00`), members, refunds);
    settlements.push(built.settlement);
    recon.push(...built.recon);
    // Every captured payment and the refund pair with their recon rows.
    for (const row of built.recon) {
      expect('payments-settlement', 'razorpay', 'matched', BigInt(row.amount));
      expect('payments-settlement', 'razorpay', 'matched', BigInt(row.amount));
    }
    const to = SETTLEMENT_BANKS[g]!;
    const groupOutcome = g === 4 ? 'unmatched' : to === 'kotak' ? 'mismatched' : 'matched';
    for (const row of built.recon) expect('settlement-bank', 'razorpay', groupOutcome, BigInt(row.amount));
    if (g === 4) {
      breaks.push({ name: 'settlement-without-credit', story: `Settlement ${built.settlement.id} (UTR ${utr}) paid out, but no bank shows the credit`, link: 'settlement-bank', kind: 'unmatched', record: `razorpay:${built.settlement.id}:${members[0]!.id}` });
      continue;
    }
    // HDFC credits a day after the payout (inside the window); the Kotak credit comes five days
    // later (outside it): a late record.
    const valueDate = to === 'hdfc' ? addDays(settledDay, 1) : to === 'kotak' ? addDays(settledDay, 5) : settledDay;
    const line: BankLine = {
      bank: to,
      date: valueDate,
      time: `${pad(11 + g)}:${pad(rng.int(0, 59))}:${pad(rng.int(0, 59))}`,
      valueDate,
      direction: 'CREDIT',
      amountMinor: BigInt(built.settlement.amount),
      narration: bankNarration(to, utr, 'RAZORPAY SOFTWARE PVT LTD', 'SETTLEMENT'),
      utr,
      bankRef: `${to.toUpperCase().slice(0, 2)}${rng.digits(9)}`,
    };
    bank.push(line);
    expect('settlement-bank', to === 'kotak' ? 'sftp:kotak' : to, groupOutcome, line.amountMinor);
    if (to === 'kotak') breaks.push({ name: 'late-credit', story: `The Kotak credit of settlement ${built.settlement.id} is value-dated ${valueDate}, past the −1..+3 day window`, link: 'settlement-bank', kind: 'mismatched' });
  }

  // A customer paid an invoice straight into SBI by NEFT: a credit no settlement explains.
  const strayUtr = `SBINN${rng.digits(11)}`;
  bank.push({ bank: 'sbi', date: settledDay, time: '15:02:44', valueDate: settledDay, direction: 'CREDIT', amountMinor: 1_180_000n, narration: `BY TRANSFER-NEFT*ICIC0000104*${strayUtr}*SHARMA BUILDERS--`, utr: strayUtr, bankRef: `SB${rng.digits(9)}` });
  expect('settlement-bank', 'sbi', 'unmatched', 1_180_000n);
  breaks.push({ name: 'unknown-credit', story: `SBI shows a ₹11,800.00 NEFT credit from SHARMA BUILDERS that no settlement explains`, link: 'settlement-bank', kind: 'unmatched' });

  // Everyday debits in every account: the matcher leaves them out (settlements arrive as credits).
  const debit = (to: DemoBank, date: string, amountMinor: bigint, narration: string): BankLine => ({ bank: to, date, time: `${pad(rng.int(9, 18))}:${pad(rng.int(0, 59))}:00`, valueDate: date, direction: 'DEBIT', amountMinor, narration, bankRef: `${to.toUpperCase().slice(0, 2)}${rng.digits(9)}` });
  bank.push(
    debit('icici', settledDay, 2_36_000n, `BIL/ONL/${rng.digits(12)}/TATA POWER`),
    debit('hdfc', settledDay, 17_70n, 'CHGS FOR NEFT TXN INCL GST'),
    debit('sbi', addDays(settledDay, 1), 45_000_00n, `TO TRANSFER-INB NEFT UTR NO: SBIN${rng.digits(12)}--MERIDIAN PACKAGING`),
    debit('kotak', settledDay, 12_50_000n, `IMPS DR-${rng.digits(12)}-VENDOR PAYOUT`),
  );
  bank.sort((a, b) => (a.date + a.time < b.date + b.time ? -1 : 1));

  return {
    seed,
    day,
    window: { from: day, to: addDays(day, 8) },
    ledger,
    razorpay: { payments, refunds: [refund], settlements, recon },
    bank,
    breaks,
    expected,
  };
}
