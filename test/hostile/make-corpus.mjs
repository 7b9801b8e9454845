#!/usr/bin/env node
/**
 * The hostile-input corpus (issue #9), generated — never committed — so the
 * big cases (a zip bomb inflating past 1 GB, a 100 MB cell) cost a few MB of
 * disk at test time only. Deterministic: the same bytes on every run.
 *
 *   node test/hostile/make-corpus.mjs DIR [--big]     writes the files, prints the case list as JSON
 *   import { makeCorpus } from './make-corpus.mjs'    the same from a test
 *
 * Each case: { name, file, role? , expect: 1 | 2 } — what `ssj validate` must
 * exit with. Workspace-level cases (seeds, wrong-year plan, read-only and full
 * disk) are built by test/e2e/hostile-draw.test.ts on top of `validInputs()`.
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import {
  prng,
  pharmacyRow,
  PHARMACY_HEADER,
  inspectorRows,
  INSPECTOR_HEADER,
  writePlanCsv,
  PLAN_HEADER,
  uscc,
} from '../../bench/gen.mjs';

const require = createRequire(import.meta.url);
const MB = 1024 * 1024;

const csvCell = (s) => (/[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
const csv = (rows) => '\ufeff' + rows.map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';

export function pharmacyRows(n, seed = 1) {
  const rng = prng(seed);
  return Array.from({ length: n }, (_, i) => pharmacyRow(rng, i));
}

// ------------------------------------------------------------ a minimal zip writer (for hand-made xlsx)
const crc = (buf, prev = 0) => zlib.crc32(buf, prev);

/**
 * entries: { name, data?: Buffer, raw?: { compressed: Buffer, size: number, crc: number }, declaredSize?: number }.
 * `raw` is an already deflated body (for the bomb); `declaredSize` lies about the inflated size.
 */
