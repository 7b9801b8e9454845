import { SCHEMAS, schemaFor, type TableSchema } from '../../src/core/schemas/index.js';
import fc from 'fast-check';
import { KeyIndex, legalName, legalNameByRegex, parseRegistryTable, rowToEntity, tableIssues } from '../../src/core/registry.js';
import { KeyMap } from '../../src/core/keyset.js';
import { columnLetter } from '../../src/core/issues.js';
import { bestHeader, compareMatch, fieldFor, HEADER_SCAN_ROWS, type HeaderMatch, type RawRow } from '../../src/io/read/header.js';
import type { Column, Entity, Role, Table } from '../../src/core/types.js';
import { ColumnBuilder, fromColumns, joinDict, plainEntity } from '../../src/io/registry-range.js';
import { issueMessage } from '../../src/render/issue-text.js';

/** An in-memory table: header labels, then rows; physical rows start under a header on row 1. */
function table(role: Role, headers: string[], rows: string[][], file = 'mem.csv'): Table {
  const schema = schemaFor(role)!;
  const columns: Column[] = headers.map((h, i) => ({ index: i, letter: columnLetter(i), header: h }));
  const fields = new Map<string, Column>();
  const unknown: Column[] = [];
  for (const c of columns) {
    const f = fieldFor(schema, c.header);
    if (f && !fields.has(f)) fields.set(f, c);
    else unknown.push(c);
  }
  return { file, sheet: null, role, headerRow: 1, columns, fields, unknown, rows: rows.map((cells, i) => ({ row: i + 2, cells })), fileSha256: '', issues: [] };
}

const project = (issues: { row: number | null; column: string | null; code: string }[]) => issues.map((i) => [i.row, i.column, i.code]);

const PH = ['名称', '所在地区', '统一社会信用代码', '医保编码', '药品经营许可证', '法定代表人姓名及身份证号', '联系电话', '信用等级'];

describe('pharmacy rows', () => {
  it('reports each problem at its row and column, and nothing on clean rows', () => {
    const t = table('pharmacies', PH, [
      ['康源大药房', '华龙区', '91350100M000100Y43', '', '豫AA1', '张三 11010519491231002X', '13912345678', 'A'],
      ['', '华龙区', '91350100M000100Y44', '', '豫AA2', '李四 110105194912310021', '123', 'E'],
      ['村药店', '清丰县', '', '', '豫AA3', '', '', ''],
      ['仁和堂', '清丰县', '91110000600037341L', '', '豫AA4', '王五（身份证 11010519490230002X）', '0393-7221234', 'b级'],
    ]);
    const acc = parseRegistryTable(t, '2024-06-01');
    expect(project(acc.issues)).toEqual([
      [3, '名称', 'missing-value'],
      [3, '统一社会信用代码', 'uscc-checksum'],
      [3, '法定代表人姓名及身份证号', 'idcard-checksum'],
      [3, '信用等级', 'bad-enum'],
      [3, '联系电话', 'bad-phone'],
      [4, '统一社会信用代码', 'missing-value'],
      [5, '法定代表人姓名及身份证号', 'idcard-format'],
    ]);
    expect(acc.issues.find((i) => i.code === 'uscc-checksum')?.cell).toBe('C3');
    expect(acc.entities.map((e) => e.key)).toEqual(['91350100M000100Y43', '91350100M000100Y44', '91110000600037341L']);
    expect(acc.entities[2]!.credit).toBe('B');
    expect(acc.entities[0]!.legalRepresentative).toBe('张三'); // the ID number is never carried past validation
    expect(acc.entities[2]!.legalRepresentative).toBe('王五（身份证');
  });
  it('falls back to 医保编码 as the key and upper-cases it', () => {
    const t = table('pharmacies', PH, [['村卫生室', '六塔乡', '', ' p4109 27 ', '豫A', '', '', '']]);
    const e = rowToEntity(t, t.rows[0]!);
    expect(e?.key).toBe('P410927');
    expect(e?.keySource).toBe('ybbm');
  });
  it('rows written straight into columns (the parallel reader) read back as rowToEntity makes them', () => {
    const IH = ['名称', '所在地区', '统一社会信用代码', '医保编码', '性质', '类型', '等级', '信用等级', '分类标注', '地址', '法定代表人'];
    const rows = [
      ['康源医院', '华龙区', '91350100M000100Y43', 'p1', '民营', '专科', '二级', 'a级', '医保定点、 门诊统筹', '人民路1号', '张三 11010519491231002X'],
      ['村卫生室', ' 六塔乡 ', '', ' p4109 27 ', '公立', '综合', '', 'B', '', '', ''],
      ['', '', '', '', '', '', '', '', '', '', ''],
      ['仁和医院', '华龙区', '91110000600037341L', '', '私营', '综合', '三级', 'C', '医保定点', '', '王五（身份证 11010519490230002X）'],
    ];
    const t = table('institutions', IH, rows);
    const builder = new ColumnBuilder('定点医疗机构');
    const write = builder.rows(t);
    for (const r of t.rows) write(r);
    const views: Entity[] = [];
    fromColumns(joinDict(builder.flush(), []), views);
    const expected = t.rows.map((r) => rowToEntity(t, r)).filter((e): e is Entity => e !== null);
    expect(expected).toHaveLength(3);
    expect(views.map(plainEntity)).toEqual(expected);
  });
  it('needs a key column', () => {
    const t = table('pharmacies', ['名称', '所在地区', '药品经营许可证'], [['a', 'b', 'c']]);
    expect(project(tableIssues(t))).toEqual([[1, '统一社会信用代码', 'missing-column']]);
  });
});

