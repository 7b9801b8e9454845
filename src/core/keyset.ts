/**
 * A compact exact map from registry keys to packed positions, for duplicate
 * detection over million-row files. Keys of up to 21 characters from 0-9A-Z
 * (every 统一社会信用代码, most 医保编码 and 执法证号) are packed exactly into
 * three numbers in an open-addressing table — no string is retained, so the
 * text they were cut from can be freed. Other keys use a plain Map.
 */

const DIGIT = new Int8Array(128).fill(-1);
for (let i = 0; i < 36; i++) DIGIT['0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ'.charCodeAt(i)] = i;

const SLOT = 4; // a, b, c, value
const EMPTY = -1;

/** Base-36 value of s[from, to) or -1 when a character is outside 0-9A-Z. */
function part(s: string, from: number, to: number): number {
  let v = 0;
  for (let i = from; i < to && i < s.length; i++) {
    const code = s.charCodeAt(i);
    const d = code < 128 ? (DIGIT[code] as number) : -1;
    if (d < 0) return -1;
    v = v * 36 + d;
  }
  return v;
}

function mix(a: number, b: number, c: number): number {
  let h = Math.imul((a | 0) ^ Math.floor(a / 4294967296), 0x9e3779b1);
  h = Math.imul(h ^ (b | 0) ^ Math.floor(b / 4294967296), 0x85ebca6b);
  h = Math.imul(h ^ (c | 0) ^ Math.floor(c / 4294967296), 0xc2b2ae35);
  return (h ^ (h >>> 15)) >>> 0;
}

export class KeyMap {
  private table = new Float64Array(1024 * SLOT).fill(EMPTY);
  private mask = 1023;
  private used = 0;
  private readonly other = new Map<string, number>();

  /** The value stored for key, or undefined. */
  get(key: string): number | undefined {
    const p = this.pack(key);
    if (!p) return this.other.get(key);
    const i = this.find(p[0], p[1], p[2]);
    const v = this.table[i * SLOT + 3] as number;
    return v === EMPTY ? undefined : v;
  }

  /** Stores value (≥ 0) for key. */
  set(key: string, value: number): void {
    const p = this.pack(key);
    if (!p) {
      this.other.set(key, value);
      return;
    }
    const i = this.find(p[0], p[1], p[2]);
    const o = i * SLOT;
    if (this.table[o + 3] === EMPTY) this.used += 1;
    this.table[o] = p[0];
    this.table[o + 1] = p[1];
    this.table[o + 2] = p[2];
    this.table[o + 3] = value;
    if (this.used * 2 > this.mask) this.grow();
  }

  get size(): number {
    return this.used + this.other.size;
  }

  private pack(key: string): [number, number, number] | null {
    if (key.length === 0 || key.length > 21) return null;
    const a = part(key, 0, 7);
    const b = part(key, 7, 14);
    const c = part(key, 14, 21);
    if (a < 0 || b < 0 || c < 0) return null;
    return [a, b, c * 32 + key.length];
  }

  private find(a: number, b: number, c: number): number {
    const t = this.table;
    let i = mix(a, b, c) & this.mask;
    for (;;) {
      const o = i * SLOT;
      if (t[o + 3] === EMPTY || (t[o] === a && t[o + 1] === b && t[o + 2] === c)) return i;
      i = (i + 1) & this.mask;
    }
  }

  private grow(): void {
    const old = this.table;
    this.mask = this.mask * 2 + 1;
    this.table = new Float64Array((this.mask + 1) * SLOT).fill(EMPTY);
    for (let o = 0; o < old.length; o += SLOT) {
      if (old[o + 3] === EMPTY) continue;
      const i = this.find(old[o] as number, old[o + 1] as number, old[o + 2] as number) * SLOT;
      this.table.set(old.subarray(o, o + SLOT), i);
    }
  }
}