export function zip(entries) {
  const locals = [];
  const centrals = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const body = e.raw ? e.raw.compressed : zlib.deflateRawSync(e.data);
    const size = e.raw ? e.raw.size : e.data.length;
    const sum = e.raw ? e.raw.crc : crc(e.data);
    const declared = e.declaredSize ?? size;
    const lh = Buffer.alloc(30);
    lh.writeUInt32LE(0x04034b50, 0);
    lh.writeUInt16LE(20, 4);
    lh.writeUInt16LE(0x0800, 6); // UTF-8 names
    lh.writeUInt16LE(8, 8); // deflate
    lh.writeUInt32LE(sum >>> 0, 14);
    lh.writeUInt32LE(body.length, 18);
    lh.writeUInt32LE(declared, 22);
    lh.writeUInt16LE(name.length, 26);
    const ch = Buffer.alloc(46);
    ch.writeUInt32LE(0x02014b50, 0);
    ch.writeUInt16LE(20, 4);
    ch.writeUInt16LE(20, 6);
    ch.writeUInt16LE(0x0800, 8);
    ch.writeUInt16LE(8, 10);
    ch.writeUInt32LE(sum >>> 0, 16);
    ch.writeUInt32LE(body.length, 20);
    ch.writeUInt32LE(declared, 24);
    ch.writeUInt16LE(name.length, 28);
    ch.writeUInt32LE(offset, 42);
    locals.push(lh, name, body);
    centrals.push(ch, name);
    offset += 30 + name.length + body.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const RNS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
function xlsxParts() {
  const x = (s) => Buffer.from(s, 'utf8');
  return [
    {
      name: '[Content_Types].xml',
      data: x(
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
          '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
          '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
          '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
      ),
    },
    {
      name: '_rels/.rels',
      data: x(
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
          '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
      ),
    },
    {
      name: 'xl/workbook.xml',
      data: x(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="${NS}" xmlns:r="${RNS}"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>`),
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      data: x(
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
          '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
      ),
    },
  ];
}

/** A sheet XML deflated piece by piece: head, `repeat` × `chunk`, tail — small on disk, huge inflated. */
function bombSheet(inflatedBytes) {
  const head = Buffer.from(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="${NS}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>`);
  const tail = Buffer.from('</t></is></c></row></sheetData></worksheet>');
  const chunk = Buffer.alloc(MB, 0x41);
  const repeat = Math.ceil(inflatedBytes / MB);
  const flush = { finishFlush: zlib.constants.Z_FULL_FLUSH, level: 9 };
  const pHead = zlib.deflateRawSync(head, flush);
  const pChunk = zlib.deflateRawSync(chunk, flush); // dictionary reset: every copy is the same bytes
  const pTail = zlib.deflateRawSync(tail, { level: 9 });
  let sum = crc(head);
  for (let i = 0; i < repeat; i++) sum = crc(chunk, sum);
  sum = crc(tail, sum);
  const compressed = Buffer.concat([pHead, ...Array.from({ length: repeat }, () => pChunk), pTail]);
  return { compressed, size: head.length + repeat * MB + tail.length, crc: sum };
}

/** An xlsx whose only sheet inflates to more than `gb` GB. With `lie`, the zip declares 4 KB. */
export function zipBomb(gb = 1.1, lie = false) {
  const raw = bombSheet(Math.round(gb * 1024 * MB));
  return zip([...xlsxParts(), { name: 'xl/worksheets/sheet1.xml', raw, declaredSize: lie ? 4096 : undefined }]);
}

/** An xlsx whose pharmacy header is followed by one row with a `mb`-MB cell at C2 (deflated piece by piece). */
export function bigCellXlsx(mb = 100, bytes = mb * MB) {
  const cells = PHARMACY_HEADER.map((h, i) => `<c r="${String.fromCharCode(65 + i)}1" t="inlineStr"><is><t>${h}</t></is></c>`).join('');
  const head = Buffer.from(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="${NS}"><sheetData><row r="1">${cells}</row>` +
      '<row r="2"><c r="A2" t="inlineStr"><is><t>1</t></is></c><c r="B2" t="inlineStr"><is><t>华龙区</t></is></c><c r="C2" t="inlineStr"><is><t>',
  );
  const tail = Buffer.from('</t></is></c><c r="D2" t="inlineStr"><is><t>914109021000000082</t></is></c></row></sheetData></worksheet>');
  const unit = Math.min(MB, bytes);
  const repeat = Math.ceil(bytes / unit);
  const chunk = Buffer.alloc(unit, 0x61);
  const flush = { finishFlush: zlib.constants.Z_FULL_FLUSH, level: 9 };
  const pChunk = zlib.deflateRawSync(chunk, flush);
  let sum = crc(head);
  for (let i = 0; i < repeat; i++) sum = crc(chunk, sum);
  sum = crc(tail, sum);
  const compressed = Buffer.concat([zlib.deflateRawSync(head, flush), ...Array.from({ length: repeat }, () => pChunk), zlib.deflateRawSync(tail, { level: 9 })]);
  return zip([...xlsxParts(), { name: 'xl/worksheets/sheet1.xml', raw: { compressed, size: head.length + repeat * unit + tail.length, crc: sum } }]);
}

/** A tiny xlsx whose sheet claims the whole grid: one cell at XFD1048576. */
export function hugeRangeXlsx() {
  const sheet =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="${NS}"><dimension ref="A1:XFD1048576"/><sheetData>` +
    '<row r="1"><c r="A1" t="inlineStr"><is><t>名称</t></is></c><c r="B1" t="inlineStr"><is><t>药品经营许可证</t></is></c></row>' +
    '<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c></row></sheetData></worksheet>';
  return zip([...xlsxParts(), { name: 'xl/worksheets/sheet1.xml', data: Buffer.from(sheet) }]);
}

/** A well-formed small pharmacy workbook (SheetJS), the base for the truncated and corrupt copies. */
export function goodXlsx(rows = 200, bookType = 'xlsx') {
  const XLSX = require('xlsx');
  const ws = XLSX.utils.aoa_to_sheet([PHARMACY_HEADER, ...pharmacyRows(rows)]);
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, ws, '定点零售药店');
  return XLSX.write(wb, { type: 'buffer', bookType, compression: true });
}

/** Every `step`-th byte after `from` flipped. */
function flipped(buf, from, step) {
  const out = Buffer.from(buf);
  for (let i = from; i < out.length - 100; i += step) out[i] ^= 0x5a;
  return out;
}

function randomBytes(n, seed) {
  const rng = prng(seed);
  const b = Buffer.alloc(n);
  for (let i = 0; i < n; i++) b[i] = Math.floor(rng() * 256);
  return b;
}

const PDF =
  '%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n' +
  '3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n';

/** The corpus: writes every case into `dir` and returns the list. `big` adds the ≥100 MB / ≥1 GB cases. */
export { prng };

export function makeCorpus(dir, { big = true } = {}) {
  fs.mkdirSync(dir, { recursive: true });
  const cases = [];
  const add = (name, data, expect = 1, extra = {}) => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, data);
    cases.push({ name, file, expect, ...extra });
  };
  const good = goodXlsx();
  add('zero-byte.csv', Buffer.alloc(0));
  add('zero-byte.xlsx', Buffer.alloc(0));
  add('bom-only.csv', '\ufeff');
  add('blank-lines.csv', '\r\n\r\n ,, \r\n\r\n');
  add('truncated.xlsx', good.subarray(0, Math.floor(good.length / 2)));
  const corrupt = Buffer.from(good);
  for (let i = 200; i < corrupt.length - 200; i += 97) corrupt[i] ^= 0x5a;
  add('corrupt.xlsx', corrupt);
  const xls = goodXlsx(200, 'biff8');
  add('truncated.xls', xls.subarray(0, Math.floor(xls.length / 2)));
  add('corrupt.xls', flipped(xls, 600, 53));
  add('corrupt.ods', flipped(goodXlsx(200, 'ods'), 300, 71));
  add('random.xlsx', randomBytes(64 * 1024, 3));
  add('random.xls', randomBytes(64 * 1024, 4));
  add('random.ods', randomBytes(16 * 1024, 5));
  add('random.csv', randomBytes(64 * 1024, 6));
  add('pdf-renamed.xlsx', PDF);
  add('huge-range.xlsx', hugeRangeXlsx());
  add('unterminated-quote.csv', csv([PHARMACY_HEADER, ...pharmacyRows(5)]) + '6,华龙区,"未闭合的引号,91410902100000060X,P4109020000006\r\n7,华龙区,某药房,x\r\n');
  add('cell-40k.xlsx', bigCellXlsx(0, 40_000));
  add('proto-headers.csv', csv([['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty'], ['1', '2', '3', '4', '5']]));
  add('proto-values.csv', csv([[...PHARMACY_HEADER, '__proto__', 'constructor'], ...pharmacyRows(3).map((r) => [...r, '{"polluted":1}', 'x']), ['4', '__proto__', 'constructor', '__proto__', '', '', '', '', '', '', '', '', '', '', 'a', 'b']]), 1, { note: 'row 5 has no valid key: exit 1 for missing/invalid 统一社会信用代码' });
  add('wide-20000-columns.csv', csv([Array.from({ length: 20000 }, (_, i) => `列${i + 1}`), Array.from({ length: 20000 }, (_, i) => String(i))]));
  add('inspectors-as-pharmacies.csv', csv([INSPECTOR_HEADER, ...inspectorRows(20)]), 1, { role: 'pharmacies' });
  add('plan-as-inspectors.csv', csv([PLAN_HEADER, ['1', '检查', '', '', '', '定点零售药店', '20%', '每年1次', '', '', '', '']]), 1, { role: 'inspectors' });
  fs.mkdirSync(path.join(dir, 'a-directory.csv'), { recursive: true });
  cases.push({ name: 'a-directory.csv', file: path.join(dir, 'a-directory.csv'), expect: 2 });
  cases.push({ name: 'does-not-exist.xlsx', file: path.join(dir, 'does-not-exist.xlsx'), expect: 2 });
  if (big) {
    add('zip-bomb.xlsx', zipBomb(1.1, false));
    add('zip-bomb-lying.xlsx', zipBomb(1.1, true));
    const cell = Buffer.alloc(100 * MB, 0x61);
    add('cell-100mb.xlsx', bigCellXlsx(100));
    // 2,000,001 valid recusal pairs: one row over the reader's registry row cap (~61 MB, written in pieces).
    const rowsFile = path.join(dir, 'rows-2000001.csv');
    const fd = fs.openSync(rowsFile, 'w');
    try {
      fs.writeSync(fd, '执法证号,统一社会信用代码,原因\n');
      for (let start = 0; start < 2_000_001; start += 100_000) {
        const lines = [];
        for (let i = start; i < Math.min(start + 100_000, 2_000_001); i++) lines.push(`豫${i},${uscc('410902', 10000000 + (i % 1000000))},\n`);
        fs.writeSync(fd, lines.join(''));
      }
    } finally {
      fs.closeSync(fd);
    }
    cases.push({ name: 'rows-2000001.csv', file: rowsFile, expect: 1, rssLimitMb: 1100 });
    add('cell-100mb.csv', Buffer.concat([Buffer.from(csv([PHARMACY_HEADER]) + '1,华龙区,'), cell, Buffer.from(',914109021000000082,P4109020000001\r\n')]));
  }
  return cases;
}

/** Valid small inputs for workspace-level cases: a plan, pharmacies, inspectors. */
export function validInputs(dir, { rows = 60, inspectors = 40 } = {}) {
  fs.mkdirSync(dir, { recursive: true });
  const f = {
    entities: path.join(dir, 'pharmacies.csv'),
    inspectors: path.join(dir, 'inspectors.csv'),
    plan: path.join(dir, 'plan.csv'),
  };
  fs.writeFileSync(f.entities, csv([PHARMACY_HEADER, ...pharmacyRows(rows)]));
  fs.writeFileSync(f.inspectors, csv([INSPECTOR_HEADER, ...inspectorRows(inspectors)]));
  writePlanCsv(f.plan);
  return f;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dir = process.argv[2];
  if (!dir) {
    process.stderr.write('usage: node test/hostile/make-corpus.mjs DIR [--big]\n');
    process.exit(2);
  }
  const cases = makeCorpus(path.resolve(dir), { big: process.argv.includes('--big') });
  process.stdout.write(JSON.stringify(cases, null, 2) + '\n');
}

// ------------------------------------------------------------ workspace-level cases (issue #19)

/**
 * An announcement retargeted to `drawId` and re-hashed (so its own hash still
 * matches, as an attacker would leave it): the id must be refused as `--id` is.
 * Uses the built dist/ for the canonical hash.
 */
export async function retargetedAnnouncement(file, drawId, out) {
  const { announcementHashOf } = await import('../../dist/core/announce.js');
  const a = JSON.parse(fs.readFileSync(file, 'utf8').replace(/^\ufeff/, ''));
  a.drawId = drawId;
  a.announcementHash = announcementHashOf(a);
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, JSON.stringify(a, null, 2));
  return out;
}

