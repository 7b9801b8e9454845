/**
 * Files clerks really get: an HTML table saved as .xls (government systems'
 * "Excel export"), in UTF-8 and in GBK, read with each cell's text as written
 * — 20 valid rows give no error, where digits-only codes used to become numbers
 * ("digits lost", "duplicate"); an Excel 2–4 file is named as an old Excel
 * file; ID numbers with a future birth date or no province are errors.
 */
import fs from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { ssj, tempDir, expectNoStack } from '../helpers/cli.js';
import { pharmacies, uscc } from './draw-fixtures.js';
import { idCheckDigit } from '../../src/core/checks/idcard.js';

const id = (first17: string) => first17 + idCheckDigit(first17);
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

/** 20 valid rows from `from`: codes of digits only (医保编码 with leading zeros), every other row without a USCC. */
function htmlTable(from: number, charset: string): string {
  const base = pharmacies(from + 20);
  const rows = base.rows.slice(from).map((r, i) => {
    const n = from + i;
    const row = [...r];
    row[3] = n % 2 === 0 ? uscc(300 + n) : '';
    row[4] = `00${String(411399000000 + n)}`;
    row[8] = `张三 ${id(`41090119800101${String(100 + n).slice(-3)}`)}`;
    return row;
  });
  const tr = (cells: string[], tag: string) => `<tr>${cells.map((c) => `<${tag}>${esc(c)}</${tag}>`).join('')}</tr>`;
  return `<html><head><meta http-equiv="Content-Type" content="text/html; charset=${charset}"></head><body><table border="1">\n${tr(base.header, 'td')}\n${rows.map((r) => tr(r, 'td')).join('\n')}\n</table></body></html>`;
}

interface Report { files: { file: string; rows: number; issues: { code: string; severity: string; cell: string | null; message: string }[] }[] }

describe('files clerks get', () => {
  const dir = tempDir('ssj-clerk-');
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('reads HTML tables saved as .xls (UTF-8 and GBK) keeping cell text: no false error on 40 valid rows', () => {
    const utf8 = path.join(dir, '药店导出.xls');
    const gbk = path.join(dir, '药店导出-gbk.xls');
    fs.writeFileSync(utf8, htmlTable(0, 'utf-8'));
    fs.writeFileSync(gbk, iconv.encode(htmlTable(20, 'gb2312'), 'gb18030'));
    const r = ssj(['validate', utf8, gbk, '--role', 'pharmacies', '--json', '--date', '2026-12-04']);
    expectNoStack(r);
    const report = JSON.parse(r.stdout) as Report;
    expect(report.files.map((f) => [path.basename(f.file), f.rows, f.issues.filter((i) => i.severity !== 'info').map((i) => `${i.cell} ${i.code}`)])).toEqual([
      ['药店导出.xls', 20, []],
      ['药店导出-gbk.xls', 20, []],
    ]);
    expect(r.code).toBe(0);
  });

  it('names an Excel 2–4 file as an old Excel file', () => {
    const old = path.join(dir, 'old.xls');
    fs.writeFileSync(old, Buffer.from([0x09, 0x04, 0x06, 0x00, 0x00, 0x00, 0x10, 0x00, 0x00, 0x00]));
    const r = ssj(['validate', old]);
    expectNoStack(r);
    expect(r.code).toBe(1);
    expect(r.stdout + r.stderr).toContain('旧版 Excel 文件');
  });

  it('refuses an ID number born in the future or with no province, and names a USCC stored as a number', () => {
    const csv = path.join(dir, 'ids.csv');
    const header = pharmacies(1).header.join(',');
    const row = (n: number, legal: string, code: string) => {
      const r = [...(pharmacies(n + 1).rows[n] as string[])];
      r[3] = code;
      r[8] = legal;
      return r.join(',');
    };
    fs.writeFileSync(csv, [header, row(0, `李四 ${id('41090120300101123')}`, uscc(1)), row(1, `王五 ${id('99090119800101123')}`, uscc(2)), row(2, '', '9.14113991E+17')].join('\n'));
    const r = ssj(['validate', csv, '--json', '--date', '2026-12-04']);
    const report = JSON.parse(r.stdout) as Report;
    expect(report.files[0]?.issues.filter((i) => i.severity === 'error').map((i) => `${i.cell} ${i.code}`)).toEqual(['I2 idcard-birth-future', 'I3 idcard-province', 'D4 uscc-precision-lost']);
    expect(r.code).toBe(1);
  });
});
