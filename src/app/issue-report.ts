/** `ssj validate --report FILE.xlsx|.csv`: the issues rendered as a sheet and written atomically. */
import path from 'node:path';
import type { ValidateReport } from '../core/types.js';
import { writeFileAtomic } from '../io/atomic.js';
import { issueReportCsv, issueReportSheet } from '../render/issues.js';

export async function writeIssueReport(report: ValidateReport, file: string): Promise<void> {
  if (path.extname(file).toLowerCase() === '.csv') {
    writeFileAtomic(file, issueReportCsv(report));
    return;
  }
  // exceljs is loaded only when an .xlsx report is asked for.
  const { HEADER_STYLE, newWorkbook, saveWorkbook } = await import('../io/xlsx-write.js');
  const sheet = issueReportSheet(report);
  const wb = newWorkbook();
  const ws = wb.addWorksheet(sheet.name, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.addRow(sheet.header).eachCell((cell) => (cell.style = HEADER_STYLE));
  for (const r of sheet.rows) ws.addRow(r);
  sheet.widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: sheet.header.length } };
  await saveWorkbook(wb, file);
}
