import type { CompiledLink, CompiledRule, RecordPredicate } from '../config/compiled';
import { OutcomeBuilder, type PairContext } from '../outcomes/build';
import { VIAS } from '../outcomes/context';
import { findEdges } from './candidates';
import { FAIL_CURRENCY, PairChecker } from './checks';
import { passes } from './filter';
import { markPhase } from './phase-marks';
import { GrowInt32 } from './grow';
import { computeFacts } from './facts';
import { LinkState, REASON_FAILED_CHECKS, REASON_NO_CANDIDATE, REASON_TAKEN, REASON_TOO_MANY, reasonName } from './link-state';
import type { RecordTable } from './record-table';
import { resolve } from './resolve';
import type { SideRecords } from './sides';
import { subsetPass } from './subset-pass';
import { groupUnits, singleUnits, type Units } from './units';

/** What one link produced. */
export interface LinkRun<T> {
  builder: OutcomeBuilder<T>;
  /** 1 for records resolved here (matched, mismatched or suggested): what later links may exclude. */
  resolved: Uint8Array;
  records: { left: number; right: number };
}

/** Records of `side` that this link looks at: its filter, minus records resolved in excluded links. */
function inLink<T>(table: RecordTable<T>, records: Int32Array, filter: RecordPredicate | null, excluded: readonly Uint8Array[]): GrowInt32 {
  const out = new GrowInt32(records.length, table.scratch);
  // Indexed loops over typed arrays here and below: `for…of` allocates an iterator result per
  // element wherever V8 does not optimise it away (hundreds of MB of garbage at a million records).
  for (let k = 0; k < records.length; k++) {
    const i = records[k]!;
    if (!passes(table, filter, i)) continue;
    let skip = false;
    for (let x = 0; x < excluded.length; x++) if (excluded[x]![i]) skip = true;
    if (!skip) out.push(i);
  }
  return out;
}

function eligible<T>(table: RecordTable<T>, records: Int32Array, state: LinkState, filter: RecordPredicate | null): Int32Array {
  const out = new GrowInt32(records.length, table.scratch);
  for (let k = 0; k < records.length; k++) {
    const i = records[k]!;
    if (!state.open[i]) continue;
    if (!passes(table, filter, i)) continue;
    state.note(i, REASON_NO_CANDIDATE);
    out.push(i);
  }
  // Later rules see a few leftovers of a million records: keep them in a region of their size.
  return out.fitted();
}

function noteUnit(state: LinkState, units: Units, u: number, code: number): void {
  const s = units.start[u]!;
  for (let k = s; k < s + units.size[u]!; k++) state.note(units.members[k]!, code);
}

function closeUnit(state: LinkState, units: Units, u: number): void {
  units.closed[u] = 1;
  const s = units.start[u]!;
  for (let k = s; k < s + units.size[u]!; k++) state.close(units.members[k]!);
}

