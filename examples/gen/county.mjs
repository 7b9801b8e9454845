/**
 * 定点医疗机构 (Puyang 附件3, with village clinics keyed by 医保编码), the
 * inspectors (附件4, as a GBK CSV exported from Excel on Chinese Windows), the
 * conflicts list, the Wugang plan adapted to the county, and the month's
 * activities sheet.
 */
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { stringify } from 'csv-stringify/sync';
import { HERE, COUNTY, ADMIN, REGIONS, rng, pick, int, chance, pad, personName, address, legal, phone, uscc, saveDeterministic, clerkSheet } from './common.mjs';

// ------------------------------------------------------------------ institutions

const TOWNS = REGIONS.filter((r) => /镇|乡/.test(r));
const STREETS = REGIONS.filter((r) => /街道|开发区/.test(r));
const VILLAGES = ['李庄', '王营', '张湾', '刘岗', '杨楼', '陈沟', '后寨', '前河', '柳树店', '白庙', '石桥', '高庄', '孙营', '杜岗', '吴洼', '赵湾', '东坡', '西岭'];

function publicInstitutions() {
  const L = [
    ['城关镇', `${COUNTY}人民医院`, '综合', '二级甲等', '1952-10-01'],
    ['西城街道', `${COUNTY}中医院`, '专科', '二级甲等', '1958-06-15'],
    ['城关镇', `${COUNTY}妇幼保健院`, '专科', '二级乙等', '1979-03-05'],
    ['东关街道', `${COUNTY}第二人民医院`, '综合', '二级乙等', '1985-09-10'],
    ['开发区', `${COUNTY}精神病医院`, '专科', '一级', '1996-04-18'],
    ['城关镇', `${COUNTY}疾病预防控制中心门诊部`, '专科', '未定级', '2003-07-01'],
  ].map(([region, name, kind, grade, founded]) => ({ region, name, nature: '公立', kind, grade, founded }));
  for (const t of TOWNS) L.push({ region: t, name: `${COUNTY}${t}卫生院`, nature: '公立', kind: '综合', grade: '一级', founded: `19${int(56, 79)}-0${int(1, 9)}-${pad(int(1, 28), 2)}` });
  for (const t of TOWNS) L.push({ region: t, name: `${COUNTY}${t}中心卫生院分院`, nature: '公立', kind: '综合', grade: '未定级', founded: `20${pad(int(5, 15), 2)}-${pad(int(1, 12), 2)}-${pad(int(1, 28), 2)}` });
  for (const s of STREETS) L.push({ region: s, name: `${COUNTY}${s}社区卫生服务中心`, nature: '公立', kind: '综合', grade: '一级', founded: `20${pad(int(6, 14), 2)}-${pad(int(1, 12), 2)}-${pad(int(1, 28), 2)}` });
  return L;
}

const PRIVATE = [
  ['综合', '一级', '仁爱医院'], ['综合', '一级', '博康医院'], ['专科', '未定级', '明目眼科医院'], ['专科', '一级', '康复医院'],
  ['专科', '未定级', '口腔门诊部'], ['专科', '未定级', '佳美口腔诊所'], ['综合', '未定级', '惠民门诊部'], ['专科', '一级', '骨科医院'],
  ['专科', '未定级', '中医诊所'], ['综合', '未定级', '济世诊所'], ['专科', '一级', '肛肠医院'], ['专科', '未定级', '皮肤病诊所'],
  ['综合', '一级', '华康医院'], ['专科', '未定级', '同济中医门诊部'], ['综合', '未定级', '安泰门诊部'], ['专科', '一级', '妇产医院'],
  ['专科', '未定级', '耳鼻喉诊所'], ['综合', '未定级', '仁和诊所'], ['专科', '未定级', '康宁血液透析中心'], ['专科', '一级', '老年病医院'],
  ['综合', '未定级', '德善门诊部'], ['专科', '未定级', '针灸推拿诊所'], ['专科', '未定级', '宁心口腔诊所'], ['综合', '一级', '益民医院'],
  ['专科', '未定级', '儿童专科门诊部'], ['综合', '未定级', '杏林诊所'],
];

