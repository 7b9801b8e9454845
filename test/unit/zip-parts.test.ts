/**
 * Workbooks deflated by Node's zlib (workbookBytesNative: reports, statistics) hold exactly the entries
 * exceljs's own zip holds, in its order, read the same, and come out the same bytes each time.
 */
import * as XLSX from 'xlsx';
import { newWorkbook, workbookBytes, workbookBytesNative } from '../../src/io/xlsx-write.js';
import { unzip } from '../../src/io/zip-parts.js';

function workbook() {
  const wb = newWorkbook();
  const ws = wb.addWorksheet('附件3');
  ws.mergeCells('A1:D1');
  ws.getCell('A1').value = '月度工作情况';
  ws.getCell('A1').font = { name: '宋体', bold: true, size: 16 };
  ws.addRow(['单位', '人数', 3.5, '=1+1']);
  ws.getColumn(1).width = 20;
  ws.views = [{ state: 'frozen', ySplit: 2 }];
  wb.addWorksheet('data', { state: 'hidden' }).addRow(['x', 1]);
  return wb;
}

describe('workbookBytesNative', () => {
  it('holds exceljs\'s entries, in order, read the same by SheetJS, byte-identical each time', async () => {
    const native = await workbookBytesNative(workbook());
    const theirs = await workbookBytes(workbook());
    expect(unzip(native)).toEqual(unzip(theirs));
    const read = (b: Uint8Array) => JSON.stringify(XLSX.read(b, { type: 'buffer', cellStyles: true }).Sheets);
    expect(read(native)).toBe(read(theirs));
    expect(Buffer.from(await workbookBytesNative(workbook())).equals(Buffer.from(native))).toBe(true);
    expect(native.length).toBeLessThan(unzip(native).reduce((n, e) => n + e.data.length, 0)); // deflated, not stored
  });
});
