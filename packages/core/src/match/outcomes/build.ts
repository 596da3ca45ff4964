import type { StandardTransaction } from '../../schema/transaction';
import type { CompiledIdentifier } from '../config/compiled';
import type { Arith } from '../engine/arith';
import { FAIL_AMOUNT, FAIL_CURRENCY, FAIL_DATE, FAIL_DIRECTION, FAIL_STATUS } from '../engine/checks';
import { MIXED } from '../engine/facts';
import type { RecordTable } from '../engine/record-table';
import type { Units } from '../engine/units';
import { GrowInt32, GrowUint8 } from '../engine/grow';
import { hex64 } from '../engine/hash';
import type {
  MatchCheckResult,
  ConfidenceFactor,
  Evidence,
  IdentifierRef,
  Mismatch,
  Outcome,
  OutcomeAmounts,
  OutcomeKind,
  RecordKey,
  SuggestedCandidate,
  SuggestedOutcome,
  UnmatchedReason,
} from '../types';
import { PairBatch, type PairContext, type PairDecision, type PairSource } from './context';
import { DuplicateRecord, MatchedView, MismatchedView, SuggestedRecord, UnmatchedView } from './views';
import { orderMade } from './order';
import { decimal, signed, statusesOf } from './format';
import { OutcomeIdHasher } from './ids';
import { LinkTally } from './tally';

/** Export order of kinds within a link. */
export const KIND_RANK: Readonly<Record<OutcomeKind, number>> = { matched: 0, mismatched: 1, suggested: 2, unmatched: 3, duplicate: 4 };

/** Bits of an outcome's meta byte above its kind rank (bits 0–2): the side of an unmatched record… */
const META_RIGHT = 8;
/** …and its reason's number in the builder's list (bits 4–7). */
const META_REASON_SHIFT = 4;

export type { PairContext, PairDecision } from './context';

/** Integer product of factors in 1/10 000 (no float drift: confidence is the same bits on every run). */
function times(c: number, f: number): number {
  const p = c * f;
  return (p - (p % 10_000)) / 10_000;
}

const EMPTY: readonly StandardTransaction[] = Object.freeze([]);

/**
 * Builds the outcomes of one link and keeps, next to each, the two hash words that order the
 * export. Pair and unmatched outcomes are views (see `views.ts`) that call back here to compute
 * their evidence, amounts and records when read; every immutable piece (check results,
 * explanations, identifier refs, amounts of plain matches) is shared across outcomes.
 */
export class OutcomeBuilder<T> {
  /**
   * Outcomes are not kept as objects while the link runs: each is a row of columns (its hash
   * words, a meta byte, an argument) and its view is made once, when {@link ordered} puts the link
   * in export order. Meta: {@link KIND_RANK} in bits 0–2, for `unmatched` the side and reason
   * above. Argument: the record of an `unmatched`, the index in {@link made} of an outcome built
   * eagerly (suggested, duplicate), unused for pairs (their batch and position follow from the row).
   */
  private readonly metaCol: GrowUint8;
  private readonly argCol: GrowInt32;
  private readonly hiCol: GrowInt32;
  private readonly loCol: GrowInt32;
  /** Pair batches in creation order (each covers rows `first .. first + pick.length`). */
  private readonly batches: PairBatch<T>[] = [];
  /** Outcomes built as plain objects (suggested, duplicate: few). */
  private readonly made: Outcome[] = [];
  /** Unmatched reasons seen, numbered for the meta byte. */
  private readonly reasons: UnmatchedReason[] = [];
  /** Counts and money per kind, source and rule, fed as outcomes are built. */
  readonly tally: LinkTally<T>;
  private readonly ids = new OutcomeIdHasher();
  private readonly shared = new Map<string, unknown>();
  private readonly amountsCache = new Map<string, Map<T, OutcomeAmounts>>();
  private readonly ar: Arith<T>;
  private sumHi = 0;
  private sumLo = 0;

  constructor(
    private readonly table: RecordTable<T>,
    readonly link: string,
  ) {
    this.ar = table.ar;
    this.tally = new LinkTally(table);
    this.hiCol = new GrowInt32(1024, table.scratch);
    this.metaCol = new GrowUint8(1024, table.scratch);
    this.argCol = new GrowInt32(1024, table.scratch);
    this.loCol = new GrowInt32(1024, table.scratch);
  }

