/** ssj report on a workspace holding a known June: the written workbook read back with SheetJS. */
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import * as XLSX from 'xlsx';
import { tempDir, ssjIn, expectNoStack } from '../helpers/cli.js';
import { juneScenario, K, makeDraw, planRow, SITE_CREDIT, SITE_HR, writeScenario } from '../helpers/report-fixtures.js';

/** The seed's 附件3 header (tangshan-2022-plan-and-monthly-forms.txt), cell by cell, with its merges. */
const SEED_HEADER: [string, string][] = [
  ['A3:A5', '序号'],
  ['B3:B5', '单位(成员单位)'],
  ['C3:D3', '本月召开会议部署随机抽查工作情况'],
  ['C4:C5', '召开会议名称'],
  ['D4:D5', '召开时间'],
  ['E3:F3', '本月印发双随机工作文件情况'],
  ['E4:E5', '文件名称'],
  ['F4:F5', '文号'],
  ['G3:H3', '本月组织随机抽查业务培训情况'],
  ['G4:G5', '培训次数'],
  ['H4:H5', '培训人员数量'],
  ['I3:U3', '市本级“双随机、一公开”监管工作开展情况'],
  ['I4:O4', '本月市直各部门按年度计划开展随机抽查情况'],
  ['I5', '检查事项数'],
  ['J5', '抽查主体数量'],
  ['K5', '抽查比例'],
  ['L5', '发现的检查主体数量'],
  ['M5', '抽查结果公示数量'],
  ['N5', '公示网站'],
  ['O5', '抽查实施文件'],
  ['P4:U4', '本月市本级开展跨部门联合抽查情况'],
  ['P5', '牵头部门'],
  ['Q5', '参与部门'],
  ['R5', '检查主体数量'],
  ['S5', '发现的检查主体数量'],
  ['T5', '抽查结果公示数量'],
  ['U5', '抽查实施文件'],
];

/** 附件2's labels in the seed's order (column B, and the notes in column C). */
const SEED_FORM2 = [
  '本月召开会议部署随机抽查工作情况',
  '本月印发双随机工作文件情况',
  '本月组织随机抽查业务培训情况',
  '本月按年度随机抽查工作计划市本级开展随机抽查情况',
  '本月组织随机抽查的文件',
  '随机抽查抽查对象范围、数量、抽查比例',
  '随机抽查的检查事项',
  '随机抽查结果公示情况',
  '全市本系统开展随机抽查情况',
  '(开展的单位及抽查检查主体数量及抽查结果公示数量等情况)',
];

const norm = (s: unknown) => String(s ?? '').normalize('NFKC').replace(/\s+/g, '');

async function writeActivities(file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('月度工作情况');
  ws.addRow(['月度工作情况（会议、文件、培训）']);
  ws.addRow(['月份', '类别', '名称', '时间', '文号', '培训人员数量', '内容', '备注']);
  ws.addRow(['2024-06', '会议', '2024年双随机工作部署会', '2024-06-03', '', '', '', '']);
  ws.addRow(['2024年6月', '文件', '关于开展2024年双随机抽查的通知', '2024-06-04', '唐医保字〔2024〕5号', '', '', '']);
  ws.addRow(['2024-06', '培训', '双随机业务培训班', '2024-06-12', '', 35, '抽查程序', '']);
  ws.addRow(['2024-06', '培训', '执法人员培训', '2024-06-19', '', 20, '执法规范', '']);
  ws.addRow(['2024-05', '会议', '五月的会', '2024-05-08', '', '', '', '']);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  await wb.xlsx.writeFile(file);
}

const sheetGrid = (wb: XLSX.WorkBook, name: string): string[][] =>
  XLSX.utils.sheet_to_json<string[]>(wb.Sheets[name] as XLSX.WorkSheet, { header: 1, raw: false, defval: '', blankrows: true });

