import { afterEach, describe, expect, it } from 'vitest';
import { ledger, payment } from '../fixtures.test-helper';
import type { ReconConfig } from '../types';
import { PHASE_MARKS, type PhaseMarkFn } from './phase-marks';
import { reconcile } from './reconcile';

const config: ReconConfig = {
  sides: [
    { name: 'l', sources: ['ledger'] },
    { name: 'r', sources: ['razorpay'] },
  ],
  links: [{ name: 'L', left: 'l', right: 'r', rules: [{ name: 'pid', identifiers: ['references.payment_id'] }] }],
};
const records = [ledger('l1', 'pay_1'), payment('pay_1'), ledger('l2', 'pay_2'), payment('pay_3')];
const hooks = globalThis as { [PHASE_MARKS]?: PhaseMarkFn };

afterEach(() => {
  delete hooks[PHASE_MARKS];
});

describe('phase marks', () => {
  it('reports each phase of a run to an installed hook, starting with start and ending with order', () => {
    const marks: string[] = [];
    hooks[PHASE_MARKS] = (phase) => marks.push(phase);
    reconcile(records, config);
    expect(marks[0]).toBe('start');
    expect(marks.at(-1)).toBe('order');
    expect(new Set(marks)).toEqual(new Set(['start', 'table', 'sides', 'units', 'join', 'resolve', 'outcomes', 'order']));
  });

  it('gives the same result with and without a hook', () => {
    const plain = reconcile(records, config);
    hooks[PHASE_MARKS] = () => undefined;
    const hooked = reconcile(records, config);
    expect(hooked.outcomes.map((o) => o.kind)).toEqual(plain.outcomes.map((o) => o.kind));
    expect(hooked.summary).toEqual(plain.summary);
  });
});