/** A record file copied under another id (a planted or foreign record): same content, `drawId` changed. */
export function plantedRecord(recordFile, drawId, out) {
  const r = JSON.parse(fs.readFileSync(recordFile, 'utf8'));
  r.drawId = drawId;
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, JSON.stringify(r, null, 2));
  return out;
}

/** A record with the right format tag and wrong field types (`inputs` a string, `teams` a number). */
export function wrongTypesRecord(recordFile, out) {
  const r = JSON.parse(fs.readFileSync(recordFile, 'utf8'));
  r.inputs = 'pharmacies.xlsx';
  r.teams = 7;
  fs.writeFileSync(out, JSON.stringify(r, null, 2));
  return out;
}

/** A CSV file (UTF-8 with BOM, CRLF) from rows of cells. */
export function writeCsv(file, rows) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, csv(rows));
  return file;
}

/** An 18-digit 居民身份证号 with a valid check character, from 17 digits. */
export function idNumber(first17) {
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...first17].reduce((s, d, i) => s + Number(d) * w[i], 0);
  return first17 + '10X98765432'[sum % 11];
}

/** Pharmacies whose 法定代表人 cells carry a valid ID number with a U+200B (zero-width space) inside. */
export function invisibleIdPharmacies(file, n = 6) {
  const legal = PHARMACY_HEADER.indexOf('法定代表人姓名及身份证号');
  const rows = pharmacyRows(n).map((r, i) => {
    const id = idNumber(`41090219800101${String(100 + i)}`);
    const out = [...r];
    out[legal] = `张三${i} ${id.slice(0, 9)}\u200b${id.slice(9)}`;
    return out;
  });
  return writeCsv(file, [PHARMACY_HEADER, ...rows]);
}

