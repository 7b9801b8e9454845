import fs from 'node:fs';
import path from 'node:path';
import * as XLSX from 'xlsx';
import { FIXTURES, ssjIn, ROOT, tempDir, expectNoStack } from '../helpers/cli.js';

const REG = path.join(FIXTURES, 'registries');
const fx = (name: string) => path.join(REG, name);

interface JsonIssue {
  code: string;
  severity: string;
  file: string;
  sheet: string | null;
  row: number | null;
  column: string | null;
  cell: string | null;
  value: string | null;
  message: string;
}
interface JsonReport {
  files: { file: string; role: string | null; rows: number; issues: JsonIssue[] }[];
  summary: { errors: number; warnings: number; infos: number };
}

async function validateJson(args: string[]): Promise<{ code: number; report: JsonReport; stderr: string }> {
  const r = await ssjIn(['validate', '--json', '--date', '2024-06-01', ...args]);
  expectNoStack(r);
  return { code: r.code, report: JSON.parse(r.stdout) as JsonReport, stderr: r.stderr };
}

describe('ssj validate on clean registries', () => {
  it.each(['clean-pharmacies.xlsx', 'clean-pharmacies.xls', 'clean-pharmacies.ods', 'clean-pharmacies-gbk.csv', 'clean-pharmacies-utf8bom.csv', 'wrapped-institutions.xlsx', 'clean-inspectors.csv', 'conflicts.csv'])(
    '%s: zero issues, exit 0',
    async (name) => {
      const { code, report } = await validateJson([fx(name)]);
      expect(report.summary).toEqual({ errors: 0, warnings: 0, infos: 0 });
      expect(report.files[0]!.issues).toEqual([]);
      expect(code).toBe(0);
    },
  );
  it('prints exactly the SPEC shape', async () => {
    const { report } = await validateJson([fx('clean-pharmacies.xls')]);
    expect(Object.keys(report)).toEqual(['files', 'summary']);
    expect(report.files).toEqual([{ file: fx('clean-pharmacies.xls'), role: 'pharmacies', rows: 6, issues: [] }]);
  });
});

describe('the messy registry', () => {
  it('yields exactly the planted issues at the right rows and nothing else', async () => {
    const { code, report } = await validateJson([fx('messy-institutions.xlsx'), fx('messy-inspectors.csv')]);
    const got = report.files.flatMap((f) => f.issues.map((i) => [path.basename(i.file), i.row, i.column, i.cell, i.code]));
    expect(got).toEqual([
      ['messy-institutions.xlsx', 3, '类型(综合、专科)', null, 'missing-column'],
      ['messy-institutions.xlsx', 3, '网址', 'N3', 'unknown-column'],
      ['messy-institutions.xlsx', 5, '名称', 'C5', 'missing-value'],
      ['messy-institutions.xlsx', 6, '统一社会信用代码', 'D6', 'uscc-format'],
      ['messy-institutions.xlsx', 7, '统一社会信用代码', 'D7', 'uscc-checksum'],
      ['messy-institutions.xlsx', 8, '法定代表人姓名及身份证号', 'J8', 'idcard-format'],
      ['messy-institutions.xlsx', 9, '法定代表人姓名及身份证号', 'J9', 'idcard-checksum'],
      ['messy-institutions.xlsx', 10, '法定代表人姓名及身份证号', 'J10', 'idcard-precision-lost'],
      ['messy-institutions.xlsx', 11, '统一社会信用代码', 'D11', 'duplicate-key'],
      ['messy-institutions.xlsx', 12, '性质(公立、民营)', 'F12', 'bad-enum'],
      ['messy-institutions.xlsx', 13, '成立日期', 'H13', 'bad-date'],
      ['messy-institutions.xlsx', 14, '联系电话', 'L14', 'bad-phone'],
      ['messy-inspectors.csv', 5, '执法证号', 'I5', 'no-license-number'],
    ]);
    expect(report.summary).toEqual({ errors: 10, warnings: 2, infos: 1 });
    expect(report.files.map((f) => [f.role, f.rows])).toEqual([
      ['institutions', 12],
      ['inspectors', 4],
    ]);
    for (const f of report.files) for (const i of f.issues) expect(i.sheet === null || i.sheet === 'Sheet1').toBe(true);
    expect(code).toBe(1);
  });
  it('says in Chinese what to fix, naming the cell', async () => {
    const { report } = await validateJson([fx('messy-institutions.xlsx')]);
    const dup = report.files[0]!.issues.find((i) => i.code === 'duplicate-key')!;
    expect(dup.message).toContain('第 4 行');
    expect(dup.message).toContain('D4');
    const enumIssue = report.files[0]!.issues.find((i) => i.code === 'bad-enum')!;
    expect(enumIssue.message).toContain('公立、民营');
  });
});

