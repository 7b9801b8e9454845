/**
 * Small registries for the draw e2e tests, written as clerks would keep them:
 * .xlsx with a title row (exceljs), GBK CSV with rows shuffled (iconv-lite),
 * .ods (SheetJS). Codes carry valid check characters.
 */
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import * as XLSX from 'xlsx';
import { orgCodeCheckChar, usccCheckChar } from '../../src/core/checks/uscc.js';
import { committed, type RunResult, ssjIn } from '../helpers/cli.js';

export type Sheet = { title: string; header: string[]; rows: string[][] };

/** A valid 统一社会信用代码 from a number. */
export function uscc(n: number, kind = '92'): string {
  const body = String(10000000 + n).slice(-8);
  const first16 = `${kind}411399${body}${orgCodeCheckChar(body)}`;
  return first16 + usccCheckChar(first16);
}

const REGIONS = ['城关镇', '东关镇', '西河乡'];
const CREDITS = ['A', 'A', 'B', 'D'];

export function pharmacies(count = 16): Sheet {
  return {
    title: '定点零售药店名录库',
    header: ['序号', '所在地区', '名称', '统一社会信用代码', '医保编码', '营业执照', '药品经营许可证', '营业(执业)场所', '法定代表人姓名及身份证号', '联系人', '联系电话', '备注', '信用等级'],
    rows: Array.from({ length: count }, (_, i) => [
      String(i + 1), REGIONS[i % 3], `测试大药房第${i + 1}店`, uscc(100 + i), `P4113990${String(i).padStart(4, '0')}`, '', `豫AA${3900 + i}`, `${REGIONS[i % 3]}人民路${i + 1}号`, '', '', '', '', CREDITS[i % 4],
    ]),
  };
}

export function institutions(count = 8): Sheet {
  return {
    title: '定点医疗机构名录库',
    header: ['序号', '所在地区', '名称', '统一社会信用代码', '医保编码', '性质', '类型', '等级', '成立日期', '地址', '法定代表人姓名及身份证号', '联系人', '联系电话', '备注'],
    rows: Array.from({ length: count }, (_, i) => [
      String(i + 1), REGIONS[i % 3], `测试卫生院${i + 1}`, uscc(500 + i, '12'), `H4113990${String(i).padStart(4, '0')}`, i % 2 ? '民营' : '公立', i % 3 ? '综合' : '专科', '一级', '2015-03-05', `${REGIONS[i % 3]}健康路${i + 1}号`, '', '', '', '',
    ]),
  };
}

/** 医疗保障局 inspectors cover the whole county; 市场监督管理局 inspectors one or two places each. */
export function inspectors(): Sheet {
  const rows: string[][] = [];
  const add = (name: string, unit: string, key: string, area: string) =>
    rows.push([String(rows.length + 1), '测试县', name, rows.length % 2 ? '女' : '男', unit, '本科', '稽核科', '科员', key, area, '']);
  for (let i = 1; i <= 6; i += 1) add(`医保${i}`, '测试县医疗保障局', `YB${String(i).padStart(3, '0')}`, '全县');
  add('市监1', '测试县市场监督管理局', 'SJ001', '城关镇、东关镇');
  add('市监2', '测试县市场监督管理局', 'SJ002', '东关镇、西河乡');
  add('市监3', '测试县市场监督管理局', 'SJ003', '西河乡、城关镇');
  add('市监4', '测试县市场监督管理局', 'SJ004', '全县');
  add('无证人员', '测试县医疗保障局', '', '全县'); // no 执法证号: a warning, kept out of every draw
  return { title: '检查人员名录库', header: ['序号', '所在地区', '姓名', '性别', '工作单位', '专业学历', '部门岗位', '职务(职称)', '执法证号', '执法区域', '备注'], rows };
}

export function conflicts(): Sheet {
  return {
    title: '回避名单',
    header: ['执法证号', '统一社会信用代码', '原因'],
    rows: [
      ['YB001', uscc(500, '12'), '近亲属任职'],
      ['SJ004', uscc(501, '12'), '曾在该机构任职'],
    ],
  };
}

export const JOINT_PLAN = {
  title: '2024年度测试县医保基金双随机抽查计划',
  maxPerEntityPerYear: 2,
  rows: [
    { no: 1, item: '医疗保障基金使用情况', objectType: '定点医疗机构', ratio: '50%', teamGroups: '医疗保障局2+市场监督管理局1', regionMatch: '是' },
    { no: 2, item: '定点零售药店医保服务', objectType: '定点零售药店', ratio: '低(A、20%)、中(B、50%)、高(D、50%)', frequency: '每年1次' },
  ],
};

export async function writeXlsx(file: string, s: Sheet): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Sheet1');
  ws.addRow([s.title]);
  ws.addRow(s.header);
  for (const r of s.rows) ws.addRow(r);
  fs.writeFileSync(file, new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer));
}

/** GBK (GB18030) CSV, rows in reverse-interleaved order: row order must not matter. */
export function writeGbkCsv(file: string, s: Sheet): void {
  const shuffled = [...s.rows.filter((_, i) => i % 2 === 1).reverse(), ...s.rows.filter((_, i) => i % 2 === 0)];
  const q = (v: string) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  const text = [s.header, ...shuffled].map((r) => r.map(q).join(',')).join('\r\n') + '\r\n';
  fs.writeFileSync(file, iconv.encode(text, 'gb18030'));
}

export function writeOds(file: string, s: Sheet): void {
  const ws = XLSX.utils.aoa_to_sheet([[s.title], s.header, ...s.rows]);
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, ws, 'Sheet1');
  fs.writeFileSync(file, XLSX.write(wb, { bookType: 'ods', type: 'buffer' }) as Buffer);
}

export interface Files {
  plan: string;
  entities: string[];
  inspectors: string;
  conflicts: string;
}

/** A workspace folder with registries/ written in the given format and the joint plan as JSON. */
export async function makeWorkspace(root: string, format: 'xlsx' | 'csv' | 'ods' = 'xlsx', plan: object = JOINT_PLAN): Promise<Files> {
  for (const d of ['registries', 'plans', 'draws']) fs.mkdirSync(path.join(root, d), { recursive: true });
  const write = async (name: string, s: Sheet) => {
    const file = path.join(root, 'registries', `${name}.${format}`);
    if (format === 'xlsx') await writeXlsx(file, s);
    else if (format === 'csv') writeGbkCsv(file, s);
    else writeOds(file, s);
    return file;
  };
  const planFile = path.join(root, 'plans', 'plan-2024.json');
  fs.writeFileSync(planFile, JSON.stringify(plan, null, 2));
  return {
    plan: planFile,
    entities: [await write('pharmacies', pharmacies()), await write('institutions', institutions())],
    inspectors: await write('inspectors', inspectors()),
    conflicts: await write('conflicts', conflicts()),
  };
}

export const inputArgs = (f: Files): string[] => ['--plan', f.plan, '--entities', ...f.entities, '--inspectors', f.inspectors, '--conflicts', f.conflicts];

export const SEED = '31415926535897932384';

export async function draw(root: string, f: Files, extra: string[] = []): Promise<RunResult> {
  return await ssjIn(committed(['draw', ...inputArgs(f), '--seed', SEED, '--date', '2024-06-03', '--workspace', root, '--no-sheets', ...extra]));
}

/** Names of files in draws/ that are not temp files. */
export const drawFiles = (root: string): string[] =>
  fs.existsSync(path.join(root, 'draws')) ? fs.readdirSync(path.join(root, 'draws')).filter((n) => !n.startsWith('.ssj-tmp-')).sort() : [];
