/** A Fenwick (binary indexed) tree of 0/1 counts: prefix counts and the k-th member in O(log n). */
export class Fenwick {
  private readonly tree: Int32Array;
  total = 0;

  /** `ones`: the positions that start as members. */
  constructor(
    readonly size: number,
    ones: Iterable<number> = [],
  ) {
    this.tree = new Int32Array(size + 1);
    for (const p of ones) {
      this.tree[p + 1]! += 1;
      this.total++;
    }
    for (let i = 1; i <= size; i++) {
      const j = i + (i & -i);
      if (j <= size) this.tree[j]! += this.tree[i]!;
    }
  }

  add(pos: number, delta: number): void {
    this.total += delta;
    for (let i = pos + 1; i <= this.size; i += i & -i) this.tree[i]! += delta;
  }

  /** Members at positions < end. */
  prefix(end: number): number {
    let s = 0;
    for (let i = end; i > 0; i -= i & -i) s += this.tree[i]!;
    return s;
  }

  /** The position of the k-th member (0-based), k < total. */
  kth(k: number): number {
    let pos = 0;
    let rem = k + 1;
    let step = 1;
    while (step * 2 <= this.size) step *= 2;
    for (; step > 0; step >>= 1) {
      const next = pos + step;
      if (next <= this.size && this.tree[next]! < rem) {
        pos = next;
        rem -= this.tree[next]!;
      }
    }
    return pos;
  }
}
