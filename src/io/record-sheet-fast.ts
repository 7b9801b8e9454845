/**
 * Record sheets at byte level: one workbook per shape (the number of
 * department rows, of member rows in each and who leads) is laid out by
 * buildRecordSheet with a token in every cell that depends on the entity;
 * each entity's workbook is that template with the tokens replaced in the
 * shared strings and the footer, and re-zipped — only those two entries are
 * made again, the other entries' compressed bytes are reused. A 5 ms exceljs
 * build becomes a fraction of a millisecond (bench/docs.mjs). The template's
 * parts are written without loading exceljs (record-sheet-xml.ts: the text
 * exceljs writes for the same layout; loading exceljs was most of the
 * examples' draw, issue 20), or by exceljs for a layout that one does not
 * reproduce; readers see the same workbook either way
 * (test/unit/record-sheet-fast.test.ts and record-sheet-xml.test.ts compare them).
 */
import zlib from 'node:zlib';
import type { RecordSheetModel, SheetDepartment } from '../core/record-sheet.js';
import type { TeamMember } from '../core/types.js';
import { t } from '../i18n/index.js';
import { inertText } from '../core/text.js';
import { buildRecordSheet } from './record-sheet-xlsx.js';
import { RecordBook, recordBookParts } from './record-sheet-xml.js';
import { unzip, zipEntries } from './zip-parts.js';

export { unzip };

const tok = (name: string) => `\u00a7\u00a7${name}\u00a7\u00a7`;
const TOKEN = /\u00a7\u00a7([A-Za-z0-9_]+)\u00a7\u00a7/g;

/** What makes two sheets the same layout: member rows per department and the 组长 among them. */
export function shapeKey(m: RecordSheetModel): string {
  const rows = m.departments.map((d) => `${Math.max(2, d.members.length)}:${d.members.map((x) => (x.role === '组长' ? 'L' : 'M')).join('')}`).join('|');
  return `${m.person ? 'P' : 'E'}${rows}`;
}

/** The entity's values by token name. */
function values(m: RecordSheetModel): Map<string, string> {
  const v = new Map<string, string>([
    ['D', m.drawId], ['EN', m.entity.name], ['EC', m.code], ['EA', m.entity.address], ['EL', m.entity.legalRepresentative],
    ['FD', m.drawId], ['FO', String(m.entity.order)], ['FK', m.entity.key],
  ]);
  m.departments.forEach((d, i) => {
    v.set(`L${i}`, d.label);
    v.set(`C${i}`, d.checkItem);
    d.members.forEach((x, j) => {
      v.set(`N${i}_${j}`, x.name);
      v.set(`K${i}_${j}`, x.key);
    });
  });
  return v;
}

/** The model with a token in every entity-dependent text. */
function tokenModel(m: RecordSheetModel): RecordSheetModel {
  const departments: SheetDepartment[] = m.departments.map((d, i) => ({
    department: d.department,
    label: tok(`L${i}`),
    checkItem: tok(`C${i}`),
    members: d.members.map((x, j): TeamMember => ({ ...x, name: tok(`N${i}_${j}`), key: tok(`K${i}_${j}`) })),
  }));
  const entity = { ...m.entity, name: tok('EN'), address: tok('EA'), legalRepresentative: tok('EL'), key: tok('FK'), order: tok('FO') as unknown as number };
  return { ...m, drawId: tok('D'), code: tok('EC'), entity, departments };
}

interface Entry {
  name: string;
  /** Deflated bytes, CRC and size of a constant entry; null for the two filled per entity. */
  fixed: { data: Buffer; crc: number; size: number } | null;
  text: string;
}

interface Template {
  entries: Entry[];
}

