#!/usr/bin/env node
/**
 * Deterministic benchmark data (`npm run bench:gen`): the same bytes on every
 * machine and every run.
 *
 *   bench/data/pharmacies-10k.csv, -100k.csv, -1m.csv   Puyang 附件2 columns + 信用等级, 分类标注
 *   bench/data/pharmacies-100k.xlsx                     the same columns, 100,000 rows
 *   bench/data/inspectors-10k.csv                       10,000 inspectors (医疗保障局 / 市场监督管理局)
 *   bench/data/conflicts.csv                            2,000 recusal pairs
 *   bench/data/plan-credit.csv                          four credit classes, joint teams, region matching
 *
 * Every 统一社会信用代码 and 身份证号 carries a correct check character, every
 * key is unique, every 医保编码 too. Usage: node bench/gen.mjs [--sizes 10k,100k,1m] [--out DIR] [--no-xlsx]
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);

// ------------------------------------------------------------ deterministic PRNG (mulberry32)
export function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const pick = (rng, arr) => arr[Math.floor(rng() * arr.length)];

// ------------------------------------------------------------ check characters
const USCC_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_W = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const ORG_W = [3, 7, 9, 10, 5, 8, 4, 2];
const ID_W = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

/** GB 11714 organisation code: 8 digits + check character. */
function orgCode(n) {
  const body = String(n).padStart(8, '0');
  let s = 0;
  for (let i = 0; i < 8; i++) s += Number(body[i]) * ORG_W[i];
  const c = 11 - (s % 11);
  return body + (c === 10 ? 'X' : c === 11 ? '0' : String(c));
}

/** GB 32100-2015: 17 characters + check character. */
export function uscc(admin, n) {
  const first17 = '91' + admin + orgCode(n);
  let s = 0;
  for (let i = 0; i < 17; i++) s += USCC_CHARS.indexOf(first17[i]) * USCC_W[i];
  const c = (31 - (s % 31)) % 31;
  return first17 + USCC_CHARS[c];
}

/** GB 11643: 17 digits + check digit. */
export function idCard(admin, rng, n) {
  const y = 1955 + Math.floor(rng() * 45);
  const m = 1 + Math.floor(rng() * 12);
  const d = 1 + Math.floor(rng() * 28);
  const first17 = admin + y + String(m).padStart(2, '0') + String(d).padStart(2, '0') + String(n % 1000).padStart(3, '0');
  let s = 0;
  for (let i = 0; i < 17; i++) s += Number(first17[i]) * ID_W[i];
  return first17 + '10X98765432'[s % 11];
}

// ------------------------------------------------------------ vocabulary
export const REGIONS = [
  ['华龙区', '410902'],
  ['清丰县', '410922'],
  ['南乐县', '410923'],
  ['范县', '410926'],
  ['台前县', '410927'],
  ['濮阳县', '410928'],
  ['开发区', '410971'],
  ['工业园区', '410972'],
  ['示范区', '410973'],
];
const SURNAMES = '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕';
const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰红建国志军海燕文';
const BRANDS = ['康民', '仁和', '百姓', '益丰', '同济', '国药', '华佗', '济世', '万家', '安康', '惠民', '福寿', '德仁', '众康', '九州'];
const STREETS = ['人民路', '胜利路', '建设路', '中原路', '黄河路', '京开大道', '开州路', '长庆路', '绿城路', '濮上路'];
const TAGS = ['', '', '', '社区', '连锁', '乡镇', '24小时', '连锁、社区'];
/** Credit classes A/B/C/D at 50/30/15/5 %. */
const creditOf = (r) => (r < 0.5 ? 'A' : r < 0.8 ? 'B' : r < 0.95 ? 'C' : 'D');
const personName = (rng) => pick(rng, SURNAMES) + pick(rng, GIVEN) + (rng() < 0.5 ? pick(rng, GIVEN) : '');

export const PHARMACY_HEADER = ['序号', '所在地区', '名称', '统一社会信用代码', '医保编码', '营业执照', '药品经营许可证', '营业(执业)场所', '法定代表人姓名及身份证号', '联系人', '联系电话', '备注', '信用等级', '分类标注'];

/** One pharmacy row (array of cell strings); row i (0-based) of the deterministic registry. */
export function pharmacyRow(rng, i) {
  const [region, admin] = REGIONS[i % REGIONS.length];
  const code = uscc(admin, 10000000 + i);
  const legal = personName(rng);
  return [
    String(i + 1),
    region,
    `${pick(rng, BRANDS)}大药房第${i + 1}店`,
    code,
    `P${admin}${String(i + 1).padStart(7, '0')}`,
    code,
    `豫AA${String(3930000 + i)}`,
    `${pick(rng, STREETS)}${1 + Math.floor(rng() * 999)}号`,
    `${legal} ${idCard(admin, rng, i)}`,
    personName(rng),
    `13${String(Math.floor(rng() * 1e9)).padStart(9, '0')}`,
    '',
    creditOf(rng()),
    pick(rng, TAGS),
  ];
}

