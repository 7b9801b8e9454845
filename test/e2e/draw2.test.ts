/**
 * ssj-draw/2 end to end, in process (issue 18 "Done when"): the item list
 * refuses a plan item not on it before any seed, naming the cell; 专长要求 药学
 * puts a 药学 inspector on every pharmacy team, an impossible requirement is
 * refused before the seed; an expired licence is never drawn; prior
 * inspections count toward the cap (个案 do not); 参保人 names and full ID
 * numbers appear nowhere on screen or in the witness sheet; a marked
 * non-conforming code lets the draw run and is listed; the record verifies.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { idCheckDigit } from '../../src/core/checks/idcard.js';
import { orgCodeCheckChar, usccCheckChar } from '../../src/core/checks/uscc.js';
import type { DrawRecord } from '../../src/core/types.js';
import * as XLSX from 'xlsx';
import { runVerb } from '../helpers/inproc.js';

const DATE = '2024-06-03';
const SEED = '31415926535897932384';
let root = '';

function uscc(n: number, kind = '92'): string {
  const body = String(10000000 + n).slice(-8);
  const first16 = `${kind}411399${body}${orgCodeCheckChar(body)}`;
  return first16 + usccCheckChar(first16);
}
const id = (n: number): string => {
  const first17 = `41090119800101${String(100 + n).padStart(3, '0')}`;
  return first17 + idCheckDigit(first17);
};
const csv = (rows: string[][]) => rows.map((r) => r.join(',')).join('\n') + '\n';
const write = (name: string, rows: string[][]) => {
  const file = path.join(root, 'registries', name);
  fs.writeFileSync(file, csv(rows));
  return file;
};

// A real early code whose check character does not conform: the last character changed.
const badCode = (() => {
  const good = uscc(199);
  return good.slice(0, 17) + (good[17] === '0' ? '1' : '0');
})();
const PHARMACY_KEYS = Array.from({ length: 8 }, (_, i) => uscc(100 + i));
const INSURED_IDS = Array.from({ length: 6 }, (_, i) => id(i));
const INSURED_NAMES = ['赵参保', '钱参保', '孙参保', '李参保', '周参保', '吴参保'];

let files: Record<string, string> = {};

beforeAll(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'ssj-draw2-'));
  for (const d of ['registries', 'plans', 'draws']) fs.mkdirSync(path.join(root, d));
  files = {
    pharmacies: write('pharmacies.csv', [
      ['序号', '所在地区', '名称', '统一社会信用代码', '医保编码', '药品经营许可证', '备注'],
      ...PHARMACY_KEYS.map((k, i) => [String(i + 1), '城关镇', `测试药房${i + 1}`, k, '', `豫AA${i}`, '']),
      ['9', '城关镇', '早期药房', badCode, '', '豫AA9', '代码已核实'],
    ]),
    insured: write('insured.csv', [
      ['序号', '姓名', '身份证号', '社会保障卡号', '参保地区', '险种', '分类标注'],
      ...INSURED_IDS.map((k, i) => [String(i + 1), INSURED_NAMES[i]!, k, '', '城关镇', '职工医保', i < 4 ? '异常报销' : '']),
    ]),
    inspectors: write('inspectors.csv', [
      ['序号', '所在地区', '姓名', '工作单位', '执法证号', '执法区域', '业务专长', '执法层级', '执法证有效期', '人员类别'],
      ['1', '测试县', '医保甲', '测试县医疗保障局', 'YB001', '全县', '药学', '县', '2023-01-01至2028-12-31', ''],
      ['2', '测试县', '医保乙', '测试县医疗保障局', 'YB002', '全县', '医疗', '县', '2027-12-31', ''],
      ['3', '测试县', '医保丙', '测试县医疗保障局', 'YB003', '全县', '药学', '县', '2020-01-01至2024-05-31', ''],
      ['4', '测试县', '医保丁', '测试县医疗保障局', 'YB004', '全县', '财务', '县', '', ''],
      ['5', '测试县', '医保戊', '测试县医疗保障局', 'YB005', '全县', '药学、信息', '县', '2024-06-20', ''],
      ['6', '测试县', '专家甲', '测试县人民医院', 'ZJ001', '', '药学', '', '', '专家'],
      ['7', '测试县', '专家乙', '某会计师事务所', 'ZJ002', '', '财务', '', '', '专家'],
    ]),
    items: write('items.csv', [
      ['序号', '抽查事项', '检查对象', '抽查内容', '事项类别', '检查方式', '检查部门及实施层级', '检查依据'],
      ['1', '定点零售药店医保基金使用情况检查', '定点零售药店', '一、串换药品；二、虚构医药服务项目', '一般检查事项', '现场检查', '县医保行政部门', '《医疗保障基金使用监督管理条例》'],
      ['2', '参保人医保基金使用情况检查', '参保人', '一、冒名就医；二、倒卖药品', '重点', '现场检查', '县医保行政部门', '《医疗保障基金使用监督管理条例》'],
    ]),
    prior: write('prior.csv', [
      ['统一社会信用代码', '对象编码', '检查日期', '实施机关', '类型', '个案'],
      [PHARMACY_KEYS[0]!, '', '2024-02-01', '河南省医疗保障局', '飞行检查', '否'],
      [PHARMACY_KEYS[0]!, '', '2024-04-01', '测试市医疗保障局', '专项检查', '否'],
      [PHARMACY_KEYS[1]!, '', '2024-03-01', '测试县医疗保障局', '举报核查', '是'],
      [PHARMACY_KEYS[1]!, '', '2024-03-09', '测试县医疗保障局', '举报核查', '是'],
      ['', INSURED_IDS[0]!, '2024-01-10', '测试县医疗保障局', '异常报销核查', '否'],
      ['', INSURED_IDS[0]!, '2024-02-10', '测试市医疗保障局', '专项检查', '否'],
    ]),
  };
  files.plan = path.join(root, 'plans', 'plan.csv');
  fs.writeFileSync(files.plan, csv([
    ['序号', '抽查事项名称', '抽查对象', '抽查比例', '检查组构成', '专长要求', '执法层级', '定向条件'],
    ['1', '定点零售药店医保基金使用情况检查', '定点零售药店', '100%', '医疗保障局2+专家1', '药学', '县', ''],
    ['2', '参保人医保基金使用情况检查', '参保人', '2家', '医疗保障局2', '', '', '分类标注=异常报销'],
  ]));
});

afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

const inputs = (over: Record<string, unknown> = {}) => ({
  plan: [files.plan], entities: [files.pharmacies, files.insured], inspectors: [files.inspectors], items: [files.items], priorInspections: [files.prior], ...over,
});

describe('ssj-draw/2 from the CLI handlers', () => {
  it('a plan item not on the item list is refused before the seed, naming the cell', async () => {
    const plan = path.join(root, 'plans', 'plan-bad.csv');
    fs.writeFileSync(plan, fs.readFileSync(files.plan, 'utf8').replace('参保人医保基金使用情况检查,参保人', '参保人就医情况检查,参保人'));
    const r = await runVerb('draw', root, { ...inputs({ plan: [plan] }), seed: SEED, sheets: false }, [], DATE);
    expect(r.code).toBe(1);
    expect(r.err.join('\n')).toMatch(/B3.*plan-item-not-listed/);
    expect(fs.readdirSync(path.join(root, 'draws'))).toEqual([]);
  });

  it('ssj validate given the plan, the item list and the registries names the plan cell too', async () => {
    const plan = path.join(root, 'plans', 'plan-bad.csv');
    const r = await runVerb('validate', root, {}, [plan, files.items, files.pharmacies, files.insured, files.inspectors], DATE);
    expect(r.code).toBe(1);
    expect(r.out.join('\n')).toMatch(/B3\s.*plan-item-not-listed/);
  });

  it('a requirement no inspector can meet is refused before the seed', async () => {
    const plan = path.join(root, 'plans', 'plan-tcm.csv');
    fs.writeFileSync(plan, fs.readFileSync(files.plan, 'utf8').replace(',药学,县', ',中医,县'));
    const r = await runVerb('draw', root, { ...inputs({ plan: [plan] }), seed: SEED, sheets: false }, [], DATE);
    expect(r.code).toBe(1);
    expect(r.err.join('\n')).toContain('plan-expertise-unknown');
    expect(fs.readdirSync(path.join(root, 'draws'))).toEqual([]);
  });

  let record: DrawRecord;
  it('draws with ssj-draw/2: 药学 on every pharmacy team, no expired licence, prior inspections counted, marked code listed', async () => {
    const r = await runVerb('draw', root, { ...inputs(), seed: SEED, sheets: false }, [], DATE);
    expect(r.err.join('\n')).toContain('licence-expiring');
    expect(r.code).toBe(0);
    const file = fs.readdirSync(path.join(root, 'draws')).find((f) => /^\d{8}-\d+\.json$/.test(f))!;
    record = JSON.parse(fs.readFileSync(path.join(root, 'draws', file), 'utf8')) as DrawRecord;
    expect(record.algorithm).toBe('ssj-draw/2');
    expect(record.inputs.map((i) => i.role).sort()).toEqual(['inspectors', 'insured', 'items', 'pharmacies', 'plan', 'prior-inspections']);
    expect(record.inspectorExclusions).toEqual([{ key: 'YB003', reason: 'licence-expired', date: '2024-05-31' }]);
    expect(record.markedCodes).toEqual([badCode]);
    // The item list's 检查依据 reaches the 检查通知书 (the plan rows leave 抽查依据 empty).
    expect(record.itemList?.map((i) => [i.category, i.basis])).toEqual([['一般', '《医疗保障基金使用监督管理条例》'], ['重点', '《医疗保障基金使用监督管理条例》']]);
    const noticeDir = path.join(root, 'notices', record.drawId);
    const notice = fs.readdirSync(noticeDir).find((f) => /^\d+-/.test(f) && f.endsWith('.html'))!;
    expect(fs.readFileSync(path.join(noticeDir, notice), 'utf8')).toContain('《医疗保障基金使用监督管理条例》');
    const pharmacyTeams = record.teams.filter((t) => !INSURED_IDS.includes(t.entity));
    expect(pharmacyTeams.length).toBe(8); // 9 pharmacies, one at the cap
    const pharmacists = new Set(['YB001', 'YB005']);
    for (const t of pharmacyTeams) {
      expect(t.members.some((m) => pharmacists.has(m.key))).toBe(true);
      expect(t.members.map((m) => m.category)).toEqual(['执法人员', '执法人员', '专家']);
    }
    for (const t of record.teams) for (const m of t.members) expect(m.key).not.toBe('YB003');
    const s1 = record.strata[0]!;
    expect(s1.excluded).toEqual([{ key: PHARMACY_KEYS[0], reason: 'yearly-limit', draws: [], inspections: ['2024-02-01 河南省医疗保障局 飞行检查', '2024-04-01 测试市医疗保障局 专项检查'] }]);
    expect(s1.selected).toContain(PHARMACY_KEYS[1]); // its two rows are 个案
    expect(record.strata[1]!.excluded.map((x) => x.key)).toEqual([INSURED_IDS[0]]);
    // Nothing on screen or in the witness sheet names a 参保人 or shows a whole ID number.
    const printed = [...r.out, ...r.err].join('\n');
    const witness = fs.readFileSync(path.join(root, 'draws', file.replace('.json', '-witness.html')), 'utf8');
    for (const text of [printed, witness]) {
      for (const n of INSURED_NAMES) expect(text).not.toContain(n);
      for (const k of INSURED_IDS) expect(text).not.toContain(k);
    }
    const list = fs.readFileSync(path.join(root, 'reports', `抽取结果-${record.drawId}.csv`), 'utf8') + fs.readFileSync(path.join(root, 'reports', `抽取结果-${record.drawId}.html`), 'utf8');
    for (const n of INSURED_NAMES) expect(list).not.toContain(n);
    for (const k of INSURED_IDS) {
      expect(list).not.toContain(k);
      expect(list).not.toContain(k.slice(-4)); // counts only: not even the masked number
    }
    expect(list).toContain('参保人2名');
    const shown = record.strata[1]!.selected.map((k) => `${k.slice(0, 3)}***********${k.slice(-4)}`);
    for (const k of shown) {
      expect(printed).toContain(k);
      expect(witness).toContain(k);
    }
  });

  it('a 参保人 has its own record sheet (参保人检查情况记录表, 姓名, 公民身份号码), and its files are named by the masked number', async () => {
    const r = await runVerb('sheets', root, { draw: record.drawId }, [], DATE);
    expect(r.code).toBe(0);
    const dir = path.join(root, 'sheets', record.drawId);
    const insured = record.selected.filter((e) => e.objectType === '参保人');
    expect(insured.length).toBe(2);
    const names = fs.readdirSync(dir);
    for (const e of insured) {
      const file = names.find((f) => f.startsWith(`${String(e.order).padStart(2, '0')}-`))!;
      expect(file).toBe(`${String(e.order).padStart(2, '0')}-${e.key.slice(0, 3)}___________${e.key.slice(-4)}.xlsx`);
      const wb = XLSX.read(fs.readFileSync(path.join(dir, file)), { type: 'buffer' });
      const text = XLSX.utils.sheet_to_csv(wb.Sheets[wb.SheetNames[0]!]!);
      expect([text.includes('参保人检查情况记录表'), text.includes('公民身份号码'), text.includes('参保地区'), text.includes('统一社会信用代码'), text.includes(e.key)]).toEqual([true, true, true, false, true]);
    }
    const pharmacy = names.find((f) => f.startsWith(`${String(record.selected.find((e) => e.objectType !== '参保人')!.order).padStart(2, '0')}-`))!;
    const ptext = XLSX.utils.sheet_to_csv(XLSX.read(fs.readFileSync(path.join(dir, pharmacy)), { type: 'buffer' }).Sheets['记录表']!);
    expect([ptext.includes('部门联合抽查检查情况记录表'), ptext.includes('统一社会信用代码')]).toEqual([true, true]);
    const all = fs.readFileSync(path.join(dir, 'all.html'), 'utf8');
    expect((all.match(/参保人检查情况记录表/g) ?? []).length).toBe(2);
    // The 检查通知书 addresses a person as a person; the drawn list's count line carries no 核验码.
    const notices = path.join(root, 'notices', record.drawId);
    const noticeOf = (order: number) => fs.readFileSync(path.join(notices, fs.readdirSync(notices).find((f) => f.startsWith(`${String(order).padStart(2, '0')}-`))!), 'utf8');
    const person = noticeOf(insured[0]!.order);
    expect([person.includes('公民身份号码/社会保障卡号'), person.includes('你单位'), person.includes('抽取结果中只列人数')]).toEqual([true, false, true]);
    expect(noticeOf(record.selected.find((e) => e.objectType !== '参保人')!.order)).toContain('你单位');
    const listLine = fs.readFileSync(path.join(root, 'reports', `抽取结果-${record.drawId}.csv`), 'utf8').split('\n').find((l) => l.includes('参保人2名'))!;
    expect(listLine.split(',')[13]).toBe('');
  });

  it('draw --json shows a 参保人 by the masked number only: no name, no whole ID number, not even in the file names', async () => {
    const r = await runVerb('draw', root, { ...inputs(), seed: '27182818284590452353', sheets: true, json: true, again: '测试：同期再抽', id: 'json-draw' }, [], DATE);
    expect(r.code).toBe(0);
    const out = r.out.join('\n');
    const shown = JSON.parse(out) as DrawRecord & { files: string[] };
    const stored = JSON.parse(fs.readFileSync(path.join(root, 'draws', 'json-draw.json'), 'utf8')) as DrawRecord;
    expect(shown.recordHash).toBe(stored.recordHash);
    expect(stored.selected.some((e) => INSURED_IDS.includes(e.key))).toBe(true); // the record itself keeps them
    for (const n of INSURED_NAMES) expect(out).not.toContain(n);
    for (const k of INSURED_IDS) expect(out).not.toContain(k);
  });

  it('the /2 record verifies (registries found by name), and an edited prior-inspections file does not', async () => {
    const ok = await runVerb('verify', root, { draw: record.drawId }, [], DATE);
    expect(ok.err.join('\n')).not.toContain('error');
    expect(ok.code).toBe(0);
    const edited = path.join(root, 'prior-edited.csv');
    fs.writeFileSync(edited, fs.readFileSync(files.prior, 'utf8').replace(',否\n', ',是\n'));
    const bad = await runVerb('verify', root, { draw: record.drawId, priorInspections: [edited] }, [], DATE);
    expect(bad.code).toBe(1);
    expect(bad.out.join('\n')).toContain('prior-inspections');
  });

  it('without any new input the draw is still ssj-draw/1', async () => {
    const plan = path.join(root, 'plans', 'plan-v1.json');
    fs.writeFileSync(plan, JSON.stringify({ title: '2024年计划', maxPerEntityPerYear: 2, rows: [{ no: 1, item: '药店检查', objectType: '定点零售药店', ratio: '1家' }] }));
    const pharm = write('pharmacies-v1.csv', [['序号', '所在地区', '名称', '统一社会信用代码', '药品经营许可证'], ...PHARMACY_KEYS.map((k, i) => [String(i + 1), '城关镇', `药房${i}`, k, `豫B${i}`])]);
    const insp = write('inspectors-v1.csv', [['序号', '所在地区', '姓名', '工作单位', '执法证号', '执法区域'], ['1', '测试县', '甲', '医疗保障局', 'A1', '全县'], ['2', '测试县', '乙', '医疗保障局', 'A2', '全县']]);
    const r = await runVerb('draw', root, { plan: [plan], entities: [pharm], inspectors: [insp], seed: SEED, sheets: false, id: 'v1-draw' }, [], DATE);
    expect(r.code).toBe(0);
    const rec = JSON.parse(fs.readFileSync(path.join(root, 'draws', 'v1-draw.json'), 'utf8')) as DrawRecord;
    expect(rec.algorithm).toBe('ssj-draw/1');
    expect('inspectorExclusions' in rec).toBe(false);
    expect((await runVerb('verify', root, { draw: 'v1-draw' }, [], DATE)).code).toBe(0);
  });
});
