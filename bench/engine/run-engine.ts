import type * as Core from '@recon/core';
import type { ReconConfig, ReconResult, StandardTransaction, TransactionStore } from '@recon/core';
import { SOURCES } from '../generator/index';

type MatchModule = Pick<typeof Core, 'reconcile' | 'indianPaymentsPreset'>;

/** The engine, or why it cannot run (not built yet, import failed). */
export type EngineHandle = { available: true; reconcile: MatchModule['reconcile']; config: ReconConfig } | { available: false; reason: string };

/**
 * The preset for the generated merchant: ledger ↔ Razorpay payments ↔ settlement report ↔ bank,
 * with the benchmark's source names.
 */
export function benchConfig(match: MatchModule): ReconConfig {
  return match.indianPaymentsPreset({
    ledger: { sources: [SOURCES.ledger] },
    settlement: { sources: [SOURCES.settlement] },
    payments: { sources: [SOURCES.gateway] },
    bank: { sources: [SOURCES.bank] },
  });
}

/**
 * Loads the matcher lazily, so the benchmark still runs its generator and baselines (and says why)
 * when the engine cannot load.
 */
export async function loadEngine(): Promise<EngineHandle> {
  try {
    const match: MatchModule = await import('@recon/core');
    if (typeof match.reconcile !== 'function') return { available: false, reason: '@recon/core exports no reconcile()' };
    return { available: true, reconcile: match.reconcile, config: benchConfig(match) };
  } catch (error) {
    return { available: false, reason: error instanceof Error ? error.message.split('\n')[0] ?? String(error) : String(error) };
  }
}

/** The engine's input: every source in one array, in generation order. */
export function engineInput(sources: readonly (readonly StandardTransaction[])[]): StandardTransaction[] {
  const all: StandardTransaction[] = [];
  for (const source of sources) for (const r of source) all.push(r);
  return all;
}

/** Runs `reconcile` once, with the handle's config or another one. */
export function runEngine(handle: Extract<EngineHandle, { available: true }>, records: readonly StandardTransaction[] | TransactionStore, config: ReconConfig = handle.config): ReconResult {
  return handle.reconcile(records, config);
}

/**
 * The exact-key stage of a config, for the comparison with a pandas merge: only rules that find
 * candidates through exact identifiers (no amount-as-key, no prefix matching, no subset-sum), and
 * only links left with a rule. Checks stay, so this is still more work than a bare join.
 */
export function exactKeyConfig(config: ReconConfig): ReconConfig {
  const links = config.links
    .map(({ excludeResolvedIn: _dropped, ...link }) => ({
      ...link,
      rules: link.rules
        .filter((rule) => rule.subsetSum === undefined)
        .map((rule) => ({
          ...rule,
          identifiers: (rule.identifiers ?? []).filter((id) => (typeof id === 'string' ? id !== 'amount' : id.compare !== 'prefix' && id.left !== 'amount' && id.right !== 'amount')),
        }))
        .filter((rule) => rule.identifiers.length > 0),
    }))
    .filter((link) => link.rules.length > 0);
  return { sides: config.sides, links };
}
