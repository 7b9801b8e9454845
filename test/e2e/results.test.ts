/**
 * ssj results on sheets filled through their defined names and re-saved by
 * LibreOffice (test/fixtures/results, made by make-fixtures.mjs — one with
 * rows inserted in Calc), and on a results table.
 */
import fs from 'node:fs';
import path from 'node:path';
import * as XLSX from 'xlsx';
import type { DrawRecord, InspectionResult, Issue } from '../../src/core/types.js';
import type { Workspace } from '../../src/io/workspace.js';
import { FIXTURES, ssjIn, ROOT, expectNoStack, tempDir } from '../helpers/cli.js';
import { makeWorkspace, writeDraw } from '../helpers/workspace.js';

const DIR = path.join(FIXTURES, 'results');
const fx = (name: string) => path.join(DIR, name);
const joint = JSON.parse(fs.readFileSync(fx('joint-draw.json'), 'utf8')) as Partial<DrawRecord>;
const E1 = '91410481MA44000011';
const E2 = '91410481MA44000022';
const E3 = 'P41048100033';

interface Summary {
  files: { file: string; status: string; imported: number; replaced: number; unchanged: number; issues: Issue[] }[];
  summary: { files: number; imported: number; replaced: number; unchanged: number; refused: number };
}

function setup(): Workspace {
  const ws = makeWorkspace();
  writeDraw(ws, joint);
  return ws;
}
const run = async (ws: Workspace, args: string[], date = '2024-06-20') => await ssjIn(['results', ...args, '--workspace', ws.root, '--date', date, '--json']);
const parse = (stdout: string) => JSON.parse(stdout) as Summary;
const stored = (ws: Workspace, entity: string) => JSON.parse(fs.readFileSync(path.join(ws.results, '20240601-1', `${entity}.json`), 'utf8')) as InspectionResult;
const issuesOf = (s: Summary) => s.files.map((f) => [f.status, f.issues.filter((i) => i.severity === 'error').map((i) => [i.code, i.sheet, i.cell])]);

/** Every file under results/ with its content: "nothing stored changes" means this is equal. */
function snapshot(ws: Workspace): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (dir: string) => {
    if (!fs.existsSync(dir)) return;
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else out.set(path.relative(ws.results, p), fs.readFileSync(p, 'utf8'));
    }
  };
  walk(ws.results);
  return out;
}

describe('ssj results when a write fails part-way', () => {
  it('with the stored results deleted, refuses before writing: the results folder is as before (exit 1)', async () => {
    const dir = path.join(tempDir('ssj-results-rollback-'), 'demo');
    expect((await ssjIn(['demo', dir])).code).toBe(0);
    const table = path.join(ROOT, 'examples', 'results-2024-06.xlsx');
    const rows = XLSX.utils.sheet_to_json<string[]>(XLSX.read(fs.readFileSync(table), { type: 'buffer' }).Sheets['检查结果'] as XLSX.WorkSheet, { header: 1, raw: false });
    const last = rows.filter((r) => /^\d{8}-\d+$/.test(String(r[0] ?? ''))).at(-1) as string[];
    fs.rmSync(path.join(dir, 'results'), { recursive: true });
    fs.mkdirSync(path.join(dir, 'results', String(last[0]), `${last[1]}.json`), { recursive: true }); // a folder where its result goes
    const before = fs.readdirSync(path.join(dir, 'results'), { recursive: true }).sort();
    const r = await ssjIn(['results', table, '--workspace', dir, '--date', '2024-06-28']);
    // The demo's stored results are listed by its results-import event: with them deleted the ledger does not
    // verify, and the import is refused before anything is written (exit 1, naming the damage and the way out).
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('ssj verify --ledger');
    expectNoStack(r);
    expect(fs.readdirSync(path.join(dir, 'results'), { recursive: true }).sort()).toEqual(before);
  });
});