/** 成立日期 as clerks type it: a real date, 2015.3.5, 2015年3月5日, 2015-03-05, 2015/3/5. */
function messyDate(iso) {
  const [y, m, d] = iso.split('-').map(Number);
  switch (int(0, 4)) {
    case 0:
      return new Date(Date.UTC(y, m - 1, d));
    case 1:
      return `${y}.${m}.${d}`;
    case 2:
      return `${y}年${m}月${d}日`;
    case 3:
      return `${y}/${m}/${d}`;
    default:
      return iso;
  }
}

export function makeInstitutions() {
  const list = publicInstitutions();
  for (const [kind, grade, name] of PRIVATE) {
    const region = pick(REGIONS);
    list.push({ region, name: `${COUNTY}${name}`, nature: '民营', kind, grade, founded: `20${pad(int(3, 22), 2)}-${pad(int(1, 12), 2)}-${pad(int(1, 28), 2)}` });
  }
  const villages = [...VILLAGES];
  for (let i = 0; i < 15; i++) {
    const town = TOWNS[i % TOWNS.length];
    const v = villages.splice(Math.floor(rng() * villages.length), 1)[0];
    list.push({ region: town, name: `${COUNTY}${town}${v}村卫生室`, address: `${COUNTY}${town}${v}村`, nature: '公立', kind: '综合', grade: '未定级', founded: `20${pad(int(0, 12), 2)}-${pad(int(1, 12), 2)}-${pad(int(1, 28), 2)}`, village: true });
  }
  return list.map((x, i) => {
    const codeKind = x.village ? null : x.nature === '公立' ? '12' : x.name.includes('诊所') ? '92' : x.name.includes('医院') ? '52' : '91';
    const code = codeKind ? uscc(codeKind) : '';
    const ybbm = `H${ADMIN}${pad(i + 11, 5)}`;
    return {
      ...x,
      seq: i + 1,
      uscc: code,
      ybbm,
      key: code || ybbm,
      founded: messyDate(x.founded),
      address: x.address ?? address(x.region),
      legal: legal(),
      contact: chance(0.5) ? personName() : '',
      phone: phone(),
      remarks: x.village ? '村卫生室，无统一社会信用代码' : '',
      credit: x.village ? '' : pick(['A', 'A', 'A', 'B', 'B', 'C']),
      tags: x.village ? '村卫生室、一体化管理' : x.nature === '公立' ? '公立' : chance(0.5) ? '门诊统筹' : '',
    };
  });
}

export async function writeInstitutions(list) {
  const wb = new ExcelJS.Workbook();
  const headers = ['序号', '所在\n地区', '名称', '统一社会\n信用代码', '医保编码', '性质\n(公立、民营)', '类型\n(综合、专科)', '等级', '成立\n日期', '地  址', '法定代表人姓名\n及身份证号', '联系人', '联系\n电话', '备注', '信用等级', '分类标注'];
  const rows = list.map((x) => [x.seq, x.region, x.name, x.uscc, x.ybbm, x.nature, x.kind, x.grade, x.founded, x.address, x.legal, x.contact, x.phone, x.remarks, x.credit, x.tags]);
  const ws = clerkSheet(wb, '定点医疗机构', [`${COUNTY}医保基金监管检查对象名录库基本信息表`, '(定点医疗机构)'], headers, [6, 10, 34, 22, 16, 10, 10, 10, 12, 32, 30, 9, 14, 24, 8, 18], rows);
  ws.getColumn(13).numFmt = '0';
  return saveDeterministic(wb, 'institutions.xlsx');
}

// ------------------------------------------------------------------ inspectors (GBK CSV)

