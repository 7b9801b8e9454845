/**
 * ssj-draw re-run by an independent implementation (docs/independent/ssjdraw.py,
 * Python, written from the documents only): ALGORITHM.md's vectors and those of
 * docs/vectors/ssj-draw-2.json, the demo's draw, a draw on registries typed into
 * the `ssj init` templates (each workbook has a 说明 help sheet next to the
 * table), and two ssj-draw/2 draws using every new input — every stratum and
 * every team. Needs a python3 with openpyxl: `python3` when it has it, else
 * /usr/bin/python3 (Debian's python3-openpyxl). Without one the tests fail
 * (never skip silently): install python3-openpyxl (.ci/run does).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { committed, ROOT, ssjIn, tempDir } from '../helpers/cli.js';

const SCRIPT = path.join(ROOT, 'docs', 'independent', 'ssjdraw.py');
const PY = ['python3', '/usr/bin/python3'].find((p) => spawnSync(p, ['-c', 'import openpyxl'], { encoding: 'utf8' }).status === 0);
const py = (args: string[]) => spawnSync(PY ?? 'python3', [SCRIPT, ...args], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });

/** Every stratum MATCH and every team identical, exit 0. */
function expectAgreement(out: ReturnType<typeof py>, recordFile: string): void {
  const record = JSON.parse(fs.readFileSync(recordFile, 'utf8')) as { strata: unknown[]; teams: unknown[] };
  expect(out.stderr).toBe('');
  expect(out.stdout.match(/^stratum .* MATCH$/gm)?.length).toBe(record.strata.length);
  expect(out.stdout).not.toMatch(/DIFF/);
  expect(out.stdout).toContain(`teams: ${record.teams.length}/${record.teams.length} identical`);
  expect(out.status).toBe(0);
}

const headerKey = (v: unknown) => String(v ?? '').normalize('NFKC').replace(/\s/g, '');
const cellText = (v: ExcelJS.CellValue): string =>
  v === null || v === undefined ? '' : v instanceof Date ? v.toISOString().slice(0, 10) : typeof v === 'object' && 'text' in v ? String(v.text) : String(v);

/** The rows under the header (the first row holding `marker`) as header → text. */
function records(rows: string[][], marker: string): Map<string, string>[] {
  const hi = rows.findIndex((r) => r.map(headerKey).includes(marker));
  const headers = rows[hi]!.map(headerKey);
  return rows.slice(hi + 1).filter((r) => r.some((c) => c.trim() !== '')).map((r) => new Map(headers.map((h, i) => [h, r[i] ?? ''])));
}
async function xlsxRows(file: string): Promise<string[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const out: string[][] = [];
  wb.worksheets[0]!.eachRow({ includeEmpty: true }, (row) => {
    const vals: string[] = [];
    row.eachCell({ includeEmpty: true }, (c, col) => { vals[col - 1] = cellText(c.value); });
    out.push(Array.from(vals, (v) => v ?? ''));
  });
  return out;
}

/** Types `recs` into the template's table sheet under its header, column by header name, as text; the 说明 sheet stays. */
async function fillTemplate(file: string, marker: string, recs: Map<string, string>[], alias: Record<string, string> = {}): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.worksheets[0]!;
  let headerRow = 0;
  const cols = new Map<number, string>();
  ws.eachRow((row, r) => {
    if (headerRow) return;
    const hs = (row.values as ExcelJS.CellValue[]).map((v) => headerKey(cellText(v)));
    if (hs.includes(marker)) {
      headerRow = r;
      hs.forEach((h, c) => { if (h) cols.set(c, h); });
    }
  });
  recs.forEach((rec, k) => {
    const row = ws.getRow(headerRow + 1 + k);
    for (const [c, h] of cols) {
      const v = rec.get(h) ?? rec.get(alias[h] ?? '') ?? '';
      if (v !== '') row.getCell(c).value = v;
    }
    row.commit();
  });
  await wb.xlsx.writeFile(file);
}


