import type { StandardTransaction } from '../../schema/transaction';
import { compileConfig } from '../config/compile';
import { reconcile } from '../engine/reconcile';
import type { CompiledConfig, Outcome, ReconConfig, ReconResult } from '../types';
import { detachOutcome } from '../outcomes/detach';
import { Components } from './components';
import { Deadlines } from './deadlines';
import { planFor } from './plan';

/** What a streaming {@link Reconciler} reports as records arrive. */
export type ReconEventType = 'matched' | 'mismatched' | 'suggested' | 'duplicate' | 'expected' | 'break' | 'reopened' | 'withdrawn';

/**
 * One event. For `withdrawn` the outcome is the one that no longer holds (a consumer retracts
 * it); for every other type it is the outcome as the batch engine now sees it (a `reopened`
 * event carries the new match of a former break).
 */
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

/** Version 1 snapshot (records and clock); {@link restoreReconciler} still reads it. */
export interface ReconcilerSnapshotV1 {
  version: 1;
  records: StandardTransaction[];
  clock?: string;
}

/** JSON-serialisable state of a {@link Reconciler} (no bigint; the clock is a decimal string). */
export interface ReconcilerSnapshot {
  version: 2;
  /** Every record in arrival order. */
  records: StandardTransaction[];
  /** Event-time clock in epoch milliseconds, as a string; absent before the first record. */
  clock?: string;
  /**
   * Ids of the unmatched outcomes already reported as `break`, sorted: they stay breaks (and a late
   * match is `reopened`) even if the reconciler is restored with other windows.
   */
  breaks: string[];
}

/** A streaming reconciler: feed records one at a time, listen to events. */
export interface Reconciler {
  /** Adds one record (the guide's `add_transaction`) and emits the events it causes. */
  add(txn: StandardTransaction): void;
  /** Adds several records in one pass, then emits the events they cause together. */
  addMany(txns: readonly StandardTransaction[]): void;
  /** Advances the event-time clock (epoch ms), closing the windows that end before it. */
  advanceTo(time: number): void;
  /** Subscribes a listener; returns the unsubscribe function. */
  on(listener: (event: ReconEvent) => void): () => void;
  /** The current outcomes: exactly `reconcile(allRecordsSoFar, config)` (computed on demand, then cached until the next record). */
  result(): ReconResult;
  /**
   * The current outcomes as maintained incrementally, in no particular order, without a batch run:
   * the same ids, kinds and records as `result().outcomes`. Evidence and reasons are as of when the
   * outcome appeared; `result()` has them as a batch run gives them.
   */
  outcomes(): Outcome[];
  /** State to persist; restore with {@link restoreReconciler}. */
  snapshot(): ReconcilerSnapshot;
}

type State = 'pending' | 'break' | 'resolved';

interface Digest {
  o: Outcome;
  link: number;
  rule: number;
  members: number[];
}

interface Entry {
  outcome: Outcome;
  state: State;
  link: number;
  /** Index of the outcome's rule in its link (unmatched and duplicate: −1). */
  rule: number;
  members: number[];
  /** For an unmatched outcome: when its window closes (NaN: never). */
  deadline: number;
}

/**
 * Creates a streaming reconciler. Each arrival re-runs the batch engine only over the records that
 * can interact with it (its connected component through shared keys, groups and duplicate keys,
 * widened through weak-key pools to records still open at those rules: see `plan.ts`), then diffs
 * that component's outcomes by their deterministic ids to emit events. Records outside the
 * component keep their outcomes, so the incremental state always equals a batch run over every
 * record so far.
 */
export function createReconciler(config: ReconConfig | CompiledConfig, options: ReconcilerOptions = {}): Reconciler {
  return build(config, options, undefined);
}

/** Rebuilds a reconciler from {@link Reconciler.snapshot} output (version 1 or 2); it continues identically (no events replayed). */
export function restoreReconciler(
  config: ReconConfig | CompiledConfig,
  snapshot: ReconcilerSnapshot | ReconcilerSnapshotV1,
  options: ReconcilerOptions = {},
): Reconciler {
  return build(config, options, snapshot);
}

