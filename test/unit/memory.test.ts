/** collectGarbage (src/io/memory.ts): a full collection on demand, without node's --expose-gc flag. */
import { collectGarbage } from '../../src/io/memory.js';

describe('collectGarbage', () => {
  it('frees what is no longer reachable (the heap shrinks by most of a dropped 200 MB)', () => {
    let big: number[][] | null = Array.from({ length: 200 }, () => new Array<number>(131_072).fill(1.5)); // ~200 MB of doubles
    collectGarbage();
    const held = process.memoryUsage().heapUsed;
    expect(big.length).toBe(200);
    big = null;
    collectGarbage();
    collectGarbage(); // a second call reuses the same gc function
    const after = process.memoryUsage().heapUsed;
    expect(held - after).toBeGreaterThan(150 * 1024 * 1024);
  });
});