// eslint-disable-next-line no-control-regex
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;
const xmlEscape = (s: string) => s.replace(NOT_XML, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A shared string item: xml:space="preserve" when Excel would otherwise trim. */
function sharedItem(value: string): string {
  const text = xmlEscape(inertText(value));
  return /^\s|\s$|\n/.test(text) ? `<si><t xml:space="preserve">${text}</t></si>` : `<si><t>${text}</t></si>`;
}

const SHEET = 'xl/worksheets/sheet1.xml';
const STRINGS = 'xl/sharedStrings.xml';

/** The template's parts: written without exceljs (record-sheet-xml.ts), or by exceljs for a layout that one does not reproduce. */
async function templateParts(m: RecordSheetModel, viaExceljs: boolean): Promise<{ name: string; data: Buffer }[]> {
  if (!viaExceljs) {
    const parts = recordBookParts(buildRecordSheet(m, new RecordBook()).wb);
    if (parts) return parts.map(([name, text]) => ({ name, data: Buffer.from(text, 'utf8') }));
  }
  const { wb } = buildRecordSheet(m);
  // Stored, not deflated: JSZip's deflate (pako, in JavaScript) was most of a template's time; the constant
  // entries are deflated below by Node's zlib from the same bytes, so the sheets written are the same.
  return unzip(new Uint8Array((await wb.xlsx.writeBuffer({ zip: { compression: 'STORE' } })) as ArrayBuffer));
}

async function buildTemplate(m: RecordSheetModel, viaExceljs: boolean): Promise<Template> {
  const entries = (await templateParts(tokenModel(m), viaExceljs)).map((e): Entry => {
    if (e.name === SHEET || e.name === STRINGS) return { name: e.name, fixed: null, text: e.data.toString('utf8') };
    return { name: e.name, fixed: { data: zlib.deflateRawSync(e.data, { level: 6 }), crc: zlib.crc32(e.data), size: e.data.length }, text: '' };
  });
  if (!entries.some((e) => e.name === STRINGS && e.text.includes(tok('EN')))) throw new Error('record sheet template: shared strings not found');
  return { entries };
}

/** The footer as Excel's header/footer codes need it: `&` doubled, then XML-escaped. */
const footerValue = (s: string) => xmlEscape(s.replace(/&/g, '&&'));

const unescapeXml = (s: string) => s.replace(/&(amp|lt|gt|quot|apos);/g, (_m, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" })[e] as string);

function fill(e: Entry, v: Map<string, string>): Buffer {
  if (e.name === STRINGS) {
    // Each shared string holding a token (alone, or with fixed text as a leader's name with （组长）) is rebuilt whole.
    const text = e.text.replace(/<si><t>([^<]*\u00a7\u00a7[^<]*)<\/t><\/si>/g, (_m, inner: string) =>
      sharedItem(unescapeXml(inner).replace(TOKEN, (_t, name: string) => v.get(name) ?? '')));
    return Buffer.from(text, 'utf8');
  }
  return Buffer.from(e.text.replace(TOKEN, (_m, name: string) => footerValue(v.get(name) ?? '')), 'utf8');
}

/** Builds record sheets, one template per shape; `sheet(m)` is the workbook's bytes. */
export class RecordSheetWriter {
  private readonly templates = new Map<string, Promise<Template>>();
  private readonly lang = t('results.sheet.title');
  /** `exceljs`: templates made by exceljs itself (tests compare the two ways). */
  constructor(private readonly options: { exceljs?: boolean } = {}) {}

  async sheet(m: RecordSheetModel): Promise<Buffer> {
    const key = `${this.lang}\u0000${shapeKey(m)}`;
    let tpl = this.templates.get(key);
    if (!tpl) {
      tpl = buildTemplate(m, Boolean(this.options.exceljs));
      this.templates.set(key, tpl);
    }
    const v = values(m);
    const parts = (await tpl).entries.map((e) => {
      if (e.fixed) return { name: e.name, ...e.fixed };
      // Stored, not deflated: the two filled entries are some 8 KB, and deflating them was most of a sheet's time.
      const data = fill(e, v);
      return { name: e.name, data, crc: zlib.crc32(data), size: data.length, stored: true };
    });
    return zipEntries(parts);
  }
}