/**
 * Spellings of one key a clerk's recusal list may carry and that name the same
 * code: 〇 for 0, full-width digits and letters, lower case, a U+200B inside.
 */
export function otherSpelling(key) {
  const fw = (c) => (/[0-9A-Za-z]/.test(c) ? String.fromCharCode(c.charCodeAt(0) + 0xfee0) : c);
  const chars = [...key].map((c, i) => (c === '0' && i % 2 === 0 ? '〇' : i % 3 === 1 ? fw(c.toLowerCase()) : c));
  chars.splice(Math.floor(chars.length / 2), 0, '\u200b');
  return chars.join('');
}

/** A plan of `n` rows over the same entities (the row of validInputs' plan repeated, 序号 1…n). */
export function manyRowPlan(file, n = 500) {
  const rows = [PLAN_HEADER];
  const one = ['定点零售药店医保基金使用情况检查', '《医疗保障基金使用监督管理条例》', '现场检查', '濮阳市医疗保障局、濮阳市市场监督管理局', '定点零售药店', '低(A、1%)、中(B、3%)、中高(C、10%)、高(D、20%)', '每年2次', '', '3', '医疗保障局2+市场监督管理局1', '是'];
  for (let i = 1; i <= n; i++) rows.push([String(i), ...one]);
  return writeCsv(file, rows);
}

