import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { cell, cellAddress, expectRole, readTable } from '../../src/io/table.js';
import { loadRegistries } from '../../src/io/registry.js';
import { scanTextFile } from '../../src/io/read/encoding.js';
import { SCHEMAS, schemaFor } from '../../src/core/schemas/index.js';
import { InputError, IoError } from '../../src/errors.js';
import type { Table } from '../../src/core/types.js';

const DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/registries');
const fx = (name: string) => path.join(DIR, name);
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ssj-table-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** Each row as field → text, for the fields the schema knows (a projection, not the file's layout). */
function projection(t: Table): string[][] {
  const fields = [...t.fields.keys()].filter((f) => f !== 'seq').sort();
  return t.rows.map((r) => fields.map((f) => `${f}=${cell(t, r, f)}`));
}

async function rejects(p: Promise<unknown>): Promise<InputError | IoError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof InputError || e instanceof IoError) return e;
    throw e;
  }
  throw new Error('expected a typed error');
}

describe('one clean registry in every format', () => {
  const files = ['clean-pharmacies.xlsx', 'clean-pharmacies.xls', 'clean-pharmacies.ods', 'clean-pharmacies-gbk.csv', 'clean-pharmacies-utf8bom.csv'];
  it('gives identical normalised rows, header under the title rows, role pharmacies', async () => {
    const tables = await Promise.all(files.map((f) => readTable(fx(f))));
    const first = tables[0] as Table;
    expect(first.role).toBe('pharmacies');
    expect(first.headerRow).toBe(3);
    expect(first.rows.map((r) => r.row)).toEqual([4, 5, 6, 7, 8, 9]);
    expect(cell(first, first.rows[0]!, 'phone')).toBe('13912345678'); // a number cell, back as exact text
    expect(cell(first, first.rows[0]!, 'address')).toBe('华龙区黄河路 12 号');
    expect(first.preamble).toEqual(['濮阳市医保基金监管检查对象名录库基本信息表', '(定点零售药店)']);
    for (const t of tables) {
      expect(t.role).toBe('pharmacies');
      expect(t.headerRow).toBe(3);
      expect(projection(t)).toEqual(projection(first));
      expect(t.preamble).toEqual(first.preamble);
      expect(t.issues).toEqual([]);
    }
  });
  it('gives identical content hashes whatever program saved the file', async () => {
    const loaded = await Promise.all(files.map((f) => loadRegistries([fx(f)])));
    const hashes = new Set(loaded.map((l) => l.inputs[0]!.contentSha256));
    expect(hashes.size).toBe(1);
    const fileHashes = new Set(loaded.map((l) => l.inputs[0]!.fileSha256));
    expect(fileHashes.size).toBe(files.length);
    for (const l of loaded) expect(l.issues).toEqual([]);
    expect(loaded[0]!.entities.map((e) => e.key)).toContain('P41092700005'); // 医保编码 stands in for a missing USCC
  });
  it('detects GBK without a flag and UTF-8 with a BOM', async () => {
    expect((await scanTextFile(fx('clean-pharmacies-gbk.csv'))).encoding).toBe('gb18030');
    expect((await scanTextFile(fx('clean-pharmacies-utf8bom.csv'))).encoding).toBe('utf8-bom');
  });
});

describe('headers as LibreOffice re-saved them', () => {
  it('maps wrapped, padded and full-width headers under merged title rows', async () => {
    const t = await readTable(fx('wrapped-institutions.xlsx'));
    expect(t.role).toBe('institutions');
    expect(t.headerRow).toBe(3);
    for (const f of ['region', 'name', 'uscc', 'nature', 'kind', 'legal', 'contact', 'founded']) expect(t.fields.has(f)).toBe(true);
    expect(t.unknown).toEqual([]);
    expect(cellAddress(t, t.rows[0]!, 'nature')).toBe('F4');
    expect(cell(t, t.rows[0]!, 'founded')).toBe('1950-05-01'); // an Excel date cell
    expect(cell(t, t.rows[1]!, 'founded')).toBe('2015/3/5'); // text, as written
  });
});

