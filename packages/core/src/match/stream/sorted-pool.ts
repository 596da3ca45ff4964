/**
 * Records of one side of one weak-key pool, sorted by (date, record), so a window is found by
 * binary search. Records without a usable date are kept apart and match every window.
 */
export class SortedPool {
  private dates: number[] = [];
  private recs: number[] = [];
  private readonly undated = new Set<number>();

  private lowerBound(date: number, rec: number): number {
    let lo = 0;
    let hi = this.dates.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const d = this.dates[mid]!;
      if (d < date || (d === date && this.recs[mid]! < rec)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  add(date: number, rec: number): void {
    if (Number.isNaN(date)) {
      this.undated.add(rec);
      return;
    }
    const at = this.lowerBound(date, rec);
    if (this.recs[at] === rec && this.dates[at] === date) return;
    this.dates.splice(at, 0, date);
    this.recs.splice(at, 0, rec);
  }

  remove(date: number, rec: number): void {
    if (Number.isNaN(date)) {
      this.undated.delete(rec);
      return;
    }
    const at = this.lowerBound(date, rec);
    if (this.recs[at] === rec && this.dates[at] === date) {
      this.dates.splice(at, 1);
      this.recs.splice(at, 1);
    }
  }

  /** Calls `visit` for every record whose date lies in [date + lo, date + hi] (all for an unknown date or an unbounded window). */
  within(date: number, lo: number, hi: number, visit: (rec: number) => void): void {
    const all = Number.isNaN(date) || lo === -Infinity || hi === Infinity;
    const from = all ? 0 : this.lowerBound(date + lo, -Infinity);
    const to = date + hi;
    for (let k = from; k < this.dates.length && (all || this.dates[k]! <= to); k++) visit(this.recs[k]!);
    for (const rec of this.undated) visit(rec);
  }
}