  private count(kind: OutcomeKind, rule: string | undefined, units: readonly (readonly [Units, readonly number[]])[]): void {
    this.tally.begin(kind, rule);
    for (const [set, list] of units) {
      for (const u of list) {
        const s = set.start[u]!;
        for (let k = s; k < s + set.size[u]!; k++) this.tally.record(set.members[k]!);
      }
    }
  }

  private intern<V>(key: string, make: () => V): V {
    let v = this.shared.get(key) as V | undefined;
    if (v === undefined) {
      v = make();
      this.shared.set(key, v);
    }
    return v;
  }

  /** Add a row for the outcome whose id words are in `ids.out`. */
  private push(meta: number, arg: number): void {
    this.metaCol.push(meta);
    this.argCol.push(arg);
    this.hiCol.push(this.ids.out[0]! | 0);
    this.loCol.push(this.ids.out[1]! | 0);
  }

  /** Outcomes so far. */
  get size(): number {
    return this.metaCol.length;
  }

  /** The outcome of row `i`, made now (called once per row, by {@link ordered}). */
  private make(i: number): Outcome {
    const meta = this.metaCol.at(i);
    const kind = meta & 7;
    if (kind === KIND_RANK.matched || kind === KIND_RANK.mismatched) {
      const batch = this.batchOf(i);
      return kind === KIND_RANK.matched ? new MatchedView(batch, i - batch.first) : new MismatchedView(batch, i - batch.first);
    }
    if (kind === KIND_RANK.unmatched) {
      const side = meta & META_RIGHT ? 'right' : 'left';
      return new UnmatchedView(this, this.argCol.at(i), side, this.reasons[meta >>> META_REASON_SHIFT]!, this.hiCol.at(i), this.loCol.at(i));
    }
    return this.made[this.argCol.at(i)]!;
  }