describe('institution rows', () => {
  const H = ['名称', '所在地区', '统一社会信用代码', '性质', '类型', '成立日期'];
  it('checks enums and dates, future ones against the given today', () => {
    const t = table('institutions', H, [
      ['人民医院', '华龙区', '91350100M000100Y43', '公立', '综合', '2021年3月5日'],
      ['眼科医院', '华龙区', '91110000600037341L', '民营', '专 科', '2031-01-01'],
      ['中医院', '清丰县', '', '国营', '综合', '昨天'],
    ]);
    const acc = parseRegistryTable(t, '2024-06-01');
    expect(project(acc.issues)).toEqual([
      [3, '成立日期', 'bad-date'],
      [4, '统一社会信用代码', 'missing-value'],
      [4, '性质', 'bad-enum'],
      [4, '成立日期', 'bad-date'],
    ]);
    expect(acc.entities[1]!.kind).toBe('专科');
    expect(acc.entities[0]!.objectType).toBe('定点医疗机构');
    // Without a today, a future date is not checked (draw commands), an unreadable one still is.
    expect(project(parseRegistryTable(t, null).issues).filter((i) => i[2] === 'bad-date')).toEqual([[4, '成立日期', 'bad-date']]);
  });
});

describe('inspectors and conflicts', () => {
  it('warns about inspectors without 执法证号 and keeps them with an empty key', () => {
    const t = table('inspectors', ['姓名', '性别', '工作单位', '执法证号', '执法区域', '状态', '所在地区'], [
      ['张明', '男', '濮阳市医疗保障局', '41090020210001', '全市', '在岗', '华龙区'],
      ['李静', '女', '濮阳市医疗保障局', '', '全市', '不可用', '华龙区'],
      ['王磊', '未知', '濮阳市市场监督管理局', '41090020210003', '全市', '休假', '华龙区'],
    ]);
    const acc = parseRegistryTable(t, '2024-06-01');
    expect(project(acc.issues)).toEqual([
      [3, '执法证号', 'no-license-number'],
      [4, '性别', 'bad-enum'],
      [4, '状态', 'bad-enum'],
    ]);
    expect(acc.inspectors.map((i) => i.key)).toEqual(['41090020210001', '', '41090020210003']);
  });
  it('reads recusal pairs with normalised keys', () => {
    const t = table('conflicts', ['执法证号', '统一社会信用代码', '原因'], [[' 41090020210001', '91350100m000100y43', '亲属'], ['', 'x', '']]);
    const acc = parseRegistryTable(t, null);
    expect(acc.conflicts.map((c) => [c.inspector, c.entity])).toEqual([['41090020210001', '91350100M000100Y43']]);
    expect(project(acc.issues)).toEqual([[3, '执法证号', 'missing-value']]);
  });
});

