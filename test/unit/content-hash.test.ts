import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { compareRows, conflictContentRows, contentSha256, entityContentRows, entityContentSha256, inspectorContentRows } from '../../src/core/content-hash.js';
import type { Conflict, Entity, Inspector } from '../../src/core/types.js';

const src = { file: 'x', sheet: null, row: 2 };
const entity = (key: string, name: string, tags: string[] = []): Entity => ({
  key, keySource: 'uscc', objectType: '定点零售药店', name, region: '华龙区', uscc: key, ybbm: '', nature: '', kind: '', grade: '', credit: 'A', tags,
  address: '某路', legalRepresentative: '张三', source: src,
});

describe('content hashes (SPEC draw step 9)', () => {
  it('hashes the sorted rows as one JSON array without whitespace, non-ASCII unescaped', () => {
    const rows = entityContentRows([entity('B2', '乙', ['连锁', '社区']), entity('A1', '甲')]);
    expect(rows[0]).toEqual(['B2', '乙', '华龙区', '定点零售药店', '', '', '', 'A', '连锁、社区']);
    const json = '[["A1","甲","华龙区","定点零售药店","","","","A",""],["B2","乙","华龙区","定点零售药店","","","","A","连锁、社区"]]';
    expect(contentSha256(rows)).toBe(createHash('sha256').update(json, 'utf8').digest('hex'));
  });
  it('ignores row order and fields that cannot change a draw', () => {
    const a = [entity('A1', '甲'), entity('B2', '乙')];
    const b = [{ ...entity('B2', '乙'), address: '别处', legalRepresentative: '李四' }, entity('A1', '甲')];
    expect(contentSha256(entityContentRows(a))).toBe(contentSha256(entityContentRows(b)));
    expect(contentSha256(entityContentRows(a))).not.toBe(contentSha256(entityContentRows([entity('A1', '甲'), entity('B2', '丙')])));
  });
  it('sorts element by element in UTF-16 code units, not by locale', () => {
    const rows = [['b'], ['B'], ['a', 'z'], ['a']];
    expect(contentSha256(rows)).toBe(createHash('sha256').update('[["B"],["a"],["a","z"],["b"]]').digest('hex'));
  });
  it('covers inspectors and conflicts', () => {
    const i: Inspector = { key: 'K1', name: '张明', gender: '男', region: 'r', unit: '医疗保障局', area: '全市', expertise: 'x', status: '在岗', source: src };
    expect(inspectorContentRows([i])).toEqual([['K1', '张明', '医疗保障局', '全市', '在岗']]);
    const c: Conflict = { inspector: 'K1', entity: 'A1', reason: '亲属', source: src };
    expect(conflictContentRows([c])).toEqual([['K1', 'A1']]);
    expect(contentSha256([])).toBe(createHash('sha256').update('[]').digest('hex'));
  });
  it('equals the definition, sha256(JSON.stringify(rows sorted by compareRows)), for any rows', () => {
    const text = fc.oneof(
      fc.string({ maxLength: 6 }), fc.string({ unit: 'binary', maxLength: 4 }),
      fc.constantFrom('', 'A1', 'A1"', 'A\\1', '\u0000', '\u001f', '\u2028', '😀', '\ud800', '\udc00', '甲', 'Ａ'),
    );
    const rows = fc.array(fc.array(text, { minLength: 1, maxLength: 4 }), { maxLength: 30 });
    fc.assert(fc.property(rows, fc.boolean(), (rs, twice) => {
      const input = twice ? [...rs, ...rs] : rs; // duplicate keys and whole rows
      const sorted = [...input].sort(compareRows);
      expect(contentSha256(input)).toBe(createHash('sha256').update(JSON.stringify(sorted), 'utf8').digest('hex'));
    }), { numRuns: 500 });
  });
  it('equals the definition across its 4,096-row batches', () => {
    const odd = ['"', '\\', '\n', '😀', '\ud83d', '甲', ''];
    const rows = Array.from({ length: 10000 }, (_, i) => [`K${(i * 7919) % 10007}`, odd[i % odd.length]!, String(i % 3)]);
    const sorted = [...rows].sort(compareRows);
    expect(contentSha256(rows)).toBe(createHash('sha256').update(JSON.stringify(sorted), 'utf8').digest('hex'));
  });
});

describe('entityContentSha256 (registries in key order, rows made a batch at a time)', () => {
  const keyArb = fc.oneof(fc.constantFrom('A1', 'A2', 'B', '9141', 'P0001'), fc.stringMatching(/^[0-9A-Z]{1,18}$/), fc.string({ maxLength: 4 }));
  const entityArb = fc.record({ key: keyArb, name: fc.string({ maxLength: 6 }), tags: fc.array(fc.constantFrom('连锁', '社区', '"q"', '\\'), { maxLength: 2 }) });
  it('equals the definition for sorted, unsorted and duplicate keys, across batches', () => {
    fc.assert(
      fc.property(fc.array(entityArb, { maxLength: 60 }), fc.boolean(), (xs, sort) => {
        const es = xs.map((x) => entity(x.key, x.name, x.tags));
        if (sort) es.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
        expect(entityContentSha256(es)).toBe(contentSha256(entityContentRows(es)));
      }),
      { numRuns: 400 },
    );
    const many = Array.from({ length: 10_000 }, (_, i) => entity(`K${String(i).padStart(6, '0')}`, `药店${i}`, i % 3 ? [] : ['连锁']));
    expect(entityContentSha256(many)).toBe(contentSha256(entityContentRows(many)));
  });
});
