import fc from 'fast-check';
import { decodeSnapshot, encodeSnapshot, SnapshotUnreadable, type SnapshotInputs } from '../../src/io/snapshot.js';
import type { Entity } from '../../src/core/types.js';
import { conflict, entity, inspector, plan, row } from './draw-builders.js';

const plain = (e: Entity): Entity => JSON.parse(JSON.stringify(e));

function inputs(entities: Entity[]): SnapshotInputs {
  return {
    drawId: '20240601-1', announceDate: '2024-06-01', files: [{ flag: 'entities', file: 'a.csv', sha256: 'ab'.repeat(32) }],
    plan: plan([row()]), inputs: [], issues: [], entities, inspectors: [inspector('豫41000001')], conflicts: [conflict('豫41000001', 'K1')],
  };
}

describe('announcement snapshot bytes', () => {
  it('give back every entity field for field, in order, across object types, texts in any script and tags', () => {
    const es: Entity[] = [
      entity('91411399MA0000001X', '定点零售药店', { keySource: 'uscc', uscc: '91411399MA0000001X', name: '宛丰县康宁大药房', address: '城关镇 1 号', legalRepresentative: '张三', tags: ['医保', '连锁'], credit: 'A' }),
      entity('P41139900002', '定点零售药店', { keySource: 'ybbm', uscc: '', ybbm: 'P41139900002', name: 'Pharmacy é ü', tags: [] }),
      entity('H41139900003', '定点医疗机构', { keySource: 'ybbm', uscc: '', ybbm: 'H41139900003', name: '𠀀医院', nature: '公立', kind: '综合', grade: '二级', tags: ['x'] }),
      entity('91411399MA0000004X', '定点零售药店', { keySource: 'uscc', uscc: '91411399MA0000004X', name: '', address: '', legalRepresentative: '' }),
    ].map((e) => ({ ...e, source: undefined }));
    for (const e of es) delete (e as { source?: unknown }).source;
    const bytes = encodeSnapshot(inputs(es));
    expect(bytes).not.toBeNull();
    const back = decodeSnapshot(bytes as Buffer);
    expect(back.entities.map(plain)).toEqual(es.map(plain));
    expect(back.entities.map((e) => e.name)).toEqual(es.map((e) => e.name));
    expect({ ...back, entities: [] }).toEqual({ ...inputs(es), entities: [] });
  });

  it('gives back every key, read when asked (one byte or two per character, empty, one entity or many per piece)', () => {
    const key = fc.string({ unit: fc.constantFrom('9', 'A', 'P', 'é', '药', '𠀀'), maxLength: 20 });
    fc.assert(fc.property(fc.uniqueArray(key, { maxLength: 12 }), fc.boolean(), (keys, twoTypes) => {
      const es = keys.map((k, i) => {
        const e = entity(k, twoTypes && i % 2 ? '定点医疗机构' : '定点零售药店', { keySource: 'ybbm', uscc: '', ybbm: `Y${i}` });
        delete (e as { source?: unknown }).source;
        return e;
      });
      const back = decodeSnapshot(encodeSnapshot(inputs(es)) as Buffer);
      expect(back.entities.map((e) => e.key)).toEqual(keys);
      expect(back.entities.map((e) => e.key)).toEqual(keys); // the same when read again
    }));
  });

  it('refuses a piece whose keys are not as many as it says', () => {
    const es = ['K1', 'K2'].map((k) => {
      const e = entity(k, '定点零售药店', { keySource: 'ybbm', uscc: '', ybbm: k });
      delete (e as { source?: unknown }).source;
      return e;
    });
    const bytes = encodeSnapshot(inputs(es)) as Buffer;
    const at = bytes.indexOf(Buffer.from('K1\u0000K2', 'latin1'));
    expect(at).toBeGreaterThan(0);
    const joined = Buffer.from(bytes);
    joined[at + 2] = 0x5f; // K1_K2: one key where the header says two
    expect(() => decodeSnapshot(joined)).toThrow(SnapshotUnreadable);
  });

  it('is not made for an entity the columns cannot carry (a uscc that is not its key)', () => {
    const e = entity('P41139900002', '定点零售药店', { keySource: 'ybbm', uscc: '91411399MA0000001X' });
    delete (e as { source?: unknown }).source;
    expect(encodeSnapshot(inputs([e]))).toBeNull();
  });

  it('refuses bytes that are not a snapshot or are cut short', () => {
    expect(() => decodeSnapshot(Buffer.from('not a snapshot at all'))).toThrow(SnapshotUnreadable);
    const e = entity('91411399MA0000001X', '定点零售药店', { keySource: 'uscc', uscc: '91411399MA0000001X' });
    delete (e as { source?: unknown }).source;
    const bytes = encodeSnapshot(inputs([e])) as Buffer;
    expect(() => decodeSnapshot(bytes.subarray(0, bytes.length - 8))).toThrow(SnapshotUnreadable);
  });
});
