/**
 * Canonical JSON (keys sorted by code unit, no whitespace, non-ASCII not
 * escaped) and SHA-256: the basis of record, announcement and content hashes.
 */
import { createHash, hash, type Hash } from 'node:crypto';

/** SHA-256 in hex, one shot (no Hash object: a national draw's 39,036 verification codes took twice as long). */
export function sha256Hex(data: string | Uint8Array): string {
  return hash('sha256', data, 'hex');
}

export type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

/** The definition: every object's keys sorted, recursively. */
function canonicalSlow(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    const s = JSON.stringify(value);
    return s === undefined ? 'null' : s;
  }
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : canonicalSlow(v))).join(',')}]`;
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj)
    .filter((k) => obj[k] !== undefined)
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalSlow(obj[k])}`).join(',')}}`;
}

const NOT_PLAIN = Symbol('not plain');
const INDEX_KEY = /^(?:0|[1-9]\d*)$/; // JS objects list such keys first, whatever their insertion order

/**
 * A copy of `value` whose objects have their keys inserted in sorted order (parts already in that
 * order are shared), so that JSON.stringify writes the canonical form; NOT_PLAIN for anything
 * JSON.stringify would treat differently from the definition (a class instance, a function or
 * symbol value, an undefined array element, an index-like or `__proto__` key).
 */
function sortedCopy(value: object): unknown {
  if (Array.isArray(value)) {
    if (Object.getPrototypeOf(value) !== Array.prototype) return NOT_PLAIN;
    let out: unknown[] = value;
    for (let i = 0; i < value.length; i++) {
      const v: unknown = value[i];
      if (v === undefined || typeof v === 'function' || typeof v === 'symbol') return NOT_PLAIN;
      if (typeof v !== 'object' || v === null) continue;
      const c = sortedCopy(v);
      if (c === NOT_PLAIN) return NOT_PLAIN;
      if (c !== v) {
        if (out === value) out = value.slice();
        out[i] = c;
      }
    }
    return out;
  }
  if (Object.getPrototypeOf(value) !== Object.prototype) return NOT_PLAIN;
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj);
  let sorted = true;
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i]!;
    const v = obj[k];
    if (typeof v === 'function' || typeof v === 'symbol' || k === '__proto__' || INDEX_KEY.test(k)) return NOT_PLAIN;
    if (i > 0 && !(keys[i - 1]! < k)) sorted = false;
  }
  if (!sorted) keys.sort();
  let out: Record<string, unknown> = sorted ? obj : {};
  let copied = !sorted;
  for (const k of keys) {
    const v = obj[k];
    const c = typeof v === 'object' && v !== null ? sortedCopy(v) : v;
    if (c === NOT_PLAIN) return NOT_PLAIN;
    if (!copied && c !== v) {
      out = { ...obj }; // same (sorted) key order
      copied = true;
    }
    if (copied) out[k] = c;
  }
  return out;
}

/**
 * Serialises with object keys sorted at every level; `undefined` members are dropped as
 * JSON.stringify does. Through a key-sorted copy and the native JSON.stringify: a draw record
 * has 200,000 objects, which the recursive definition takes several times longer over.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return canonicalSlow(value);
  const copy = sortedCopy(value);
  return copy === NOT_PLAIN ? canonicalSlow(value) : JSON.stringify(copy);
}

/** Arrays longer than this, near the top of a value, are hashed element by element. */
const LONG_ARRAY = 16;
const FEED_BYTES = 1 << 16;

/**
 * SHA-256 of `canonicalJson(value)` without the whole text ever made: the top-level members and long arrays
 * near the top (a national draw's 39,036 selected entities, 117,108 team seats) are written piece by piece into
 * the hash, each piece through canonicalJson — the same text, in pieces (a property test keeps them equal).
 * The 1M draw's record is 42 MB of canonical JSON: one string of it cost its memory twice over (UTF-16, then
 * UTF-8 for the hash).
 */
export function canonicalSha256(value: unknown): string {
  const h = createHash('sha256');
  let pending = '';
  const put = (text: string) => {
    pending += text;
    if (pending.length >= FEED_BYTES) {
      h.update(pending);
      pending = '';
    }
  };
  const feed = (v: unknown, depth: number): void => {
    if (v !== null && typeof v === 'object' && depth < 3) {
      const proto = Object.getPrototypeOf(v);
      if (Array.isArray(v) && proto === Array.prototype && v.length > LONG_ARRAY) {
        put('[');
        for (let i = 0; i < v.length; i++) {
          if (i > 0) put(',');
          const e: unknown = v[i];
          if (e === undefined) put('null');
          else feed(e, depth + 1);
        }
        put(']');
        return;
      }
      if (!Array.isArray(v) && proto === Object.prototype && depth === 0) {
        // The definition's object (canonicalSlow): members whose value is undefined left out, keys sorted.
        const obj = v as Record<string, unknown>;
        const keys = Object.keys(obj)
          .filter((k) => obj[k] !== undefined)
          .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
        put('{');
        keys.forEach((k, i) => {
          put(`${i > 0 ? ',' : ''}${JSON.stringify(k)}:`);
          feed(obj[k], depth + 1);
        });
        put('}');
        return;
      }
    }
    put(canonicalJson(v));
  };
  feed(value, 0);
  h.update(pending);
  return h.digest('hex');
}

/** Feeds `bytes` to the hash with every line break (0x0A) left out. */
export function updateWithoutLineBreaks(h: Hash, bytes: Uint8Array): void {
  let from = 0;
  for (let at = bytes.indexOf(10); at !== -1; at = bytes.indexOf(10, from)) {
    if (at > from) h.update(bytes.subarray(from, at));
    from = at + 1;
  }
  if (from < bytes.length) h.update(bytes.subarray(from));
}

/** SHA-256 of a record's canonical JSON without its `recordHash` field. */
export function recordHash(record: object): string {
  const { recordHash: _omit, ...rest } = record as Record<string, unknown>;
  return canonicalSha256(rest);
}
