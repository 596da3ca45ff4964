import type { UnmatchedReason } from '../types';
import type { ScratchPool } from './scratch';

/** Reason codes, in increasing strength: the strongest one seen is reported. */
export const REASON_NOT_APPLICABLE = 0;
export const REASON_NO_CANDIDATE = 1;
export const REASON_TAKEN = 2;
export const REASON_FAILED_CHECKS = 3;
export const REASON_TOO_MANY = 4;

const REASONS: readonly UnmatchedReason[] = ['not-applicable', 'no-candidate', 'candidates-taken', 'candidates-failed-checks', 'too-many-candidates'];

/** The reason name of a code. */
export function reasonName(code: number): UnmatchedReason {
  return REASONS[code] ?? 'no-candidate';
}

/**
 * Per-record state of one link, indexed by record: open (still to decide), resolved (matched,
 * mismatched or suggested here) and the strongest unmatched reason seen so far.
 */
export class LinkState {
  readonly open: Uint8Array;
  readonly resolved: Uint8Array;
  readonly reason: Uint8Array;

  constructor(
    n: number,
    private readonly pool: ScratchPool,
  ) {
    this.open = pool.take('u8', n);
    this.resolved = pool.take('u8', n);
    this.reason = pool.take('u8', n);
  }

  /** Return the arrays to the pool (the state must not be used afterwards). */
  release(): void {
    this.pool.give(this.open, this.resolved, this.reason);
  }

  /** Raise record `i`'s reason to at least `code`. */
  note(i: number, code: number): void {
    if (this.reason[i]! < code) this.reason[i] = code;
  }

  /** Close record `i` as resolved. */
  close(i: number): void {
    this.open[i] = 0;
    this.resolved[i] = 1;
  }
}
