import fc from 'fast-check';
import { canonicalJson, canonicalSha256, sha256Hex } from '../../src/core/hash.js';
import { sampleAmendment, sampleDraw } from './record-fixture.js';

/** The definition the record hash is pinned to: object keys sorted by code unit at every level, no whitespace. */
function definition(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : definition(v))).join(',')}]`;
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj).filter((k) => obj[k] !== undefined).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${keys.map((k) => `${JSON.stringify(k)}:${definition(obj[k])}`).join(',')}}`;
}

describe('canonical JSON (record and announcement hashes)', () => {
  it('is the recursive definition for any JSON value, keys in any order, odd keys and strings included', () => {
    const key = fc.oneof(fc.string(), fc.constantFrom('__proto__', 'constructor', 'toString', '10', '9', '0', '01', 'a', 'B', '', 'é', '😀'));
    const text = fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary' }), fc.constantFrom('\ud800', '"\\', '\u2028', '\u0000\u001f'));
    const leaf = fc.oneof(text, fc.double(), fc.integer(), fc.boolean(), fc.constant(null), fc.constant(undefined));
    const { tree } = fc.letrec((tie) => ({
      tree: fc.oneof({ depthSize: 'small', withCrossShrink: true }, leaf, tie('array'), tie('object')),
      array: fc.array(tie('tree'), { maxLength: 5 }),
      object: fc.dictionary(key, tie('tree'), { maxKeys: 6 }),
    }));
    fc.assert(fc.property(tree, (v) => canonicalJson(v) === definition(v)), { numRuns: 2000 });
  });
  it('is hashed in pieces to the same SHA-256 as the whole text (long arrays near the top, odd keys and values)', () => {
    const key = fc.oneof(fc.string(), fc.constantFrom('__proto__', 'constructor', '10', '9', 'a', 'B', '', '😀'));
    const text = fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.constantFrom('\ud800', '"\\', '\u2028'));
    const leaf = fc.oneof(text, fc.double(), fc.integer(), fc.boolean(), fc.constant(null), fc.constant(undefined));
    const { tree } = fc.letrec((tie) => ({
      tree: fc.oneof({ depthSize: 'small', withCrossShrink: true }, leaf, tie('array'), tie('object')),
      array: fc.oneof(fc.array(tie('tree'), { maxLength: 4 }), fc.array(tie('tree'), { minLength: 17, maxLength: 40 })),
      object: fc.dictionary(key, tie('tree'), { maxKeys: 5 }),
    }));
    fc.assert(fc.property(tree, (v) => canonicalSha256(v) === sha256Hex(canonicalJson(v))), { numRuns: 700 });
    const d = sampleDraw();
    const many = { ...d, selected: Array.from({ length: 5000 }, (_, i) => ({ ...d.selected[0], key: `K${i}`, name: '药房'.repeat(i % 7) })) };
    expect(canonicalSha256(many)).toBe(sha256Hex(canonicalJson(many)));
    expect(canonicalSha256(Object.create(null) as object)).toBe(sha256Hex('{}'));
  });
  it('is the definition for records, including objects whose keys are not in order and shared sorted parts', () => {
    const d = sampleDraw();
    for (const v of [d, sampleAmendment(d), { b: { d: [{ z: 1, a: 2 }], c: 1 }, a: [] }, [{ b: 1, a: { d: 1, c: 2 } }], Object.create(null) as object]) {
      expect(canonicalJson(v)).toBe(definition(v));
    }
    expect(canonicalJson({ when: new Date(0), f: () => 1 })).toBe(definition({ when: new Date(0), f: () => 1 }));
    expect(canonicalJson([1, , 2])).toBe(definition([1, , 2])); // eslint-disable-line no-sparse-arrays
  });
});
