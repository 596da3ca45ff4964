import type { Membership, PoolMembership } from './plan';
import { SortedPool } from './sorted-pool';

interface CrossBucket {
  /** Holders per side until both sides have one; then null and everything is joined to `rep`. */
  held: [number[], number[]] | null;
  rep: number;
}

/**
 * The interaction graph of a stream's records: a union-find over `same` and `cross` memberships
 * (with member lists per root, merged small into large), plus the weak-key pools, which hold only
 * the records currently open at their rule and are searched when a component is expanded.
 */
export class Components {
  private parent: number[] = [];
  private members: (number[] | null)[] = [];
  private readonly same = new Map<string, number>();
  private readonly cross = new Map<string, CrossBucket>();
  private readonly prefixes = new Map<string, [{ key: string; rec: number }[], { key: string; rec: number }[]]>();
  private readonly pools = new Map<string, [SortedPool, SortedPool]>();
  /** Per record: its pool memberships and whether each is listed (open at its rule). */
  private readonly poolsOf: { m: PoolMembership; listed: boolean }[][] = [];

  find(i: number): number {
    let r = i;
    while (this.parent[r] !== r) r = this.parent[r]!;
    while (this.parent[i] !== r) {
      const next = this.parent[i]!;
      this.parent[i] = r;
      i = next;
    }
    return r;
  }

  private union(a: number, b: number): void {
    let ra = this.find(a);
    let rb = this.find(b);
    if (ra === rb) return;
    if (this.members[ra]!.length < this.members[rb]!.length) [ra, rb] = [rb, ra];
    this.parent[rb] = ra;
    const into = this.members[ra]!;
    for (const m of this.members[rb]!) into.push(m);
    this.members[rb] = null;
  }

  /** Registers record `i` (the next index) with its memberships. Pool memberships start unlisted. */
  add(i: number, memberships: readonly Membership[]): void {
    this.parent[i] = i;
    this.members[i] = [i];
    const pools: { m: PoolMembership; listed: boolean }[] = [];
    for (const m of memberships) {
      if (m.kind === 'same') {
        const other = this.same.get(m.bucket);
        if (other === undefined) this.same.set(m.bucket, i);
        else this.union(other, i);
      } else if (m.kind === 'cross') {
        let b = this.cross.get(m.bucket);
        if (!b) {
          b = { held: [[], []], rep: -1 };
          this.cross.set(m.bucket, b);
        }
        if (b.held === null) {
          this.union(b.rep, i);
          continue;
        }
        b.held[m.side].push(i);
        if (b.held[1 - m.side]!.length > 0) {
          for (const x of b.held[0]) this.union(x, i);
          for (const x of b.held[1]) this.union(x, i);
          b.held = null;
          b.rep = i;
        }
      } else if (m.kind === 'prefix') {
        let b = this.prefixes.get(m.bucket);
        if (!b) {
          b = [[], []];
          this.prefixes.set(m.bucket, b);
        }
        for (const o of b[1 - m.side]!) if (o.key.startsWith(m.key) || m.key.startsWith(o.key)) this.union(o.rec, i);
        b[m.side].push({ key: m.key, rec: i });
      } else {
        pools.push({ m, listed: false });
      }
    }
    this.poolsOf[i] = pools;
  }

  /** The union of the components of `seeds` (each record once), and its membership set. */
  components(seeds: Iterable<number>): { list: number[]; has: Set<number> } {
    const has = new Set<number>();
    const list: number[] = [];
    for (const s of seeds) this.take(s, list, has);
    return { list, has };
  }

  private take(x: number, list: number[], has: Set<number>): void {
    if (has.has(x)) return;
    for (const m of this.members[this.find(x)]!) {
      has.add(m);
      list.push(m);
    }
  }

  /**
   * Widens `set` through the weak-key pools: for each member and pool membership that `query`
   * accepts, the components of the listed records on the other side inside the window join the set.
   * Returns whether it grew. Records outside the set count only while listed (open at that rule).
   */
  expand(set: { list: number[]; has: Set<number> }, query: (rec: number, m: PoolMembership, listed: boolean) => boolean): boolean {
    const before = set.list.length;
    const take = (x: number) => this.take(x, set.list, set.has);
    for (let k = 0; k < set.list.length; k++) {
      const rec = set.list[k]!;
      for (const { m, listed } of this.poolsOf[rec]!) {
        if (!query(rec, m, listed)) continue;
        const pool = this.pools.get(m.bucket);
        if (pool) pool[1 - m.side]!.within(m.date, m.lo, m.hi, take);
      }
    }
    return set.list.length > before;
  }

  /** Lists or unlists record `i` in its pools, from `open(link, rule)` after a re-run. */
  refreshPools(i: number, open: (link: number, rule: number) => boolean): void {
    for (const p of this.poolsOf[i]!) {
      const now = open(p.m.link, p.m.rule);
      if (now === p.listed) continue;
      let pool = this.pools.get(p.m.bucket);
      if (!pool) {
        pool = [new SortedPool(), new SortedPool()];
        this.pools.set(p.m.bucket, pool);
      }
      if (now) pool[p.m.side]!.add(p.m.date, i);
      else pool[p.m.side]!.remove(p.m.date, i);
      p.listed = now;
    }
  }
}