describe('several files', () => {
  it('reports duplicates across files with both places', async () => {
    const { code, report } = await validateJson([fx('clean-pharmacies.xlsx'), fx('clean-pharmacies-gbk.csv')]);
    expect(report.files[0]!.issues).toEqual([]);
    const dups = report.files[1]!.issues;
    expect(dups.map((i) => [i.row, i.code])).toEqual([4, 5, 6, 7, 8, 9].map((r) => [r, 'duplicate-key']));
    for (const d of dups) expect(d.message).toContain('clean-pharmacies.xlsx');
    expect(code).toBe(1);
  });
  it('one unreadable file does not stop the others; a missing file means exit 2', async () => {
    const dir = tempDir();
    const empty = path.join(dir, 'empty.xlsx');
    fs.writeFileSync(empty, '');
    const bytes = fs.readFileSync(fx('clean-pharmacies.xlsx'));
    const truncated = path.join(dir, 'truncated.xlsx');
    fs.writeFileSync(truncated, bytes.subarray(0, bytes.length >> 1));
    const r1 = await validateJson([empty, truncated, fx('clean-inspectors.csv')]);
    expect(r1.report.files.map((f) => [f.role, f.issues.map((i) => i.code)])).toEqual([
      [null, ['unreadable-file']],
      [null, ['unreadable-file']],
      ['inspectors', []],
    ]);
    expect(r1.report.files[0]!.issues[0]!.message).toContain(empty);
    expect(r1.report.files[1]!.issues[0]!.message).toContain(truncated);
    expect(r1.code).toBe(1);
    const r2 = await validateJson([path.join(dir, 'missing.csv'), fx('clean-inspectors.csv')]);
    expect(r2.report.files[1]!.role).toBe('inspectors');
    expect(r2.code).toBe(2);
  });
});

describe('recusal list', () => {
  it('refuses rows naming a code that none of the registries read has', async () => {
    const dir = tempDir();
    const c = path.join(dir, '回避名单.csv');
    fs.writeFileSync(c, '执法证号,统一社会信用代码或医保编码,原因\r\n41090020210001,91350100M000100Y43,亲属\r\n41090020299999,P41092700005,抄错的证号\r\n');
    const { code, report } = await validateJson([fx('clean-pharmacies.xlsx'), fx('clean-inspectors.csv'), c]);
    expect(report.files[2]!.issues.map((i) => [i.row, i.cell, i.code, i.severity])).toEqual([[3, 'A3', 'unknown-reference', 'error']]);
    expect(code).toBe(1); // an unmatched recusal row is an error (issue 19): it would silently disable the recusal
  });
});

