import { validateConfig, type Outcome } from '@recon/core';
import { describe, expect, it } from 'vitest';
import { BANK_SOURCES, guideReconConfig, isBreak } from './recon-config';

const outcome = (fields: Partial<Outcome>) => ({ id: 'o', link: 'l', left: [], right: [], ...fields }) as Outcome;

describe('the examples reconciliation config', () => {
  it('is a valid config with the four bank accounts on the bank side and ledger duplicates by order and amount', () => {
    const config = guideReconConfig();
    expect(validateConfig(config).ok).toBe(true);
    const bank = config.sides.find((side) => side.name === 'bank');
    expect(JSON.stringify(bank)).toContain(JSON.stringify([...BANK_SOURCES]));
    expect(config.sides.find((side) => side.name === 'ledger')?.duplicateKey).toEqual(['references.order_id', 'amount']);
  });

  it('counts every outcome but a match as a break, except records no link applies to', () => {
    expect(isBreak(outcome({ kind: 'matched' }))).toBe(false);
    expect(isBreak(outcome({ kind: 'unmatched', side: 'left', reason: 'not-applicable' }))).toBe(false);
    expect(isBreak(outcome({ kind: 'unmatched', side: 'left', reason: 'no-candidate' }))).toBe(true);
    expect(isBreak(outcome({ kind: 'mismatched' }))).toBe(true);
    expect(isBreak(outcome({ kind: 'duplicate' }))).toBe(true);
    expect(isBreak(outcome({ kind: 'suggested' }))).toBe(true);
  });
});
