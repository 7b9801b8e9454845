/** The byte-level record sheet is the exceljs one: same cells, merges, defined names, validations and footer, read back. */
import * as XLSX from 'xlsx';
import { recordSheetModel } from '../../src/core/record-sheet.js';
import type { DrawRecord } from '../../src/core/types.js';
import { RecordSheetWriter, shapeKey, unzip } from '../../src/io/record-sheet-fast.js';
import { buildRecordSheet } from '../../src/io/record-sheet-xlsx.js';
import { stableZipTimes } from '../../src/io/stable-zip.js';
import { setLang } from '../../src/i18n/index.js';
import { buildDrawRecord } from '../../src/core/record.js';
import { plan, planRow, selected } from '../helpers/workspace.js';
import { firstDifference } from '../helpers/bytes.js';

const member = (key: string, name: string, department: string, role: '组长' | '组员') => ({ key, name, unit: `${department}单位`, department, role });

function draw(): DrawRecord {
  const p = plan({ rows: [planRow({ teamGroups: [{ department: '医疗保障局', seats: 2 }, { department: '市场监督管理局', seats: 1 }], teamSize: 3, checkItems: ['基金使用\n情况', '药品质量 & <安全>'] })] });
  const sel = [
    selected({ key: '91410000MA0000001X', order: 1, name: '=HYPERLINK("x")大药房', address: ' 华龙区 <路> & 1号 ', legalRepresentative: '张三' }),
    selected({ key: 'P41000000001', order: 2, uscc: '', ybbm: 'P41000000001', name: '仁和药店', address: '', legalRepresentative: '' }),
  ];
  return buildDrawRecord({
    tool: 't', drawId: '20240601-1', createdAt: '2024-06-01T10:00:00+08:00', drawDate: '2024-06-01', seed: '1', seedSource: '', announcementHash: null,
    plan: p, inputs: [], strata: [], selected: sel,
    teams: [
      { entity: '91410000MA0000001X', members: [member('A1', '=甲', '医疗保障局', '组长'), member('A2', '乙', '医疗保障局', '组员'), member('B1', '丙&丁', '市场监督管理局', '组员')] },
      { entity: 'P41000000001', members: [member('A3', '戊', '医疗保障局', '组员'), member('A4', '己', '医疗保障局', '组长'), member('B2', '庚', '市场监督管理局', '组员')] },
    ],
    prevRecordHash: null,
  });
}

function view(bytes: Uint8Array) {
  const wb = XLSX.read(bytes, { type: 'buffer', cellStyles: true });
  const ws = wb.Sheets[wb.SheetNames[0] as string] as XLSX.WorkSheet;
  const cells = Object.keys(ws).filter((k) => !k.startsWith('!')).sort().map((k) => [k, String((ws[k] as XLSX.CellObject).v ?? '')]).filter(([, v]) => v !== '');
  return { names: wb.SheetNames, defined: (wb.Workbook?.Names ?? []).map((n) => [n.Name, n.Ref]), merges: (ws['!merges'] ?? []).map((m) => XLSX.utils.encode_range(m)).sort(), cells, rows: ws['!rows']?.map((r) => r?.hpt ?? null), cols: ws['!cols']?.map((c) => c?.wch ?? c?.width ?? null) };
}

const footer = (bytes: Uint8Array): string => {
  const sheet = unzip(bytes).find((e) => e.name === 'xl/worksheets/sheet1.xml')?.data.toString('utf8') ?? '';
  return /<oddFooter>(.*?)<\/oddFooter>/.exec(sheet)?.[1] ?? '';
};

describe('RecordSheetWriter', () => {
  beforeAll(() => setLang('zh'));
  const d = draw();
  const writer = new RecordSheetWriter();

  it.each([['91410000MA0000001X'], ['P41000000001']])('gives the workbook exceljs gives (%s)', async (key) => {
    const m = recordSheetModel(d, [], key);
    if (!m) throw new Error('no model');
    const fast = await writer.sheet(m);
    const slow = stableZipTimes(new Uint8Array((await buildRecordSheet(m).wb.xlsx.writeBuffer()) as ArrayBuffer));
    expect(view(fast)).toEqual(view(slow));
    expect(footer(fast)).toBe(footer(slow));
    expect(footer(fast)).toContain(key);
  });

  it('writes the same bytes as with templates made by exceljs itself', async () => {
    const viaExceljs = new RecordSheetWriter({ exceljs: true });
    for (const key of ['91410000MA0000001X', 'P41000000001']) {
      const m = recordSheetModel(d, [], key);
      if (!m) throw new Error('no model');
      const own = await writer.sheet(m);
      const theirs = await viaExceljs.sheet(m);
      expect(firstDifference(own, theirs)).toBeNull();
    }
  });

  it('keeps formulas inert, escapes XML, carries the footer with & doubled', async () => {
    const m = recordSheetModel(d, [], '91410000MA0000001X');
    if (!m) throw new Error('no model');
    const wb = XLSX.read(await writer.sheet(m), { type: 'buffer' });
    const ws = wb.Sheets[wb.SheetNames[0] as string] as XLSX.WorkSheet;
    const values = Object.keys(ws).filter((k) => !k.startsWith('!')).map((k) => String((ws[k] as XLSX.CellObject).v ?? ''));
    expect(values).toContain(`'=HYPERLINK("x")大药房`);
    expect(values).toContain(`'=甲（组长）`);
    expect(values).toContain('丙&丁');
    expect(values).toContain('药品质量 & <安全>');
    expect(values.some((v) => v.includes('\u00a7'))).toBe(false);
  });

  it('shares one template between entities of the same shape only', () => {
    const a = recordSheetModel(d, [], '91410000MA0000001X');
    const b = recordSheetModel(d, [], 'P41000000001');
    expect(shapeKey(a!)).not.toBe(shapeKey(b!)); // the leader is first in one team, second in the other
  });
});
