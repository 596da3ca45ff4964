import { describe, expect, it } from 'vitest';
import { kotakMt940Files } from './bank-fixtures';
import { razorpayFee } from './razorpay-entities';
import { createDemoScenario } from './scenario';

describe('createDemoScenario', () => {
  const scenario = createDemoScenario();

  it('is the same day for the same seed, and another day for another seed', () => {
    expect(JSON.stringify(createDemoScenario(), (_k, v: unknown) => (typeof v === 'bigint' ? String(v) : v))).toBe(
      JSON.stringify(scenario, (_k, v: unknown) => (typeof v === 'bigint' ? String(v) : v)),
    );
    expect(createDemoScenario({ seed: 7 }).razorpay.payments[0]?.id).not.toBe(scenario.razorpay.payments[0]?.id);
  });

  it('pays out each settlement as exactly Σ(credit − debit) of its recon rows, fees net of GST-inclusive fee', () => {
    for (const s of scenario.razorpay.settlements) {
      const rows = scenario.razorpay.recon.filter((r) => r.settlement_id === s.id);
      expect(rows.length).toBeGreaterThan(0);
      expect(rows.reduce((sum, r) => sum + BigInt(r.credit) - BigInt(r.debit), 0n)).toBe(BigInt(s.amount));
      for (const r of rows.filter((row) => row.type === 'payment')) expect(BigInt(r.credit)).toBe(BigInt(r.amount) - razorpayFee(BigInt(r.amount)).fee);
    }
  });

  it('credits every settlement but one to a bank under its UTR, for its exact amount', () => {
    const credited = scenario.razorpay.settlements.filter((s) => scenario.bank.some((l) => l.utr === s.utr && l.amountMinor === BigInt(s.amount) && l.direction === 'CREDIT'));
    expect(credited).toHaveLength(scenario.razorpay.settlements.length - 1);
  });

  it('plants each kind of break once', () => {
    expect(scenario.breaks.map((b) => b.name).sort()).toEqual(['amount-mismatch', 'duplicate', 'invalid-ledger-row', 'late-credit', 'missing-payment', 'settlement-without-credit', 'unknown-credit']);
  });

  it("writes Kotak's MT940 with balances that carry from one day's closing to the next day's opening", () => {
    const files = kotakMt940Files(scenario.bank);
    expect(files.length).toBeGreaterThan(1);
    const balances = files.map((f) => ({ open: /:60F:C\d{6}INR([\d,]+)/.exec(f.content)?.[1], close: /:62F:C\d{6}INR([\d,]+)/.exec(f.content)?.[1] }));
    for (let i = 1; i < balances.length; i++) expect(balances[i]?.open).toBe(balances[i - 1]?.close);
  });
});
