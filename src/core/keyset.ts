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

function round(h: number, x: number): number {
  h = Math.imul(h ^ (x >>> 0), 0xcc9e2d51);
  h = Math.imul((h << 15) | (h >>> 17), 0x1b873593);
  h = Math.imul(h ^ ((x / 4294967296) >>> 0), 0xcc9e2d51);
  return (Math.imul((h << 13) | (h >>> 19), 5) + 0xe6546b64) | 0;
}

/** murmur3-style mixing of the three parts (each below 2^53). */
function mix(a: number, b: number, c: number): number {
  let h = round(round(round(0x811c9dc5, a), b), c);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  return (h ^ (h >>> 16)) >>> 0;
}

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** The text of `width` base-36 digits of v (inverse of part()). */
function digits(v: number, width: number): string {
  let out = '';
  for (let i = 0; i < width; i++) {
    out = ALPHABET[v % 36] + out;
    v = Math.floor(v / 36);
  }
  return out;
}

/** A KeyMap as plain data: its table can be transferred between threads without a copy. */
export interface KeyMapData {
  table: Float64Array<ArrayBuffer>;
  mask: number;
  used: number;
  other: Map<string, number>;
}

export class KeyMap {
  private table: Float64Array<ArrayBuffer>;
  private mask: number;
  private used = 0;
  private readonly other = new Map<string, number>();
  // The last packed key (no array allocated per lookup).
  private a = 0;
  private b = 0;
  private c = 0;

  /**
   * `expected`: about how many keys will come (the table is sized once instead of growing). Without it the
   * table starts small and doubles as keys come: a command on a 200-row registry does not fill 512 KB per space.
   */
  constructor(expected = 0) {
    let slots = expected > 0 ? 1 << 14 : 1 << 8;
    while (slots < expected * 2 + 2) slots *= 2;
    this.table = new Float64Array(slots * SLOT).fill(EMPTY);
    this.mask = slots - 1;
  }

  /** The value stored for key, or undefined. */
  get(key: string): number | undefined {
    if (!this.pack(key)) return this.other.get(key);
    const v = this.table[this.find(this.a, this.b, this.c) * SLOT + 3] as number;
    return v === EMPTY ? undefined : v;
  }

  /** Stores value (≥ 0) for key. */
  set(key: string, value: number): void {
    this.getOrSet(key, value, true);
  }

  /** The value already stored for key; otherwise stores `value` and returns undefined. */
  getOrSet(key: string, value: number, replace = false): number | undefined {
    if (!this.pack(key)) {
      const had = this.other.get(key);
      if (had === undefined || replace) this.other.set(key, value);
      return had;
    }
    const o = this.find(this.a, this.b, this.c) * SLOT;
    const t = this.table;
    const had = t[o + 3] as number;
    if (had !== EMPTY && !replace) return had;
    t[o] = this.a;
    t[o + 1] = this.b;
    t[o + 2] = this.c;
    t[o + 3] = value;
    if (had === EMPTY) {
      this.used += 1;
      if (this.used * 2 > this.mask) this.grow();
      return undefined;
    }
    return had;
  }

  get size(): number {
    return this.used + this.other.size;
  }

  /** The map as data (for another thread); this map must not be used afterwards. */
  toData(): KeyMapData {
    return { table: this.table, mask: this.mask, used: this.used, other: this.other };
  }

  static fromData(d: KeyMapData): KeyMap {
    const m = new KeyMap();
    m.table = d.table;
    m.mask = d.mask;
    m.used = d.used;
    for (const [k, v] of d.other) m.other.set(k, v);
    return m;
  }

  /**
   * Every entry once: `lookup(maps)` finds the same key in other maps (the
   * first that has it), `key()` gives its text; a number returned replaces
   * the stored value.
   */
  forEach(fn: (lookup: (maps: readonly KeyMap[]) => number | undefined, key: () => string, value: number) => number | void): void {
    const t = this.table;
    let a = 0;
    let b = 0;
    let c = 0;
    const lookupPacked = (maps: readonly KeyMap[]): number | undefined => {
      for (const m of maps) {
        const v = m.getPacked(a, b, c);
        if (v !== undefined) return v;
      }
      return undefined;
    };
    const text = () => unpack(a, b, c);
    for (let o = 0; o < t.length; o += SLOT) {
      const v = t[o + 3] as number;
      if (v === EMPTY) continue;
      a = t[o] as number;
      b = t[o + 1] as number;
      c = t[o + 2] as number;
      const next = fn(lookupPacked, text, v);
      if (typeof next === 'number') t[o + 3] = next;
    }
    for (const [k, v] of this.other) {
      const next = fn((maps) => {
        for (const m of maps) {
          const w = m.other.get(k);
          if (w !== undefined) return w;
        }
        return undefined;
      }, () => k, v);
      if (typeof next === 'number') this.other.set(k, next);
    }
  }

  /** Packs a key into (a, b, c); unpack() is the inverse. */
  private pack(key: string): boolean {
    if (key.length === 0 || key.length > 21) return false;
    const a = part(key, 0, 7);
    const b = part(key, 7, 14);
    const c = part(key, 14, 21);
    if (a < 0 || b < 0 || c < 0) return false;
    this.a = a;
    this.b = b;
    this.c = c * 32 + key.length;
    return true;
  }

  private find(a: number, b: number, c: number): number {
    const t = this.table;
    let i = mix(a, b, c) & this.mask;
    for (;;) {
      const o = i * SLOT;
      const v = t[o + 3];
      if (v === EMPTY || (t[o] === a && t[o + 1] === b && t[o + 2] === c)) return i;
      i = (i + 1) & this.mask;
    }
  }

  /** The value stored for an already packed key, or undefined. */
  private getPacked(a: number, b: number, c: number): number | undefined {
    const v = this.table[this.find(a, b, c) * SLOT + 3] as number;
    return v === EMPTY ? undefined : v;
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

/** The key text packed as (a, b, c) by KeyMap.pack. */
function unpack(a: number, b: number, c: number): string {
  const len = c % 32;
  const w1 = Math.min(7, len);
  const w2 = Math.min(7, Math.max(0, len - 7));
  const w3 = Math.max(0, len - 14);
  return digits(a, w1) + digits(b, w2) + digits(Math.floor(c / 32), w3);
}
