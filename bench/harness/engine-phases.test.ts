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
      const names = recorder.lastRun().phases.map((p) => p.name);
      expect(names).toContain('join');
      const joins = recorder.lastRun().joinByLink;
      // One entry per link, plus the run's closing order mark.
      expect(joins).toHaveLength(config.links.length + 1);
      const total = recorder.lastRun().phases.find((p) => p.name === 'join')!;
      const sum = joins.reduce((s, j) => s + j.seconds, 0);
      expect(sum).toBeCloseTo(total.seconds, 9);
      expect(joins.at(-1)!.seconds).toBe(0);
    } finally {
      recorder.stop();
    }
  });

  it('keeps every run, finds the one with the fastest join, and stop removes the hook', () => {
    const recorder = recordEnginePhases();
    const hook = (globalThis as Record<symbol, ((phase: string) => void) | undefined>)[Symbol.for('@recon/core/match/phase-marks')]!;
    const busy = (ms: number) => {
      const until = performance.now() + ms;
      while (performance.now() < until);
    };
    expect(recorder.lastRun()).toEqual({ phases: [], joinByLink: [] });
    hook('start');
    busy(30);
    hook('join');
    hook('order');
    hook('order');
    expect(recorder.lastRun().joinByLink).toHaveLength(2);
    hook('start');
    hook('join');
    hook('order');
    expect(recorder.runs()).toHaveLength(2);
    expect(recorder.lastRun().joinByLink).toHaveLength(1);
    // The second run's join took no measurable time, the first's ~30 ms of CPU.
    expect(recorder.fastestJoinRun()).toBe(recorder.runs()[1]);
    expect(recorder.runs()[0]!.phases.find((p) => p.name === 'join')!.cpuSeconds).toBeGreaterThan(0.01);
    recorder.stop();
    expect((globalThis as Record<symbol, unknown>)[Symbol.for('@recon/core/match/phase-marks')]).toBeUndefined();
  });
});
