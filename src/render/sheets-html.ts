/**
 * `sheets/<drawId>/all.html`: every record sheet of a draw, one A4 page each,
 * laid out as the .xlsx (Wugang 附件2), to print them all at once. All text
 * is escaped; nothing is loaded from outside the file.
 */
import { targetLabelKey, type RecordSheetModel, type SheetDepartment } from '../core/record-sheet.js';
import { tf } from '../i18n/index.js';
import { escapeHtml } from './html.js';


/** Escaped and inert (a spreadsheet opening the page takes no cell for a formula), with the catalogue's line breaks kept. */
const h = (s: string) => escapeHtml(s).replace(/\n/g, '<br>'); // HTML is not a spreadsheet: no formula apostrophe (issue 19)

function td(text: string, attrs: { rows?: number; cols?: number; cls?: string } = {}): string {
  const a = [
    attrs.rows && attrs.rows > 1 ? ` rowspan="${attrs.rows}"` : '',
    attrs.cols && attrs.cols > 1 ? ` colspan="${attrs.cols}"` : '',
    attrs.cls ? ` class="${attrs.cls}"` : '',
  ].join('');
  return `<td${a}>${h(text)}</td>`;
}

function inspectorRows(deps: SheetDepartment[]): string {
  const total = 1 + deps.reduce((n, d) => n + Math.max(2, d.members.length), 0);
  const rows = [`<tr>${td(tf('results.sheet.inspectors'), { rows: total, cls: 'l' })}${td(tf('results.sheet.unit'), { cls: 'l' })}${td(tf('results.sheet.person'), { cls: 'l' })}${td(tf('results.sheet.cert'), { cols: 2, cls: 'l' })}</tr>`];
  for (const d of deps) {
    const n = Math.max(2, d.members.length);
    for (let i = 0; i < n; i++) {
      const m = d.members[i];
      const name = m ? m.name + (m.role === '组长' ? tf('results.sheet.leader') : '') : '';
      rows.push(`<tr>${i === 0 ? td(d.label, { rows: n }) : ''}${td(name)}${td(m?.key ?? '', { cols: 2 })}</tr>`);
    }
  }
  return rows.join('\n');
}

/** 后续处置 (optional), as the .xlsx: three rows of label | value | label | value. */
function followUpRows(): string {
  const pairs = [['measure', 'amount'], ['deadline', 'recheckDate'], ['recheckOutcome', 'closedDate']] as const;
  return pairs
    .map((pair, i) => `<tr class="fu">${i === 0 ? td(tf('followup.sheet.block'), { rows: 3, cls: 'l' }) : ''}${pair.map((f) => `${td(tf(`followup.sheet.${f}`), { cls: 'l' })}${td('')}`).join('')}</tr>`)
    .join('\n');
}

function page(m: RecordSheetModel, recordHash: string): string {
  const e = m.entity;
  const results = m.departments.map((d) => `<tr class="res">${td(d.label)}${td(d.checkItem, { cols: 2, cls: 'v' })}${td('', { cols: 2 })}</tr>`).join('\n');
  return `<section class="sheet">
<h1>${h(tf(targetLabelKey(m, 'title')))}</h1>
<table>
<colgroup><col style="width:14%"><col style="width:16%"><col style="width:26%"><col style="width:18%"><col style="width:26%"></colgroup>
<tr>${td(tf('results.sheet.drawId'), { cls: 'l' })}${td(m.drawId)}${td(tf('results.sheet.date'), { cls: 'l' })}${td('', { cols: 2 })}</tr>
${inspectorRows(m.departments)}
<tr>${td(tf('results.sheet.target'), { rows: 2, cls: 'l' })}${td(tf(targetLabelKey(m, 'entityName')), { cls: 'l' })}${td(e.name, { cls: 'v' })}${td(tf(targetLabelKey(m, 'code')), { cls: 'l' })}${td(m.code, { cls: 'v' })}</tr>
<tr>${td(tf(targetLabelKey(m, 'address')), { cls: 'l' })}${td(e.address, { cls: 'v' })}${td(tf(targetLabelKey(m, 'legal')), { cls: 'l' })}${td(e.legalRepresentative, { cls: 'v' })}</tr>
<tr>${td(tf('results.sheet.checkUnit'), { cls: 'l' })}${td(tf('results.sheet.checkItem'), { cols: 2, cls: 'l' })}${td(tf('results.sheet.checkResult'), { cols: 2, cls: 'l' })}</tr>
${results}
<tr class="remarks">${td(tf('results.sheet.remarks'), { cls: 'l' })}${td('', { cols: 4 })}</tr>
${followUpRows()}
<tr class="sign">${td(tf('results.sheet.signEntity'), { cls: 'l' })}${td('', { cols: 2 })}${td(tf('results.sheet.signInspectors'), { cls: 'l' })}${td('')}</tr>
<tr>${td(tf('results.sheet.dateLine'), { cols: 3, cls: 'r' })}${td(tf('results.sheet.dateLine'), { cols: 2, cls: 'r' })}</tr>
</table>
<p class="legend">${h(tf('results.sheet.legend'))}</p>
<footer>${h(tf('results.sheet.footer', { id: m.drawId, order: e.order, key: e.key }))}<br>${h(tf('results.sheet.footerHash', { hash: recordHash }))}</footer>
</section>`;
}

const CSS = `
@page { size: A4 portrait; margin: 15mm 12mm; }
body { font-family: "SimSun", "宋体", "Songti SC", serif; margin: 0; color: #000; }
.sheet { page-break-after: always; break-after: page; max-width: 186mm; margin: 0 auto 12mm; }
.sheet:last-child { page-break-after: auto; break-after: auto; }
h1 { text-align: center; font-size: 20pt; margin: 2mm 0 3mm; }
table { width: 100%; border-collapse: collapse; table-layout: fixed; font-size: 11pt; }
td { border: 1px solid #000; padding: 1.5mm 1.5mm; text-align: center; vertical-align: middle; height: 7mm; word-break: break-all; }
td.l { font-weight: bold; } td.v { text-align: left; } td.r { text-align: right; padding-right: 8mm; }
tr.res td { height: 12mm; } tr.remarks td { height: 14mm; } tr.sign td { height: 18mm; }
/* 后续处置 (optional): three compact rows, so the sheet stays one A4 page */
tr.fu td { height: 4mm; padding: 0.5mm 1.5mm; font-size: 9.5pt; }
.legend { font-size: 9pt; line-height: 1.5; margin: 3mm 0; }
footer { font-size: 8pt; text-align: center; color: #333; }
@media screen { body { background: #eee; } .sheet { background: #fff; padding: 10mm; box-shadow: 0 0 3px #999; } }
`;

/** The whole printable page for one draw's sheets, in draw order. */
/** The record hash is printed in every sheet's footer, binding the paper to the draw record. */
export function renderRecordSheetsHtml(drawId: string, models: readonly RecordSheetModel[], lang: 'zh' | 'en' = 'zh', recordHash = ''): string {
  const title = tf('results.html.title', { id: drawId });
  return `<!DOCTYPE html>
<html lang="${lang === 'zh' ? 'zh-CN' : 'en'}">
<head>
<meta charset="utf-8">
<title>${h(title)}</title>
<style>${CSS}</style>
</head>
<body>
${models.map((m) => page(m, recordHash)).join('\n')}
</body>
</html>
`;
}
