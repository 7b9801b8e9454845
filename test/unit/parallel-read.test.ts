/**
 * The pure parts of the parallel reader: record boundaries found over bytes
 * agree with papaparse, and duplicate keys checked per range then joined
 * (KeyIndex.adopt) give exactly the issues of one sequential check; entities
 * sent as columns read back field for field.
 */
import fc from 'fast-check';
import Papa from 'papaparse';
import { KeyIndex, RangeKeys } from '../../src/core/registry.js';
import { KeyMap } from '../../src/core/keyset.js';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { scanRecords } from '../../src/io/read/ranges.js';
import { scanPrefix } from '../../src/io/registry-parallel.js';
import type { Entity, Issue, Table, TableRow } from '../../src/core/types.js';
import { ColumnBuilder, columnsOf, fromColumns, inColumns, joinDict, plainEntity } from '../../src/io/registry-range.js';
import { Fallback } from '../../src/io/read/csv-pieces.js';

const cell = fc.oneof(
  fc.constantFrom('', 'a', '药店', '12345678901234567', 'x y', '1,2', 'say "hi"', '多\n行', 'r\r\nn'),
  fc.string({ maxLength: 6 }).filter((s) => !s.includes('"') && !s.includes(',') && !/[\r\n]/.test(s)),
);
/** Records papaparse finds; an empty text is one empty record, as csv-pieces reads it. */
const records = (text: string, nl: string) => (text === '' ? 1 : Papa.parse(text, { delimiter: ',', newline: nl as '\n' }).data.length);
const quote = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