const csvCell = (s) => (/[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
const csvLine = (cells) => cells.map(csvCell).join(',') + '\r\n';

/** Writes `rows` pharmacy rows to a UTF-8 (with BOM, as Excel writes) CSV. */
export function writePharmacyCsv(file, rows, seed = 20240601) {
  const rng = prng(seed);
  const fd = fs.openSync(file, 'w');
  try {
    fs.writeSync(fd, '\ufeff' + csvLine(PHARMACY_HEADER));
    let buf = [];
    for (let i = 0; i < rows; i++) {
      buf.push(csvLine(pharmacyRow(rng, i)));
      if (buf.length === 5000) {
        fs.writeSync(fd, buf.join(''));
        buf = [];
      }
    }
    if (buf.length) fs.writeSync(fd, buf.join(''));
  } finally {
    fs.closeSync(fd);
  }
}

/** A 100k-row .xlsx with the same columns, written with SheetJS in dense mode. */
export function writePharmacyXlsx(file, rows, seed = 20240601) {
  const XLSX = require('xlsx');
  const rng = prng(seed);
  const aoa = [['濮阳市医保基金监管检查对象名录库基本信息表'], ['(定点零售药店)'], PHARMACY_HEADER];
  for (let i = 0; i < rows; i++) aoa.push(pharmacyRow(rng, i));
  const ws = XLSX.utils.aoa_to_sheet(aoa, { dense: true });
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, ws, '定点零售药店');
  XLSX.writeFile(wb, file, { compression: true, bookSST: true }); // shared strings, as Excel and WPS write them
}

export const INSPECTOR_HEADER = ['序号', '所在地区', '姓名', '性别', '工作单位', '专业学历', '部门岗位', '职务(职称)', '执法证号', '执法区域', '备注', '状态'];

/** 10,000 inspectors: 70 % 医疗保障局, 30 % 市场监督管理局; most cover their own region, some 全市. */
export function inspectorRows(count = 10000, seed = 7) {
  const rng = prng(seed);
  const out = [];
  for (let i = 0; i < count; i++) {
    const [region] = REGIONS[i % REGIONS.length];
    const dept = rng() < 0.7 ? '医疗保障局' : '市场监督管理局';
    const r = rng();
    const area = r < 0.1 ? '全市' : r < 0.25 ? `${region}、${REGIONS[(i + 1) % REGIONS.length][0]}` : region;
    out.push([
      String(i + 1),
      region,
      personName(rng),
      rng() < 0.5 ? '男' : '女',
      `濮阳市${region}${dept}`,
      pick(rng, ['本科 法学', '本科 药学', '研究生 临床医学', '大专 会计']),
      pick(rng, ['基金监管科', '稽核科', '药品科', '执法大队']),
      pick(rng, ['科员', '科长', '主任', '副主任']),
      `豫41${String(1000000 + i)}`,
      area,
      '',
      rng() < 0.02 ? '不可用' : '在岗',
    ]);
  }
  return out;
}

export function writeInspectorsCsv(file, count = 10000) {
  fs.writeFileSync(file, '\ufeff' + csvLine(INSPECTOR_HEADER) + inspectorRows(count).map(csvLine).join(''));
}

/** 2,000 recusal pairs between inspectors and pharmacies of the 10k registry (also present in the larger ones). */
export function writeConflictsCsv(file, count = 2000, seed = 11) {
  const rng = prng(seed);
  const lines = [csvLine(['执法证号', '统一社会信用代码', '原因'])];
  for (let k = 0; k < count; k++) {
    const i = Math.floor(rng() * 10000);
    const [, admin] = REGIONS[i % REGIONS.length];
    lines.push(csvLine([`豫41${String(1000000 + Math.floor(rng() * 10000))}`, uscc(admin, 10000000 + i), '亲属关系']));
  }
  fs.writeFileSync(file, '\ufeff' + lines.join(''));
}

export const PLAN_HEADER = ['序号', '抽查事项名称', '抽查依据', '抽查方式', '抽查主体', '抽查对象', '抽查比例', '抽查频次', '备注', '检查组人数', '检查组构成', '区域匹配'];

export function writePlanCsv(file) {
  const rows = [
    PLAN_HEADER,
    ['1', '定点零售药店医保基金使用情况检查', '《医疗保障基金使用监督管理条例》', '现场检查', '濮阳市医疗保障局、濮阳市市场监督管理局', '定点零售药店', '低(A、1%)、中(B、3%)、中高(C、10%)、高(D、20%)', '每年2次', '', '3', '医疗保障局2+市场监督管理局1', '是'],
  ];
  fs.writeFileSync(file, '\ufeff' + rows.map(csvLine).join(''));
}

export const SIZES = new Map([
  ['10k', 10_000],
  ['100k', 100_000],
  ['1m', 1_000_000],
]);

function main(argv) {
  const arg = (name, dflt) => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : dflt;
  };
  const out = path.resolve(arg('--out', path.join(HERE, 'data')));
  const sizes = arg('--sizes', '10k,100k,1m').split(',');
  fs.mkdirSync(out, { recursive: true });
  const step = (label, fn) => {
    const t0 = Date.now();
    fn();
    process.stdout.write(`${label}  ${((Date.now() - t0) / 1000).toFixed(1)} s\n`);
  };
  step('inspectors-10k.csv', () => writeInspectorsCsv(path.join(out, 'inspectors-10k.csv')));
  step('conflicts.csv', () => writeConflictsCsv(path.join(out, 'conflicts.csv')));
  step('plan-credit.csv', () => writePlanCsv(path.join(out, 'plan-credit.csv')));
  for (const s of sizes) {
    const n = SIZES.get(s);
    if (!n) throw new Error(`unknown size ${s} (10k, 100k, 1m)`);
    const file = path.join(out, `pharmacies-${s}.csv`);
    step(`pharmacies-${s}.csv`, () => writePharmacyCsv(file, n));
    process.stdout.write(`  ${(fs.statSync(file).size / 1e6).toFixed(1)} MB\n`);
  }
  if (!argv.includes('--no-xlsx')) step('pharmacies-100k.xlsx', () => writePharmacyXlsx(path.join(out, 'pharmacies-100k.xlsx'), 100_000));
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main(process.argv.slice(2));
