import type { CompiledChecks } from '../config/compiled';
import type { Arith } from './arith';
import type { UnitFacts } from './facts';

/** Bits of a failed-check mask. 0 = every check passed. */
export const FAIL_CURRENCY = 1;
export const FAIL_DIRECTION = 2;
export const FAIL_AMOUNT = 4;
export const FAIL_DATE = 8;
export const FAIL_STATUS = 16;

const compatCache = new WeakMap<Uint8Array, Uint8Array>();

/**
 * For status masks (bit per status) `l` and `r`: 1 when every left status may pair with every
 * right status. 64 × 64 entries, built once per status table.
 */
function compatTable(allowed: Uint8Array): Uint8Array {
  let t = compatCache.get(allowed);
  if (t) return t;
  t = new Uint8Array(64 * 64);
  for (let l = 1; l < 64; l++) {
    for (let r = 1; r < 64; r++) {
      let ok = 1;
      for (let s = 0; s < 6; s++) if (l & (1 << s) && (allowed[s]! & r) !== r) ok = 0;
      t[l * 64 + r] = ok;
    }
  }
  compatCache.set(allowed, t);
  return t;
}

/**
 * Evaluates a rule's checks for (left unit, right unit) pairs. A class because it returns three
 * things per call (failed mask, amount delta, date delta) on the hot path of a million pairs
 * without allocating: the deltas are left in `delta` and `dateDelta`.
 */
export class PairChecker<T> {
  /** left − oriented right, after `net`; valid unless the currency check failed. */
  delta: T;
  /** Right date − left date, in the check's unit (0 without a date check). */
  dateDelta = 0;
  private readonly compat: Uint8Array | null;
  private readonly absolute: T;
  private readonly capT: T | null;

  constructor(
    private readonly ar: Arith<T>,
    private readonly checks: CompiledChecks,
    private readonly L: UnitFacts<T>,
    private readonly R: UnitFacts<T>,
  ) {
    this.delta = ar.zero;
    this.compat = checks.status ? compatTable(checks.status) : null;
    this.absolute = ar.fromInt(checks.amount.absolute);
    this.capT = Number.isFinite(checks.amount.cap) ? ar.fromInt(checks.amount.cap) : null;
  }

  /** −1 when the right value is compared negated (direction `opposite`, or `any` with opposite signs). */
  orientation(l: number, r: number): 1 | -1 {
    const mode = this.checks.direction;
    if (mode === 'same') return 1;
    if (mode === 'opposite') return -1;
    return this.ar.sign(this.L.value[l]!) * this.ar.sign(this.R.value[r]!) < 0 ? -1 : 1;
  }

  /** The amount allowance for two compared values (already oriented). */
  allowance(vl: T, vr: T): T {
    const ar = this.ar;
    const { bps } = this.checks.amount;
    let allowed = this.absolute;
    if (bps > 0) {
      const al = ar.abs(vl);
      const br = ar.abs(vr);
      let fromBps = ar.bpsOf(ar.cmp(al, br) >= 0 ? al : br, bps);
      if (this.capT !== null && ar.cmp(fromBps, this.capT) > 0) fromBps = this.capT;
      if (ar.cmp(fromBps, allowed) > 0) allowed = fromBps;
    }
    return allowed;
  }

  /** True when `delta` (left − right) is within the tolerance for values `vl`, `vr`. */
  amountOk(delta: T, vl: T, vr: T): boolean {
    const ar = this.ar;
    const s = ar.sign(delta);
    if (s === 0) return true;
    const a = this.checks.amount;
    if (s < 0 ? !a.allowUnder : !a.allowOver) return false;
    return ar.cmp(ar.abs(delta), this.allowance(vl, vr)) <= 0;
  }

  /** The right date of unit `r` (days or ms, as the date check compares). */
  rightDate(r: number): number {
    return this.R.date[r]!;
  }

  /**
   * The interval of right dates that pass the date check against left unit `l`, into
   * `windowLo`/`windowHi`; false when the rule has no date check.
   */
  window(l: number): boolean {
    const date = this.checks.date;
    if (!date) return false;
    const scale = date.unitMs === 0 ? 1 : date.unitMs;
    this.windowLo = this.L.date[l]! - date.before * scale;
    this.windowHi = this.L.date[l]! + date.after * scale;
    return true;
  }

  windowLo = 0;
  windowHi = 0;

  /** Failed-check mask for left unit `l` against right unit `r`; sets `delta` and `dateDelta`. */
  check(l: number, r: number): number {
    const { ar, checks, L, R } = this;
    let failed = 0;
    if (L.currency[l] !== R.currency[r]) failed |= FAIL_CURRENCY;
    const dl = L.dir[l]!;
    const dr = R.dir[r]!;
    if (checks.direction === 'same' ? dl !== dr && dl !== 0 && dr !== 0 : checks.direction === 'opposite' ? dl === dr && dl !== 0 : false) {
      failed |= FAIL_DIRECTION;
    }
    if ((failed & FAIL_CURRENCY) === 0) {
      const vl = L.value[l] as T;
      let vr = R.value[r] as T;
      if (this.orientation(l, r) < 0) vr = ar.neg(vr);
      const delta = ar.sub(vl, vr);
      this.delta = delta;
      if (!this.amountOk(delta, vl, vr)) failed |= FAIL_AMOUNT;
    } else {
      this.delta = ar.zero;
    }
    const date = checks.date;
    if (date) {
      const raw = R.date[r]! - L.date[l]!;
      if (date.unitMs === 0) {
        this.dateDelta = raw;
        if (raw < -date.before || raw > date.after) failed |= FAIL_DATE;
      } else {
        this.dateDelta = raw / date.unitMs;
        if (raw < -date.before * date.unitMs || raw > date.after * date.unitMs) failed |= FAIL_DATE;
      }
    }
    if (this.compat && this.compat[L.status[l]! * 64 + R.status[r]!] === 0) failed |= FAIL_STATUS;
    return failed;
  }
}
