/**
 * The drawn list's A4 page (抽取结果公示): the task, how it was drawn and
 * how to check it, then one line per selected entity with its verification
 * code. An official form: Chinese whatever --lang says. Everything escaped;
 * nothing loaded from outside the file.
 */
import type { DrawnList } from '../core/drawn-list.js';
import { escapeHtml } from './html.js';
import { Utf8Out } from '../core/utf8-out.js';

const h = (s: string | number) => escapeHtml(String(s));

/** The strata of the list, in order of first appearance: scope, counts, item, type. */
function scopes(list: DrawnList): string[] {
  const seen = new Map<string, string>();
  for (const e of list.entries) {
    const key = `${e.scope}\u0000${e.item}`;
    if (!seen.has(key)) seen.set(key, `<tr><td>${h(e.item)}</td><td>${h(e.drawType)}</td><td>${h(e.scope)}</td><td>${h(e.population)}</td><td>${h(e.eligible)}</td><td>${h(e.size)}</td><td>${h(e.window || '—')}</td><td>${h(e.authority)}</td></tr>`);
  }
  return [...seen.values()];
}

const CSS = `
@page { size: A4 landscape; margin: 12mm; }
body { font-family: "SimSun", "宋体", "Songti SC", serif; margin: 0 auto; max-width: 273mm; color: #000; font-size: 10.5pt; }
h1 { text-align: center; font-size: 18pt; margin: 2mm 0 4mm; }
table { width: 100%; border-collapse: collapse; margin: 2mm 0 4mm; }
th, td { border: 1px solid #000; padding: 1.2mm 1.5mm; text-align: left; vertical-align: middle; word-break: break-all; }
th { background: #f2f2f2; }
dl { display: grid; grid-template-columns: 32mm 1fr; gap: 1mm 3mm; margin: 0 0 3mm; }
dt { font-weight: bold; } dd { margin: 0; word-break: break-all; font-family: inherit; }
.mono { font-family: "Consolas", "Courier New", monospace; }
p.note { font-size: 9pt; line-height: 1.5; }
`;

/** The page's UTF-8, each entity's line written as it is made (a national draw lists 39,036). */
export function drawnListHtml(list: DrawnList): Buffer {
  const out = new Utf8Out();
  out.write(`<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>抽取结果公示 ${h(list.drawId)}</title>
<style>${CSS}</style>
</head>
<body>
<h1>“双随机、一公开”抽查任务抽取结果公示</h1>
<dl>
<dt>抽查任务编号</dt><dd>${h(list.drawId)}</dd>
<dt>抽查任务名称</dt><dd>${h(list.taskName)}</dd>
${list.document ? `<dt>实施文件</dt><dd>${h(list.document)}</dd>\n` : ''}<dt>抽取日期</dt><dd>${h(list.drawDate)}</dd>
<dt>抽取对象数量</dt><dd>${h(list.entries.length)}</dd>
</dl>
<table>
<tr><th>抽查事项</th><th>抽查类型</th><th>抽查对象范围</th><th>对象总数</th><th>可抽数量</th><th>抽取数量</th><th>检查期限</th><th>检查机关</th></tr>
${scopes(list).join('\n')}
</table>
<table>
<tr><th style="width:5%">序号</th><th style="width:27%">检查对象名称</th><th style="width:17%">统一社会信用代码/医保编码</th><th style="width:22%">抽查事项</th><th style="width:19%">抽查对象范围</th><th style="width:10%">核验码</th></tr>
`);
  list.entries.forEach((e, i) => {
    out.write(`${i === 0 ? '' : '\n'}<tr><td>${h(e.order)}</td><td>${h(e.name)}</td><td class="mono">${h(e.code)}</td><td>${h(e.item)}</td><td>${h(e.scope)}</td><td class="mono">${h(e.verification)}</td></tr>`);
  });
  out.write(`
</table>
<dl>
<dt>随机种子</dt><dd class="mono">${h(list.seed)}</dd>
<dt>公告哈希</dt><dd class="mono">${h(list.announcementHash || '（本次抽取无事先公告）')}</dd>
<dt>记录哈希</dt><dd class="mono">${h(list.recordHash)}</dd>
</dl>
<p class="note">核验：任何人可用抽取记录 draws/${h(list.drawId)}.json 与所列名录运行 <span class="mono">ssj verify --draw ${h(list.drawId)}</span>，以上述种子重新抽取并核对记录哈希。被检查对象可将检查通知书上的核验码与本表对照，确认前来检查的检查组确由本次抽取产生。核验码 = SHA-256(“ssj-verify/1|记录哈希|代码”) 的前 8 位十六进制（大写）。</p>
</body>
</html>
`);
  return out.bytes();
}