const YB = `${COUNTY}医疗保障局`;
const SJ = `${COUNTY}市场监督管理局`;
/** [unit, post, title, areaSpec]; areaSpec: 'all' = 全县, or regions. */
const STAFF = [
  [YB, '基金监管股', '股长', 'all'], [YB, '基金监管股', '副股长', 'all'], [YB, '基金监管股', '科员', ['城关镇', '东关街道', '西城街道']],
  [YB, '医药服务管理股', '股长', 'all'], [YB, '医药服务管理股', '科员', ['开发区', '马庄镇']], [YB, '待遇保障股', '科员', ['柳林乡', '白河镇', '马庄镇']],
  [YB, '医疗保障稽核中心', '主任', 'all'], [YB, '医疗保障稽核中心', '科员', ['城关镇', '开发区']], [YB, '医疗保障稽核中心', '科员', ['东关街道', '西城街道', '柳林乡']],
  [YB, '法规股', '科员', ['白河镇', '城关镇']], [YB, '办公室', '副主任', 'all'], [YB, '基金监管股', '科员', ['马庄镇', '柳林乡', '白河镇']],
  [YB, '医药服务管理股', '科员', 'all'], [YB, '基金监管股', '科员', ['西城街道', '开发区']],
  [SJ, '药品医疗器械监督管理股', '股长', 'all'], [SJ, '药品医疗器械监督管理股', '科员', 'all'], [SJ, '城关市场监督管理所', '所长', ['城关镇', '东关街道', '西城街道']],
  [SJ, '开发区市场监督管理所', '科员', ['开发区']], [SJ, '马庄市场监督管理所', '科员', ['马庄镇', '柳林乡']], [SJ, '白河市场监督管理所', '科员', ['白河镇', '柳林乡']],
  [SJ, '执法稽查大队', '副大队长', 'all'], [SJ, '药品医疗器械监督管理股', '科员', ['城关镇', '开发区', '白河镇']], [SJ, '城关市场监督管理所', '科员', ['东关街道', '西城街道', '马庄镇']],
  [SJ, '执法稽查大队', '科员', 'all'],
];
const EDU = ['本科/临床医学', '本科/药学', '本科/法学', '大专/会计', '研究生/公共卫生', '本科/中药学', '本科/计算机', '本科/汉语言文学'];
const EXPERTISE = ['医保基金稽核', '药品质量', '医疗服务价格', '法律法规', '财务审计', '中医药'];

export function makeInspectors() {
  return STAFF.map(([unit, post, title, areaSpec], i) => {
    const yb = unit === YB;
    const n = i + 1;
    const area = areaSpec === 'all' ? (chance(0.5) ? '全县' : '全部') : areaSpec.join(pick(['、', '、', '，', ';']));
    return {
      seq: n,
      region: COUNTY,
      name: personName(),
      gender: chance(0.6) && i !== 5 ? '男' : '女',
      unit: chance(0.15) ? ` ${unit}` : unit,
      education: pick(EDU),
      post,
      title,
      license: i === 12 ? '' : `${yb ? '41139901' : '41139902'}${pad(n * 7 + 3, 3)}`,
      area,
      remarks: i === 12 ? '执法证换发中' : i === 5 ? '产假' : i === 19 ? '借调市局' : '',
      expertise: pick(EXPERTISE),
      status: i === 5 || i === 19 ? '不可用' : chance(0.7) ? '在岗' : '',
    };
  });
}

export function writeInspectors(list) {
  const header = ['序号', '所在地区', '姓名', '性别', '工作单位', '专业学历', '部门岗位', '职务(职称)', '执法证号', '执法区域', '备注', '业务专长', '状态'];
  const rows = list.map((x) => [x.seq, x.region, x.name, x.gender, x.unit, x.education, x.post, x.title, x.license, x.area, x.remarks, x.expertise, x.status]);
  const title = [`${COUNTY}“双随机、一公开”检查人员名录库`, '', '', '', '', '', '', '', '', '', '', '', ''];
  const csv = stringify([title, header, ...rows], { record_delimiter: '\r\n' });
  fs.writeFileSync(path.join(HERE, 'inspectors-gbk.csv'), iconv.encode(csv, 'gbk'));
  return 'inspectors-gbk.csv';
}

// ------------------------------------------------------------------ conflicts