/** A JSON plan that draw accepts (one row). */
export function jsonPlan(file, title = '2024年度濮阳市双随机抽查计划') {
  fs.writeFileSync(file, JSON.stringify({ title, maxPerEntityPerYear: 2, rows: [{ no: 1, item: '定点零售药店医保服务', objectType: '定点零售药店', ratio: '低(A、2%)、中(B、5%)、中高(C、10%)、高(D、10%)', teamGroups: '医疗保障局2+市场监督管理局1' }] }));
  return file;
}

/** A JSON plan of about `mb` MB (a long 备注 in its one row): far beyond any real plan. */
export function hugeJsonPlan(file, mb = 20) {
  const fd = fs.openSync(file, 'w');
  try {
    fs.writeSync(fd, '{"title":"2024年度计划","maxPerEntityPerYear":2,"rows":[{"no":1,"item":"x","objectType":"定点零售药店","ratio":"1%","note":"');
    const chunk = 'a'.repeat(MB);
    for (let i = 0; i < mb; i++) fs.writeSync(fd, chunk);
    fs.writeSync(fd, '"}]}');
  } finally {
    fs.closeSync(fd);
  }
  return file;
}

/**
 * An xlsx whose shared-strings part inflates to `mb` MB (one huge string list,
 * deflated piece by piece: a few MB on disk) — under the 512 MB zip limit, but
 * SheetJS would hold ~10× that in memory.
 */