function build(config: ReconConfig | CompiledConfig, options: ReconcilerOptions, snap: ReconcilerSnapshot | ReconcilerSnapshotV1 | undefined): Reconciler {
  const compiled = compileConfig(config);
  const plain = compiled.config;
  const linkIndex = new Map(plain.links.map((l, k) => [l.name, k]));
  const ruleIndex = plain.links.map((l) => new Map(l.rules.map((r, k) => [r.name, k])));
  const windowOf = plain.links.map((l) => options.windows?.[l.name] ?? options.defaultWindowMs ?? 0);
  const plan = planFor(plain);
  const graph = new Components();
  const records: StandardTransaction[] = [];
  const indexOf = new Map<StandardTransaction, number>();
  /** Per link, per record: the id of the outcome holding it there. */
  const outcomeOf: (string | undefined)[][] = plain.links.map(() => []);
  const entries = new Map<string, Entry>();
  const deadlines = new Deadlines();
  const listeners = new Set<(e: ReconEvent) => void>();
  let clock: number | undefined = snap?.clock === undefined ? undefined : Number(snap.clock);
  let cached: ReconResult | undefined;

  const deadlineOf = (members: readonly number[], link: number) => {
    let latest = -Infinity;
    for (const m of members) latest = Math.max(latest, Date.parse(records[m]!.timestamp));
    return latest + windowOf[link]!; // NaN for an unreadable timestamp: never expires
  };
  const expired = (at: number) => clock !== undefined && clock > at;

  const register = (txn: StandardTransaction): number => {
    // The same object twice (a replayed message) must still be two records.
    const t = indexOf.has(txn) ? { ...txn } : txn;
    const i = records.length;
    records.push(t);
    indexOf.set(t, i);
    graph.add(i, plan(t));
    const ts = Date.parse(t.timestamp);
    if (!Number.isNaN(ts) && (clock === undefined || ts > clock)) clock = ts;
    return i;
  };

  /** `(record, link, rule)` → whether the record is open at that rule in `result` (false for records not in it). */
  // Outcome views compute their record lists on each read: read them once per run.
  const digest = (result: ReconResult): Digest[] =>
    result.outcomes.map((o) => {
      const link = linkIndex.get(o.link)!;
      const rule = o.kind === 'unmatched' || o.kind === 'duplicate' ? -1 : (ruleIndex[link]!.get(o.rule) ?? -1);
      const members: number[] = [];
      for (const t of o.left) members.push(indexOf.get(t)!);
      for (const t of o.right) members.push(indexOf.get(t)!);
      return { o, link, rule, members };
    });
  const openIn = (digests: readonly Digest[]) => {
    const at = plain.links.map(() => new Map<number, number>()); // per link: record → rule index of its outcome (Infinity: unmatched)
    for (const d of digests) {
      if (d.o.kind === 'duplicate') continue;
      const rule = d.o.kind === 'unmatched' ? Infinity : d.rule;
      for (const m of d.members) at[d.link]!.set(m, rule);
    }
    return (rec: number, link: number, rule: number) => (at[link]!.get(rec) ?? -1) >= rule;
  };

  /** Whether record `i` is still open at rule `rule` of link `link` (its outcome is unmatched or comes from that rule or a later one). */
  const openAt = (i: number) => (link: number, rule: number) => {
    const id = outcomeOf[link]![i];
    if (id === undefined) return false;
    const e = entries.get(id)!;
    return e.outcome.kind === 'unmatched' || (e.outcome.kind !== 'duplicate' && e.rule >= rule);
  };

  /**
   * Re-runs the engine over the component of `seeds`, widened through weak-key pools until closed:
   * a member queries its pools if it was open there before (its old partners may now decide
   * differently) or is open there in the latest run. Then applies the outcomes; returns the events
   * (none when `emit` is false).
   */
  const rerun = (seeds: readonly number[], emit: boolean, breaks?: ReadonlySet<string>): ReconEvent[] => {
    const set = graph.components(seeds);
    let digests: Digest[];
    for (;;) {
      digests = digest(
        reconcile(
          set.list.map((i) => records[i]!),
          compiled,
        ),
      );
      const open = openIn(digests);
      if (!graph.expand(set, (rec, m, listed) => listed || open(rec, m.link, m.rule))) break;
    }
    const subset = set.list;
    const old = new Set<string>();
    for (const i of subset) for (const per of outcomeOf) if (per[i] !== undefined) old.add(per[i]!);
    const fresh = new Set<string>();
    const added: Entry[] = [];
    const moved: [Entry, number[], Outcome][] = [];
    for (const { o, link, rule, members } of digests) {
      fresh.add(o.id);
      const prev = entries.get(o.id);
      if (prev) {
        // Same id. The object is refreshed (an unmatched reason may differ), and so are the members:
        // the n-th exact copy of a record keeps its id when another copy sorts before it.
        // Same id: the decision stands. The kept outcome is renewed only when other records (another
        // exact copy of a duplicate) now make it up; evidence details are read from `result()`.
        if (prev.members.length !== members.length || prev.members.some((m, k) => m !== members[k])) {
          moved.push([prev, members, prev.outcome]);
          prev.outcome = detachOutcome(o);
        }
        if (o.kind === 'unmatched') {
          const at = deadlineOf(members, link);
          if (prev.state === 'pending' && at !== prev.deadline && !Number.isNaN(at)) deadlines.push(at, o.id);
          prev.deadline = at;
        }
        continue;
      }
      // A plain copy: a kept view would keep its whole component run alive (see detachOutcome).
      added.push({ outcome: detachOutcome(o), state: 'resolved', link, rule, members, deadline: Number.NaN });
    }
    const events: ReconEvent[] = [];
    const gone = [...old].filter((id) => !fresh.has(id)).sort();
    // What the members were before, for `reopened`.
    const wasBreak = new Set<string>();
    for (const id of gone) {
      const e = entries.get(id)!;
      if (e.state === 'break') for (const m of e.members) wasBreak.add(`${e.link}:${m}`);
      entries.delete(id);
      for (const m of e.members) if (outcomeOf[e.link]![m] === id) outcomeOf[e.link]![m] = undefined;
      if (emit && e.outcome.kind !== 'unmatched') events.push({ type: 'withdrawn', link: e.outcome.link, outcome: e.outcome });
    }
    for (const [e, members, before] of moved) {
      for (const m of e.members) if (outcomeOf[e.link]![m] === e.outcome.id) outcomeOf[e.link]![m] = undefined;
      e.members = members;
      for (const m of members) outcomeOf[e.link]![m] = e.outcome.id;
      // Another copy now stands for the outcome: retract the published one, publish the new one.
      if (emit && e.outcome.kind !== 'unmatched') {
        events.push({ type: 'withdrawn', link: before.link, outcome: before });
        events.push({ type: e.outcome.kind, link: e.outcome.link, outcome: e.outcome });
      }
    }
    for (const e of added) {
      entries.set(e.outcome.id, e);
      for (const m of e.members) outcomeOf[e.link]![m] = e.outcome.id;
      if (e.outcome.kind === 'unmatched') {
        const at = deadlineOf(e.members, e.link);
        e.deadline = at;
        e.state = breaks ? (breaks.has(e.outcome.id) ? 'break' : 'pending') : expired(at) ? 'break' : 'pending';
        if (e.state === 'pending' && !Number.isNaN(at)) deadlines.push(at, e.outcome.id);
        if (emit) events.push({ type: e.state === 'break' ? 'break' : 'expected', link: e.outcome.link, outcome: e.outcome });
      } else if (emit) {
        const reopened = e.members.some((m) => wasBreak.has(`${e.link}:${m}`));
        events.push({ type: reopened ? 'reopened' : e.outcome.kind, link: e.outcome.link, outcome: e.outcome });
      }
    }
    for (const i of subset) graph.refreshPools(i, openAt(i));
    return events;
  };

  const expire = (events: ReconEvent[]) => {
    if (clock === undefined) return;
    for (let d = deadlines.popBefore(clock); d; d = deadlines.popBefore(clock)) {
      const e = entries.get(d.id);
      if (!e || e.state !== 'pending' || e.deadline !== d.at) continue;
      e.state = 'break';
      events.push({ type: 'break', link: e.outcome.link, outcome: e.outcome });
    }
  };

  const publish = (events: ReconEvent[]) => {
    for (const e of events) for (const l of listeners) l(e);
  };

  const ingest = (txns: readonly StandardTransaction[]) => {
    if (txns.length === 0) return;
    cached = undefined;
    const seeds = txns.map(register);
    const events = rerun(seeds, true);
    expire(events);
    publish(events);
  };

  if (snap) {
    const seeds = snap.records.map(register);
    if (snap.clock !== undefined) clock = Number(snap.clock);
    // One batch run over everything rebuilds every component's outcomes at once.
    rerun(seeds, false, snap.version === 2 ? new Set(snap.breaks) : undefined);
    if (snap.version !== 2) expire([]);
  }

  return {
    add: (txn) => ingest([txn]),
    addMany: (txns) => ingest(txns),
    advanceTo(time) {
      if (clock === undefined || time > clock) clock = time;
      const events: ReconEvent[] = [];
      expire(events);
      publish(events);
    },
    on(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    result: () => (cached ??= reconcile(records, compiled)),
    outcomes: () => [...entries.values()].map((e) => e.outcome),
    snapshot: () => ({
      version: 2,
      records: [...records],
      ...(clock === undefined ? {} : { clock: String(clock) }),
      breaks: [...entries.values()].filter((e) => e.state === 'break').map((e) => e.outcome.id).sort(),
    }),
  };
}