describe('duplicate keys', () => {
  it('names both places, also across files', () => {
    const keys = new KeyIndex();
    const a = table('pharmacies', PH, [['甲', '华龙区', '91350100M000100Y43', '', '豫A', '', '', '']], 'a.xlsx');
    const b = table('institutions', ['名称', '所在地区', '统一社会信用代码', '性质', '类型'], [
      ['乙', '华龙区', '91110000600037341L', '公立', '综合'],
      ['丙', '华龙区', '91350100M000100Y43', '公立', '综合'],
    ], 'b.csv');
    expect(parseRegistryTable(a, null, keys).issues).toEqual([]);
    const dup = parseRegistryTable(b, null, keys).issues;
    expect(project(dup)).toEqual([[3, '统一社会信用代码', 'duplicate-key']]);
    expect(dup[0]!.cell).toBe('C3');
    expect(issueMessage(dup[0]!)).toContain('a.xlsx');
    expect(issueMessage(dup[0]!)).toContain('C2');
  });
});

describe('KeyMap', () => {
  it('is exact for packed and unpacked keys', () => {
    const m = new KeyMap();
    const keys = Array.from({ length: 5000 }, (_, i) => `9141090${String(i).padStart(10, '0')}X`);
    keys.forEach((k, i) => m.set(k, i));
    keys.forEach((k, i) => expect(m.get(k)).toBe(i));
    expect(m.get('914109000000000000Y')).toBeUndefined();
    expect(m.get('0')).toBeUndefined();
    m.set('0', 7);
    m.set('00', 8);
    expect([m.get('0'), m.get('00')]).toEqual([7, 8]);
    m.set('豫AA-1', 9);
    expect(m.get('豫AA-1')).toBe(9);
    expect(m.size).toBe(5003);
  });

  it('starts small and grows without losing a first value (getOrSet across every doubling)', () => {
    const m = new KeyMap();
    const keys = Array.from({ length: 20_000 }, (_, i) => `P${String(i * 7919).padStart(12, '0')}`);
    const first = keys.map((k, i) => m.getOrSet(k, i));
    const again = keys.map((k) => m.getOrSet(k, -1));
    expect(first.every((v) => v === undefined)).toBe(true);
    expect(again.every((v, i) => v === i)).toBe(true);
    expect(m.size).toBe(keys.length);
  });
});

/** bestHeader as it was written before each cell's keys were made once per row: fieldFor per cell, per schema. */
function bestHeaderReference(rows: RawRow[], schemas: readonly TableSchema[]): HeaderMatch | null {
  let best: HeaderMatch | null = null;
  rows.slice(0, HEADER_SCAN_ROWS).forEach((row, index) => {
    for (const schema of schemas) {
      const fields = new Map<string, number>();
      row.forEach((v, c) => {
        if (typeof v !== 'string' || v === '') return;
        const f = fieldFor(schema, v);
        if (f !== undefined && !fields.has(f)) fields.set(f, c);
      });
      const signatureHits = schema.signature.filter((f) => fields.has(f)).length;
      const m = { schema, index, fields, matched: fields.size, signatureHits, signatureComplete: signatureHits === schema.signature.length };
      if (m.matched >= 2 && (!best || compareMatch(m, best) > 0)) best = m;
    }
  });
  return best;
}

