import fc from 'fast-check';
import { canonicalJson, canonicalSha256, recordHash, sha256Hex } from '../../src/core/hash.js';
import { buildAmendment, canonicalLines, hashedDrawRecord, recordFile, rechain } from '../../src/core/record.js';
import type { DrawRecord } from '../../src/core/types.js';
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
  it('is laid out in lines for record files: with every line break removed, the definition', () => {
    const key = fc.oneof(fc.string(), fc.constantFrom('__proto__', '10', 'a', '', 'recordHash', 'recordHas', 'recordHash0', 'recordHasi', 'seed', '😀'));
    const text = fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.constantFrom('\n', 'a\nb', '\r\n', '\u2028', '"\\'));
    const leaf = fc.oneof(text, fc.double(), fc.integer(), fc.boolean(), fc.constant(null), fc.constant(undefined));
    const { object } = fc.letrec((tie) => ({
      tree: fc.oneof({ depthSize: 'small', withCrossShrink: true }, leaf, tie('array'), tie('object')),
      array: fc.array(tie('tree'), { maxLength: 6 }),
      object: fc.dictionary(key, tie('tree'), { maxKeys: 7 }),
    }));
    fc.assert(
      fc.property(object, (v) => {
        const lines = canonicalLines(v as Record<string, unknown>);
        return lines.replaceAll('\n', '') === definition(v) && lines.endsWith('\n}\n') && lines.startsWith('{\n');
      }),
      { numRuns: 1500 },
    );
  });
  it('seals a record once: the hash over the definition without recordHash, the file its lines with the hash in its sorted place', () => {
    const d = sampleDraw();
    const { recordHash: _h, ...base } = d;
    const key = fc.constantFrom('a', 'recordHas', 'recordHash0', 'recordHasi', 'zz', 'plan', 'teams', '😀');
    const extras = fc.dictionary(key, fc.oneof(fc.string(), fc.array(fc.oneof(fc.integer(), fc.string(), fc.constant(undefined)), { maxLength: 5 }), fc.constant(undefined)), { maxKeys: 4 });
    const sealedRight = (r: object & { recordHash: string }) => {
      const { recordHash: stored, ...rest } = r as Record<string, unknown>;
      const file = Buffer.from(recordFile(r as DrawRecord)).toString('utf8');
      return stored === sha256Hex(definition(rest)) && stored === recordHash(r) && file === canonicalLines(r as Record<string, unknown>) && definition(JSON.parse(file)) === definition(r);
    };
    fc.assert(fc.property(extras, (x) => sealedRight(hashedDrawRecord({ ...base, ...x } as Omit<DrawRecord, 'recordHash'>))), { numRuns: 300 });
    // Every member before recordHash, none, or only recordHash; an amendment; a record re-chained.
    for (const b of [{}, { a: 1 }, { z: [1, 2] }, { a: [{ b: 1 }], z: 'x' }, { a: 'x\ny' }]) expect(sealedRight(hashedDrawRecord(b as unknown as Omit<DrawRecord, 'recordHash'>))).toBe(true);
    expect(sealedRight(sampleAmendment(d))).toBe(true);
    expect(sealedRight(rechain(d, 'e'.repeat(64)))).toBe(true);
    const { format: _f, algorithm: _a, recordHash: _r, ...fields } = sampleAmendment(d);
    expect(sealedRight(buildAmendment(fields))).toBe(true);
    // A record not sealed here (read back from its file) is laid out the same.
    const back = JSON.parse(Buffer.from(recordFile(d)).toString('utf8')) as DrawRecord;
    expect(Buffer.from(recordFile(back)).equals(Buffer.from(recordFile(d)))).toBe(true);
  });
});
