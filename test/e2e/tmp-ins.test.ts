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
  root = '/tmp/ins'; fs.rmSync(root,{recursive:true,force:true}); fs.mkdirSync(root);
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


it('x', async () => {
  const r = await runVerb('draw', root, { plan: [files.plan], entities: [files.pharmacies, files.insured], inspectors: [files.inspectors], items: [files.items], priorInspections: [files.prior], seed: SEED, json: true }, [], DATE);
  console.log(r.code, r.err.join('\n'), r.out.join('\n').slice(0, 3000));
});
