import type { OutcomeBuilder } from './build';
import type { CompiledIdentifier, CompiledRule } from '../config/compiled';
import type { PairChecker } from '../engine/checks';
import type { UnitFacts } from '../engine/facts';
import type { Units } from '../engine/units';
import type { Evidence } from '../types';

/** Everything a pair outcome needs to know about the pass that produced it; shared by its outcomes. */
export interface PairContext<T> {
  rule: CompiledRule;
  L: Units;
  R: Units;
  LF: UnitFacts<T>;
  RF: UnitFacts<T>;
  checker: PairChecker<T>;
  method: Evidence['method'];
  identifier: CompiledIdentifier | null;
}

/** How a pair won: alone, or against other acceptable candidates by `best` or `optimal`. */
export type Via = 'unique' | 'best' | 'optimal';

/** One decided pair (units `l`, `r` of the context). */
export interface PairDecision<T> {
  l: number;
  r: number;
  lkey: string | undefined;
  rkey: string | undefined;
  delta: T;
  dateDelta: number;
  failed: number;
  candidates: number;
  via: Via;
}

/** Where a batch of pairs reads its per-pair columns (a pass's edges, or a one-pair stand-in). */
export interface PairSource<T> {
  l: ArrayLike<number>;
  r: ArrayLike<number>;
  lkey(e: number): string | undefined;
  rkey(e: number): string | undefined;
  delta: ArrayLike<T>;
  dateDelta: ArrayLike<number>;
  failed: ArrayLike<number>;
}

/** Codes of {@link Via}, as stored in a batch. */
export const VIAS: readonly Via[] = ['unique', 'best', 'optimal'];

/**
 * The pairs one pass decided, in columns, shared by their outcome views: a view is just
 * (batch, position). Picks index the pass's edges, so nothing per pair is copied.
 */
export class PairBatch<T> {
  readonly pick: Int32Array;
  readonly candidates: Int32Array;
  /** Index into {@link VIAS} per pair. */
  readonly via: Uint8Array;
  /** Index (in its builder) of the outcome at position 0. */
  first = 0;

  constructor(
    /** The builder that made the batch (views reach it through here). */
    readonly builder: OutcomeBuilder<T>,
    readonly ctx: PairContext<T>,
    readonly src: PairSource<T>,
    picks: Int32Array,
    candidates: Int32Array,
    via: Uint8Array,
  ) {
    this.pick = picks;
    this.candidates = candidates;
    this.via = via;
  }

  /** The decision at position `k`, as a plain object (for code that is not on the hot path). */
  decision(k: number): PairDecision<T> {
    const e = this.pick[k]!;
    const s = this.src;
    return {
      l: s.l[e]!,
      r: s.r[e]!,
      lkey: s.lkey(e),
      rkey: s.rkey(e),
      delta: s.delta[e]!,
      dateDelta: s.dateDelta[e]!,
      failed: s.failed[e]!,
      candidates: this.candidates[k]!,
      via: VIAS[this.via[k]!]!,
    };
  }
}
