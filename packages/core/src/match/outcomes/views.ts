import type { StandardTransaction } from '../../schema/transaction';
import { hex64 } from '../engine/hash';
import { outcomeToJson } from '../export/json';
import type {
  DuplicateOutcome,
  Evidence,
  MatchedOutcome,
  Mismatch,
  MismatchedOutcome,
  OutcomeAmounts,
  RecordKey,
  SuggestedCandidate,
  SuggestedOutcome,
  UnmatchedOutcome,
  UnmatchedReason,
} from '../types';
import type { OutcomeBuilder } from './build';
import type { PairBatch, PairDecision } from './context';

const INSPECT = Symbol.for('nodejs.util.inspect.custom');

/**
 * Outcomes are views: each keeps the few numbers that decide it and computes its records,
 * evidence, amounts and id from the shared pass context when read. At a million matches this is
 * the difference between one small object per outcome and a dozen (arrays, evidence, amounts, id
 * string): several hundred megabytes and most of the GC time. Reading a property twice computes
 * it twice (equal values, new arrays); JSON.stringify and console.log show the plain form.
 */
abstract class PairView<T> {
  // Two fields only (the builder is reached through the batch): a million of these are live.
  constructor(
    protected readonly batch: PairBatch<T>,
    protected readonly k: number,
  ) {}

  protected get builder(): OutcomeBuilder<T> {
    return this.batch.builder;
  }

  protected get d(): PairDecision<T> {
    return this.batch.decision(this.k);
  }

  get id(): string {
    return this.builder.idOf(this.batch.first + this.k);
  }

  get link(): string {
    return this.builder.link;
  }

  get rule(): string {
    return this.batch.ctx.rule.name;
  }

  get left(): StandardTransaction[] {
    return this.builder.txnsOf(this.batch.ctx.L, this.batch.src.l[this.batch.pick[this.k]!]!);
  }

  get right(): StandardTransaction[] {
    return this.builder.txnsOf(this.batch.ctx.R, this.batch.src.r[this.batch.pick[this.k]!]!);
  }

  toJSON(): Record<string, unknown> {
    return outcomeToJson(this as unknown as MatchedOutcome | MismatchedOutcome);
  }

  [INSPECT](): Record<string, unknown> {
    return this.toJSON();
  }
}

/** A `matched` outcome (see {@link MatchedOutcome}). */
export class MatchedView<T> extends PairView<T> implements MatchedOutcome {
  get kind(): 'matched' {
    return 'matched';
  }

  get evidence(): Evidence {
    return this.builder.evidence(this.batch.ctx, this.d, true);
  }

  get confidence(): number {
    return this.builder.explanation(this.batch.ctx, this.d).confidence;
  }

  get amounts(): OutcomeAmounts {
    const d = this.d;
    return this.builder.amounts(this.batch.ctx, d.l, d.r, d.delta)!;
  }
}

/** A `mismatched` outcome (see {@link MismatchedOutcome}). */
export class MismatchedView<T> extends PairView<T> implements MismatchedOutcome {
  get kind(): 'mismatched' {
    return 'mismatched';
  }

  get evidence(): Evidence {
    return this.builder.evidence(this.batch.ctx, this.d, false);
  }

  get mismatches(): readonly Mismatch[] {
    return this.builder.mismatches(this.batch.ctx, this.d);
  }

  get amounts(): OutcomeAmounts | undefined {
    const d = this.d;
    return this.builder.amounts(this.batch.ctx, d.l, d.r, d.delta);
  }
}

const EMPTY: readonly StandardTransaction[] = Object.freeze([]);

/** An `unmatched` outcome (see {@link UnmatchedOutcome}). */
export class UnmatchedView<T> implements UnmatchedOutcome {
  constructor(
    private readonly builder: OutcomeBuilder<T>,
    private readonly record: number,
    readonly side: 'left' | 'right',
    readonly reason: UnmatchedReason,
    private readonly h1: number,
    private readonly h2: number,
  ) {}

  get kind(): 'unmatched' {
    return 'unmatched';
  }

  get id(): string {
    return hex64('o_', this.h1 >>> 0, this.h2 >>> 0);
  }

  get link(): string {
    return this.builder.link;
  }

  get left(): readonly StandardTransaction[] {
    return this.side === 'left' ? [this.builder.txn(this.record)] : EMPTY;
  }

  get right(): readonly StandardTransaction[] {
    return this.side === 'right' ? [this.builder.txn(this.record)] : EMPTY;
  }

  toJSON(): Record<string, unknown> {
    return outcomeToJson(this);
  }

  [INSPECT](): Record<string, unknown> {
    return this.toJSON();
  }
}

/** A `suggested` outcome (see {@link SuggestedOutcome}): plain fields, JSON in the export form. */
export class SuggestedRecord implements SuggestedOutcome {
  readonly kind = 'suggested' as const;

  constructor(
    readonly id: string,
    readonly link: string,
    readonly left: readonly StandardTransaction[],
    readonly right: readonly StandardTransaction[],
    readonly rule: string,
    readonly reason: SuggestedOutcome['reason'],
    readonly candidates: readonly SuggestedCandidate[],
  ) {}

  toJSON(): Record<string, unknown> {
    return outcomeToJson(this);
  }

  [INSPECT](): Record<string, unknown> {
    return this.toJSON();
  }
}

/** A `duplicate` outcome (see {@link DuplicateOutcome}): plain fields, JSON in the export form. */
export class DuplicateRecord implements DuplicateOutcome {
  readonly kind = 'duplicate' as const;

  constructor(
    readonly id: string,
    readonly link: string,
    readonly left: readonly StandardTransaction[],
    readonly right: readonly StandardTransaction[],
    readonly side: 'left' | 'right',
    readonly of: RecordKey,
    readonly key: string,
  ) {}

  toJSON(): Record<string, unknown> {
    return outcomeToJson(this);
  }

  [INSPECT](): Record<string, unknown> {
    return this.toJSON();
  }
}
