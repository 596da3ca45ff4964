/** A min-heap of (deadline, outcome id), ordered by deadline then id so expiries come out in one fixed order. */
export class Deadlines {
  private readonly items: { at: number; id: string }[] = [];

  private less(a: number, b: number): boolean {
    const x = this.items[a]!;
    const y = this.items[b]!;
    return x.at < y.at || (x.at === y.at && x.id < y.id);
  }

  private swap(a: number, b: number): void {
    const t = this.items[a]!;
    this.items[a] = this.items[b]!;
    this.items[b] = t;
  }

  push(at: number, id: string): void {
    this.items.push({ at, id });
    let k = this.items.length - 1;
    while (k > 0) {
      const p = (k - 1) >> 1;
      if (!this.less(k, p)) break;
      this.swap(k, p);
      k = p;
    }
  }

  /** Removes and returns the earliest entry whose deadline is before `clock`, if any. */
  popBefore(clock: number): { at: number; id: string } | undefined {
    const top = this.items[0];
    if (!top || !(top.at < clock)) return undefined;
    const last = this.items.pop()!;
    if (this.items.length > 0) {
      this.items[0] = last;
      let k = 0;
      for (;;) {
        const l = 2 * k + 1;
        const r = l + 1;
        let m = k;
        if (l < this.items.length && this.less(l, m)) m = l;
        if (r < this.items.length && this.less(r, m)) m = r;
        if (m === k) break;
        this.swap(k, m);
        k = m;
      }
    }
    return top;
  }
}