// ---- a workspace using every ssj-draw/2 input (CSV, as a clerk may export them)
const USCC_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_W = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
/** GB 11714 organisation code check character of an 8-character body. */
function orgCheck(body: string): string {
  const v = (c: string) => (/\d/.test(c) ? Number(c) : c.charCodeAt(0) - 55);
  const r = 11 - ([...body].reduce((s, c, i) => s + v(c) * [3, 7, 9, 10, 5, 8, 4, 2][i]!, 0) % 11);
  return r === 10 ? 'X' : r === 11 ? '0' : String(r);
}
/** A valid 统一社会信用代码 (GB 32100) from an 8-character prefix and an organisation-code body. */
function uscc(prefix8: string, body8: string): string {
  const f = prefix8 + body8 + orgCheck(body8);
  const v = 31 - ([...f].reduce((s, c, i) => s + USCC_CHARS.indexOf(c) * USCC_W[i]!, 0) % 31);
  return f + USCC_CHARS[v === 31 ? 0 : v];
}
/** A valid 身份证号 (GB 11643) from its first 17 digits. */
const idNo = (f17: string) => f17 + '10X98765432'[[...f17].reduce((s, c, i) => s + Number(c) * [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2][i]!, 0) % 11];
const toCsv = (rows: (string | number)[][]) => rows.map((r) => r.map((c) => (/[",\n]/.test(String(c)) ? `"${String(c).replace(/"/g, '""')}"` : String(c))).join(',')).join('\r\n') + '\r\n';

/**
 * Registries, plan, item list and prior inspections that put every ssj-draw/2 rule to work:
 * 专长要求 (医疗 on institutions, 药学 on pharmacies), 执法层级 市 on the pharmacy row with region
 * matching, licences (expired, not yet valid, expiring, open-ended, single end date), an expert seat
 * and an auxiliary seat, prior inspections (counted, 个案, last year, by 医保编码), a marked code with a
 * wrong check character (代码已核实), a 参保人 registry and row with a directed filter.
 */
function buildV2(dir: string): { H: string[]; P: string[]; R: string[]; tables: Record<string, (string | number)[][]> } {
  const regions = ['华龙区', '开发区', '清丰县'];
  const H = Array.from({ length: 10 }, (_, i) => uscc('12410900', `4${String(1000000 + i * 7919).slice(-7)}`));
  H[3] = H[3]!.slice(0, 17) + USCC_CHARS[(USCC_CHARS.indexOf(H[3]![17]!) + 1) % 31]; // wrong check character, marked below
  const ybbm = (i: number) => `H4109000${String(i + 10).padStart(4, '0')}`;
  const P = Array.from({ length: 10 }, (_, i) => uscc('92410900', `M${String(2000000 + i * 104729).slice(-7)}`));
  const R = Array.from({ length: 8 }, (_, i) => idNo(`41090119${70 + i}0${(i % 9) + 1}1${i}12${i}`));
  const I: string[][] = [
    ['张伟', '濮阳市医疗保障局', 'ZF001', '全市', '医疗、财务', '在岗', '市', '2023-01-01至2028-12-31', ''],
    ['王芳', '濮阳市医疗保障局', 'ZF002', '华龙区、开发区', '药学', '在岗', '市', '2027-12-31', '执法人员'],
    ['李娜', '濮阳市医疗保障局', 'ZF003', '清丰县', '医疗', '在岗', '县', '', ''],
    ['刘洋', '濮阳市医疗保障局', 'ZF004', '全市', '药学', '在岗', '市', '2020-01-01至2024-05-31', ''],
    ['孙丽', '濮阳市医疗保障局', 'ZF005', '全市', '药学|信息', '在岗', '市级', '2024年6月20日', ''],
    ['周强', '濮阳市医疗保障局', 'ZF006', '全市', '', '在岗', '县', '2024-07-01至2029-06-30', ''],
    ['吴敏', '濮阳市医疗保障局', 'ZF007', '全市', '财务', '不可用', '市', '2020-12-31', ''],
    ['郑洁', '濮阳市医疗保障局', 'ZF008', '全市', '药学、医疗', '在岗', '市', '2019-01-01至长期', ''],
    ['赵强', '濮阳市医疗保障局', 'ZF009', '全市', '', '在岗', '市', '20281231', ''],
    ['陈静', '濮阳市市场监督管理局', 'SJ001', '全市', '药学', '在岗', '市', '', ''],
    ['杨磊', '濮阳市市场监督管理局', 'SJ002', '华龙区 清丰县', '', '在岗', '市', '', ''],
    ['钱敏', '濮阳市市场监督管理局', 'SJ003', '开发区、华龙区', '', '在岗', '市', '', ''],
    ['郑医生', '濮阳市人民医院', 'ZJ001', '', '医疗', '在岗', '', '', '专家'],
    ['冯会计', '濮阳某会计师事务所', 'ZJ002', '', '财务', '在岗', '', '', '专家'],
    ['何助理', '濮阳某信息公司', 'FZ001', '', '', '在岗', '', '', '辅助人员'],
    ['许助理', '濮阳某信息公司', 'FZ002', '', '', '在岗', '', '', '第三方'],
  ];
  const item = ['定点医疗机构医保基金使用情况检查', '定点零售药店医保基金使用情况检查', '参保人医保待遇享受情况检查'];
  const files: Record<string, (string | number)[][]> = {
    'institutions.csv': [['序号', '所在地区', '名称', '统一社会信用代码', '医保编码', '性质', '类型', '等级', '备注'],
      ...H.map((c, i) => [i + 1, regions[i % 3]!, `濮阳测试医院${i + 1}`, c, ybbm(i), i % 2 ? '民营' : '公立', '综合', '一级', i === 3 ? '代码已核实' : ''])],
    'pharmacies.csv': [['序号', '所在地区', '名称', '统一社会信用代码', '医保编码', '备注', '信用等级'],
      ...P.map((c, i) => [i + 1, regions[(i + 1) % 3]!, `测试大药房${i + 1}`, c, `P4109000${String(i + 10).padStart(4, '0')}`, '', 'A'])],
    'insured.csv': [['序号', '姓名', '身份证号', '参保地区', '险种', '分类标注'],
      ...R.map((c, i) => [i + 1, `参保人${'甲乙丙丁戊己庚辛'[i]}`, c, regions[i % 3]!, i % 2 ? '居民医保' : '职工医保', i === 6 ? '举报线索' : '异常报销'])],
    'inspectors.csv': [['序号', '所在地区', '姓名', '工作单位', '执法证号', '执法区域', '业务专长', '状态', '执法层级', '执法证有效期', '人员类别'],
      ...I.map((r, i) => [i + 1, '濮阳市', ...r])],
    'conflicts.csv': [['执法证号', '统一社会信用代码或医保编码', '原因'], ['ZF001', P[0]!, '亲属'], ['ZJ001', H[0]!, '曾任职']],
    'items.csv': [['序号', '抽查事项', '检查对象', '抽查内容', '事项类别', '检查方式', '检查部门及实施层级', '检查依据'],
      [1, item[0]!, '定点医疗机构', '基金使用', '重点', '现场检查', '市医疗保障局', '《医疗保障基金使用监督管理条例》'],
      [2, item[1]!, '定点零售药店', '基金使用', '一般', '现场检查', '市医疗保障局', '《医疗保障基金使用监督管理条例》'],
      [3, item[2]!, '参保人', '异常报销', '一般', '书面检查', '市医疗保障局', '《医疗保障基金使用监督管理条例》']],
    'prior-inspections.csv': [['统一社会信用代码', '医保编码', '对象编码', '检查日期', '实施机关', '类型', '个案'],
      // one counted inspection for every institution: by its code, or by its 医保编码 (another of its codes)
      ...H.map((c, i) => (i % 2 ? [c, '', '', `2024-02-1${i}`, '河南省医疗保障局', '飞行检查', '否'] : ['', ybbm(i), '', `2024/4/${i + 1}`, '濮阳市卫生健康委员会', '专项检查', ''])),
      [P[1]!, '', '', '2024-03-05', '河南省医疗保障局', '飞行检查', '否'], [P[1]!, '', '', '2024-04-05', '濮阳市医疗保障局', '专项检查', '否'],
      [P[2]!, '', '', '2024-03-05', '濮阳市医疗保障局', '举报核查', '是'], [P[2]!, '', '', '2024-03-15', '濮阳市医疗保障局', '举报核查', '是'],
      [P[3]!, '', '', '2023-11-20', '濮阳市医疗保障局', '专项检查', '否'],
      ['', '', R[1]!, '2024-01-15', '濮阳市医疗保障局', '异常报销核查', '否'], ['', '', R[1]!, '2024-02-20', '华龙区医疗保障局', '专项检查', '否']],
    'plan-2024.csv': [['序号', '抽查事项名称', '抽查对象', '抽查比例', '检查组人数', '检查组构成', '区域匹配', '每年同一对象最多', '专长要求', '执法层级', '定向条件'],
      // the expert seat first: an expert tagged 医疗 (ZJ001) does not meet the requirement, a licensed seat after it must
      [1, item[0]!, '定点医疗机构', '50%', 3, '专家1+医疗保障局2', '否', 2, '医疗', '', ''],
      [2, item[1]!, '定点零售药店', '3家', 2, '医疗保障局1+市场监督管理局1', '是', 2, '药学', '市', ''],
      [3, item[2]!, '参保人', '2家', 3, '医疗保障局2+辅助人员1', '否', 2, '', '', '分类标注=异常报销']],
  };
  fs.mkdirSync(path.join(dir, 'registries'), { recursive: true });
  for (const [f, rows] of Object.entries(files)) fs.writeFileSync(path.join(dir, 'registries', f), toCsv(rows));
  return { H, P, R, tables: files };
}

interface V2Record {
  algorithm: string;
  strata: { objectType: string; excluded: { key: string; reason: string; draws: string[]; inspections: string[] }[]; selected: string[] }[];
  teams: { entity: string; members: { key: string; role: string; category: string; department: string }[] }[];
  inspectorExclusions: { key: string; reason: string }[];
  markedCodes: string[];
}

describe('an independent implementation of ssj-draw', () => {
  let demo = '';
  let demoId = '';
  beforeAll(async () => {
    demo = path.join(tempDir('ssj-independent-'), 'demo');
    const d = await ssjIn(['demo', demo, '--json']);
    expect(d.code).toBe(0);
    demoId = (JSON.parse(d.stdout) as { drawId: string }).drawId;
  }, 120000);
  afterAll(() => fs.rmSync(path.dirname(demo), { recursive: true, force: true }));

  it('has a python3 with openpyxl (apt-get install python3-openpyxl; .ci/run installs it)', () => expect(PY).toBeDefined());

  it('reproduces the worked test vectors of docs/ALGORITHM.md (ssj-draw/1) and every case of docs/vectors/ssj-draw-2.json', async () => {
    const r = py(['vectors']);
    expect(r.stdout).not.toContain('FAIL');
    const v2 = JSON.parse(fs.readFileSync(path.join(ROOT, 'docs', 'vectors', 'ssj-draw-2.json'), 'utf8')) as {
      cases: { name: string; expected: Record<string, unknown>; substitutions?: unknown[] }[];
    };
    expect(v2.cases.length).toBeGreaterThan(0);
    // step 9 (补抽): every case of docs/vectors/ssj-replace.json
    const rv = JSON.parse(fs.readFileSync(path.join(ROOT, 'docs', 'vectors', 'ssj-replace.json'), 'utf8')) as { cases: { entity: string }[] };
    for (const c of rv.cases) expect(r.stdout).toContain(`PASS replace ${c.entity} pick, stratum, order, team\n`);
    for (const c of v2.cases) {
      for (const f of Object.keys(c.expected)) expect(r.stdout).toContain(`PASS ${c.name}: ${f}\n`);
      (c.substitutions ?? []).forEach((_, k) => expect(r.stdout).toContain(`PASS ${c.name}: substitution ${k + 1}\n`));
    }
    expect(r.status).toBe(0);
  });

  it('re-runs the demo draw from its record and registries: every stratum and every team identical', async () => {
    const reg = (f: string) => path.join(demo, 'registries', f);
    const rec = path.join(demo, 'draws', `${demoId}.json`);
    expectAgreement(py(['verify', rec, '--entities', reg('pharmacies.xlsx'), reg('institutions.xlsx'),
      '--inspectors', reg('inspectors-gbk.csv'), '--conflicts', reg('conflicts.xlsx'), '--ledger-dir', demo]), rec);
  }, 120000);

  it('re-runs the draw of an evidence package (ssj archive, unzipped by Python) with the command its README gives', async () => {
    const dir = path.join(path.dirname(demo), 'package');
    fs.mkdirSync(dir);
    expect((await ssjIn(['archive', '--month', '2024-06', '--out', path.join(dir, 'p.zip'), '--workspace', demo])).code).toBe(0);
    expect(spawnSync(PY ?? 'python3', ['-m', 'zipfile', '-e', 'p.zip', 'un'], { cwd: dir }).status).toBe(0);
    const un = path.join(dir, 'un');
    const readme = fs.readFileSync(path.join(un, 'README.txt'), 'utf8');
    const cmd = readme.split(/\r?\n/).map((l) => l.trim()).find((l) => l.startsWith('python3 independent/ssjdraw.py verify'));
    expect(cmd).toBeDefined();
    const out = spawnSync(PY ?? 'python3', cmd!.split(' ').slice(1), { cwd: un, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    expectAgreement(out, path.join(un, 'draws', `${demoId}.json`));
  }, 120000);

  it('reads one table per workbook as ssj does: a second sheet of old rows after the table is not read', async () => {
    const ws = path.join(path.dirname(demo), 'two-sheets');
    fs.cpSync(demo, ws, { recursive: true });
    const file = path.join(ws, 'registries', 'pharmacies.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const table = wb.worksheets[0]!;
    const old = wb.addWorksheet('2023年名录');
    for (let r = 1; r <= Math.min(table.rowCount, 12); r++) old.addRow((table.getRow(r).values as ExcelJS.CellValue[]).slice(1).map((v) => (typeof v === 'string' ? v.replace(/大药房/, '旧药房') : v)));
    await wb.xlsx.writeFile(file);
    const reg = (f: string) => path.join(ws, 'registries', f);
    const files = ['--entities', reg('pharmacies.xlsx'), reg('institutions.xlsx'), '--inspectors', reg('inspectors-gbk.csv'), '--conflicts', reg('conflicts.xlsx')];
    const d = await ssjIn(committed(['draw', '--workspace', ws, '--plan', path.join(ws, 'plans', 'plan-2024.xlsx'), ...files, '--seed', '16180339887498948482',
      '--seed-source', 'test', '--date', '2024-07-05', '--no-sheets', '--yes', '--json']));
    expect({ code: d.code, stderr: d.code === 0 ? '' : d.stderr }).toEqual({ code: 0, stderr: '' });
    const rec = path.join(ws, 'draws', `${(JSON.parse(d.stdout) as { drawId: string }).drawId}.json`);
    expectAgreement(py(['verify', rec, ...files, '--ledger-dir', ws]), rec);
  }, 120000);

  it('re-runs a draw on registries typed into the ssj init templates: only the table sheets are read, not 说明', async () => {
    const ws = path.join(path.dirname(demo), 'ws');
    expect((await ssjIn(['init', ws])).code).toBe(0);
    const reg = (f: string) => path.join(ws, 'registries', f);
    const dreg = (f: string) => path.join(demo, 'registries', f);
    const pharmacies = records(await xlsxRows(dreg('pharmacies.xlsx')), '序号');
    const institutions = records(await xlsxRows(dreg('institutions.xlsx')), '序号');
    const csv = new TextDecoder('gb18030').decode(fs.readFileSync(dreg('inspectors-gbk.csv')));
    const inspectors = records(Papa.parse<string[]>(csv, { skipEmptyLines: true }).data, '执法证号');
    const conflicts = records(await xlsxRows(dreg('conflicts.xlsx')), '执法证号');
    await fillTemplate(reg('附件2-定点零售药店名录库.xlsx'), '序号', pharmacies);
    await fillTemplate(reg('附件3-定点医疗机构名录库.xlsx'), '序号', institutions);
    await fillTemplate(reg('附件4-检查人员名录库.xlsx'), '执法证号', inspectors);
    await fillTemplate(reg('回避名单.xlsx'), '执法证号', conflicts, { 原因: '回避原因' });
    fs.copyFileSync(path.join(demo, 'plans', 'plan-2024.xlsx'), path.join(ws, 'plans', 'plan-2024.xlsx'));
    const files = ['--entities', reg('附件2-定点零售药店名录库.xlsx'), reg('附件3-定点医疗机构名录库.xlsx'),
      '--inspectors', reg('附件4-检查人员名录库.xlsx'), '--conflicts', reg('回避名单.xlsx')];
    const d = await ssjIn(committed(['draw', '--workspace', ws, '--plan', path.join(ws, 'plans', 'plan-2024.xlsx'), ...files, '--seed', '27182818284590452353',
      '--seed-source', 'test', '--date', '2024-06-05', '--no-sheets', '--yes', '--json']));
    expect({ code: d.code, stderr: d.code === 0 ? '' : d.stderr }).toEqual({ code: 0, stderr: '' });
    const id = (JSON.parse(d.stdout) as { drawId: string }).drawId;
    const rec = path.join(ws, 'draws', `${id}.json`);
    const out = py(['verify', rec, ...files, '--ledger-dir', ws]);
    expect(out.stdout).toContain(`entities read: ${pharmacies.length + institutions.length}, inspectors: ${inspectors.length}, conflicts: ${conflicts.length},`);
    expectAgreement(out, rec);
  }, 180000);
  it('verifies ssj-draw/2 records made by ssj with every new rule in use: strata, teams, inspector exclusions, marked codes, substitutions', async () => {
    const ws = path.join(path.dirname(demo), 'v2');
    fs.mkdirSync(path.join(ws, 'draws'), { recursive: true });
    const { H, P, R, tables } = buildV2(ws);
    const reg = (f: string) => path.join(ws, 'registries', f);
    // the three new roles typed into the templates `ssj templates` writes (each with its 说明 sheet)
    expect((await ssjIn(['templates', '--out', path.join(ws, 'templates')])).code).toBe(0);
    for (const [tpl, csv, marker] of [['参保人名录库.xlsx', 'insured.csv', '姓名'], ['既往检查记录.xlsx', 'prior-inspections.csv', '检查日期'],
      ['附件1-随机抽查事项清单.xlsx', 'items.csv', '抽查事项']] as const) {
      const [head, ...rows] = tables[csv]!;
      fs.copyFileSync(path.join(ws, 'templates', tpl), reg(tpl));
      await fillTemplate(reg(tpl), marker, rows.map((r) => new Map(head!.map((h, i) => [String(h), String(r[i] ?? '')]))));
    }
    const inputs = ['--entities', reg('institutions.csv'), reg('pharmacies.csv'), reg('参保人名录库.xlsx'), '--inspectors', reg('inspectors.csv'),
      '--conflicts', reg('conflicts.csv')];
    const extra = ['--items', reg('附件1-随机抽查事项清单.xlsx'), '--prior-inspections', reg('既往检查记录.xlsx')];
    const records: string[] = [];
    // two draws: the second sees the first in the ledger, so an exclusion has both draws and inspections
    for (const [date, seed] of [['2024-03-01', '16180339887498948482'], ['2024-06-05', '27182818284590452353']] as const) {
      const d = await ssjIn(committed(['draw', '--workspace', ws, '--plan', reg('plan-2024.csv'), ...inputs, ...extra, '--seed', seed, '--seed-source', 'test',
        '--date', date, '--no-sheets', '--yes', '--json']));
      expect({ code: d.code, stderr: d.code === 0 ? '' : d.stderr }).toEqual({ code: 0, stderr: '' });
      records.push(path.join(ws, 'draws', `${(JSON.parse(d.stdout) as { drawId: string }).drawId}.json`));
    }
    const rec = JSON.parse(fs.readFileSync(records[1]!, 'utf8')) as V2Record;
    // two substitutions on the second draw, re-run in order on the team in force: the 医疗 specialist
    // of the first institution's team (rule 10 keeps the replacement a specialist), then its expert
    const team = rec.teams[0]!;
    const specialist = team.members.find((m) => ['ZF001', 'ZF003', 'ZF008'].includes(m.key))!.key;
    const expert = team.members.find((m) => m.category === '专家')!.key;
    for (const [who, seed] of [[specialist, '14142135623730950488'], [expert, '17320508075688772935']] as const) {
      const s = await ssjIn(['substitute', '--workspace', ws, '--draw', path.basename(records[1]!, '.json'), '--entity', team.entity, '--inspector', who,
        '--reason', '回避', '--seed', seed, '--seed-source', 'test', '--inspectors', reg('inspectors.csv'), '--conflicts', reg('conflicts.csv'),
        '--date', '2024-06-06', '--yes', '--json']);
      expect({ code: s.code, stderr: s.code === 0 ? '' : s.stderr }).toEqual({ code: 0, stderr: '' });
    }
    // every new rule is in use in the second record
    expect(rec.algorithm).toBe('ssj-draw/2');
    expect(rec.markedCodes).toEqual([H[3]]);
    expect(rec.inspectorExclusions.map((x) => `${x.key} ${x.reason}`)).toEqual(['ZF004 licence-expired', 'ZF006 licence-not-yet-valid']);
    const excluded = rec.strata.flatMap((s) => s.excluded);
    expect(excluded.some((x) => x.draws.length === 1 && x.inspections.length === 1)).toBe(true);
    expect(excluded.find((x) => x.key === P[1])?.inspections).toHaveLength(2);
    expect(excluded.find((x) => x.key === R[1])?.inspections).toHaveLength(2);
    expect(rec.strata.map((s) => s.objectType)).toEqual(['定点医疗机构', '定点零售药店', '参保人']);
    const members = rec.teams.flatMap((t) => t.members);
    // row 1: the expert sits first, the 组长 is the first licensed member, and a licensed 医疗 specialist is always there
    for (const t of rec.teams.filter((x) => H.includes(x.entity))) {
      expect(t.members.map((m) => m.category)).toEqual(['专家', '执法人员', '执法人员']);
      expect(t.members.map((m) => m.role)).toEqual(['组员', '组长', '组员']);
      expect(t.members.some((m) => ['ZF001', 'ZF003', 'ZF008'].includes(m.key))).toBe(true);
    }
    expect(new Set(members.map((m) => m.category))).toEqual(new Set(['执法人员', '专家', '辅助人员']));
    expect(rec.teams.every((t) => t.members[0]!.role === '组长' || t.members.find((m) => m.role === '组长')?.category === '执法人员')).toBe(true);
    for (const file of records) {
      const out = py(['verify', file, ...inputs, ...extra, '--ledger-dir', ws]);
      expect(out.stdout).toContain('ssj-draw/2;');
      expect(out.stdout).toContain('inspectorExclusions: MATCH');
      expect(out.stdout).toContain('markedCodes: MATCH');
      expect(out.stdout).toContain('plan items on the item list: MATCH');
      expectAgreement(out, file);
    }
    const out = py(['verify', records[1]!, ...inputs, ...extra, '--ledger-dir', ws]);
    expect(out.stdout.match(/^substitution \S+-A\d \(\S+ out\): MATCH$/gm)).toHaveLength(2);
  }, 120000);

  it('leaves out of the yearly cap a draw voided before the record, as ssj does (ALGORITHM.md decision 4)', async () => {
    const ws = path.join(path.dirname(demo), 'v2void');
    fs.mkdirSync(path.join(ws, 'draws'), { recursive: true });
    const { H } = buildV2(ws);
    const reg = (f: string) => path.join(ws, 'registries', f);
    const inputs = ['--entities', reg('institutions.csv'), reg('pharmacies.csv'), reg('insured.csv'), '--inspectors', reg('inspectors.csv'),
      '--conflicts', reg('conflicts.csv'), '--prior-inspections', reg('prior-inspections.csv')];
    const draw = async (date: string, seed: string) => {
      const d = await ssjIn(committed(['draw', '--workspace', ws, '--plan', reg('plan-2024.csv'), ...inputs, '--seed', seed, '--seed-source', 'test',
        '--date', date, '--no-sheets', '--yes', '--json']));
      expect({ code: d.code, stderr: d.code === 0 ? '' : d.stderr }).toEqual({ code: 0, stderr: '' });
      return (JSON.parse(d.stdout) as { drawId: string }).drawId;
    };
    const first = await draw('2024-03-01', '16180339887498948482');
    expect((await ssjIn(['void', '--workspace', ws, '--draw', first, '--reason', '测试作废', '--date', '2024-03-02', '--yes'])).code).toBe(0);
    const second = await draw('2024-06-05', '27182818284590452353');
    const rec = JSON.parse(fs.readFileSync(path.join(ws, 'draws', `${second}.json`), 'utf8')) as V2Record;
    // with the first draw counted, its institutions (each with one prior inspection) would be at the cap of 2
    const excluded = rec.strata.flatMap((s) => s.excluded);
    expect(excluded.filter((x) => H.includes(x.key))).toEqual([]);
    expect(excluded.every((x) => !x.draws.includes(first))).toBe(true);
    const out = py(['verify', path.join(ws, 'draws', `${second}.json`), ...inputs, '--ledger-dir', ws]);
    expect(out.stdout).toContain('prior draws: 0,');
    expectAgreement(out, path.join(ws, 'draws', `${second}.json`));
  }, 120000);

  it('re-runs a replacement (补抽) and counts toward the yearly cap the entity it brought into an earlier draw, as ssj does', async () => {
    const ws = path.join(path.dirname(demo), 'v2replace');
    fs.mkdirSync(path.join(ws, 'draws'), { recursive: true });
    const { H } = buildV2(ws);
    const reg = (f: string) => path.join(ws, 'registries', f);
    const inputs = ['--entities', reg('institutions.csv'), reg('pharmacies.csv'), reg('insured.csv'), '--inspectors', reg('inspectors.csv'),
      '--conflicts', reg('conflicts.csv'), '--prior-inspections', reg('prior-inspections.csv')];
    const draw = async (date: string, seed: string) => {
      const d = await ssjIn(committed(['draw', '--workspace', ws, '--plan', reg('plan-2024.csv'), ...inputs, '--seed', seed, '--seed-source', 'test',
        '--date', date, '--no-sheets', '--yes', '--json']));
      expect({ code: d.code, stderr: d.code === 0 ? '' : d.stderr }).toEqual({ code: 0, stderr: '' });
      return JSON.parse(d.stdout) as { drawId: string; strata: { selected: string[] }[] };
    };
    const first = await draw('2024-03-01', '16180339887498948482');
    const out1 = first.strata[0]!.selected[0]!;
    const r = await ssjIn(['replace', '--workspace', ws, '--draw', first.drawId, '--entity', out1, '--reason', '已歇业', '--seed', '99999999999999999999',
      '--seed-source', 'test', ...inputs.slice(0, 6), '--date', '2024-03-02', '--yes', '--json']);
    expect({ code: r.code, stderr: r.code === 0 ? '' : r.stderr }).toEqual({ code: 0, stderr: '' });
    const brought = (JSON.parse(r.stdout) as { replacement: { selected: { key: string } } }).replacement.selected.key;
    expect(H).toContain(brought);
    const second = await draw('2024-06-05', '27182818284590452353');
    const rec = JSON.parse(fs.readFileSync(path.join(ws, 'draws', `${second.drawId}.json`), 'utf8')) as V2Record;
    // the entity brought in has one prior inspection: with the replacement counted it is at the cap of 2
    expect(rec.strata.flatMap((s) => s.excluded).find((x) => x.key === brought)?.draws).toEqual([first.drawId]);
    const out = py(['verify', path.join(ws, 'draws', `${second.drawId}.json`), ...inputs, '--ledger-dir', ws]);
    expectAgreement(out, path.join(ws, 'draws', `${second.drawId}.json`));
    // the replacement itself re-run (step 9): candidates, the entity brought in and its team
    const own = py(['verify', path.join(ws, 'draws', `${first.drawId}.json`), ...inputs, '--ledger-dir', ws]);
    expect(own.stdout).toContain(`replacement ${first.drawId}-R1 (${out1} replaced): MATCH`);
    expectAgreement(own, path.join(ws, 'draws', `${first.drawId}.json`));
  }, 120000);
});