function sheetXml(file: string, sheetIndex: number): string {
  const zip = XLSX.CFB.read(fs.readFileSync(file), { type: 'buffer' });
  const entry = XLSX.CFB.find(zip, `/xl/worksheets/sheet${sheetIndex}.xml`);
  return Buffer.from(entry?.content as Uint8Array).toString('utf8');
}

describe('ssj report', () => {
  const dir = tempDir('ssj-report-');
  const s = juneScenario();
  let json: Record<string, unknown> & { city: Record<string, unknown>; joint: Record<string, unknown>; due: Record<string, string>; warnings: { code: string; message: string }[] };
  let book: XLSX.WorkBook;
  const file = path.join(dir, 'reports', '唐山市医疗保障局-2024-06.xlsx');

  beforeAll(async () => {
    writeScenario(dir, s, true, true);
    // Tangshan's own workspace: its forms keep the seed's layout and words (唐山市, 市本级).
    fs.writeFileSync(path.join(dir, 'settings.json'), JSON.stringify({ format: 'ssj-settings/1', unit: '唐山市医疗保障局', region: '唐山市', level: '市' }));
    await writeActivities(path.join(dir, 'registries', '月度工作情况.xlsx'));
    const r = await ssjIn(['report', '--month', '2024-06', '--workspace', dir, '--date', '2024-07-05', '--json']);
    expect(r.code).toBe(0);
    json = JSON.parse(r.stdout);
    book = XLSX.read(fs.readFileSync(file), { type: 'buffer' });
  });

  it('prints the figures, the due dates and the missing-results warning as JSON', async () => {
    expect([json.city.items, json.city.selected, json.city.ratio, json.city.found, json.city.published]).toEqual([2, 6, '13.33%', 3, 3]);
    expect([json.joint.selected, json.joint.found, json.joint.published]).toEqual([3, 1, 1]);
    expect(json.due).toEqual({ monthly: '2024-07-20', quarterly: '2024-10-06' });
    const missing = json.warnings.find((w) => w.code === 'missing-results');
    expect(missing?.message).toContain('百姓大药房');
    expect(json.warnings.map((w) => w.code)).not.toContain('no-activities');
    expect(json.warnings.map((w) => w.code)).not.toContain('no-activities-month');
  });

  it('appends a report event listing the workbook; 附件2 carries the ledger head before it; an edited report is caught', async () => {
    const lines = fs.readFileSync(path.join(dir, 'ledger.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    const ev = lines.at(-1) as { kind: string; month: string; files: { path: string; sha256: string }[]; hash: string; prev: string };
    expect([ev.kind, ev.month, ev.files.map((f) => f.path)]).toEqual(['report', '2024-06', ['reports/唐山市医疗保障局-2024-06.xlsx']]);
    expect(json.ledgerHead).toBe(ev.hash);
    const cells = sheetGrid(book, '附件2').flat();
    // the head the ledger had when the report began (here the last v1 line: the ledger-format line came with this event)
    const shown = /^台账末端：([0-9a-f]{16})（生成本报表之前/.exec(cells.find((c) => c.startsWith('台账末端：')) ?? '')?.[1] ?? '';
    expect(lines[lines.length - 2]?.kind).toBe('ledger-format');
    const head = await ssjIn(['verify', '--ledger', '--expect-head', shown, '--workspace', dir, '--json']);
    expect([head.code, shown.length]).toEqual([0, 16]);
    expect(ev.prev).not.toContain(shown);
    const d4 = tempDir('ssj-report-edit-');
    fs.cpSync(dir, d4, { recursive: true });
    // issued again, the report is re-listed (a regenerated file), and the ledger verifies
    expect((await ssjIn(['report', '--month', '2024-06', '--workspace', d4, '--date', '2024-07-06'])).code).toBe(0);
    expect((await ssjIn(['verify', '--ledger', '--workspace', d4])).code).toBe(0);
    fs.appendFileSync(path.join(d4, 'reports', '唐山市医疗保障局-2024-06.xlsx'), 'x');
    const v = await ssjIn(['verify', '--ledger', '--workspace', d4]);
    expect(v.code).toBe(1);
    expect(v.stdout + v.stderr).toContain('reports/唐山市医疗保障局-2024-06.xlsx');
  });

  it('writes 附件3 with the seed header, label for label, and its merges', async () => {
    const ws = book.Sheets['附件3'] as XLSX.WorkSheet;
    const merges = new Set((ws['!merges'] ?? []).map((m) => XLSX.utils.encode_range(m)));
    for (const [range, label] of SEED_HEADER) {
      const first = range.split(':')[0] as string;
      expect([range, norm(ws[first]?.v)]).toEqual([range, norm(label)]);
      if (range.includes(':')) expect(merges.has(range)).toBe(true);
    }
    expect(norm(ws['A2']?.v)).toContain(norm('唐山市“双随机、一公开”监管工作月报表（成员单位）'));
    expect(norm(ws['A2']?.v)).toContain('6月份');
  });

  it('fills the 附件3 row with the hand-counted figures', async () => {
    const row = sheetGrid(book, '附件3')[5] as string[];
    expect(row.slice(0, 2)).toEqual(['1', '唐山市医疗保障局']);
    expect(row.slice(2, 8)).toEqual(['2024年双随机工作部署会', '2024-06-03', '关于开展2024年双随机抽查的通知', '唐医保字〔2024〕5号', '2', '55']);
    expect(row.slice(8, 13)).toEqual(['2', '6', '13.33%', '3', '3']);
    expect(new Set(row[13]?.split('、'))).toEqual(new Set([SITE_HR, SITE_CREDIT]));
    expect(row[14]).toBe('唐医保字〔2024〕5号、唐医保字〔2024〕9号');
    expect(row.slice(15, 21)).toEqual(['医疗保障局', '市场监督管理局', '3', '1', '1', '唐医保字〔2024〕5号']);
  });

  it('writes 附件2 with the seed labels, unit, 填表时间 and contact block', async () => {
    const grid = sheetGrid(book, '附件2');
    const colB = grid.map((r) => norm(r[1]));
    let at = -1;
    for (const label of SEED_FORM2) {
      const i = colB.findIndex((b, k) => k > at && b === norm(label));
      expect([label, i > at]).toEqual([label, true]);
      at = i;
    }
    const flat = grid.flat().map(norm);
    expect(flat).toEqual(expect.arrayContaining([norm('市有关部门“双随机、一公开”监管工作月报表'), norm('单位名称（盖章）：唐山市医疗保障局'), norm('填表时间：2024年7月5日'), norm('联系人：_____'), norm('联系电话：_____'), norm('手机：_____')]));
    expect(flat).toEqual(expect.arrayContaining([norm('一、“双随机、一公开”监管工作安排部署情况'), norm('二、“双随机、一公开”监管工作开展情况'), norm('(注明召开会议的名称及时间)'), norm('(多少大项、多少小项)')]));
    expect(grid.map((r) => r[0])).toEqual(expect.arrayContaining(['1', '2', '3', '4', '5']));
    const scopeRow = grid.find((r) => norm(r[1]) === norm('随机抽查抽查对象范围、数量、抽查比例')) as string[];
    expect(scopeRow[3]).toMatch(/6.*45.*13\.33%/);
  });

  it('prints both sheets on A4 landscape', async () => {
    for (const i of [1, 2]) {
      const xml = sheetXml(file, i);
      expect(xml).toMatch(/<pageSetup[^>]*paperSize="9"[^>]*orientation="landscape"[^>]*fitToWidth="1"/);
      expect(xml).toMatch(/<pageSetUpPr[^>]*fitToPage="1"/);
    }
  });

  it('reads the activities sheet the clerk filled in reports/ (where ssj init puts it), never the blank one in templates/', async () => {
    const d3 = tempDir('ssj-report-act-');
    writeScenario(d3, s, true, true);
    await writeActivities(path.join(d3, 'reports', '月度工作情况.xlsx'));
    const r = await ssjIn(['report', '--month', '2024-06', '--workspace', d3, '--date', '2024-07-05', '--json']);
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as typeof json).warnings.map((w) => w.code)).not.toContain('no-activities');
    const wb = XLSX.read(fs.readFileSync(path.join(d3, 'reports', '唐山市医疗保障局-2024-06.xlsx')), { type: 'buffer' });
    expect((sheetGrid(wb, '附件3')[5] as string[])[2]).toBe('2024年双随机工作部署会');
    // Only the blank template left: the report says it found no sheet.
    fs.mkdirSync(path.join(d3, 'templates'), { recursive: true });
    fs.renameSync(path.join(d3, 'reports', '月度工作情况.xlsx'), path.join(d3, 'templates', '月度工作情况.xlsx'));
    const t = await ssjIn(['report', '--month', '2024-06', '--workspace', d3, '--date', '2024-07-05', '--json']);
    expect((JSON.parse(t.stdout) as typeof json).warnings.map((w) => w.code)).toContain('no-activities');
    // The sheet filled for another month only: items 1–3 empty for this one, and said.
    const july = await ssjIn(['report', '--month', '2024-07', '--workspace', d3, '--date', '2024-08-05', '--activities', path.join(d3, 'templates', '月度工作情况.xlsx'), '--json']);
    expect((JSON.parse(july.stdout) as typeof json).warnings.map((w) => w.code)).toContain('no-activities-month');
  });

  it('warns and leaves items 1–3 empty without an activities sheet', async () => {
    const d2 = tempDir('ssj-report-noact-');
    writeScenario(d2, s, true, true);
    const r = await ssjIn(['report', '--month', '2024-06', '--workspace', d2, '--date', '2024-07-05', '--unit', '测试/单位']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('月度工作情况');
    const wb = XLSX.read(fs.readFileSync(path.join(d2, 'reports', '测试_单位-2024-06.xlsx')), { type: 'buffer' });
    expect((sheetGrid(wb, '附件3')[5] as string[]).slice(1, 8)).toEqual(['测试/单位', '', '', '', '', '0', '0']);
  });

  it('combines two units into one 附件3 with a 合计 row', async () => {
    const d2 = tempDir('ssj-report-unit2-');
    const other = makeDraw({ id: '20240610-1', date: '2024-06-10', document: '丰医保〔2024〕1号', rows: [planRow(1, '定点零售药店检查', '定点零售药店', [{ department: '医疗保障局', seats: 2 }])], strata: [{ row: 1, population: 5 }], entities: [{ key: K.E5, name: '某药店', stratum: 1 }] });
    writeScenario(d2, { ...s, draws: [other], amendment: { ...s.amendment, amends: other.drawId, drawId: `${other.drawId}-A1`, substitution: { ...s.amendment.substitution, entity: K.E5 } }, results: [], publications: [] }, false, true);
    expect((await ssjIn(['report', '--month', '2024-06', '--workspace', d2, '--unit', '丰南区医疗保障局', '--date', '2024-07-05'])).code).toBe(0);
    const file2 = path.join(d2, 'reports', '丰南区医疗保障局-2024-06.xlsx');
    const out = path.join(dir, 'combined.xlsx');
    const r = await ssjIn(['report', '--month', '2024-06', '--combine', file, file2, '--out', out, '--workspace', dir, '--json']);
    expect(r.code).toBe(0);
    const grid = sheetGrid(XLSX.read(fs.readFileSync(out), { type: 'buffer' }), '附件3');
    expect(grid.slice(5, 8).map((row) => [row[0], row[1], row[9], row[10], row[11], row[12], row[17]])).toEqual([
      ['1', '唐山市医疗保障局', '6', '13.33%', '3', '3', '3'],
      ['2', '丰南区医疗保障局', '1', '20%', '0', '0', '0'],
      ['', '合计', '7', '14%', '3', '3', '3'], // 7 / (45 + 5)
    ]);
    expect(grid[7]?.[14]).toBe('唐医保字〔2024〕5号、唐医保字〔2024〕9号、丰医保〔2024〕1号');
    expect(JSON.parse(r.stdout).ratioKnown).toBe(true);
    expect((JSON.parse(r.stdout) as typeof json).warnings.map((w) => w.code)).not.toContain('combine-ignores');
    // In a workspace the combined form is listed by a report event: an edit of it is named by verify --ledger.
    const last = JSON.parse(fs.readFileSync(path.join(dir, 'ledger.jsonl'), 'utf8').trim().split('\n').at(-1) as string) as { kind: string; combined: string[]; files: { path: string }[] };
    expect([last.kind, last.combined, last.files.map((f) => f.path)]).toEqual(['report', [path.basename(file), path.basename(file2)], ['combined.xlsx']]);
    // --unit with --combine is not used: said, not silently dropped.
    const withUnit = await ssjIn(['report', '--month', '2024-06', '--combine', file2, '--unit', '某单位', '--out', out, '--workspace', dir, '--json']);
    expect((JSON.parse(withUnit.stdout) as typeof json).warnings.filter((w) => w.code === 'combine-ignores').map((w) => w.message.includes('--unit'))).toEqual([true]);
  });

  it('combines a unit whose name a spreadsheet would take for a formula, with its population (hidden sheet neutralised alike)', async () => {
    const d3 = tempDir('ssj-report-hostile-unit-');
    writeScenario(d3, s, true, true);
    expect((await ssjIn(['report', '--month', '2024-06', '--workspace', d3, '--unit', '-C局', '--date', '2024-07-05'])).code).toBe(0);
    const hostile = path.join(d3, 'reports', '-C局-2024-06.xlsx');
    const out = path.join(d3, 'combined.xlsx');
    const r = await ssjIn(['report', '--month', '2024-06', '--combine', hostile, '--out', out, '--workspace', d3, '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).ratioKnown).toBe(true);
    expect(sheetGrid(XLSX.read(fs.readFileSync(out), { type: 'buffer' }), '附件3')[5]?.[1]).toBe("'-C局");
  });

  it('leaves the combined ratio blank, and says so, when a workbook has no population', async () => {
    const wb = XLSX.read(fs.readFileSync(file), { type: 'buffer' });
    wb.SheetNames = wb.SheetNames.filter((n) => n !== '_ssj');
    const bare = path.join(dir, 'bare.xlsx');
    fs.writeFileSync(bare, XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer);
    const out = path.join(dir, 'combined2.xlsx');
    const r = await ssjIn(['report', '--month', '2024-06', '--combine', bare, file, '--out', out, '--workspace', dir]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('bare.xlsx');
    const total = sheetGrid(XLSX.read(fs.readFileSync(out), { type: 'buffer' }), '附件3')[7] as string[];
    expect([total[1], total[9], total[10]]).toEqual(['合计', '12', '']);
  });

  it('warns when a combined workbook is of another month', async () => {
    const r = await ssjIn(['report', '--month', '2024-07', '--combine', file, '--out', path.join(dir, 'c3.xlsx'), '--workspace', dir, '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).warnings.map((w: { code: string }) => w.code)).toEqual(['other-month']);
  });

  it('keeps the forms Chinese under --lang en; writes them in English with --form-lang en, and --combine reads them', async () => {
    const d2 = tempDir('ssj-report-en-');
    writeScenario(d2, s, true, true);
    const zh = await ssjIn(['report', '--month', '2024-06', '--workspace', d2, '--lang', 'en', '--unit', 'Unit B', '--date', '2024-07-05']);
    expect(zh.code).toBe(0);
    expect(XLSX.read(fs.readFileSync(path.join(d2, 'reports', 'Unit B-2024-06.xlsx')), { type: 'buffer' }).SheetNames.slice(0, 2)).toEqual(['附件2', '附件3']);
    const r = await ssjIn(['report', '--month', '2024-06', '--workspace', d2, '--lang', 'en', '--form-lang', 'en', '--unit', 'Unit A', '--date', '2024-07-05']);
    expect(r.code).toBe(0);
    const en = path.join(d2, 'reports', 'Unit A-2024-06.xlsx');
    expect(XLSX.read(fs.readFileSync(en), { type: 'buffer' }).SheetNames.slice(0, 2)).toEqual(['Annex 2', 'Annex 3']);
    const out = path.join(d2, 'c.xlsx');
    expect((await ssjIn(['report', '--month', '2024-06', '--combine', en, file, '--out', out, '--workspace', d2])).code).toBe(0);
    const grid = sheetGrid(XLSX.read(fs.readFileSync(out), { type: 'buffer' }), '附件3');
    expect(grid.slice(5, 8).map((row) => [row[1], row[9], row[10]])).toEqual([['Unit A', '6', '13.33%'], ['唐山市医疗保障局', '6', '13.33%'], ['合计', '12', '13.33%']]);
  });

  it('refuses bad input with exit codes and no stack', async () => {
    const bad = await ssjIn(['report', '--month', '2024-13', '--workspace', dir]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--month');
    expect((await ssjIn(['report', '--workspace', dir])).code).toBe(2);
    const notForm = path.join(dir, 'registries', '月度工作情况.xlsx');
    const r = await ssjIn(['report', '--month', '2024-06', '--combine', notForm, '--workspace', dir]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('附件3');
    const missing = await ssjIn(['report', '--month', '2024-06', '--combine', path.join(dir, 'nope.xlsx'), '--workspace', dir]);
    expect(missing.code).toBe(2);
    const wrong = path.join(dir, 'wrong.csv');
    fs.writeFileSync(wrong, '姓名,执法证号\n张三,冀A001\n');
    const act = await ssjIn(['report', '--month', '2024-06', '--activities', wrong, '--workspace', dir]);
    expect(act.code).toBe(1);
    expect(act.stderr).toContain('wrong.csv');
    const edited = XLSX.read(fs.readFileSync(file), { type: 'buffer' });
    (edited.Sheets['附件3'] as XLSX.WorkSheet)['J6'] = { t: 's', v: '六' };
    const editedFile = path.join(dir, 'edited.xlsx');
    fs.writeFileSync(editedFile, XLSX.write(edited, { type: 'buffer', bookType: 'xlsx' }) as Buffer);
    const cellErr = await ssjIn(['report', '--month', '2024-06', '--combine', editedFile, '--workspace', dir]);
    expect(cellErr.code).toBe(1);
    expect(cellErr.stderr).toMatch(/edited\.xlsx.*附件3.*J6/);
    for (const x of [bad, r, missing, act, cellErr]) expectNoStack(x);
  });

  it('refuses a damaged publication log, naming the file and line', async () => {
    const d2 = tempDir('ssj-report-badlog-');
    writeScenario(d2, s, true, true);
    fs.appendFileSync(path.join(d2, 'reports', 'publications.jsonl'), '{"format":"ssj-publication/1",\n');
    const r = await ssjIn(['report', '--month', '2024-06', '--workspace', d2]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/publications\.jsonl.*3/);
    expectNoStack(r);
    // publish refuses too, and writes no CSV before finding the log damaged
    const p = await ssjIn(['publish', '--month', '2024-06', '--workspace', d2, '--date', '2024-07-06']);
    expect(p.code).toBe(1);
    expect(fs.readdirSync(path.join(d2, 'reports')).filter((f) => f.endsWith('.csv'))).toEqual([]);
    expect(fs.existsSync(path.join(d2, 'publications'))).toBe(false);
  });
});