  /** The batch holding row `i` (binary search: batches are few and in row order). */
  private batchOf(i: number): PairBatch<T> {
    const list = this.batches;
    let lo = 0;
    let hi = list.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (list[mid]!.first <= i) lo = mid;
      else hi = mid - 1;
    }
    return list[lo]!;
  }

  /**
   * The link's outcomes in export order (see `orderOutcomes`), each made here. Call once, after
   * the last outcome; the rows' meta and argument columns go back to the pool (the views need
   * only the hash words).
   */
  ordered(): Outcome[] {
    const out = orderMade(this.size, (i) => this.make(i), this.hi, this.lo, this.metaCol.view(), this.table.scratch);
    this.metaCol.release();
    this.argCol.release();
    this.batches.length = 0;
    this.made.length = 0;
    return out;
  }

  /** First hash word of each outcome, in creation order (for the export order). */
  get hi(): Uint32Array {
    const v = this.hiCol.view();
    return new Uint32Array(v.buffer, v.byteOffset, v.length);
  }

  /** Second hash word of each outcome. */
  get lo(): Uint32Array {
    const v = this.loCol.view();
    return new Uint32Array(v.buffer, v.byteOffset, v.length);
  }

  /** The id of outcome number `k` (in creation order). */
  idOf(k: number): string {
    return hex64('o_', this.hiCol.at(k) >>> 0, this.loCol.at(k) >>> 0);
  }

  /** Record `i`. */
  txn(i: number): StandardTransaction {
    return this.table.txn(i);
  }

  /** A unit's records, in total order (source, then txn_id). */
  txnsOf(units: Units, u: number): StandardTransaction[] {
    const s = units.start[u]!;
    const n = units.size[u]!;
    if (n === 1) return [this.table.txn(units.members[s]!)];
    const idx = Array.from(units.members.subarray(s, s + n)).sort((a, b) => this.table.compare(a, b));
    return idx.map((i) => this.table.txn(i));
  }

  /** Σ of member hashes of a unit into `sumHi`/`sumLo` (mod 2^32). */
  private sideHash(units: Units, u: number): void {
    let hi = 0;
    let lo = 0;
    const s = units.start[u]!;
    for (let k = s; k < s + units.size[u]!; k++) {
      const i = units.members[k]!;
      hi = (hi + this.table.hashHi(i)) >>> 0;
      lo = (lo + this.table.hashLo(i)) >>> 0;
    }
    this.sumHi = hi;
    this.sumLo = lo;
  }

  private pairHash(seed: { h1: number; h2: number }, L: Units, l: number, R: Units, r: number): void {
    this.sideHash(L, l);
    const lh = this.sumHi;
    const ll = this.sumLo;
    this.sideHash(R, r);
    this.ids.hashSeeded(seed, lh, ll, L.size[l]!, this.sumHi, this.sumLo, R.size[r]!);
  }

  /** Σ signed gross, Σ fee, Σ tax of a unit's members. */
  private sums(units: Units, u: number): [T, T, T] {
    const { ar, table } = this;
    let g = ar.zero;
    let f = ar.zero;
    let x = ar.zero;
    const s = units.start[u]!;
    for (let k = s; k < s + units.size[u]!; k++) {
      const i = units.members[k]!;
      g = ar.add(g, table.signed(i));
      f = ar.add(f, table.fee[i]!);
      x = ar.add(x, table.tax[i]!);
    }
    return [g, f, x];
  }

  /** The money of a pair (undefined across currencies): `left − right = fee + tax + difference`. */
  amounts(ctx: PairContext<T>, l: number, r: number, delta: T): OutcomeAmounts | undefined {
    const cid = ctx.LF.currency[l]!;
    if (cid !== ctx.RF.currency[r] || cid === MIXED) return undefined;
    const currency = this.table.currencies[cid]!;
    const { ar } = this;
    const o = ctx.checker.orientation(l, r);
    const [lg, lf, lt] = this.sums(ctx.L, l);
    const [rg0, rf0, rt0] = this.sums(ctx.R, r);
    const rg = o < 0 ? ar.neg(rg0) : rg0;
    const { netFee, netTax } = ctx.rule.checks.amount;
    const fee = netFee ? ar.sub(lf, o < 0 ? ar.neg(rf0) : rf0) : ar.zero;
    const tax = netTax ? ar.sub(lt, o < 0 ? ar.neg(rt0) : rt0) : ar.zero;
    const plain = ar.sign(fee) === 0 && ar.sign(tax) === 0 && ar.sign(delta) === 0 && ar.cmp(lg, rg) === 0;
    if (plain) {
      // The common case (exact match, nothing netted) repeats a few hundred price points: share.
      let byValue = this.amountsCache.get(currency);
      if (!byValue) {
        byValue = new Map();
        this.amountsCache.set(currency, byValue);
      }
      let a = byValue.get(lg);
      if (!a) {
        const v = ar.toBigInt(lg);
        a = Object.freeze({ currency, left: v, right: v, fee: 0n, tax: 0n, difference: 0n }) as OutcomeAmounts;
        byValue.set(lg, a);
      }
      return a;
    }
    return { currency, left: ar.toBigInt(lg), right: ar.toBigInt(rg), fee: ar.toBigInt(fee), tax: ar.toBigInt(tax), difference: ar.toBigInt(delta) };
  }

  private identifierRef(id: CompiledIdentifier): IdentifierRef {
    return this.intern(`id\u0001${id.name}\u0001${id.leftLabel}\u0001${id.rightLabel}\u0001${id.prefix}`, () => ({
      name: id.name,
      left: id.leftLabel,
      right: id.rightLabel,
      compare: id.prefix ? ('prefix' as const) : ('exact' as const),
    }));
  }

  private checkResults(ctx: PairContext<T>, l: number, r: number, d: PairDecision<T>): readonly MatchCheckResult[] {
    const { rule } = ctx;
    const c = rule.checks;
    const lcid = ctx.LF.currency[l]!;
    const rcid = ctx.RF.currency[r]!;
    const lc = lcid === MIXED ? 'mixed' : this.table.currencies[lcid]!;
    const rc = rcid === MIXED ? 'mixed' : this.table.currencies[rcid]!;
    const ld = ctx.LF.dir[l]!;
    const rd = ctx.RF.dir[r]!;
    const deltaKey = this.ar.sign(d.delta) === 0 ? '0' : this.ar.toMinorString(d.delta);
    const ls = c.status ? ctx.LF.status[l]! : 0;
    const rs = c.status ? ctx.RF.status[r]! : 0;
    const key = `chk\u0001${rule.name}\u0001${d.failed}\u0001${deltaKey}\u0001${d.dateDelta}\u0001${ls}\u0001${rs}\u0001${lc}\u0001${rc}\u0001${ld}\u0001${rd}`;
    return this.intern(key, () => {
      const out: MatchCheckResult[] = [];
      out.push({
        check: 'currency',
        passed: (d.failed & FAIL_CURRENCY) === 0,
        detail: lc === rc ? lc : `${lc} ↔ ${rc}`,
      });
      const dirName = (x: number) => (x > 0 ? 'CREDIT' : x < 0 ? 'DEBIT' : 'ZERO');
      out.push({
        check: 'direction',
        passed: (d.failed & FAIL_DIRECTION) === 0,
        detail: `${dirName(ld)} ↔ ${dirName(rd)} (${c.direction})`,
      });
      if ((d.failed & FAIL_CURRENCY) === 0) {
        const ok = (d.failed & FAIL_AMOUNT) === 0;
        const net = [c.amount.netFee ? 'fee' : '', c.amount.netTax ? 'tax' : ''].filter(Boolean).join('+');
        const what = net ? ` net of ${net}` : '';
        out.push({
          check: 'amount',
          passed: ok,
          detail: `Δ ${deltaKey === '0' ? '0' : decimal(this.ar.toBigInt(d.delta), lc)}${what} (${ok ? 'within' : 'outside'} ${c.amount.label})`,
        });
      }
      if (c.date) {
        out.push({
          check: 'date',
          passed: (d.failed & FAIL_DATE) === 0,
          detail: `Δ ${signed(d.dateDelta)} ${c.date.unit} (window −${c.date.before}..+${c.date.after})`,
        });
      }
      if (c.status) {
        out.push({
          check: 'status',
          passed: (d.failed & FAIL_STATUS) === 0,
          detail: `${statusesOf(ls).join('/')} ↔ ${statusesOf(rs).join('/')}`,
        });
      }
      return out;
    });
  }

  /** Confidence and its factors for a pair (shared by every pair with the same shape). */
  explanation(ctx: PairContext<T>, d: PairDecision<T>): { factors: readonly ConfidenceFactor[]; confidence: number } {
    const id = ctx.identifier;
    const key = `exp\u0001${ctx.rule.name}\u0001${ctx.method}\u0001${id ? id.name : ''}\u0001${this.ar.sign(d.delta) === 0}\u0001${d.dateDelta === 0}\u0001${d.via}`;
    return this.intern(key, () => {
      const factors: ConfidenceFactor[] = [];
      let c = 10_000;
      const add = (factor: ConfidenceFactor['factor'], bp: number, note: string) => {
        factors.push({ factor, value: bp / 10_000, note });
        c = times(c, bp);
      };
      if (id) {
        const labels = [id.leftLabel, id.rightLabel];
        if (labels.includes('amount')) add('identifier', 6000, 'amount used as the key: weak on its own');
        else if (labels.includes('extracted.tokens')) add('identifier', id.prefix ? 8500 : 9000, `token from the narration${id.prefix ? ', prefix match' : ''}`);
        else if (labels.some((x) => x.startsWith('extracted.'))) add('identifier', id.prefix ? 9000 : 9700, `reference extracted from the narration${id.prefix ? ', prefix match' : ''}`);
        else add('identifier', id.prefix ? 9000 : 10_000, id.prefix ? `${id.name}, prefix match` : `${id.name} equal`);
      }
      if (this.ar.sign(d.delta) === 0) add('amount', 10_000, 'amounts equal');
      else add('amount', 9000, `amounts differ within tolerance (${ctx.rule.checks.amount.label})`);
      if (ctx.rule.checks.date) {
        if (d.dateDelta === 0) add('date', 10_000, 'same date');
        else add('date', 9500, 'dates differ within the window');
      }
      if (d.via === 'best') add('ambiguity', 8000, 'chosen among several acceptable candidates by total order');
      else if (d.via === 'optimal') add('ambiguity', 8500, 'chosen by optimal assignment within an ambiguity cluster');
      if (ctx.method === 'subset-sum') add('method', 7000, 'unique subset whose sum matches');
      return { factors, confidence: c / 10_000 };
    });
  }

  /** Evidence of a pair (`withFactors`: the confidence factors of a match; a mismatch has none). */
  evidence(ctx: PairContext<T>, d: PairDecision<T>, withFactors: boolean): Evidence {
    const ev: Evidence = {
      method: ctx.method,
      checks: this.checkResults(ctx, d.l, d.r, d),
      candidates: d.candidates,
      explanation: withFactors ? this.explanation(ctx, d).factors : EMPTY_FACTORS,
    };
    if (ctx.identifier) {
      ev.identifier = this.identifierRef(ctx.identifier);
      if (d.lkey !== undefined) ev.value = d.lkey;
      if (d.rkey !== undefined && d.rkey !== d.lkey) ev.counterpartValue = d.rkey;
    }
    return ev;
  }

  /**
   * `matched` (or `mismatched`) outcomes for the pairs `picks` of `src` (edge indices), with the
   * number of acceptable candidates and how each pair won.
   */
  pairs(kind: 'matched' | 'mismatched', ctx: PairContext<T>, src: PairSource<T>, picks: Int32Array, candidates: Int32Array, via: Uint8Array): void {
    if (picks.length === 0) return;
    const batch = new PairBatch(this, ctx, src, picks, candidates, via);
    batch.first = this.size;
    this.batches.push(batch);
    const seed = this.ids.seed(`${this.link}\u0001${kind}\u0001${ctx.rule.name}`);
    const rank = KIND_RANK[kind];
    const tallyKind = this.tally.beginBatch(kind, ctx.rule.name, picks.length);
    for (let k = 0; k < picks.length; k++) {
      const e = picks[k]!;
      const l = src.l[e]!;
      const r = src.r[e]!;
      this.pairHash(seed, ctx.L, l, ctx.R, r);
      this.push(rank, 0);
      this.tally.next(tallyKind);
      this.tallyUnit(ctx.L, l);
      this.tallyUnit(ctx.R, r);
    }
  }

  private tallyUnit(units: Units, u: number): void {
    const s = units.start[u]!;
    for (let k = s; k < s + units.size[u]!; k++) this.tally.record(units.members[k]!);
  }

  /** The typed disagreements of a mismatched pair. */
  mismatches(ctx: PairContext<T>, d: PairDecision<T>): Mismatch[] {
    const { l, r } = d;
    const out: Mismatch[] = [];
    const c = ctx.rule.checks;
    const { LF, RF } = ctx;
    if (d.failed & FAIL_CURRENCY) {
      const cur = (units: Units, u: number) => [...new Set(this.txnsOf(units, u).map((t) => t.currency))].sort();
      out.push({ type: 'currency', left: cur(ctx.L, l), right: cur(ctx.R, r) });
    }
    if (d.failed & FAIL_DIRECTION) {
      const dir = (units: Units, u: number) => [...new Set(this.txnsOf(units, u).map((t) => t.direction))].sort();
      out.push({ type: 'direction', left: dir(ctx.L, l), right: dir(ctx.R, r), expected: c.direction === 'opposite' ? 'opposite' : 'same' });
    }
    if (d.failed & FAIL_AMOUNT) {
      const vl = LF.value[l]!;
      const vr = ctx.checker.orientation(l, r) < 0 ? this.ar.neg(RF.value[r]!) : RF.value[r]!;
      out.push({ type: 'amount', difference: this.ar.toBigInt(d.delta), allowed: this.ar.toBigInt(ctx.checker.allowance(vl, vr)) });
    }
    if (d.failed & FAIL_DATE && c.date) {
      out.push({ type: 'date', delta: d.dateDelta, before: c.date.before, after: c.date.after, unit: c.date.unit });
    }
    if (d.failed & FAIL_STATUS) {
      out.push({ type: 'status', left: statusesOf(LF.status[l]!), right: statusesOf(RF.status[r]!) });
    }
    return out;
  }

  private keysOf(units: Units, u: number): RecordKey[] {
    return this.txnsOf(units, u).map((t) => ({ source: t.source, txn_id: t.txn_id }));
  }

  /**
   * A `suggested` outcome for a cluster: `left`/`right` list units in total order, `pairs` the
   * acceptable pairings as (left units, right units, difference). Members are merged and sorted.
   */
  suggested(
    rule: string,
    reason: SuggestedOutcome['reason'],
    L: Units,
    left: readonly number[],
    R: Units,
    right: readonly number[],
    pairs: readonly { l: readonly number[]; r: readonly number[]; difference: T | undefined }[],
  ): void {
    const cmp = (a: StandardTransaction, b: StandardTransaction) =>
      a.source !== b.source ? (a.source < b.source ? -1 : 1) : a.txn_id === b.txn_id ? 0 : a.txn_id < b.txn_id ? -1 : 1;
    const lt = left.flatMap((u) => this.txnsOf(L, u)).sort(cmp);
    const rt = right.flatMap((u) => this.txnsOf(R, u)).sort(cmp);
    let lh = 0;
    let ll = 0;
    let rh = 0;
    let rl = 0;
    let lc = 0;
    let rc = 0;
    for (const u of left) {
      this.sideHash(L, u);
      lh = (lh + this.sumHi) >>> 0;
      ll = (ll + this.sumLo) >>> 0;
      lc += L.size[u]!;
    }
    for (const u of right) {
      this.sideHash(R, u);
      rh = (rh + this.sumHi) >>> 0;
      rl = (rl + this.sumLo) >>> 0;
      rc += R.size[u]!;
    }
    this.ids.hash(`${this.link}\u0001suggested\u0001${rule}`, lh, ll, lc, rh, rl, rc);
    const candidates: SuggestedCandidate[] = pairs.map((p) => {
      const c: SuggestedCandidate = {
        left: p.l.flatMap((u) => this.keysOf(L, u)),
        right: p.r.flatMap((u) => this.keysOf(R, u)),
      };
      if (p.difference !== undefined) c.difference = this.ar.toBigInt(p.difference);
      return c;
    });
    const id = hex64('o_', this.ids.out[0]!, this.ids.out[1]!);
    this.made.push(new SuggestedRecord(id, this.link, lt, rt, rule, reason, candidates));
    this.push(KIND_RANK.suggested, this.made.length - 1);
    this.count('suggested', rule, [
      [L, left],
      [R, right],
    ]);
  }

  /** An `unmatched` outcome for one record. */
  unmatched(side: 'left' | 'right', record: number, reason: UnmatchedReason): void {
    const hi = this.table.hashHi(record);
    const lo = this.table.hashLo(record);
    if (side === 'left') this.ids.hash(`${this.link}\u0001unmatched`, hi, lo, 1, 0, 0, 0);
    else this.ids.hash(`${this.link}\u0001unmatched`, 0, 0, 0, hi, lo, 1);
    let r = this.reasons.indexOf(reason);
    if (r < 0) r = this.reasons.push(reason) - 1;
    if (r > 15) throw new Error('internal: more than 16 unmatched reasons');
    this.push(KIND_RANK.unmatched | (side === 'right' ? META_RIGHT : 0) | (r << META_REASON_SHIFT), record);
    this.tally.begin('unmatched');
    this.tally.record(record);
  }

  /**
   * A `duplicate` outcome for one record. Two copies of one (source, txn_id) hash alike, so the
   * copy's position among them is part of the tag.
   */
  duplicate(side: 'left' | 'right', record: number, of: number, key: string, copy: number): void {
    const hi = this.table.hashHi(record);
    const lo = this.table.hashLo(record);
    const tag = `${this.link}\u0001duplicate\u0001${key}\u0001${copy}`;
    if (side === 'left') this.ids.hash(tag, hi, lo, 1, 0, 0, 0);
    else this.ids.hash(tag, 0, 0, 0, hi, lo, 1);
    const txn = this.table.txn(record);
    const kept = this.table.txn(of);
    const id = hex64('o_', this.ids.out[0]!, this.ids.out[1]!);
    this.made.push(new DuplicateRecord(id, this.link, side === 'left' ? [txn] : EMPTY, side === 'right' ? [txn] : EMPTY, side, { source: kept.source, txn_id: kept.txn_id }, key));
    this.push(KIND_RANK.duplicate, this.made.length - 1);
    this.tally.begin('duplicate');
    this.tally.record(record);
  }
}

const EMPTY_FACTORS: readonly ConfidenceFactor[] = Object.freeze([]);
