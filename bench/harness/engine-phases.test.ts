import { describe, expect, it } from 'vitest';
import { reconcile, type ReconConfig, type StandardTransaction } from '@recon/core';
import { recordEnginePhases } from './engine-phases';

const txn = (source: string, id: string, pay: string): StandardTransaction => ({
  schema_version: 1,
  txn_id: id,
  source,
  account_id: 'acc',
  amount: '10.00',
  currency: 'INR',
  direction: 'CREDIT',
  status: 'SUCCESS',
  timestamp: '2024-04-01T10:00:00+05:30',
  transaction_type: 'PAYMENT',
  references: { payment_id: pay },
  raw: null,
});

describe('recordEnginePhases', () => {
  it('splits the join phase by link at the engine\'s order marks', () => {
    const config: ReconConfig = {
      sides: [
        { name: 'a', sources: ['a'] },
        { name: 'b', sources: ['b'] },
        { name: 'c', sources: ['c'] },
      ],
      links: [
        { name: 'a-b', left: 'a', right: 'b', rules: [{ name: 'id', identifiers: ['references.payment_id'] }] },
        { name: 'b-c', left: 'b', right: 'c', rules: [{ name: 'id', identifiers: ['references.payment_id', 'txn_id'] }] },
      ],
    };
    const records = [txn('a', 'a1', 'p1'), txn('b', 'b1', 'p1'), txn('c', 'c1', 'p1')];
    const recorder = recordEnginePhases();
    try {
      reconcile(records, config);
      const names = recorder.lastRun().map((p) => p.name);
      expect(names).toContain('join');
      const joins = recorder.lastRunJoinByLink();
      // One entry per link, plus the run's closing order mark.
      expect(joins).toHaveLength(config.links.length + 1);
      const total = recorder.lastRun().find((p) => p.name === 'join')!;
      const sum = joins.reduce((s, j) => s + j.seconds, 0);
      expect(sum).toBeCloseTo(total.seconds, 9);
      expect(joins.at(-1)!.seconds).toBe(0);
    } finally {
      recorder.stop();
    }
  });

  it('a new run resets the split, and stop removes the hook', () => {
    const recorder = recordEnginePhases();
    const hook = (globalThis as Record<symbol, ((phase: string) => void) | undefined>)[Symbol.for('@recon/core/match/phase-marks')]!;
    hook('start');
    hook('join');
    hook('order');
    hook('order');
    expect(recorder.lastRunJoinByLink()).toHaveLength(2);
    hook('start');
    expect(recorder.lastRunJoinByLink()).toHaveLength(0);
    recorder.stop();
    expect((globalThis as Record<symbol, unknown>)[Symbol.for('@recon/core/match/phase-marks')]).toBeUndefined();
  });
});