export async function writeConflicts(inspectors, pharmacies, institutions) {
  const withKey = inspectors.filter((x) => x.license && x.status !== '不可用');
  const villages = institutions.filter((x) => !x.uscc);
  const pairs = [
    [withKey[2].license, pharmacies[7].key, '配偶在该药店任职'],
    [withKey[15].license, pharmacies[42].key, '近亲属为该药店法定代表人'],
    [withKey[0].license, institutions[1].key, '曾在该院工作，离职未满两年'],
    [withKey[8].license, villages[3].key, '本人户籍所在村，与村医系亲属'],
  ];
  const wb = new ExcelJS.Workbook();
  clerkSheet(wb, '回避名单', [`${COUNTY}“双随机、一公开”检查人员回避名单`], ['执法证号', '统一社会信用代码\n或医保编码', '回避原因'], [16, 24, 36], pairs);
  return saveDeterministic(wb, 'conflicts.xlsx');
}

// ------------------------------------------------------------------ plan (Wugang 附件1, adapted)

export const DOCUMENT = `${COUNTY}医疗保障局关于开展2024年“双随机、一公开”抽查的通知（宛丰医保〔2024〕12号）`;

export async function writePlan() {
  const headers = ['序号一', '抽查事项名称', '抽查依据', '抽查方式', '抽查主体', '抽查对象', '抽查比例', '抽查频次', '备注', '检查组人数', '检查组构成', '区域匹配', '每年同一对象最多', '检查事项', '实施文件'];
  const checks = `医疗保障局:对遵守《医疗保障基金使用监督管理条例》的情况进行监督检查；市场监督管理局:药品质量安全的监督检查`;
  const rows = [
    [1, '对医疗保障基金使用情况进行监督检查', '定点医疗机构服务协议', '现场检查', `${COUNTY}医疗保障局和县市场监督管理局`, '定点医疗机构', '20%', '上半年、下半年各一次', '', 3, '医疗保障局2+市场监督管理局1', '否', 2, checks, DOCUMENT],
    [2, '对医疗保障基金使用情况进行监督检查', `${COUNTY}城镇职工基本医疗保险\n定点零售药店服务协议`, '现场检查', `${COUNTY}医疗保障局和县市场监督管理局`, '定点零售药店', '低(A、1%)、中(B、3%)、中高(C、10%)、高(D、20%)', '每年2次', '按信用风险分类抽取', 2, '医疗保障局1+市场监督管理局1', '是', 2, checks, DOCUMENT],
  ];
  const wb = new ExcelJS.Workbook();
  const ws = clerkSheet(wb, '附件1', ['附件1', '2024年度“双随机、一公开”抽查工作计划'], headers, [6, 24, 24, 10, 22, 12, 26, 14, 14, 8, 22, 8, 10, 40, 40], rows);
  ws.getRow(5).height = 48;
  ws.getRow(6).height = 48;
  return saveDeterministic(wb, 'plan-2024.xlsx');
}

// ------------------------------------------------------------------ activities of the demo month

export async function writeActivities() {
  const headers = ['月份', '类别', '名称', '时间', '文号', '培训人员数量', '内容', '备注'];
  const rows = [
    ['2024-06', '会议', `${COUNTY}2024年医保基金监管“双随机、一公开”工作部署会`, new Date(Date.UTC(2024, 5, 3)), '', '', '部署上半年抽查工作', ''],
    ['2024-06', '文件', DOCUMENT.replace(/（.*）$/, ''), '2024.6.4', '宛丰医保〔2024〕12号', '', '', ''],
    ['2024-06', '培训', '“双随机、一公开”执法人员业务培训', '2024年6月4日', '', '22', '抽查程序、现场检查要点、记录表填写', ''],
  ];
  const wb = new ExcelJS.Workbook();
  clerkSheet(wb, '月度工作情况', [`${COUNTY}医疗保障局“双随机、一公开”月度工作情况（2024年6月）`], headers, [10, 8, 50, 14, 22, 12, 34, 10], rows);
  return saveDeterministic(wb, 'activities-2024-06.xlsx');
}
