/** The 不配合检查 notice as an A4 page (Laiyuan 第二十二条: name, count, dates, circumstances). Chinese; escaped. */
import type { NonCooperating } from '../core/non-cooperation.js';
import { escapeHtml } from './html.js';

const h = (s: string | number) => escapeHtml(String(s));

export function nonCooperationHtml(entries: readonly NonCooperating[], month: string, today: string): string {
  const rows = entries
    .map((e, i) => `<tr><td>${i + 1}</td><td>${h(e.name)}</td><td>${h(e.code)}</td><td>${e.refusals.length}</td><td>${e.refusals.map((r) => h(r.date)).join('<br>')}</td><td>${e.refusals.map((r) => `${h(r.date)}：${h(r.circumstances || '不配合检查情节严重')}`).join('<br>')}</td></tr>`)
    .join('\n');
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>不配合检查情况公示 ${h(month)}</title>
<style>
@page { size: A4 landscape; margin: 12mm; }
body { font-family: "SimSun", "宋体", "Songti SC", serif; max-width: 273mm; margin: 0 auto; font-size: 10.5pt; }
h1 { text-align: center; font-size: 18pt; }
table { width: 100%; border-collapse: collapse; }
th, td { border: 1px solid #000; padding: 1.5mm; text-align: left; vertical-align: top; word-break: break-all; }
p { line-height: 1.6; }
</style>
</head>
<body>
<h1>“双随机、一公开”抽查不配合检查情况公示</h1>
<p>下列单位在接受检查中两次以上不予配合，依据有关规定，现将单位名称、不予配合检查次数、时间、情形予以公示。</p>
<table>
<tr><th style="width:5%">序号</th><th style="width:22%">单位名称</th><th style="width:17%">统一社会信用代码/医保编码</th><th style="width:8%">不配合检查次数</th><th style="width:12%">时间</th><th>情形</th></tr>
${rows}
</table>
<p style="text-align:right">公示日期：${h(today)}</p>
</body>
</html>
`;
}
