import type { StandardTransaction } from '../../schema/transaction';
import { reconcile } from '../engine/reconcile';
import type { CompiledConfig, Outcome, ReconConfig, ReconResult } from '../types';

/** What a streaming {@link Reconciler} reports as records arrive. */
export type ReconEventType = 'matched' | 'mismatched' | 'suggested' | 'duplicate' | 'expected' | 'break' | 'reopened';

/** One event: the outcome as the batch engine now sees it (a `reopened` event carries the new match). */
export interface ReconEvent {
  type: ReconEventType;
  link: string;
  outcome: Outcome;
}

/** Options of {@link createReconciler}. */
export interface ReconcilerOptions {
  /** Wait window in milliseconds of event time, per link name; links not listed use `defaultWindowMs`. */
  windows?: Readonly<Record<string, number>>;
  /** Default wait window (ms) before an unmatched record becomes a break (default 0: at once). */
  defaultWindowMs?: number;
}

/** JSON-serialisable state of a {@link Reconciler} (no bigint; the clock is a decimal string). */
export interface ReconcilerSnapshot {
  version: 1;
  records: StandardTransaction[];
  /** Event-time clock in epoch milliseconds, as a string; absent before the first record. */
  clock?: string;
}

/** A streaming reconciler: feed records one at a time, listen to events. */
export interface Reconciler {
  /** Adds one record (the guide's `add_transaction`) and emits the events it causes. */
  add(txn: StandardTransaction): void;
  /** Adds several records, then emits the events they cause together. */
  addMany(txns: readonly StandardTransaction[]): void;
  /** Advances the event-time clock (epoch ms), closing the windows that end before it. */
  advanceTo(time: number): void;
  /** Subscribes a listener; returns the unsubscribe function. */
  on(listener: (event: ReconEvent) => void): () => void;
  /** The current outcomes: exactly `reconcile(allRecordsSoFar, config)`. */
  result(): ReconResult;
  /** State to persist; restore with {@link restoreReconciler}. */
  snapshot(): ReconcilerSnapshot;
}

type State = 'pending' | 'break' | 'resolved';

/**
 * Creates a streaming reconciler. Design: it keeps every record and re-runs the batch engine over
 * all of them on each arrival, then diffs outcomes by their deterministic id to emit events. This
 * is O(n) per arrival but makes "streaming result equals batch" hold by construction for every
 * rule type (subset-sum and keyless rules included).
 */
export function createReconciler(config: ReconConfig | CompiledConfig, options: ReconcilerOptions = {}): Reconciler {
  return build(config, options, undefined);
}

/** Rebuilds a reconciler from {@link Reconciler.snapshot} output; it continues identically (no events replayed). */
export function restoreReconciler(
  config: ReconConfig | CompiledConfig,
  snapshot: ReconcilerSnapshot,
  options: ReconcilerOptions = {},
): Reconciler {
  return build(config, options, snapshot);
}

function build(config: ReconConfig | CompiledConfig, options: ReconcilerOptions, snap: ReconcilerSnapshot | undefined): Reconciler {
  const records: StandardTransaction[] = snap ? [...snap.records] : [];
  let clock: number | undefined = snap?.clock === undefined ? undefined : Number(snap.clock);
  const listeners = new Set<(e: ReconEvent) => void>();
  let result: ReconResult = reconcile(records, config);
  // Per link + record: its state, so a match of a former break is reported as `reopened`.
  let recordStates = new Map<string, State>();
  let seen = new Map<string, State>(); // outcome id -> state last reported
  const windowOf = (link: string) => options.windows?.[link] ?? options.defaultWindowMs ?? 0;

  const recKey = (link: string, t: StandardTransaction) => `${link}\u0000${t.source}\u0000${t.txn_id}`;
  const stateOf = (o: Outcome): State => {
    if (o.kind !== 'unmatched') return 'resolved';
    const latest = Math.max(...[...o.left, ...o.right].map((t) => Date.parse(t.timestamp)));
    // Expired once the clock has passed the newest member's time plus the link's window.
    return clock !== undefined && clock > latest + windowOf(o.link) ? 'break' : 'pending';
  };

  const refresh = (emit: boolean) => {
    result = reconcile(records, config);
    const nextSeen = new Map<string, State>();
    const nextRecords = new Map<string, State>();
    const events: ReconEvent[] = [];
    for (const o of result.outcomes) {
      const state = stateOf(o);
      nextSeen.set(o.id, state);
      const members = [...o.left, ...o.right];
      for (const t of members) nextRecords.set(recKey(o.link, t), state);
      if (!emit || seen.get(o.id) === state) continue;
      if (o.kind === 'unmatched') {
        events.push({ type: state === 'break' ? 'break' : 'expected', link: o.link, outcome: o });
        continue;
      }
      const wasBreak = members.some((t) => recordStates.get(recKey(o.link, t)) === 'break');
      events.push({ type: wasBreak ? 'reopened' : o.kind, link: o.link, outcome: o });
    }
    seen = nextSeen;
    recordStates = nextRecords;
    for (const e of events) for (const l of listeners) l(e);
  };
  refresh(false);

  const observe = (t: StandardTransaction) => {
    const ts = Date.parse(t.timestamp);
    if (!Number.isNaN(ts) && (clock === undefined || ts > clock)) clock = ts;
  };

  return {
    add(txn) {
      records.push(txn);
      observe(txn);
      refresh(true);
    },
    addMany(txns) {
      for (const t of txns) {
        records.push(t);
        observe(t);
      }
      refresh(true);
    },
    advanceTo(time) {
      if (clock === undefined || time > clock) clock = time;
      refresh(true);
    },
    on(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    result: () => result,
    snapshot: () => ({ version: 1, records: [...records], ...(clock === undefined ? {} : { clock: String(clock) }) }),
  };
}