export function sharedStringsBomb(mb = 120) {
  const parts = xlsxParts().map((p) =>
    p.name === '[Content_Types].xml'
      ? { ...p, data: Buffer.from(p.data.toString().replace('</Types>', '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>')) }
      : p.name === 'xl/_rels/workbook.xml.rels'
        ? { ...p, data: Buffer.from(p.data.toString().replace('</Relationships>', '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>')) }
        : p,
  );
  const head = Buffer.from(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><sst xmlns="${NS}">`);
  const unit = Buffer.from('<si><t>' + '名'.repeat(40) + '</t></si>');
  const chunk = Buffer.concat(Array.from({ length: Math.floor(MB / unit.length) }, () => unit));
  const tail = Buffer.from('</sst>');
  const flush = { finishFlush: zlib.constants.Z_FULL_FLUSH, level: 9 };
  const pChunk = zlib.deflateRawSync(chunk, flush);
  let sum = crc(head);
  for (let i = 0; i < mb; i++) sum = crc(chunk, sum);
  sum = crc(tail, sum);
  const compressed = Buffer.concat([zlib.deflateRawSync(head, flush), ...Array.from({ length: mb }, () => pChunk), zlib.deflateRawSync(tail, { level: 9 })]);
  const sheet = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="${NS}"><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row></sheetData></worksheet>`;
  return zip([...parts, { name: 'xl/worksheets/sheet1.xml', data: Buffer.from(sheet) }, { name: 'xl/sharedStrings.xml', raw: { compressed, size: head.length + mb * chunk.length + tail.length, crc: sum } }]);
}

/** Pharmacies whose names carry a terminal escape (clear screen) and a bidi override (U+202E). */
export function escapePharmacies(file, n = 60) {
  const name = PHARMACY_HEADER.indexOf('名称');
  const rows = pharmacyRows(n).map((r, i) => {
    const out = [...r];
    out[name] = `\u001b[2J\u001b]0;pwn\u0007${r[name]}\u202e${i}`;
    return out;
  });
  return writeCsv(file, [PHARMACY_HEADER, ...rows]);
}

/** Pharmacies named beyond what a file system allows (300 CJK characters) or with reserved names (CON, NUL, aux.txt, "..."). */
export function awkwardNamePharmacies(file, n = 60) {
  const name = PHARMACY_HEADER.indexOf('名称');
  const odd = ['CON', 'NUL', 'aux.txt', '...', 'com1', 'LPT9'];
  const rows = pharmacyRows(n).map((r, i) => {
    const out = [...r];
    out[name] = i % 2 === 0 ? `${'很长的药房名称'.repeat(43)}${i}` : odd[(i >> 1) % odd.length];
    return out;
  });
  return writeCsv(file, [PHARMACY_HEADER, ...rows]);
}

/** What Excel writes for a workbook with an opening password: an OLE container with EncryptionInfo and EncryptedPackage. */
export function passwordXlsx() {
  const XLSX = require('xlsx');
  const CFB = XLSX.CFB;
  const cfb = CFB.utils.cfb_new();
  CFB.utils.cfb_add(cfb, '/EncryptionInfo', Buffer.concat([Buffer.from([4, 0, 4, 0, 0x40, 0, 0, 0]), randomBytes(200, 7)]));
  CFB.utils.cfb_add(cfb, '/EncryptedPackage', randomBytes(4096, 8));
  return Buffer.from(CFB.write(cfb, { type: 'buffer', fileType: 'cfb' }));
}

/** What LibreOffice writes for an .ods with a password: content.xml encrypted, the manifest naming its encryption data. */
export function passwordOds() {
  const manifest =
    '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">' +
    '<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>' +
    '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml" manifest:size="5000"><manifest:encryption-data manifest:checksum-type="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0#sha256-1k" manifest:checksum="AAAA">' +
    '<manifest:algorithm manifest:algorithm-name="http://www.w3.org/2001/04/xmlenc#aes256-cbc" manifest:initialisation-vector="AAAA"/></manifest:encryption-data></manifest:file-entry></manifest:manifest>';
  return zip([
    { name: 'mimetype', data: Buffer.from('application/vnd.oasis.opendocument.spreadsheet') },
    { name: 'META-INF/manifest.xml', data: Buffer.from(manifest) },
    { name: 'content.xml', data: randomBytes(5000, 9) },
  ]);
}

/** Pharmacies whose names begin with = + - @ (a spreadsheet would read them as formulas). */
export function formulaNamePharmacies(file, n = 60) {
  const name = PHARMACY_HEADER.indexOf('名称');
  const lead = ['=1+1', '+86', '-', '@'];
  const rows = pharmacyRows(n).map((r, i) => {
    const out = [...r];
    out[name] = `${lead[i % lead.length]}${r[name]}`;
    return out;
  });
  return writeCsv(file, [PHARMACY_HEADER, ...rows]);
}

// ------------------------------------------------------------ leftovers of issue #19: encodings, control characters

/**
 * Pharmacies as a CSV whose first `split` lines (header included) are in one encoding and the rest in the
 * other: `gbkFirst` GBK then UTF-8 (what pasting rows from a UTF-8 file into a GBK export gives), else the
 * reverse. No BOM. The encoding changes at line split + 1.
 */
export function mixedEncodingPharmacies(file, { n = 30, split = 11, gbkFirst = true } = {}) {
  const iconv = require('iconv-lite');
  const lines = [PHARMACY_HEADER, ...pharmacyRows(n)].map((r) => r.map(csvCell).join(','));
  const enc = (text, gbk) => (gbk ? iconv.encode(text, 'gbk') : Buffer.from(text, 'utf8'));
  const head = enc(lines.slice(0, split).join('\r\n') + '\r\n', gbkFirst);
  const tail = enc(lines.slice(split).join('\r\n') + '\r\n', !gbkFirst);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, Buffer.concat([head, tail]));
  return file;
}

/** Pharmacies whose name in data row `row` (1-based) carries `char` (a NUL by default) in the middle. */
export function controlCharPharmacies(file, { n = 30, row = 3, char = '\u0000' } = {}) {
  const name = PHARMACY_HEADER.indexOf('名称');
  const rows = pharmacyRows(n).map((r, i) => {
    const out = [...r];
    if (i === row - 1) out[name] = `${r[name].slice(0, 2)}${char}${r[name].slice(2)}`;
    return out;
  });
  return writeCsv(file, [PHARMACY_HEADER, ...rows]);
}
