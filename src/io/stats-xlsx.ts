/**
 * The year-in-figures workbook (`ssj stats`): one sheet per table — 月度,
 * 结果编号, 覆盖率, 从未检查, 检查人员, 季度报送 — headers bold and frozen, text
 * cells inert. Chinese headers (a bureau's working file).
 */
import type { YearStats } from '../core/stats.js';
import { RESULT_TEXTS } from '../core/publish.js';
import { inertText } from '../core/text.js';
import { a4, FONT, HEADER_STYLE, newWorkbook, workbookBytesNative, thinBorder } from './xlsx-write.js';

type Cell = string | number;

function sheet(wb: ReturnType<typeof newWorkbook>, name: string, header: string[], rows: Cell[][], widths: number[]): void {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = widths.map((width) => ({ width }));
  ws.addRow(header).eachCell((c) => {
    c.style = { ...HEADER_STYLE };
    c.border = thinBorder();
  });
  for (const r of rows) {
    ws.addRow(r.map((v) => (typeof v === 'string' ? inertText(v) : v))).eachCell((c) => {
      c.font = { name: FONT, size: 11 };
      c.border = thinBorder();
    });
  }
  a4(ws, { landscape: true, fitToWidth: true });
}

/** The year's figures as workbook bytes. */
export async function statsWorkbookBytes(s: YearStats): Promise<Uint8Array> {
  const wb = newWorkbook();
  const m = (f: YearStats['total']) => [f.month, f.draws, f.drawn, f.inspected, f.approved, f.published, f.closed];
  sheet(wb, '月度', ['月份', '抽取次数', '抽中对象', '已检查', '已审核', '已公示', '已完结'], [...s.months.map(m), m(s.total), ['抽查完成率（已公示÷抽中）', s.completionRate], ['完结率（已完结÷已公示）', s.closureRate]], [26, 10, 10, 10, 10, 10, 10]);
  sheet(wb, '结果编号', ['编号', '检查结果', '结果数'], s.codes.map((c) => [c.code, RESULT_TEXTS.get(c.code) ?? '', c.results]), [8, 36, 10]);
  sheet(wb, '覆盖率', ['对象类型', '名录库对象数', '本年已检查', '本年覆盖率', '近三年已检查', '近三年覆盖率'], s.coverage.map((c) => [c.objectType, c.registry, c.inspectedThisYear, c.shareThisYear, c.inspectedThreeYears, c.shareThreeYears]), [16, 12, 12, 12, 12, 12]);
  sheet(wb, '从未检查', ['统一社会信用代码/医保编码', '名称', '对象类型'], s.neverInspected.map((e) => [e.key, e.name, e.objectType]), [24, 40, 16]);
  sheet(wb, '检查人员', ['执法证号', '姓名', '分派检查', '已检查', '其中任组长'], s.inspectors.map((i) => [i.key, i.name, i.assigned, i.inspected, i.asLeader]), [18, 12, 10, 10, 12]);
  sheet(wb, '季度报送', ['报送日期', '状态', '此前抽中对象', '尚无结果', '尚未公示', '未完结的后续处置（今日）'], s.quarterly.map((q) => [q.date, q.passed ? '已过' : '待报送', q.drawnBefore, q.withoutResult, q.unpublished, q.openFollowUps]), [12, 10, 14, 10, 10, 22]);
  return workbookBytesNative(wb);
}