describe('header text is never an object key', () => {
  it('keeps __proto__ and constructor as unknown columns, reported once', async () => {
    const t = await readTable(fx('proto-columns.csv'));
    expect(t.role).toBe('pharmacies');
    expect(t.unknown.map((c) => c.header)).toEqual(['__proto__', 'constructor']);
    expect(t.issues.map((i) => [i.cell, i.code])).toEqual([
      ['O1', 'unknown-column'],
      ['P1', 'unknown-column'],
    ]);
    expect(t.rows[0]!.cells[14]).toBe('x');
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });
  it('refuses a file whose only headers are __proto__/constructor, naming the file', async () => {
    const e = await rejects(readTable(fx('proto-only.csv')));
    expect(e.key).toBe('io.noHeader');
    expect(e.params.file).toBe(fx('proto-only.csv'));
  });
});

describe('roles', () => {
  it('recognises inspectors and conflicts', async () => {
    expect((await readTable(fx('clean-inspectors.csv'))).role).toBe('inspectors');
    expect((await readTable(fx('conflicts.csv'))).role).toBe('conflicts');
  });
  it('refuses a file of another role, saying what it looks like', async () => {
    const e = await rejects(readTable(fx('clean-inspectors.csv'), { schemas: [schemaFor('pharmacies')!, schemaFor('institutions')!] }));
    expect(e.key).toBe('io.wrongRole');
    expect(String(e.params.looksLike)).toContain('检查人员');
  });
  it('expectRole refuses a read table of the wrong role', async () => {
    const t = await readTable(fx('clean-pharmacies-gbk.csv'));
    expect(() => expectRole(t, ['inspectors'])).toThrow(InputError);
    expect(() => expectRole(t, ['pharmacies', 'institutions'])).not.toThrow();
  });
  it('--role reads the file as the given role', async () => {
    const t = await readTable(fx('clean-pharmacies-gbk.csv'), { role: 'institutions' });
    expect(t.role).toBe('institutions');
    expect(t.issues.filter((i) => i.code === 'missing-column').map((i) => i.column)).toEqual(['性质(公立、民营)', '类型(综合、专科)']);
  });
  it('has a schema for every role', () => {
    expect(SCHEMAS.map((s) => s.role).sort()).toEqual(['activities', 'conflicts', 'inspectors', 'institutions', 'insured', 'items', 'pharmacies', 'plan', 'prior-inspections', 'results']);
  });
});

/** A zip whose central directory declares the given uncompressed size (nothing is inflated to check it). */
function zipDeclaring(size: number): Buffer {
  const name = Buffer.from('xl/worksheets/sheet1.xml');
  const data = zlib.deflateRawSync(Buffer.alloc(1024));
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(0, 14);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(size, 22);
  local.writeUInt16LE(name.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE(size, 24);
  central.writeUInt16LE(name.length, 28);
  const cdStart = local.length + name.length + data.length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + name.length, 12);
  end.writeUInt32LE(cdStart, 16);
  return Buffer.concat([local, name, data, central, name, end]);
}