/** The key passes of one rule (one per identifier), then its subset-sum fallback. */
function runRule<T>(table: RecordTable<T>, rule: CompiledRule, left: Int32Array, right: Int32Array, state: LinkState, builder: OutcomeBuilder<T>): void {
  const ar = table.ar;
  const lRecords = eligible(table, left, state, rule.leftFilter);
  const rRecords = eligible(table, right, state, rule.rightFilter);
  if (lRecords.length === 0 || rRecords.length === 0) return;
  const groupedLeft = rule.cardinality === 'many-to-one';
  const groupedRight = rule.cardinality === 'one-to-many';
  const grouped = groupedLeft || groupedRight;

  if (!grouped || rule.groupBy !== null) {
    const L = groupedLeft ? groupUnits(table, lRecords, rule.groupBy!) : singleUnits(lRecords, table.scratch);
    const R = groupedRight ? groupUnits(table, rRecords, rule.groupBy!) : singleUnits(rRecords, table.scratch);
    const LF = computeFacts(table, L, rule.checks, 'left', rule.groupDate);
    const RF = computeFacts(table, R, rule.checks, 'right', rule.groupDate);
    const checker = new PairChecker(ar, rule.checks, LF, RF);
    markPhase('units');
    const options = { policy: rule.ambiguity, mismatchOnFailure: rule.mismatchOnFailure, maxCandidates: rule.maxCandidates, optimalCap: rule.optimalCap };
    for (const identifier of rule.identifiers) {
      if (L.closed.indexOf(0) < 0 || R.closed.indexOf(0) < 0) break; // nothing left open on a side
      const tooManyL = table.scratch.take('u8', L.count);
      const tooManyR = table.scratch.take('u8', R.count);
      const edges = findEdges(table, identifier, L, R, checker, rule.maxCandidates, tooManyL, !rule.mismatchOnFailure && rule.checks.date !== null);
      markPhase('join');
      const res = resolve(table, ar, L, R, edges, options, tooManyR);
      markPhase('resolve');
      const ctx: PairContext<T> = { rule, L, R, LF, RF, checker, method: grouped ? 'group' : 'key', identifier };
      const won = VIAS.indexOf(rule.ambiguity === 'best' ? 'best' : 'optimal');
      const matched = res.matched.view();
      const contested = res.contested.view();
      const via = table.scratch.take('u8', matched.length);
      for (let k = 0; k < via.length; k++) via[k] = contested[k] ? won : 0;
      res.contested.release();
      builder.pairs('matched', ctx, edges, matched, res.candidates.view(), via);
      for (let k = 0; k < matched.length; k++) {
        const e = matched[k]!;
        closeUnit(state, L, edges.l[e]!);
        closeUnit(state, R, edges.r[e]!);
      }
      for (const cluster of res.suggested) {
        const lPos = new Map(cluster.left.map((u, k) => [u, k]));
        const rPos = new Map(cluster.right.map((u, k) => [u, k]));
        const pairs = cluster.edges
          .slice()
          .sort((a, b) => lPos.get(edges.l[a]!)! - lPos.get(edges.l[b]!)! || rPos.get(edges.r[a]!)! - rPos.get(edges.r[b]!)!)
          .map((e) => ({ l: [edges.l[e]!], r: [edges.r[e]!], difference: edges.failed[e]! & FAIL_CURRENCY ? undefined : edges.delta[e]! }));
        builder.suggested(rule.name, cluster.reason, L, cluster.left, R, cluster.right, pairs);
        for (const u of cluster.left) closeUnit(state, L, u);
        for (const u of cluster.right) closeUnit(state, R, u);
      }
      const mismatched = res.mismatched.view();
      builder.pairs('mismatched', ctx, edges, mismatched, new Int32Array(mismatched.length).fill(1), new Uint8Array(mismatched.length));
      for (let k = 0; k < mismatched.length; k++) {
        const e = mismatched[k]!;
        closeUnit(state, L, edges.l[e]!);
        closeUnit(state, R, edges.r[e]!);
      }
      // Why the rest stays open.
      for (let e = 0; e < edges.count; e++) {
        const l = edges.l[e]!;
        const r = edges.r[e]!;
        const code = edges.failed[e] === 0 ? REASON_TAKEN : REASON_FAILED_CHECKS;
        if (!L.closed[l]) noteUnit(state, L, l, code);
        if (!R.closed[r]) noteUnit(state, R, r, code);
      }
      for (let l = 0; l < L.count; l++) if (tooManyL[l] && !L.closed[l]) noteUnit(state, L, l, REASON_TOO_MANY);
      for (let r = 0; r < R.count; r++) if (tooManyR[r] && !R.closed[r]) noteUnit(state, R, r, REASON_TOO_MANY);
      table.scratch.give(tooManyL, tooManyR);
      markPhase('outcomes');
    }
  }

  if (grouped && rule.subset) {
    const open = (records: Int32Array) => records.filter((i) => state.open[i] === 1);
    const [targets, pool] = groupedLeft ? [open(rRecords), open(lRecords)] : [open(lRecords), open(rRecords)];
    markPhase('units');
    subsetPass(table, rule, targets, pool, state, builder);
    markPhase('subset-sum');
  }
}

/** Run one link: duplicates, rules in order, then every record still open is unmatched. */
export function runLink<T>(
  table: RecordTable<T>,
  link: CompiledLink,
  leftSide: SideRecords,
  rightSide: SideRecords,
  excluded: { left: readonly Uint8Array[]; right: readonly Uint8Array[] },
): LinkRun<T> {
  const builder = new OutcomeBuilder(table, link.name);
  const state = new LinkState(table.n, table.scratch);
  const leftGrow = inLink(table, leftSide.records, link.leftFilter, excluded.left);
  const rightGrow = inLink(table, rightSide.records, link.rightFilter, excluded.right);
  const left = leftGrow.view();
  const right = rightGrow.view();
  for (let k = 0; k < left.length; k++) state.open[left[k]!] = 1;
  for (let k = 0; k < right.length; k++) state.open[right[k]!] = 1;

  for (const [side, records, filter, ex] of [
    ['left', leftSide, link.leftFilter, excluded.left],
    ['right', rightSide, link.rightFilter, excluded.right],
  ] as const) {
    for (const d of records.duplicates) {
      if (!passes(table, filter, d.record)) continue;
      if (ex.some((x) => x[d.record])) continue;
      builder.duplicate(side, d.record, d.of, d.key, d.copy);
    }
  }

  markPhase('units');
  for (const rule of link.rules) {
    runRule(table, rule, left, right, state, builder);
    markPhase('units');
  }

  for (let k = 0; k < left.length; k++) {
    const i = left[k]!;
    if (state.open[i]) builder.unmatched('left', i, reasonName(state.reason[i]!));
  }
  for (let k = 0; k < right.length; k++) {
    const i = right[k]!;
    if (state.open[i]) builder.unmatched('right', i, reasonName(state.reason[i]!));
  }
  markPhase('outcomes');
  const resolved = state.resolved.slice(); // kept for later links' exclusions; the rest goes back
  state.release();
  // Outcomes keep what the rules derived from these lists, never the lists: reuse their memory.
  leftGrow.release();
  rightGrow.release();
  return { builder, resolved, records: { left: left.length, right: right.length } };
}

