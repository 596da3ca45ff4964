import type { StandardTransaction } from '../../schema/transaction';
import type { CompiledConfigImpl } from '../config/compiled';
import { compileConfig } from '../config/compile';
import { canonicalJson } from './canonical-json';
import type { CompiledConfig, LinkResult, LinkSummary, Outcome, ReconConfig, ReconResult } from '../types';
import { runLink } from './link';
import { markPhase } from './phase-marks';
import { buildRecordTable, type RecordTable } from './record-table';
import { assignSides, dedupeSide, type SideRecords } from './sides';
import type { TransactionStore } from '../store/transaction-store';

function run<T>(table: RecordTable<T>, config: CompiledConfigImpl) {
  const { bySide, unassigned } = assignSides(table, config.sides);
  markPhase('sides');
  const sides: (SideRecords | undefined)[] = config.sides.map(() => undefined);
  // Deduplicate a side only if a link uses it, once however many links do.
  const side = (k: number): SideRecords => (sides[k] ??= dedupeSide(table, bySide[k]!, config.sides[k]!));
  const resolved: Uint8Array[] = [];
  const links: LinkResult[] = [];
  const summaries: Record<string, LinkSummary> = {};
  for (const link of config.links) {
    const excluded = { left: link.excludeLeft.map((k) => resolved[k]!), right: link.excludeRight.map((k) => resolved[k]!) };
    const l = side(link.left);
    const r = side(link.right);
    markPhase('sides');
    const out = runLink(table, link, l, r, excluded);
    resolved.push(out.resolved);
    const leftName = config.sides[link.left]!.name;
    const rightName = config.sides[link.right]!.name;
    const b = out.builder;
    links.push({ name: link.name, left: leftName, right: rightName, outcomes: b.ordered() });
    summaries[link.name] = b.tally.summary(leftName, rightName, out.records, link.rules.map((r) => r.name));
    markPhase('order');
  }
  return { links, summaries, unassigned };
}

/**
 * Reconcile `records` under `config`, as a pure function:
 *
 * - every record on a link's two sides (after the link's filters and exclusions) ends in exactly
 *   one outcome of that link: matched, mismatched, suggested, unmatched or duplicate;
 * - money is exact (integer minor units) and conserved per outcome
 *   (`amounts.left − amounts.right = fee + tax + difference`);
 * - the same records in any order, or the same call twice, give byte-identical exports.
 *
 * `records` may be an array or a {@link TransactionStore} (the same records in ~40 % of the
 * memory, for runs of millions): the result is the same, except that a store's records come back
 * rebuilt, new objects equal to those added.
 *
 * Records whose amount or dates cannot be read are returned in `rejected` (each with a typed
 * error) and take part in no link; they never stop the run.
 *
 * @throws ConfigError (`MATCH_CONFIG_INVALID`) when `config` is invalid, listing every problem.
 */
export function reconcile(records: readonly StandardTransaction[] | TransactionStore, config: ReconConfig | CompiledConfig): ReconResult {
  markPhase('start');
  const compiled = compileConfig(config) as CompiledConfigImpl;
  const built = buildRecordTable(records);
  markPhase('table');
  const table = built.table;
  // Listed in content order, not input order, so the result never depends on arrival order.
  const rejected = built.rejected
    .map((r) => ({ r, key: canonicalJson(r.record) }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .map(({ r }) => r);
  const { links, summaries, unassigned } = run(table as RecordTable<unknown>, compiled);
  let total = 0;
  for (const link of links) total += link.outcomes.length;
  // Sized once and filled by index: a million pushes would regrow (and copy) the array ~20 times.
  const outcomes = new Array<Outcome>(total);
  let at = 0;
  for (const link of links) {
    const list = link.outcomes;
    for (let k = 0; k < list.length; k++) outcomes[at++] = list[k]!;
  }
  markPhase('order');
  return {
    outcomes,
    summary: { records: records.length, unassigned, rejected: rejected.length, links: summaries },
    links,
    rejected,
  };
}