describe('header matching', () => {
  it('bestHeader finds what fieldFor per cell and per schema finds (rows of labels, synonyms, notes, marks and data at random)', () => {
    const labels = SCHEMAS.flatMap((s) => s.fields.flatMap((f) => [f.label, ...f.synonyms]));
    const text = fc.oneof(
      fc.constantFrom(...labels),
      fc.constantFrom(...labels).map((l) => `*${l}（备注）`),
      fc.constantFrom(...labels).map((l) => ` ${l.split('').join(' ')}(说明)(二) `),
      fc.constantFrom('', '九州大药房', '91410928103878158R', '华龙区', '(注)', '*', '__proto__'),
      fc.string({ maxLength: 6 }),
    );
    const row = fc.array(fc.oneof(text, fc.integer()), { maxLength: 14 });
    fc.assert(
      fc.property(fc.array(row, { maxLength: 8 }), fc.constantFrom<readonly TableSchema[]>(SCHEMAS, [schemaFor('inspectors')!], [schemaFor('plan')!, schemaFor('results')!]), (rows, schemas) => {
        const got = bestHeader(rows, schemas);
        const want = bestHeaderReference(rows, schemas);
        expect(got && { ...got, schema: got.schema.role, fields: [...got.fields] }).toEqual(want && { ...want, schema: want.schema.role, fields: [...want.fields] });
      }),
      { numRuns: 400 },
    );
  });


  it('matches Puyang headers in any spacing, width and with notes', () => {
    const s = schemaFor('institutions')!;
    expect(fieldFor(s, '性质（公 立、民 营）')).toBe('nature');
    expect(fieldFor(s, '性质(公立/民营)')).toBe('nature');
    expect(fieldFor(s, '所在\n地区')).toBe('region');
    expect(fieldFor(s, '联 系 人')).toBe('contact');
    expect(fieldFor(s, '*名称')).toBe('name');
    expect(fieldFor(s, '__proto__')).toBeUndefined();
    expect(fieldFor(s, 'constructor')).toBeUndefined();
  });
});

describe('recusal rows reference keys', () => {
  it('warns about a 执法证号 or entity code no loaded registry has', () => {
    const keys = new KeyIndex();
    parseRegistryTable(table('pharmacies', PH, [['甲', '华龙区', '91350100M000100Y43', '', '豫A', '', '', '']]), null, keys);
    parseRegistryTable(table('inspectors', ['姓名', '工作单位', '执法证号', '所在地区'], [['张明', '医保局', '41090020210001', '华龙区']]), null, keys);
    parseRegistryTable(
      table('conflicts', ['执法证号', '统一社会信用代码', '原因'], [
        ['41090020210001', '91350100M000100Y43', '亲属'],
        ['41090020219999', '91350100M000100Y43', ''],
        ['41090020210001', '91110000600037341L', ''],
      ], 'c.csv'),
      null,
      keys,
    );
    expect(keys.referenceIssues().map((i) => [i.row, i.cell, i.code, i.severity])).toEqual([
      [3, 'A3', 'unknown-reference', 'error'],
      [4, 'B4', 'unknown-reference', 'error'],
    ]);
  });
  it('checks only against the kinds of registry that were read', () => {
    const keys = new KeyIndex();
    parseRegistryTable(table('conflicts', ['执法证号', '统一社会信用代码'], [['X1', 'Y1']]), null, keys);
    expect(keys.referenceIssues()).toEqual([]);
  });
});

describe('法定代表人 without the ID number (legalName)', () => {
  it('cuts the name from the usual cells', () => {
    expect(legalName('高伟 410902199201280002')).toBe('高伟');
    expect(legalName('张三，11010519491231002X')).toBe('张三');
    expect(legalName('李四(410902********0014)')).toBe('李四');
    expect(legalName('王五')).toBe('王五');
    expect(legalName(' 赵六 ')).toBe('赵六');
    expect(legalName('Room 12')).toBe('Room 12');
    expect(legalName('')).toBe('');
  });

  it('equals the two replaces it is defined by, on any text of names, digits, X, * and separators', () => {
    const ch = fc.constantFrom(...'0123456789Xx* ,，;；:：/、()（）\t张三李X四a');
    fc.assert(fc.property(fc.array(ch, { maxLength: 30 }).map((a) => a.join('')), (t) => legalName(t) === legalNameByRegex(t)), { numRuns: 5000 });
  });
});
