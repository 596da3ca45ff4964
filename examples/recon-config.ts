/**
 * The reconciliation the guide's examples run: the Indian payments preset (ledger ↔ Razorpay
 * payments ↔ settlement recon ↔ bank credits) with the four bank accounts on the bank side, and
 * what counts as a break.
 */
import { indianPaymentsPreset, type Outcome, type ReconConfig, type ReconResult } from '@recon/core';

/** Sources on the bank side: the three bank APIs and Kotak's MT940 files over SFTP. */
export const BANK_SOURCES = ['icici', 'hdfc', 'sbi', 'sftp:kotak'] as const;

/**
 * The preset, with ERP double postings caught as duplicates (same order, same amount). The
 * withheld-report fallback (payments ↔ bank by subset sum) is off: Razorpay's recon report is
 * synced with the payments, so a missing one is a break to see, not to guess around.
 */
export function guideReconConfig(): ReconConfig {
  const preset = indianPaymentsPreset({ bank: { sources: [...BANK_SOURCES] }, withheldReportFallback: false });
  return { ...preset, sides: preset.sides.map((side) => (side.name === 'ledger' ? { ...side, duplicateKey: ['references.order_id', 'amount'] } : side)) };
}

/** A break: anything a person must look at. Records no link applies to are not breaks. */
export function isBreak(outcome: Outcome): boolean {
  if (outcome.kind === 'matched') return false;
  return !(outcome.kind === 'unmatched' && outcome.reason === 'not-applicable');
}

/** Outcome counts per link and kind, e.g. `ledger-payments: 36 matched, 1 mismatched`. */
export function summaryLines(result: ReconResult): string[] {
  return result.links.map((link) => {
    const counts = new Map<string, number>();
    for (const outcome of link.outcomes) counts.set(outcome.kind, (counts.get(outcome.kind) ?? 0) + 1);
    return `${link.name}: ${[...counts].map(([kind, n]) => `${n} ${kind}`).join(', ') || 'nothing to match'}`;
  });
}