describe('scanPrefix (the split scan in pieces)', () => {
  it('gives what one scan of the whole prefix gives, or null when a record is longer than a piece', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ssj-prefix-'));
    try {
      fc.assert(
        fc.property(fc.array(fc.array(cell, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 40 }), fc.constantFrom('\r\n', '\n'), fc.integer({ min: 1, max: 48 }), fc.nat(), fc.nat(), (rows, nl, piece, a, b) => {
          const buf = Buffer.from(rows.map((r) => r.map(quote).join(',')).join(nl));
          const file = path.join(dir, 'p.csv');
          fs.writeFileSync(file, buf);
          const limit = buf.length === 0 ? 0 : 1 + (a % buf.length);
          const stopAt = 1 + (b % Math.max(1, limit));
          const d = { delimiter: 0x2c, newline: Buffer.from(nl) };
          const whole = scanRecords(buf.subarray(0, limit), 0, stopAt, d, Infinity);
          const pieces = scanPrefix(file, limit, stopAt, d, piece);
          if (pieces === null) return true; // a record longer than the piece: the caller scans the whole prefix
          return pieces.end === whole.end && pieces.separators === whole.separators && pieces.last === whole.last && pieces.open === whole.open;
        }),
        { numRuns: 1500 },
      );
      // Pieces longer than every record: never null.
      const text = Buffer.from('a,b\r\n"x\r\ny",2\r\n'.repeat(200));
      fs.writeFileSync(path.join(dir, 'q.csv'), text);
      const d = { delimiter: 0x2c, newline: Buffer.from('\r\n') };
      expect(scanPrefix(path.join(dir, 'q.csv'), text.length, 1000, d, 64)).toEqual({ ...scanRecords(text, 0, 1000, d, Infinity), starts: [0], before: [0] });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('scanRecords', () => {
  it('counts records and cuts pieces where papaparse ends a record (random CSVs, quoted cells with line breaks)', () => {
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 40 }), fc.constantFrom('\r\n', '\n'), fc.integer({ min: 1, max: 64 }), (rows, nl, piece) => {
        const text = rows.map((r) => r.map(quote).join(',')).join(nl);
        const buf = Buffer.from(text);
        const scan = scanRecords(buf, 0, Infinity, { delimiter: 0x2c, newline: Buffer.from(nl) }, piece);
        expect(scan.open).toBe(false);
        expect(scan.separators + 1).toBe(records(text, nl));
        // every piece start is a record start: parsing from there gives the remaining records
        for (let k = 0; k < scan.starts.length; k++) {
          const rest = buf.subarray(scan.starts[k]).toString();
          expect(records(rest, nl)).toBe(scan.separators - (scan.before[k] as number) + 1);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('stops at the first record start at or after stopAt, and reports a quote left open', () => {
    const buf = Buffer.from('a,b\r\n"c\r\nd",e\r\nf,g\r\n');
    const s = scanRecords(buf, 0, 6, { delimiter: 0x2c, newline: Buffer.from('\r\n') }, Infinity);
    expect(s.end).toBe(buf.indexOf('f'));
    expect(s.separators).toBe(2);
    expect(scanRecords(Buffer.from('a\r\n"open\r\nb'), 0, Infinity, { delimiter: 0x2c, newline: Buffer.from('\r\n') }, Infinity).open).toBe(true);
  });
});

describe('KeyMap', () => {
  it('gives back the text of packed keys (forEach) and sizes itself from the expected count', () => {
    const keys = ['0', 'ABC', '91410928103878158R', '000000000000000000012', 'P4109720500588', '中文键', 'x'.repeat(30)];
    const m = new KeyMap(1_000_000);
    keys.forEach((k, i) => m.set(k, i));
    const seen: [string, number][] = [];
    m.forEach((_lookup, key, v) => void seen.push([key(), v]));
    expect(seen.sort((a, b) => a[1] - b[1])).toEqual(keys.map((k, i) => [k, i]));
  });
});

describe('KeyIndex.adopt', () => {
  const table = (file: string): Table => ({
    file, sheet: null, role: 'pharmacies', headerRow: 1, columns: [], unknown: [], rows: [], fileSha256: '', issues: [],
    fields: new Map([['uscc', { index: 3, letter: 'D', header: '统一社会信用代码' }]]),
  });
  const key = fc.constantFrom('91410928103878158R', '91410928103878158S', 'P001', 'p001', '中文', 'K9', '91410928103878158r');

  it('joined per range = checked in one pass (files and split points at random)', () => {
    fc.assert(
      fc.property(fc.array(fc.array(key, { minLength: 1, maxLength: 12 }), { minLength: 1, maxLength: 3 }), fc.array(fc.nat(), { minLength: 3, maxLength: 3 }), (files, cuts) => {
        const one = new KeyIndex();
        const split = new KeyIndex();
        const a: Issue[] = [];
        const b: Issue[] = [];
        files.forEach((keys, f) => {
          const tb = table(`f${f}.csv`);
          const p = one.place(tb, 'uscc');
          keys.forEach((k, i) => {
            const dup = one.check('entity', k.toUpperCase(), p, { row: i + 2, cells: [] }, k);
            if (dup) a.push(dup);
          });
          const cut = (cuts[f] as number) % (keys.length + 1);
          for (const [part, offset] of [[keys.slice(0, cut), 0], [keys.slice(cut), cut]] as const) {
            const rk = new RangeKeys(part.length);
            const rp = rk.place(tb, 'uscc');
            part.forEach((k, i) => rk.check('entity', k.toUpperCase(), rp, { row: offset + i + 2, cells: [] } as TableRow, k));
            const d = rk.data();
            for (const issue of split.adopt('entity', d.map, d.fields.map((fld) => split.place(tb, fld)), d.repeats, new Map(d.values))) b.push(issue);
          }
        });
        expect(b).toEqual(a);
      }),
      { numRuns: 300 },
    );
  });
});

describe('entity columns (worker → main thread)', () => {
  const text = fc.oneof(fc.constantFrom('', '华龙区', '药店\u0000名', 'a,b', '\ud800'), fc.string({ maxLength: 8 }));
  const tag = fc.string({ minLength: 1, maxLength: 4 }).filter((s) => !s.includes('\u0000')); // splitList never gives an empty tag
  const entity = fc.record({
    key: fc.string({ minLength: 1, maxLength: 18 }), uscc: fc.boolean(), name: text, region: text, ybbm: text, nature: text, kind: text,
    grade: text, credit: fc.constantFrom('', 'A', 'B'), tags: fc.array(tag, { maxLength: 3 }), address: text, legalRepresentative: text,
  }).map(({ uscc, ...e }): Entity => ({
    key: e.key, keySource: uscc ? 'uscc' : 'ybbm', objectType: '定点零售药店', name: e.name, region: e.region, uscc: uscc ? e.key : '', ybbm: e.ybbm,
    nature: e.nature, kind: e.kind, grade: e.grade, credit: e.credit, tags: e.tags, address: e.address, legalRepresentative: e.legalRepresentative,
  }));

  it('views read back every field of every entity, across pieces (NUL inside a text included)', () => {
    fc.assert(
      fc.property(fc.array(fc.array(entity, { maxLength: 6 }), { minLength: 1, maxLength: 4 }), (pieces) => {
        const builder = new ColumnBuilder('定点零售药店');
        const out: Entity[] = [];
        const shared = new Map<string, string[]>();
        const dict: string[] = [];
        for (const piece of pieces) {
          for (const e of piece) builder.push(e);
          // structured clone, as postMessage sends them; only new dictionary entries cross
          fromColumns(joinDict(structuredClone(builder.flush()), dict), out, shared);
        }
        const all = pieces.flat();
        expect(out.map(plainEntity)).toEqual(all);
        expect(JSON.stringify(out)).toBe(JSON.stringify(all));
        expect(out.map((e) => e.name)).toEqual(all.map((e) => e.name));
        // the same views in another order, seen by another thread (content-hash-aside.ts)
        const reordered = [...out].reverse();
        const cols = columnsOf(reordered);
        expect(cols).not.toBeNull();
        const { pieces: sent, piece, row } = structuredClone(cols!);
        expect(inColumns(sent, piece, row).map(plainEntity)).toEqual([...all].reverse());
      }),
      { numRuns: 300 },
    );
  });

  it('columnsOf refuses a list with a plain entity in it (its hash is made on the main thread)', () => {
    const builder = new ColumnBuilder('定点零售药店');
    const e: Entity = {
      key: 'K', keySource: 'ybbm', objectType: '定点零售药店', name: 'n', region: '', uscc: '', ybbm: 'K', nature: '', kind: '', grade: '', credit: '',
      tags: [], address: '', legalRepresentative: '',
    };
    builder.push(e);
    const views: Entity[] = [];
    fromColumns(builder.flush(), views);
    expect(columnsOf(views)).not.toBeNull();
    expect(columnsOf([...views, e])).toBeNull();
  });

  it('a NUL inside a tag sends the file to the sequential reader', () => {
    const builder = new ColumnBuilder('定点零售药店');
    const e: Entity = {
      key: 'K', keySource: 'ybbm', objectType: '定点零售药店', name: '', region: '', uscc: '', ybbm: 'K', nature: '', kind: '', grade: '', credit: '',
      tags: ['a\u0000b'], address: '', legalRepresentative: '',
    };
    expect(() => builder.push(e)).toThrow(Fallback);
  });
});
