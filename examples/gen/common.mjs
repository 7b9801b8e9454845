/** Shared by the example generators: the one PRNG, check characters, people, places, workbook writing. */
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import seedrandom from 'seedrandom';

const require = createRequire(import.meta.url);
const JSZip = createRequire(require.resolve('exceljs'))('jszip');

export const HERE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const COUNTY = '宛丰县';
export const ADMIN = '411399'; // fictional division code
export const rng = seedrandom('ssj-examples|宛丰县|1');
export const pick = (arr) => arr[Math.floor(rng() * arr.length)];
export const int = (lo, hi) => lo + Math.floor(rng() * (hi - lo + 1));
export const chance = (p) => rng() < p;
export const pad = (n, w) => String(n).padStart(w, '0');

// ------------------------------------------------------------------ check characters

const USCC_SET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_W = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
export function usccCheck(first17) {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += USCC_SET.indexOf(first17[i]) * USCC_W[i];
  return USCC_SET[(31 - (sum % 31)) % 31];
}
const ORG_W = [3, 7, 9, 10, 5, 8, 4, 2];
export function orgCheck(body8) {
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += parseInt(body8[i], 36) * ORG_W[i];
  const c = 11 - (sum % 11);
  return c === 10 ? 'X' : c === 11 ? '0' : String(c);
}
const ID_W = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
export function idCheck(first17) {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * ID_W[i];
  return '10X98765432'[sum % 11];
}

const usedUscc = new Set();
/** kind: '91' company, '92' individual business, '12' public institution, '52' private non-enterprise. */
export function uscc(kind) {
  for (;;) {
    const body = pad(int(0, 99999999), 8);
    const first17 = kind + ADMIN + body + orgCheck(body);
    const code = first17 + usccCheck(first17);
    if (!usedUscc.has(code)) {
      usedUscc.add(code);
      return code;
    }
  }
}
export function idNumber() {
  const birth = `${int(1958, 1996)}${pad(int(1, 12), 2)}${pad(int(1, 28), 2)}`;
  const first17 = ADMIN + birth + pad(int(1, 999), 3);
  return first17 + idCheck(first17);
}
export const mobile = () => `1${pick(['3', '5', '7', '8', '9'])}${int(0, 9)}${pad(int(0, 99999999), 8)}`;
export const landline = () => `0377-6${pad(int(0, 9999999), 7)}`;

// ------------------------------------------------------------------ people and places

export const SURNAMES = '王李张刘陈杨赵黄周吴徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤'.split('');
export const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红建国志文斌辉鹏宇浩然晨阳博雪梅林峰琳丹凯亮健俊彬慧颖欣怡瑞丰海燕'.split('');
export const personName = () => pick(SURNAMES) + pick(GIVEN) + (chance(0.7) ? pick(GIVEN) : '');

export const REGIONS = ['城关镇', '东关街道', '西城街道', '开发区', '马庄镇', '柳林乡', '白河镇'];
export const REGION_WEIGHT = [30, 16, 14, 12, 10, 8, 10];
export function region() {
  let r = rng() * REGION_WEIGHT.reduce((a, b) => a + b, 0);
  for (let i = 0; i < REGIONS.length; i++) if ((r -= REGION_WEIGHT[i]) < 0) return REGIONS[i];
  return REGIONS[0];
}
export const ROADS = ['人民路', '解放路', '建设路', '文化路', '光明路', '滨河路', '迎宾大道', '工业路', '新华街', '健康路', '育才路', '朝阳路'];
export const address = (reg) => `${COUNTY}${reg}${pick(ROADS)}${int(1, 399)}号`;
export function legal() {
  const sep = pick([' ', '　', '  ', '，']);
  return `${personName()}${sep}${idNumber()}`;
}
export const phone = () => (chance(0.8) ? Number(mobile()) : landline()); // mobiles kept as numbers, as Excel does

// ------------------------------------------------------------------ workbooks

export const FIXED_DATE = new Date('2024-05-20T00:00:00Z');

/** exceljs zips with the current time; re-pack with a fixed date so the bytes never change. */
export async function saveDeterministic(wb, file) {
  wb.creator = '宛丰县医疗保障局';
  wb.created = FIXED_DATE;
  wb.modified = FIXED_DATE;
  const raw = await wb.xlsx.writeBuffer();
  const src = await JSZip.loadAsync(raw);
  const out = new JSZip();
  for (const name of Object.keys(src.files).sort()) {
    const f = src.files[name];
    if (f.dir) continue;
    out.file(name, await f.async('uint8array'), { date: FIXED_DATE, createFolders: false });
  }
  const buf = await out.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 6 }, platform: 'DOS' });
  fs.writeFileSync(path.join(HERE, file), buf);
  return file;
}

export const thin = { style: 'thin', color: { argb: 'FF000000' } };
export const box = { top: thin, left: thin, bottom: thin, right: thin };

/** A sheet the way clerks lay it out: title rows, then a wrapped header, then rows. */
export function clerkSheet(wb, sheetName, titles, headers, widths, rows) {
  const ws = wb.addWorksheet(sheetName);
  titles.forEach((title, i) => {
    const r = ws.addRow([title]);
    ws.mergeCells(r.number, 1, r.number, headers.length);
    r.font = { name: '宋体', size: i === 0 ? 16 : 11, bold: i === 0 };
    r.alignment = { horizontal: i === 0 ? 'center' : 'left' };
  });
  const h = ws.addRow(headers);
  h.height = 32;
  h.eachCell((c) => {
    c.font = { name: '黑体', size: 10 };
    c.alignment = { wrapText: true, horizontal: 'center', vertical: 'middle' };
    c.border = box;
  });
  for (const row of rows) {
    const r = ws.addRow(row);
    r.eachCell({ includeEmpty: true }, (c) => {
      c.border = box;
      c.font = { name: '宋体', size: 10 };
      if (c.value instanceof Date) c.numFmt = 'yyyy-mm-dd';
    });
  }
  widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  ws.views = [{ state: 'frozen', ySplit: titles.length + 1 }];
  ws.pageSetup = { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 };
  return ws;
}

