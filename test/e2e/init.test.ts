/**
 * `ssj init` and `ssj templates` as a clerk runs them: the workspace's
 * folders and files, refusal to overwrite (exit 2, nothing changed), --force,
 * and template workbooks that Excel-readers see with the seed's headers,
 * drop-downs, text-formatted code columns and a frozen header.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import XLSX from 'xlsx';
import { tempDir, ssjIn, expectNoStack } from '../helpers/cli.js';

const TEMPLATE_FILES = ['附件2-定点零售药店名录库.xlsx', '附件3-定点医疗机构名录库.xlsx', '附件4-检查人员名录库.xlsx', '回避名单.xlsx', '抽查工作计划.xlsx', '月度工作情况.xlsx', '附件1-随机抽查事项清单.xlsx', '既往检查记录.xlsx', '参保人名录库.xlsx', '检查结果表.xlsx'];
const FOLDERS = ['registries', 'plans', 'draws', 'sheets', 'results', 'reports', 'templates'];
const USER_FILES = [
  'registries/附件2-定点零售药店名录库.xlsx',
  'registries/附件3-定点医疗机构名录库.xlsx',
  'registries/附件4-检查人员名录库.xlsx',
  'registries/回避名单.xlsx',
  'plans/抽查工作计划.xlsx',
  'reports/月度工作情况.xlsx',
];

/** Every file under `dir` (relative path → sha256). */
function snapshot(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out.set(path.relative(dir, p), crypto.createHash('sha256').update(fs.readFileSync(p)).digest('hex'));
    }
  };
  walk(dir);
  return out;
}

const sorted = (m: Map<string, string>) => [...m.entries()].sort(([a], [b]) => (a < b ? -1 : 1));

interface InitJson {
  workspace: string;
  folders: string[];
  written: string[];
  kept: string[];
}

