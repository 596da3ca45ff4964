import type { RecordTable } from '../engine/record-table';
import type { LinkSummary, OutcomeKind, Tally } from '../types';
import { decimal } from './format';

const KINDS: readonly OutcomeKind[] = ['matched', 'mismatched', 'unmatched', 'duplicate', 'suggested'];
const K = KINDS.length;

/**
 * Running totals of one link, fed record by record as outcomes are built: the engine knows each
 * member's parsed amount then (re-reading decimal strings afterwards would cost more than the
 * matching). Flat arrays indexed by (kind, source id, currency id): no lookups per record. Exact:
 * sums stay in the run's integer representation.
 */
export class LinkTally<T> {
  private readonly S: number;
  private readonly C: number;
  /** [kind × S + source] → outcomes / records. */
  private readonly outcomes: Int32Array;
  private readonly records: Int32Array;
  /** [(kind × S + source) × C + currency] → Σ credits / Σ debits. */
  private readonly credit: T[];
  private readonly debit: T[];
  /** [(kind × S + source) × C + currency] → records (so a currency with zero totals still shows). */
  private readonly present: Int32Array;
  private readonly kindOutcomes = new Int32Array(K);
  private readonly lastOutcome: Int32Array;
  private readonly byRule = new Map<string, { matched: number; mismatched: number; suggested: number }>();
  private outcomeNo = 0;
  private kind = 0;

  constructor(private readonly table: RecordTable<T>) {
    this.S = Math.max(1, table.sources.length);
    this.C = Math.max(1, table.currencies.length);
    this.outcomes = new Int32Array(K * this.S);
    this.records = new Int32Array(K * this.S);
    this.credit = new Array<T>(K * this.S * this.C).fill(table.ar.zero);
    this.debit = new Array<T>(K * this.S * this.C).fill(table.ar.zero);
    this.present = new Int32Array(K * this.S * this.C);
    this.lastOutcome = new Int32Array(this.S);
  }

  /** Start an outcome of `kind` (and `rule`, for matched/mismatched/suggested). */
  begin(kind: OutcomeKind, rule?: string): void {
    this.kind = KINDS.indexOf(kind);
    this.outcomeNo++;
    this.kindOutcomes[this.kind]!++;
    if (rule !== undefined && (kind === 'matched' || kind === 'mismatched' || kind === 'suggested')) {
      let r = this.byRule.get(rule);
      if (!r) {
        r = { matched: 0, mismatched: 0, suggested: 0 };
        this.byRule.set(rule, r);
      }
      r[kind]++;
    }
  }

  /**
   * Announce `count` outcomes of `kind` from rule `rule` (counted per rule at once); call
   * {@link next} with the returned kind index before each one's records.
   */
  beginBatch(kind: 'matched' | 'mismatched', rule: string, count: number): number {
    let r = this.byRule.get(rule);
    if (!r) {
      r = { matched: 0, mismatched: 0, suggested: 0 };
      this.byRule.set(rule, r);
    }
    r[kind] += count;
    return KINDS.indexOf(kind);
  }

  /** Start the next outcome of a batch (kind index from {@link beginBatch}). */
  next(kind: number): void {
    this.kind = kind;
    this.outcomeNo++;
    this.kindOutcomes[kind]!++;
  }

  /** Count record `i` into the current outcome. */
  record(i: number): void {
    const t = this.table;
    const src = t.sourceId[i]!;
    const at = this.kind * this.S + src;
    this.records[at]!++;
    if (this.lastOutcome[src] !== this.outcomeNo) {
      this.lastOutcome[src] = this.outcomeNo;
      this.outcomes[at]!++;
    }
    const m = at * this.C + t.currencyId[i]!;
    this.present[m]!++;
    if (t.sign[i]! < 0) this.debit[m] = t.ar.add(this.debit[m]!, t.amount[i]!);
    else this.credit[m] = t.ar.add(this.credit[m]!, t.amount[i]!);
  }

  /** A tally over sources `srcs` for kind index `k`. */
  private tally(k: number, srcs: readonly number[], count: number): Tally {
    const { ar, currencies } = this.table;
    let records = 0;
    const amounts: Record<string, { credit: string; debit: string }> = {};
    const order = currencies.map((c, id) => [c, id] as const).sort((a, b) => (a[0] < b[0] ? -1 : 1));
    for (const [currency, c] of order) {
      let cr = ar.zero;
      let db = ar.zero;
      let seen = 0;
      for (const s of srcs) {
        const m = (k * this.S + s) * this.C + c;
        cr = ar.add(cr, this.credit[m]!);
        db = ar.add(db, this.debit[m]!);
        seen += this.present[m]!;
      }
      if (seen > 0) {
        amounts[currency] = { credit: decimal(ar.toBigInt(cr), currency), debit: decimal(ar.toBigInt(db), currency) };
      }
    }
    for (const s of srcs) records += this.records[k * this.S + s]!;
    return { count, records, amounts };
  }

  /** The link's summary, keys in a fixed order (kinds as declared, sources and rules sorted). */
  summary(left: string, right: string, records: { left: number; right: number }, ruleOrder: readonly string[]): LinkSummary {
    const sources = this.table.sources;
    const all = sources.map((_, s) => s);
    const outcomes = {} as Record<OutcomeKind, Tally>;
    KINDS.forEach((kind, k) => (outcomes[kind] = this.tally(k, all, this.kindOutcomes[k]!)));
    const bySource: Record<string, Record<OutcomeKind, Tally>> = {};
    const order = all.filter((s) => KINDS.some((_, k) => this.records[k * this.S + s]! > 0)).sort((a, b) => (sources[a]! < sources[b]! ? -1 : 1));
    for (const s of order) {
      const perKind = {} as Record<OutcomeKind, Tally>;
      KINDS.forEach((kind, k) => (perKind[kind] = this.tally(k, [s], this.outcomes[k * this.S + s]!)));
      bySource[sources[s]!] = perKind;
    }
    const byRule: Record<string, { matched: number; mismatched: number; suggested: number }> = {};
    for (const rule of ruleOrder) byRule[rule] = this.byRule.get(rule) ?? { matched: 0, mismatched: 0, suggested: 0 };
    return { left, right, records, outcomes, bySource, byRule };
  }
}
