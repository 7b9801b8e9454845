/** 定点零售药店 (Puyang 附件2): about 200, credit classes A/B/C/D with a realistic skew, 分类标注. */
import ExcelJS from 'exceljs';
import { COUNTY, ADMIN, rng, pick, int, chance, pad, personName, region, address, legal, phone, uscc, saveDeterministic, clerkSheet } from './common.mjs';

// ------------------------------------------------------------------ pharmacies (Puyang 附件2)

const PH_WORDS = ['康宁', '济民', '惠民', '百草', '益寿', '同心', '福安', '天佑', '康泰', '瑞康', '德仁', '春晖', '安康', '永康', '宏济', '博爱', '好邻居', '万家', '杏林', '本草堂', '寿康', '众生', '民康', '广济', '仁济', '宝芝', '四季', '长青', '华康', '鑫源'];
const PH_SUFFIX = ['大药房', '药店', '药房', '医药超市', '大药房', '药店'];
const CHAINS = ['宛丰康宁大药房连锁有限公司', '宛丰济民医药连锁有限公司', '宛丰百草堂药业连锁有限公司'];
const ORDINAL = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二', '十三', '十四', '十五'];
const PH_TAGS = ['门诊统筹', '双通道', '中药饮片', '24小时营业', '特殊药品'];

function pharmacyName(i, chainCount) {
  if (i % 6 === 0) {
    const c = i % 18 === 0 ? 0 : i % 12 === 0 ? 1 : 2;
    const n = (chainCount[c] = (chainCount[c] ?? 0) + 1);
    return { name: `${CHAINS[c]}${ORDINAL[(n - 1) % 15]}${n > 15 ? '分' : ''}店${n > 15 ? n : ''}`, kind: '91', chain: true };
  }
  const company = chance(0.55);
  const base = `${COUNTY}${pick(PH_WORDS)}${pick(PH_SUFFIX)}`;
  return { name: company ? `${base}有限公司` : base, kind: company ? '91' : '92', chain: false };
}

/** A few phone numbers typed with a Chinese IME in full-width digits (legal: NFKC reads them). */
function fullWidthSometimes(value, k) {
  if (k % 17 !== 3) return value;
  return String(value).replace(/[0-9-]/g, (c) => (c === '-' ? '－' : String.fromCharCode(c.charCodeAt(0) + 0xfee0)));
}

function creditClasses(n) {
  const counts = { A: 118, B: 52, C: 22, D: n - 118 - 52 - 22 };
  const list = Object.entries(counts).flatMap(([k, v]) => Array(v).fill(k));
  for (let i = list.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [list[i], list[j]] = [list[j], list[i]];
  }
  return list;
}

export function makePharmacies(n = 200) {
  const credits = creditClasses(n);
  const chainCount = {};
  const names = new Set();
  const out = [];
  for (let i = 0; out.length < n; i++) {
    const { name, kind, chain } = pharmacyName(i, chainCount);
    if (names.has(name)) continue;
    names.add(name);
    const reg = region();
    const code = uscc(kind);
    const k = out.length;
    const tags = [chain ? '连锁门店' : '单体药店', ...(chance(0.3) ? [pick(PH_TAGS)] : [])];
    out.push({
      seq: k % 9 === 4 ? String(k + 1) : k + 1, // some 序号 typed as text, as pasted
      region: chance(0.08) ? `${reg}　` : reg, // a trailing full-width space, as pasted from Word
      name: chance(0.05) ? `　${name}` : name,
      uscc: code,
      ybbm: `P${ADMIN}${pad(k + 101, 5)}`,
      license: chance(0.5) ? code : `${ADMIN}${pad(int(0, 999999999), 9)}`,
      drugLicense: `豫${pick(['CB', 'DB'])}${pad(3770 + int(0, 5), 4)}${pad(k + 1, 3)}`,
      address: address(reg),
      legal: legal(),
      contact: chance(0.6) ? personName() : '',
      phone: fullWidthSometimes(phone(), k),
      remarks: chance(0.04) ? '2023年新增定点' : '',
      credit: credits[k],
      tags: tags.join(pick(['、', '，', ';'])),
      key: code,
    });
  }
  return out;
}

export async function writePharmacies(list) {
  const wb = new ExcelJS.Workbook();
  const headers = ['序号', '所在\n地区', '名称', '统一社会\n信用代码', '医保编码', '营业执照', '药品经营\n许可证', '营业(执业)\n场所', '法定代表人姓名\n及身份证号', '联 系 人', '联系电话', '备  注', '信用\n等级', '分类标注'];
  const rows = list.map((p) => [p.seq, p.region, p.name, p.uscc, p.ybbm, p.license, p.drugLicense, p.address, p.legal, p.contact, p.phone, p.remarks, p.credit, p.tags]);
  const ws = clerkSheet(wb, '定点零售药店', [`${COUNTY}医保基金监管检查对象名录库基本信息表`, '(定点零售药店)', `填报单位（盖章）：${COUNTY}医疗保障局　　　　　填报日期：2024年5月20日`], headers, [6, 10, 36, 22, 16, 22, 16, 34, 30, 9, 14, 12, 6, 20], rows);
  ws.getColumn(11).numFmt = '0';
  return saveDeterministic(wb, 'pharmacies.xlsx');
}