describe('files that cannot be read', () => {
  const write = (name: string, data: string | Buffer) => {
    const p = path.join(tmp, name);
    fs.writeFileSync(p, data);
    return p;
  };
  it.each([
    { name: 'empty.xlsx', data: Buffer.alloc(0), key: 'io.empty' },
    { name: 'empty.csv', data: '', key: 'io.empty' },
    { name: 'blank.csv', data: '\ufeff\r\n,,\r\n', key: 'io.empty' },
    { name: 'report.xlsx', data: '%PDF-1.4\n%âãÏÓ\n1 0 obj\n', key: 'io.notSpreadsheet' },
    { name: 'noise.xlsx', data: Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)), key: 'io.notSpreadsheet' },
    { name: 'bomb.xlsx', data: zipDeclaring(0xfffffff0), key: 'io.zipBomb' },
  ])('$name → $key naming the file', async ({ name, data, key }) => {
    const p = write(name, data);
    const e = await rejects(readTable(p));
    expect(e.key).toBe(key);
    expect(e.params.file).toBe(p);
  });
  it('a truncated .xlsx is corrupt, not a crash', async () => {
    const bytes = fs.readFileSync(fx('clean-pharmacies.xlsx'));
    const p = write('truncated.xlsx', bytes.subarray(0, Math.floor(bytes.length / 2)));
    const e = await rejects(readTable(p));
    expect(e).toBeInstanceOf(InputError);
    expect(e.key).toBe('io.corrupt');
  });
  it('a missing file or a folder is an I/O error (exit 2)', async () => {
    expect((await rejects(readTable(path.join(tmp, 'nope.csv')))).key).toBe('error.fileNotFound');
    expect((await rejects(readTable(tmp))).key).toBe('error.isDirectory');
  });
  it('stops a 3-million-character cell early, naming its row and column', async () => {
    const p = write('huge-cell.csv', `名称,药品经营许可证,所在地区\r\na,"${'x'.repeat(3_000_000)}",b\r\n`);
    const e = await rejects(readTable(p));
    expect([e.key, e.params.row, e.params.column]).toEqual(['io.cellTooLongAt', 2, 'B']);
  });
  it('follows quoted cells with newlines and escaped quotes across read chunks', async () => {
    const rows = Array.from({ length: 60000 }, (_, i) => `"药店""${i}""","豫A\n${i}",华龙区,ab"c`);
    const p = write('quoted.csv', `名称,药品经营许可证,所在地区,备注\r\n${rows.join('\r\n')}\r\n`);
    expect(fs.statSync(p).size).toBeGreaterThan(2 * 1024 * 1024); // several 1 MB read chunks
    const t = await readTable(p);
    expect(t.rows.length).toBe(60000);
    expect(cell(t, t.rows[59999]!, 'name')).toBe('药店"59999"');
    expect(t.rows[59999]!.row).toBe(60001);
  });
  it('reads a large file with old Mac line ends (CR only) without mistaking it for one long record', async () => {
    const rows = Array.from({ length: 120000 }, (_, i) => `药店${i},豫A${i},华龙区`);
    const p = write('cr.csv', `名称,药品经营许可证,所在地区\r${rows.join('\r')}\r`);
    expect(fs.statSync(p).size).toBeGreaterThan(3_000_000);
    const t = await readTable(p);
    expect(t.rows.length).toBe(120000);
  });
  it('decodes a multi-megabyte GB18030 file across read chunks exactly as its UTF-8 twin', async () => {
    const iconv = (await import('iconv-lite')).default;
    const text = `名称,药品经营许可证,所在地区\r\n${Array.from({ length: 80000 }, (_, i) => `濮阳市华龙区康源大药房第${i}店,豫AA${i},华龙区`).join('\r\n')}\r\n`;
    const gbk = write('big-gbk.csv', iconv.encode(text, 'gb18030'));
    const utf8 = write('big-utf8.csv', text);
    expect(fs.statSync(gbk).size).toBeGreaterThan(3_000_000);
    const [a, b] = [await readTable(gbk), await readTable(utf8)];
    expect(a.rows.length).toBe(80000);
    expect(a.rows.map((r) => r.cells.join('|'))).toEqual(b.rows.map((r) => r.cells.join('|')));
  });
  it('caps cell length in workbooks', async () => {
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('S');
    ws.addRow(['名称', '药品经营许可证', '所在地区']);
    ws.addRow(['a', 'x'.repeat(40000), 'b']);
    const p = path.join(tmp, 'bigcell.xlsx');
    await wb.xlsx.writeFile(p);
    const e = await rejects(readTable(p));
    expect([e.key, e.params.row, e.params.column]).toEqual(['io.cellTooLong', 2, 'B']);
  });
  it('caps cell length and row width in CSV too', async () => {
    const head = '名称,药品经营许可证,所在地区\r\n';
    const long = write('long.csv', `${head}a,${'x'.repeat(40000)},b\r\n`);
    expect((await rejects(readTable(long))).key).toBe('io.cellTooLong');
    const wide = write('wide.csv', `${head}${Array.from({ length: 17000 }, () => 'a').join(',')}\r\n`);
    expect((await rejects(readTable(wide))).key).toBe('io.rowTooWide');
  });
});

describe('cell values', () => {
  it('normalises full-width text, trims, skips blank rows and keeps lost digits as an error', async () => {
    const p = path.join(tmp, 'values.csv');
    fs.writeFileSync(
      p,
      [
        '名称,统一社会信用代码,药品经营许可证,所在地区,法定代表人姓名及身份证号',
        '　ＡＢＣ大药房　,91350100M000100Y43,豫AA1,华龙区,张三 4.10901E+17',
        ',,,,',
        '2,  ,,,',
        'Ｘ药店,9.1410902E+17,豫AA2,华龙区,',
      ].join('\n'),
    );
    const t = await readTable(p);
    expect(t.rows.map((r) => r.row)).toEqual([2, 4, 5]);
    expect(cell(t, t.rows[0]!, 'name')).toBe('ABC大药房');
    expect(t.issues.map((i) => [i.row, i.cell, i.code])).toEqual([
      [2, 'E2', 'idcard-precision-lost'],
      [5, 'B5', 'idcard-precision-lost'],
    ]);
  });
});