describe('ssj results — record sheets re-saved by LibreOffice', () => {
  const ws = setup();

  it('imports a filled sheet with the right codes and date', async () => {
    const r = await run(ws, [fx('lo-filled.xlsx')]);
    expect(r.code).toBe(0);
    const s = parse(r.stdout);
    expect(s.files.map((f) => [f.status, f.imported])).toEqual([['imported', 1]]);
    const res = stored(ws, E1);
    expect([res.inspectionDate, res.departments, res.source.form]).toEqual([
      '2024-06-12',
      [
        { department: '医疗保障局', codes: [1] },
        { department: '市场监督管理局', codes: [9] },
      ],
      'sheet',
    ]);
  });

  it('is idempotent: the same sheet again changes nothing', async () => {
    const before = snapshot(ws);
    const r = await run(ws, [fx('lo-filled.xlsx')], '2024-06-25');
    expect(r.code).toBe(0);
    expect(parse(r.stdout).files.map((f) => [f.status, f.imported, f.unchanged])).toEqual([['unchanged', 0, 1]]);
    expect(snapshot(ws)).toEqual(before);
  });

  it('reads the same sheet saved as .ods by LibreOffice: same content, unchanged', async () => {
    const r = await run(ws, [fx('lo-filled.ods')]);
    expect(r.code).toBe(0);
    expect(parse(r.stdout).files.map((f) => [f.status, f.unchanged])).toEqual([['unchanged', 1]]);
    expect(r.stderr).toBe('');
  });

  it('finds the cells through the names after rows were inserted in Calc (date cell, 5,8 in one cell)', async () => {
    const r = await run(ws, [fx('lo-row-inserted.xlsx')]);
    expect(r.code).toBe(0);
    const res = stored(ws, E2);
    expect([res.inspectionDate, res.departments.map((d) => d.codes)]).toEqual(['2024-06-15', [[5, 8], [10]]]);
  });

  it('imports a sheet typed straight into Calc (a real date cell, number cells), drop-down and names kept', async () => {
    const r = await run(ws, [fx('lo-typed.xlsx')]);
    expect(r.code).toBe(0);
    const res = stored(ws, E3);
    expect([res.inspectionDate, res.departments.map((d) => d.codes), res.remarks]).toEqual(['2024-06-14', [[1], [9]], '已现场检查']);
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(fx('lo-typed.xlsx'));
    expect(wb.worksheets[0]?.getCell('D11').dataValidation.type).toBe('list');
  });

  it('refuses code 11 naming the cell, and stores nothing', async () => {
    const before = snapshot(ws);
    const r = await run(ws, [fx('lo-code-11.xlsx')]);
    expect(r.code).toBe(1);
    expect(issuesOf(parse(r.stdout))).toEqual([['refused', [['codes-range', '记录表', 'D11']]]]);
    expect(snapshot(ws)).toEqual(before);
  });

  it('names file and cell in the Chinese message, without a stack', async () => {
    const r = await ssjIn(['results', fx('lo-code-11.xlsx'), '--workspace', ws.root, '--date', '2024-06-20']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('lo-code-11.xlsx（工作表“记录表”，单元格 D11）');
    expect(r.stderr).toContain('“11”');
    expectNoStack(r);
  });

  it('refuses a different result unless --replace, which keeps the old one in .history', async () => {
    const before = snapshot(ws);
    const refused = await run(ws, [fx('lo-filled-v2.xlsx')]);
    expect(refused.code).toBe(1);
    expect(issuesOf(parse(refused.stdout))).toEqual([['refused', [['conflict', '记录表', 'D11']]]]);
    expect(snapshot(ws)).toEqual(before);

    const old = stored(ws, E1);
    const replaced = await run(ws, [fx('lo-filled-v2.xlsx'), '--replace']);
    expect(replaced.code).toBe(0);
    expect(parse(replaced.stdout).files.map((f) => [f.status, f.replaced])).toEqual([['imported', 1]]);
    expect(stored(ws, E1).departments.map((d) => d.codes)).toEqual([[5], [9]]);
    const history = JSON.parse(fs.readFileSync(path.join(ws.results, '.history', '20240601-1', `${E1}-1.json`), 'utf8')) as InspectionResult;
    expect(history).toEqual(old);
  });
});

describe('ssj results — dates, several files, tables', () => {
  it('refuses an inspection date after today (--date) naming the date cell', async () => {
    const ws = setup();
    const r = await run(ws, [fx('lo-filled.xlsx')], '2024-06-10');
    expect(r.code).toBe(1);
    expect(issuesOf(parse(r.stdout))).toEqual([['refused', [['date-future', '记录表', 'D2']]]]);
    expect(snapshot(ws).size).toBe(0);
  });

  it('refuses a sheet of a draw the ledger does not hold', async () => {
    const ws = makeWorkspace();
    writeDraw(ws, { ...joint, drawId: '20240601-2' });
    const r = await run(ws, [fx('lo-filled.xlsx')]);
    expect(r.code).toBe(1);
    expect(issuesOf(parse(r.stdout))).toEqual([['refused', [['unknown-draw', '记录表', 'B2']]]]);
  });

  it('imports the good files when another is refused or missing; exit 1 for refused, 2 for unreadable', async () => {
    const ws = setup();
    const csv = path.join(ws.root, '结果.csv');
    fs.writeFileSync(
      csv,
      '\ufeff检查结果汇总表\n抽取编号,统一社会信用代码或医保编码,检查日期,检查结果,处理情况,公示日期,公示网站,备注\n' +
        `20240601-1,${E3},2024/6/14,医疗保障局:1；市场监督管理局:9,无,2024-06-18,信用舞钢,\n`,
    );
    const r = await run(ws, [fx('lo-code-11.xlsx'), csv, fx('lo-filled.xlsx')]);
    expect(r.code).toBe(1);
    expect(parse(r.stdout).files.map((f) => [path.basename(f.file), f.status])).toEqual([
      ['lo-code-11.xlsx', 'refused'],
      ['结果.csv', 'imported'],
      ['lo-filled.xlsx', 'imported'],
    ]);
    const res = stored(ws, E3);
    expect([res.inspectionDate, res.departments.map((d) => d.codes), res.handling, res.publication, res.source.form]).toEqual(['2024-06-14', [[1], [9]], '无', { date: '2024-06-18', site: '信用舞钢' }, 'table']);

    const missing = await run(ws, [path.join(ws.root, 'nope.xlsx'), fx('lo-row-inserted.xlsx')]);
    expect(missing.code).toBe(2);
    expect(parse(missing.stdout).files.map((f) => f.status)).toEqual(['refused', 'imported']);
  });

  it('completes a sheet’s result with the 公示日期 of a later results table (old version kept)', async () => {
    const ws = setup();
    expect((await run(ws, [fx('lo-filled.xlsx')])).code).toBe(0);
    const csv = path.join(ws.root, '公示.csv');
    fs.writeFileSync(csv, `抽取编号,统一社会信用代码,检查日期,检查结果,公示日期,公示网站\n20240601-1,${E1},2024-06-12,医疗保障局:1；市场监督管理局:9,2024-06-19,信用舞钢\n`);
    const r = await run(ws, [csv]);
    expect(r.code).toBe(0);
    expect(parse(r.stdout).files.map((f) => [f.status, (f as { completed?: number }).completed])).toEqual([['imported', 1]]);
    const res = stored(ws, E1);
    expect([res.remarks, res.publication, res.departments.map((d) => d.codes)]).toEqual(['现场检查，未发现问题', { date: '2024-06-19', site: '信用舞钢' }, [[1], [9]]]);
    expect(fs.readdirSync(path.join(ws.results, '.history', '20240601-1'))).toEqual([`${E1}-1.json`]);
  });

  it('refuses a table row with plain codes for a joint inspection, naming its cell', async () => {
    const ws = setup();
    const csv = path.join(ws.root, 'r.csv');
    fs.writeFileSync(csv, `抽取编号,统一社会信用代码,检查日期,检查结果\n20240601-1,${E1},2024-06-12,"5,8"\n20240601-1,${E2},2024-06-12,医疗保障局:1；市场监督管理局:9\n`);
    const r = await run(ws, [csv]);
    expect(r.code).toBe(1);
    expect(issuesOf(parse(r.stdout))).toEqual([['refused', [['codes-ambiguous', null, 'D2']]]]);
    expect(snapshot(ws).size).toBe(0); // the good second row is not imported either
  });

  it('refuses a file that is neither a record sheet nor a results table', async () => {
    const ws = setup();
    const csv = path.join(ws.root, 'x.csv');
    fs.writeFileSync(csv, '姓名,电话\n张三,123\n');
    const r = await run(ws, [csv]);
    expect(r.code).toBe(1);
    expect(issuesOf(parse(r.stdout))).toEqual([['refused', [['not-results', null, null]]]]);
    expectNoStack(r);
  });

  it('refuses the printable all.html and a registry by what they are, without advice it cannot take (no --role here)', async () => {
    const ws = setup();
    expect((await ssjIn(['sheets', '--draw', '20240601-1', '--workspace', ws.root])).code).toBe(0);
    const html = path.join(ws.sheets, '20240601-1', 'all.html');
    const reg = path.join(ws.root, 'inspectors.csv');
    fs.writeFileSync(reg, '序号,所在地区,姓名,性别,工作单位,专业学历,部门岗位,职务(职称),执法证号,执法区域,备注\n1,某县,张三,男,某县医疗保障局,本科,稽核科,科员,K001,全县,\n');
    const r = await run(ws, [html, reg]);
    expect(r.code).toBe(1);
    expect(issuesOf(parse(r.stdout))).toEqual([['refused', [['html-not-results', null, null]]], ['refused', [['not-results', null, null]]]]);
    const text = await ssjIn(['results', html, reg, '--workspace', ws.root]);
    expect(text.stdout + text.stderr).toContain('打印用的网页');
    expect(text.stdout + text.stderr).not.toContain('--role');
  });

  it('refuses a record sheet whose defined names were lost (copied into a new workbook)', async () => {
    const ws = setup();
    const wb = XLSX.read(fs.readFileSync(fx('lo-filled.xlsx')), { type: 'buffer' });
    const copy = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(copy, wb.Sheets[wb.SheetNames[0] as string] as XLSX.WorkSheet, '记录表');
    const file = path.join(ws.root, 'copy.xlsx');
    fs.writeFileSync(file, XLSX.write(copy, { type: 'buffer', bookType: 'xlsx' }) as Buffer);
    const r = await run(ws, [file]);
    expect(r.code).toBe(1);
    expect(issuesOf(parse(r.stdout))).toEqual([['refused', [['sheet-names-missing', null, null]]]]);
  });

  it('imports a folder, and a *.xlsx pattern the shell left unexpanded (Windows), skipping Excel lock files', async () => {
    const ws = setup();
    const dir = path.join(ws.root, '已填');
    fs.mkdirSync(dir);
    fs.copyFileSync(fx('lo-filled.xlsx'), path.join(dir, '01.xlsx'));
    fs.copyFileSync(fx('lo-row-inserted.xlsx'), path.join(dir, '02.xlsx'));
    fs.writeFileSync(path.join(dir, '~$01.xlsx'), 'lock');
    expect((await ssjIn(['sheets', '--draw', '20240601-1', '--workspace', ws.root])).code).toBe(0);
    const blank = path.join(ws.sheets, '20240601-1', '03-尹集镇百姓药店.xlsx');
    fs.copyFileSync(blank, path.join(dir, '03.xlsx'));
    const r = await run(ws, [dir]);
    expect(r.code).toBe(0);
    const s = parse(r.stdout) as Summary & { skipped: string[] };
    expect(s.files.map((f) => [path.basename(f.file), f.status])).toEqual([
      ['01.xlsx', 'imported'],
      ['02.xlsx', 'imported'],
    ]);
    expect(s.skipped.map((f) => path.basename(f))).toEqual(['03.xlsx']);
    // Named one by one, as a shell expands sheets/<id>/*.xlsx, a blank sheet is skipped too: a batch job
    // importing a whole draw's sheets mid-month succeeds on the ones filled in.
    const named = await run(ws, [blank, path.join(dir, '01.xlsx')]);
    expect(named.code).toBe(0);
    const ns = parse(named.stdout) as Summary & { skipped: string[] };
    expect([ns.skipped.map((f) => path.basename(f)), ns.files.map((f) => [path.basename(f.file), f.status])]).toEqual([['03-尹集镇百姓药店.xlsx'], [['01.xlsx', 'unchanged']]]);
    const again = await run(ws, [path.join(dir, '*.xlsx')]);
    expect(parse(again.stdout).files.map((f) => [path.basename(f.file), f.status])).toEqual([
      ['01.xlsx', 'unchanged'],
      ['02.xlsx', 'unchanged'],
    ]);
  });

  it('refuses a sheet copied for another entity whose code was not changed, naming the 名称 cell', async () => {
    const ws = setup();
    const wb = XLSX.read(fs.readFileSync(fx('lo-filled.xlsx')), { type: 'buffer' });
    const ref = wb.Workbook?.Names?.find((n) => n.Name === 'ssj_entity_name')?.Ref ?? '';
    const addr = ref.split('!')[1]?.replace(/\$/g, '') ?? '';
    (wb.Sheets[wb.SheetNames[0] as string] as XLSX.WorkSheet)[addr] = { t: 's', v: '尹集镇百姓药店' };
    const file = path.join(ws.root, '03-copied.xlsx');
    fs.writeFileSync(file, XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer);
    const r = await run(ws, [file]);
    expect(r.code).toBe(1);
    expect(issuesOf(parse(r.stdout))).toEqual([['refused', [['entity-name-mismatch', '记录表', 'C8']]]]);
  });

  it('asks for files when none is given (exit 2)', async () => {
    const ws = setup();
    const r = await ssjIn(['results', '--workspace', ws.root]);
    expect(r.code).toBe(2);
    expectNoStack(r);
  });
});

describe('ssj results — nothing to import', () => {
  it('an empty folder is a usage error naming it (exit 2), and the workspace is left as it was', async () => {
    const ws = makeWorkspace();
    const empty = path.join(ws.root, 'sheets', 'empty');
    fs.mkdirSync(empty, { recursive: true });
    const before = fs.readdirSync(path.join(ws.root, 'results'));
    const r = await ssjIn(['results', empty, '--workspace', ws.root]);
    expectNoStack(r);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('没有找到可导入的文件');
    expect(r.stderr).toContain(empty);
    expect(fs.readdirSync(path.join(ws.root, 'results'))).toEqual(before);
  });
});
