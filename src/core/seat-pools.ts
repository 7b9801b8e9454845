/**
 * The fast structure behind step 7 (teams). Inspectors are ranked by key;
 * a pool is a fixed set of ranks (a department's inspectors; or those of a
 * department covering every region; or those listing one region) split by
 * seat count, each level a Fenwick tree over the pool's positions. A seat's
 * candidates are the union of one or two disjoint pools minus a few
 * excluded ranks, at the lowest level that still has a member; the k-th
 * of them in key order is found by binary search over ranks. The result is
 * the literal algorithm's pick — test/reference proves it.
 */
import { Fenwick } from './fenwick.js';

export class Pool {
  private readonly levels = new Map<number, Fenwick>();

  constructor(
    readonly ranks: Int32Array,
    seats: Int32Array,
  ) {
    const byLevel = new Map<number, number[]>();
    ranks.forEach((r, pos) => {
      const l = seats[r]!;
      const list = byLevel.get(l);
      if (list) list.push(pos);
      else byLevel.set(l, [pos]);
    });
    for (const [l, positions] of byLevel) this.levels.set(l, new Fenwick(ranks.length, positions));
  }

  get size(): number {
    return this.ranks.length;
  }

  /** Position of a rank in the pool, or -1. */
  indexOf(rank: number): number {
    const pos = this.upperBound(rank) - 1;
    return pos >= 0 && this.ranks[pos] === rank ? pos : -1;
  }

  /** Number of pool ranks ≤ rank. */
  private upperBound(rank: number): number {
    let lo = 0;
    let hi = this.ranks.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.ranks[mid]! <= rank) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** The seat counts some member has. */
  levelKeys(): IterableIterator<number> {
    return this.levels.keys();
  }

  count(level: number): number {
    return this.levels.get(level)?.total ?? 0;
  }

  /** Members at `level` whose rank is ≤ rank. */
  countUpTo(level: number, rank: number): number {
    const f = this.levels.get(level);
    return f ? f.prefix(this.upperBound(rank)) : 0;
  }

  /** The rank of the k-th member (0-based, key order) at `level`. */
  kth(level: number, k: number): number {
    return this.ranks[this.levels.get(level)!.kth(k)]!;
  }

  move(rank: number, from: number, to: number): void {
    const pos = this.indexOf(rank);
    const f = this.levels.get(from)!;
    f.add(pos, -1);
    if (f.total === 0) this.levels.delete(from);
    let g = this.levels.get(to);
    if (!g) {
      g = new Fenwick(this.ranks.length);
      this.levels.set(to, g);
    }
    g.add(pos, 1);
  }
}

/** Seat counts of every ranked inspector, and the pools that must follow them. */
export class SeatIndex {
  readonly seats: Int32Array;
  private readonly poolsOf: Pool[][];
  private readonly pools = new Map<string, Pool>();

  constructor(readonly n: number) {
    this.seats = new Int32Array(n);
    this.poolsOf = Array.from({ length: n }, () => []);
  }

  /** The pool named `id`, built from `members()` (ascending ranks) the first time it is asked for. */
  pool(id: string, members: () => number[]): Pool {
    let p = this.pools.get(id);
    if (!p) {
      p = new Pool(Int32Array.from(members()), this.seats);
      for (const r of p.ranks) this.poolsOf[r]!.push(p);
      this.pools.set(id, p);
    }
    return p;
  }

  seat(rank: number): void {
    const s = this.seats[rank]!;
    for (const p of this.poolsOf[rank]!) p.move(rank, s, s + 1);
    this.seats[rank] = s + 1;
  }

  /**
   * Among the union of disjoint `pools` minus `excluded` ranks: the fewest-seat
   * level's members in rank order; `choose(m)` gives the index to take.
   * Returns the chosen rank and m, or null when no candidate is left.
   */
  pick(pools: Pool[], excluded: number[], choose: (m: number) => number): { rank: number; m: number } | null {
    const ex = excluded.filter((r) => pools.some((p) => p.indexOf(r) >= 0));
    const levels: number[] = [];
    for (const p of pools) for (const l of p.levelKeys()) if (!levels.includes(l)) levels.push(l);
    levels.sort((a, b) => a - b);
    for (const level of levels) {
      const exL = ex.filter((r) => this.seats[r] === level);
      const m = pools.reduce((s, p) => s + p.count(level), 0) - exL.length;
      if (m <= 0) continue;
      const k = choose(m);
      return { rank: this.kthAt(pools, level, exL, k), m };
    }
    return null;
  }

  private kthAt(pools: Pool[], level: number, exL: number[], k: number): number {
    if (pools.length === 1 && exL.length === 0) return pools[0]!.kth(level, k);
    let lo = 0;
    let hi = this.n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      let g = 0;
      for (const p of pools) g += p.countUpTo(level, mid);
      for (const r of exL) if (r <= mid) g--;
      if (g >= k + 1) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }
}