describe('ssj init', () => {
  it('creates every folder, the templates, the registries, the example plan and README.txt', async () => {
    const dir = path.join(tempDir(), 'ws');
    const r = await ssjIn(['init', dir, '--json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as InitJson;
    for (const f of FOLDERS) expect([f, fs.statSync(path.join(dir, f)).isDirectory()]).toEqual([f, true]);
    const expected = [...TEMPLATE_FILES.map((f) => `templates/${f}`), 'README.txt', ...USER_FILES].sort();
    expect(out.written.map((p) => path.relative(dir, p).split(path.sep).join('/')).sort()).toEqual(expected);
    expect(out.kept).toEqual([]);
    expect([...snapshot(dir).keys()].map((p) => p.split(path.sep).join('/')).sort()).toEqual(expected);
    // The fillable copies are the templates themselves.
    const snap = snapshot(dir);
    expect(snap.get(path.join('plans', '抽查工作计划.xlsx'))).toBe(snap.get(path.join('templates', '抽查工作计划.xlsx')));
  });

  it('writes README.txt with the monthly steps, each as a runnable command line', async () => {
    const dir = path.join(tempDir(), 'ws');
    expect((await ssjIn(['init', dir])).code).toBe(0);
    const bytes = fs.readFileSync(path.join(dir, 'README.txt'));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // BOM: Notepad on Chinese Windows
    const text = bytes.toString('utf8');
    expect(text).toContain('\r\n');
    const commands = text.split('\r\n').map((l) => l.trim()).map((l) => /^ssj ([a-z]+) /.exec(l)?.[1]).filter((c) => c !== undefined);
    expect(commands).toEqual(['validate', 'announce', 'draw', 'substitute', 'sheets', 'results', 'status', 'approve', 'publish', 'report', 'verify', 'verify', 'replace', 'void', 'archive']);
    // Every workspace file a command names exists.
    const named = new Set([...text.matchAll(/(?:registries|plans|reports)\/[^\s]+\.xlsx/g)].map((m) => m[0]));
    expect(named.size).toBe(USER_FILES.length);
    for (const f of named) expect([f, fs.existsSync(path.join(dir, f))]).toEqual([f, true]);
  });

  it('refuses a second init of the same folder with exit 2 and changes nothing', async () => {
    const dir = path.join(tempDir(), 'ws');
    expect((await ssjIn(['init', dir])).code).toBe(0);
    const before = snapshot(dir);
    const r = await ssjIn(['init', dir, '--json']);
    expect(r.code).toBe(2);
    expect((JSON.parse(r.stdout) as { error: { code: string } }).error.code).toBe('error.exists');
    expect(r.stderr).toContain(dir);
    expectNoStack(r);
    expect(sorted(snapshot(dir))).toEqual(sorted(before));
  });

  it('refuses when only one file is in the way, and writes nothing at all', async () => {
    const dir = path.join(tempDir(), 'ws');
    fs.mkdirSync(path.join(dir, 'plans'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'plans', '抽查工作计划.xlsx'), 'mine');
    const r = await ssjIn(['init', dir]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('抽查工作计划.xlsx');
    expect(sorted(snapshot(dir))).toEqual(sorted(new Map([[path.join('plans', '抽查工作计划.xlsx'), crypto.createHash('sha256').update('mine').digest('hex')]])));
    expect(fs.existsSync(path.join(dir, 'templates'))).toBe(false);
  });

  it('--force rewrites the templates and README.txt but keeps the clerk\'s registries and plan', async () => {
    const dir = path.join(tempDir(), 'ws');
    expect((await ssjIn(['init', dir])).code).toBe(0);
    const fresh = snapshot(dir);
    fs.writeFileSync(path.join(dir, 'templates', '回避名单.xlsx'), 'damaged');
    fs.writeFileSync(path.join(dir, 'README.txt'), 'edited');
    fs.writeFileSync(path.join(dir, 'registries', '附件2-定点零售药店名录库.xlsx'), 'filled in by the clerk');
    const r = await ssjIn(['init', dir, '--force', '--json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as InitJson;
    const rel = (ps: string[]) => ps.map((p) => path.relative(dir, p).split(path.sep).join('/')).sort();
    expect(rel(out.kept)).toEqual([...USER_FILES].sort());
    expect(rel(out.written)).toEqual([...TEMPLATE_FILES.map((f) => `templates/${f}`), 'README.txt'].sort());
    const after = snapshot(dir);
    expect(after.get(path.join('templates', '回避名单.xlsx'))).toBe(fresh.get(path.join('templates', '回避名单.xlsx')));
    expect(after.get('README.txt')).toBe(fresh.get('README.txt'));
    expect(fs.readFileSync(path.join(dir, 'registries', '附件2-定点零售药店名录库.xlsx'), 'utf8')).toBe('filled in by the clerk');
  });

  it('refuses a DIR that is a file, with exit 2 and no stack', async () => {
    const file = path.join(tempDir(), 'not-a-folder');
    fs.writeFileSync(file, 'x');
    const r = await ssjIn(['init', file]);
    expect(r.code).toBe(2);
    expectNoStack(r);
    expect(fs.readFileSync(file, 'utf8')).toBe('x');
  });

  it('speaks English with --lang en, README.txt included', async () => {
    const dir = path.join(tempDir(), 'ws');
    const r = await ssjIn(['init', dir, '--lang', 'en']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Workspace created');
    expect(fs.readFileSync(path.join(dir, 'README.txt'), 'utf8')).toContain('Monthly steps');
    const again = await ssjIn(['init', dir, '--lang', 'en']);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('File exists');
    expect(again.stderr.replace(/[^\s]*\.xlsx|[^\s]*\.txt/g, '')).not.toMatch(/[\u4e00-\u9fff]/);
  });
});

/** The seed's header rows, normalised (whitespace removed, NFKC). */
const HEADERS = new Map<string, string[]>([
  ['附件2-定点零售药店名录库.xlsx', ['序号', '所在地区', '名称', '统一社会信用代码', '医保编码', '营业执照', '药品经营许可证', '营业(执业)场所', '法定代表人姓名及身份证号', '联系人', '联系电话', '备注', '信用等级', '分类标注', '代码已核实']],
  ['附件3-定点医疗机构名录库.xlsx', ['序号', '所在地区', '名称', '统一社会信用代码', '医保编码', '性质(公立、民营)', '类型(综合、专科)', '等级', '成立日期', '地址', '法定代表人姓名及身份证号', '联系人', '联系电话', '备注', '信用等级', '分类标注', '代码已核实']],
  ['附件4-检查人员名录库.xlsx', ['序号', '所在地区', '姓名', '性别', '工作单位', '专业学历', '部门岗位', '职务(职称)', '执法证号', '执法区域', '备注', '业务专长', '状态', '执法证有效期', '执法层级', '人员类别']],
  ['回避名单.xlsx', ['执法证号', '统一社会信用代码或医保编码', '原因']],
  ['抽查工作计划.xlsx', ['序号', '抽查事项名称', '抽查依据', '抽查方式', '抽查主体', '抽查对象', '抽查比例', '抽查频次', '备注', '定向条件', '检查组人数', '检查组构成', '区域匹配', '每年同一对象最多', '检查事项', '专长要求', '执法层级', '实施文件', '检查期限', '需准备的材料']],
  ['月度工作情况.xlsx', ['月份', '类别', '名称', '时间', '文号', '培训人员数量', '内容', '备注']],
]);

type Grid = (string | number | undefined)[][];
const grid = (file: string, sheet = 0): { names: string[]; rows: Grid; ws: XLSX.WorkSheet } => {
  const wb = XLSX.read(fs.readFileSync(file));
  const ws = wb.Sheets[wb.SheetNames[sheet] ?? ''] as XLSX.WorkSheet;
  return { names: wb.SheetNames, rows: XLSX.utils.sheet_to_json<(string | number)[]>(ws, { header: 1, blankrows: true }), ws };
};
const headerRowOf = (rows: Grid, first: string) => rows.findIndex((r) => r[0] === first);

describe('ssj templates --out', () => {
  let dir: string;
  beforeAll(async () => {
    dir = path.join(tempDir(), 'out');
    const r = await ssjIn(['templates', '--out', dir, '--json']);
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as { written: string[] }).written.map((p) => path.basename(p))).toEqual(TEMPLATE_FILES);
  });

  it.each([...HEADERS.keys()])('%s: the seed header under the title rows, and a 说明 sheet', async (file) => {
    const { names, rows } = grid(path.join(dir, file));
    expect(names).toHaveLength(2);
    expect(names[1]).toBe('说明');
    const expected = HEADERS.get(file) ?? [];
    const h = headerRowOf(rows, expected[0] ?? '');
    expect(h).toBeGreaterThanOrEqual(1); // the form's title is above
    expect(rows[h]).toEqual(expected);
    const notes = grid(path.join(dir, file), 1).rows.map((r) => r[1]);
    for (const label of expected) expect([label, notes.includes(label)]).toEqual([label, true]);
  });

  it('keeps the registries blank and pre-fills the plan with the seed two rows', async () => {
    for (const file of ['附件2-定点零售药店名录库.xlsx', '附件4-检查人员名录库.xlsx', '回避名单.xlsx', '月度工作情况.xlsx']) {
      const { rows } = grid(path.join(dir, file));
      const h = headerRowOf(rows, HEADERS.get(file)?.[0] ?? '');
      expect([file, rows.slice(h + 1).filter((r) => r.some((c) => c !== undefined && c !== '')).length]).toEqual([file, 0]);
    }
    const { rows } = grid(path.join(dir, '抽查工作计划.xlsx'));
    const h = headerRowOf(rows, '序号');
    const data = rows.slice(h + 1).filter((r) => r.length > 0);
    expect(data.map((r) => [r[0], r[5], r[6], r[7], r[10], r[11]])).toEqual([
      [1, '定点医疗机构', '20%', '每年2次', 3, '医疗保障局2+市场监督管理局1'],
      [2, '定点零售药店', '低(A、1%)、中(B、3%)、中高(C、10%)、高(D、20%)', '每年2次', 3, '医疗保障局2+市场监督管理局1'],
    ]);
  });

  it('has a frozen, styled header, widths, text-formatted code columns and drop-downs over 5000 rows', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(dir, '附件3-定点医疗机构名录库.xlsx'));
    const ws = wb.worksheets[0] as ExcelJS.Worksheet;
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 3 });
    const header = ws.getRow(3);
    expect(header.getCell(1).font?.bold).toBe(true);
    expect(header.getCell(1).border?.top?.style).toBe('thin');
    expect(header.getCell(1).alignment).toMatchObject({ horizontal: 'center', wrapText: true });
    expect(ws.getCell('A1').isMerged).toBe(true);
    const widths = ws.columns.map((c) => c.width ?? 0);
    expect(widths).toHaveLength(17);
    expect(widths.every((w) => w >= 6)).toBe(true);
    // 统一社会信用代码 (D), 医保编码 (E), 法定代表人姓名及身份证号 (K), 联系电话 (M)
    expect(['D', 'E', 'K', 'M'].map((l) => ws.getColumn(l).numFmt)).toEqual(['@', '@', '@', '@']);
    expect(ws.getColumn('C').numFmt).toBeUndefined();
    const dv = (ws as unknown as { dataValidations: { model: Record<string, ExcelJS.DataValidation> } }).dataValidations.model;
    // exceljs expands the written range (F4:F5003) into cells when it reads.
    const list = (a: string) => (dv[a]?.type === 'list' ? dv[a]?.formulae[0] : undefined);
    expect(['F3', 'F4', 'F5003', 'F5004', 'G4', 'G5003', 'O4', 'O5003'].map(list)).toEqual([
      undefined, '"公立,民营"', '"公立,民营"', undefined, '"综合,专科"', '"综合,专科"', '"A,B,C,D"', '"A,B,C,D"',
    ]);
    // Every column prompts how to fill it in when a cell is selected.
    expect(['A', 'D', 'F', 'P'].map((l) => [dv[`${l}4`]?.showInputMessage, (dv[`${l}4`]?.prompt ?? '').length > 0, dv[`${l}5004`]])).toEqual(
      ['A', 'D', 'F', 'P'].map(() => [true, true, undefined]),
    );
  });

  it('writes the drop-downs of 性别 and 状态 on the inspectors registry', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(dir, '附件4-检查人员名录库.xlsx'));
    const ws = wb.worksheets[0] as ExcelJS.Worksheet;
    const dv = (ws as unknown as { dataValidations: { model: Record<string, ExcelJS.DataValidation> } }).dataValidations.model;
    const list = (a: string) => (dv[a]?.type === 'list' ? dv[a]?.formulae[0] : undefined);
    expect(['D3', 'D5002', 'M3', 'M5002', 'C3'].map(list)).toEqual(['"男,女"', '"男,女"', '"在岗,不可用"', '"在岗,不可用"', undefined]);
    expect(ws.getColumn('I').numFmt).toBe('@');
  });

  it('is deterministic: the same bytes on every run', async () => {
    const again = path.join(tempDir(), 'again');
    expect((await ssjIn(['templates', '--out', again])).code).toBe(0);
    expect(sorted(snapshot(again))).toEqual(sorted(snapshot(dir)));
  });

  it('refuses to overwrite without --force, overwrites with it', async () => {
    const before = snapshot(dir);
    const r = await ssjIn(['templates', '--out', dir]);
    expect(r.code).toBe(2);
    expectNoStack(r);
    fs.writeFileSync(path.join(dir, '回避名单.xlsx'), 'damaged');
    expect((await ssjIn(['templates', '--out', dir, '--force'])).code).toBe(0);
    expect(sorted(snapshot(dir))).toEqual(sorted(before));
  });

  it('refuses an --out that is a file', async () => {
    const file = path.join(tempDir(), 'file.txt');
    fs.writeFileSync(file, 'x');
    const r = await ssjIn(['templates', '--out', file]);
    expect(r.code).toBe(2);
    expectNoStack(r);
  });

  it('defaults to the workspace templates/ folder', async () => {
    const ws = tempDir();
    const r = await ssjIn(['templates', '--workspace', ws, '--json']);
    expect(r.code).toBe(0);
    expect(fs.readdirSync(path.join(ws, 'templates')).sort()).toEqual([...TEMPLATE_FILES].sort());
  });
});