describe('hostile headers and files', () => {
  it('keeps __proto__/constructor columns as information', async () => {
    const { code, report } = await validateJson([fx('proto-columns.csv')]);
    expect(report.files[0]!.issues.map((i) => [i.column, i.code])).toEqual([
      ['__proto__', 'unknown-column'],
      ['constructor', 'unknown-column'],
    ]);
    expect(code).toBe(0);
  });
  it.each([
    ['a header of only __proto__/constructor', 'proto-only.csv'],
  ])('%s: exit 1, message names the file, no stack', async (_what, name) => {
    const r = await ssjIn(['validate', fx(name)]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(fx(name));
    expectNoStack(r);
  });
  it('an empty file and a truncated .xlsx: exit 1 with the file named, on the terminal too', async () => {
    const dir = tempDir();
    const empty = path.join(dir, '空白.csv');
    fs.writeFileSync(empty, '');
    const truncated = path.join(dir, 'half.xlsx');
    fs.writeFileSync(truncated, fs.readFileSync(fx('clean-pharmacies.xlsx')).subarray(0, 3000));
    for (const f of [empty, truncated]) {
      const r = await ssjIn(['validate', f]);
      expect(r.code).toBe(1);
      expect(r.stdout).toContain(f);
      expectNoStack(r);
    }
  });
});

describe('terminal, options and reports', () => {
  it('groups issues by file with a one-line summary and no colour under NO_COLOR', async () => {
    const r = await ssjIn(['validate', '--date', '2024-06-01', fx('messy-institutions.xlsx'), fx('clean-inspectors.csv')]);
    expect(r.code).toBe(1);
    expect(r.stdout).not.toMatch(/\u001b\[/);
    const lines = r.stdout.split('\n');
    const a = lines.findIndex((l) => l.startsWith(fx('messy-institutions.xlsx')));
    const b = lines.findIndex((l) => l.startsWith(fx('clean-inspectors.csv')));
    expect(a).toBeGreaterThanOrEqual(0);
    expect(b).toBeGreaterThan(a);
    expect(lines.slice(a, b).filter((l) => /\bD7\b/.test(l)).length).toBe(1);
    expect(r.stdout).toContain('共 2 个文件、15 行：10 个错误，1 个警告，1 条提示。');
  });
  it('shows at most 200 issues per file on the terminal, all of them in --json', async () => {
    const dir = tempDir();
    const f = path.join(dir, 'many.csv');
    const rows = Array.from({ length: 250 }, (_, i) => `药店${i},豫A${i},华龙区,BAD${i}`);
    fs.writeFileSync(f, ['名称,药品经营许可证,所在地区,统一社会信用代码', ...rows].join('\n'));
    const r = await ssjIn(['validate', f]);
    expect(r.stdout.split('\n').filter((l) => l.includes('uscc-format')).length).toBe(200);
    expect(r.stdout).toContain('还有 50 个问题未显示');
    expect((await validateJson([f])).report.files[0]!.issues.length).toBe(250);
  });
  it('lists at most 50,000 issues per file, counting the rest in the summary', async () => {
    const dir = tempDir();
    const f = path.join(dir, 'bad-column.csv');
    const rows = Array.from({ length: 60000 }, (_, i) => `药店${i},豫A${i},华龙区,BAD${i}`);
    fs.writeFileSync(f, ['名称,药品经营许可证,所在地区,统一社会信用代码', ...rows].join('\n'));
    const { code, report } = await validateJson([f]);
    const issues = report.files[0]!.issues;
    expect(issues.length).toBe(50001);
    expect(issues.at(-1)!.code).toBe('more-issues');
    expect(report.summary.errors).toBe(60000);
    expect(code).toBe(1);
  });
  it('speaks English with --lang en', async () => {
    const r = await ssjIn(['validate', '--lang', 'en', fx('clean-inspectors.csv')]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('No errors found.');
  });
  it('refuses an unknown --role and a report that is not .xlsx/.csv with exit 2', async () => {
    expect((await ssjIn(['validate', '--role', 'shops', fx('clean-inspectors.csv')])).code).toBe(2);
    expect((await ssjIn(['validate', '--report', 'x.pdf', fx('clean-inspectors.csv')])).code).toBe(2);
  });
  it('--role reads a file as that role', async () => {
    const { code, report } = await validateJson(['--role', 'institutions', fx('clean-pharmacies-gbk.csv')]);
    expect(report.files[0]!.role).toBe('institutions');
    expect(report.files[0]!.issues.filter((i) => i.code === 'missing-column').length).toBe(2);
    expect(code).toBe(1);
  });
  it('writes the same issues as .csv and .xlsx with --report', async () => {
    const dir = tempDir();
    const csv = path.join(dir, '问题.csv');
    const xlsx = path.join(dir, 'issues.xlsx');
    const r = await ssjIn(['validate', '--json', '--report', csv, fx('messy-institutions.xlsx')]);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).summary.errors).toBe(10);
    const text = fs.readFileSync(csv, 'utf8');
    expect(text.startsWith('\ufeff文件,工作表,行,列,单元格,级别,代码,值,说明')).toBe(true);
    expect(text.trim().split('\r\n').length).toBe(1 + 12);
    expect((await ssjIn(['validate', '--report', xlsx, fx('messy-institutions.xlsx')])).code).toBe(1);
    const wb = XLSX.read(fs.readFileSync(xlsx), { type: 'buffer' });
    const rows = XLSX.utils.sheet_to_json<string[]>(wb.Sheets[wb.SheetNames[0]!]!, { header: 1 });
    expect(rows.length).toBe(1 + 12);
    expect(rows.slice(1).map((row) => [row[4], row[6]])).toContainEqual(['D7', 'uscc-checksum']);
  });
});

describe('ssj validate of a plan with its registries (README step 2)', () => {
  const EX = path.join(ROOT, 'examples');
  const files = (dir: string) => [path.join(dir, 'pharmacies.xlsx'), path.join(EX, 'institutions.xlsx'), path.join(EX, 'inspectors-gbk.csv'), path.join(EX, 'conflicts.xlsx'), path.join(EX, 'plan-2024.xlsx')];

  it('also checks the plan against them, as announce will: a pharmacy without 信用等级 where the plan splits by it', async () => {
    const dir = tempDir('ssj-validate-plan-');
    fs.copyFileSync(path.join(EX, 'pharmacies.xlsx'), path.join(dir, 'pharmacies.xlsx'));
    const clean = await validateJson(files(dir));
    expect([clean.code, clean.report.summary.errors]).toEqual([0, 0]);
    // The first data row's 信用等级 (column M) emptied, as a clerk might leave it.
    const wb = XLSX.read(fs.readFileSync(path.join(dir, 'pharmacies.xlsx')), { type: 'buffer' });
    const ws = wb.Sheets[wb.SheetNames[0]!]!;
    const rows = XLSX.utils.sheet_to_json<unknown[]>(ws, { header: 1, blankrows: true });
    const first = rows.findIndex((r) => /^\d+$/.test(String(r[0] ?? ''))) + 1;
    delete ws[`M${first}`];
    fs.writeFileSync(path.join(dir, 'pharmacies.xlsx'), XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer);
    const r = await validateJson(files(dir));
    expect(r.code).toBe(1);
    const plan = r.report.files.find((f) => f.role === 'plan')!;
    expect(plan.issues.map((i) => [i.code, i.severity])).toEqual([['plan-missing-credit', 'error']]);
    expect(r.report.summary.errors).toBe(1);
  });
});

describe('ssj validate of a results table', () => {
  it('checks it as ssj results would import it, against the workspace\'s draws; outside one it says it could not', async () => {
    const ws = path.join(tempDir('ssj-validate-results-'), 'demo');
    expect((await ssjIn(['demo', ws])).code).toBe(0);
    const wb = XLSX.read(fs.readFileSync(path.join(ROOT, 'examples', 'results-2024-06.xlsx')), { type: 'buffer' });
    const sheet = wb.Sheets[wb.SheetNames[0]!]!;
    sheet['E3'] = { t: 's', v: '医疗保障局:11；市场监督管理局:9' }; // no result code 11
    sheet['D4'] = { t: 's', v: '2024-13-45' };
    const bad = path.join(ws, 'bad-results.xlsx');
    fs.writeFileSync(bad, XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer);
    const r = await ssjIn(['validate', '--json', '--date', '2024-07-05', bad, '--workspace', ws]);
    expectNoStack(r);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout) as JsonReport;
    const cells = report.files[0]!.issues.filter((i) => i.severity === 'error').map((i) => i.cell);
    expect(cells).toEqual(expect.arrayContaining(['E3', 'D4']));
    // The import refuses the same file for the same cells.
    const imp = await ssjIn(['results', bad, '--workspace', ws, '--date', '2024-07-05']);
    expect(imp.code).toBe(1);
    // Outside a workspace: not "no problems", but a warning that there were no draws to check against.
    const alone = await validateJson([bad]);
    expect(alone.report.files[0]!.issues.map((i) => i.code)).toEqual(['results-no-draws']);
  });
});
