/**
 * 检查通知书 and 行政检查审批表 as A4 HTML pages in the style of the record
 * sheets (all.html). Official forms: Chinese whatever --lang says, English
 * with --form-lang en (src/i18n/<lang>/notice.ts). All text
 * escaped; nothing loaded from outside the file.
 */
import type { ApprovalFormModel, NoticeModel } from '../core/notice.js';
import { escapeHtml } from './html.js';
import { getFormLang, tf, type MsgKey } from '../i18n/index.js';

const h = (s: string | number) => escapeHtml(String(s)).replace(/\n/g, '<br>');

const CSS = `
@page { size: A4 portrait; margin: 15mm 15mm; }
body { font-family: "SimSun", "宋体", "Songti SC", serif; margin: 0; color: #000; font-size: 11.5pt; line-height: 1.7; }
.page { page-break-after: always; break-after: page; max-width: 180mm; margin: 0 auto 12mm; }
.page:last-child { page-break-after: auto; break-after: auto; }
h1 { text-align: center; font-size: 19pt; margin: 3mm 0 1mm; letter-spacing: 1mm; }
.no { text-align: right; font-size: 10pt; margin: 0 0 4mm; }
h2 { font-size: 12pt; margin: 4mm 0 1mm; }
table { width: 100%; border-collapse: collapse; table-layout: fixed; font-size: 10.5pt; margin: 1mm 0 2mm; }
th, td { border: 1px solid #000; padding: 1.2mm 1.5mm; text-align: left; vertical-align: middle; word-break: break-all; }
th { font-weight: bold; text-align: center; }
ol { margin: 0; padding-left: 7mm; } p { margin: 1mm 0; text-indent: 2em; } p.flat { text-indent: 0; }
.code { font-family: "Consolas", "Courier New", monospace; font-size: 13pt; font-weight: bold; letter-spacing: 0.5mm; }
.sign { display: flex; justify-content: space-between; margin-top: 10mm; } .sign div { width: 46%; }
.line { display: inline-block; min-width: 40mm; border-bottom: 1px solid #000; }
td.tall { height: 24mm; vertical-align: top; }
footer { font-size: 8pt; text-align: center; color: #333; margin-top: 4mm; }
@media screen { body { background: #eee; } .page { background: #fff; padding: 10mm; box-shadow: 0 0 3px #999; } }
`;

function page(title: string, body: string): string {
  return `<!DOCTYPE html>
<html lang="${getFormLang() === 'en' ? 'en' : 'zh-CN'}">
<head>
<meta charset="utf-8">
<title>${h(title)}</title>
<style>${CSS}</style>
</head>
<body>
${body}
</body>
</html>
`;
}

const LINE = '<span class="line"></span>';

/** A form string in the forms' language (--form-lang), its params escaped here. */
function f(key: MsgKey, params: Record<string, string | number> = {}): string {
  const escaped: Record<string, string> = {};
  for (const [k, v] of Object.entries(params)) escaped[k] = h(v);
  return tf(key, { line: LINE, ...escaped }).replace(LINE_ESCAPED, LINE);
}
const LINE_ESCAPED = h(LINE);

const role = (r: string) => (r === '组长' ? f('notice.role.leader') : r === '组员' ? f('notice.role.member') : h(r));

type PersonKey = 'notice.addressee' | 'notice.body' | 'notice.h.rights' | 'notice.right.identity' | 'notice.right.statement' | 'notice.right.recusal' | 'notice.verifyText';

/** One notice as a section (a page when printed). */
export function noticeSection(n: NoticeModel): string {
  // A 参保人 (ssj-draw/2) is addressed as a person, by 公民身份号码; the drawn list does not name them.
  const k = <K extends PersonKey>(key: K): MsgKey => (n.entity.objectType === '参保人' ? (`notice.person.${key.slice('notice.'.length)}` as MsgKey) : key);
  const items = n.items.map((i) => `<tr><td>${h(i.item)}</td><td>${h(i.basis || '—')}</td></tr>`).join('');
  const team = n.team.map((m) => `<tr><td>${h(m.name)}</td><td>${h(m.key)}</td><td>${h(m.unit)}</td><td>${role(m.role)}</td></tr>`).join('');
  const materials = n.materials.length ? `<ol>${n.materials.map((m) => `<li>${h(m)}</li>`).join('')}</ol>` : `<p class="flat">${f('notice.materialsDefault')}</p>`;
  const contact = n.contact !== '' ? h(n.contact) : f('notice.contactBlank');
  const document = n.document ? tf('notice.document', { document: h(n.document.replace(/^《|》$/g, '')) }) : '';
  const body = tf(k('notice.body'), {
    document,
    task: h(n.taskName),
    drawId: h(n.drawId),
    drawDate: h(n.drawDate),
    authority: h(n.authority || tf('notice.thisAuthority')),
    window: h(n.window || tf('notice.blankWindow')),
    method: n.method ? h(n.method) : f('notice.inspection'),
    times: h(n.timesThisYear),
  });
  return `<section class="page">
<h1>${f('notice.title')}</h1>
<div class="no">${f('notice.number', { number: n.number })}</div>
<p class="flat">${f(k('notice.addressee'), { name: n.entity.name, code: n.code })}</p>
<p>${body}</p>
<h2>${f('notice.h.items')}</h2>
<table><colgroup><col style="width:55%"><col style="width:45%"></colgroup><tr><th>${f('notice.col.item')}</th><th>${f('notice.col.basis')}</th></tr>${items}</table>
<h2>${f('notice.h.team')}</h2>
<table><colgroup><col style="width:22%"><col style="width:26%"><col style="width:38%"><col style="width:14%"></colgroup><tr><th>${f('notice.col.name')}</th><th>${f('notice.col.licence')}</th><th>${f('notice.col.unit')}</th><th>${f('notice.col.role')}</th></tr>${team}</table>
<h2>${f('notice.h.materials')}</h2>
${materials}
<h2>${f(k('notice.h.rights'))}</h2>
<ol>
<li>${f(k('notice.right.identity'))}</li>
<li>${f(k('notice.right.statement'))}</li>
<li>${f(k('notice.right.recusal'))}</li>
</ol>
<h2>${f('notice.h.verify')}</h2>
<p class="flat">${f('notice.code')}<span class="code">${h(n.verification)}</span></p>
<p>${f(k('notice.verifyText'), { drawId: n.drawId })}</p>
<h2>${f('notice.h.contact')}</h2>
<p class="flat">${contact}</p>
<div class="sign"><div>${f('notice.receipt')}</div><div style="text-align:right">${f('notice.seal', { authority: n.authority || tf('notice.authority'), year: n.drawDate.slice(0, 4) })}</div></div>
</section>`;
}

export const noticeHtml = (n: NoticeModel): string => page(tf('notice.pageTitle', { number: n.number, name: n.entity.name }), noticeSection(n));

/** All notices of a draw in one printable file. */
export const noticesHtml = (drawId: string, notices: readonly NoticeModel[]): string => page(tf('notice.allTitle', { drawId }), notices.map(noticeSection).join('\n'));

/** 行政检查审批表, pre-filled, with opinion and signature lines. */
export function approvalFormHtml(a: ApprovalFormModel): string {
  const items = a.items.map((i) => `${h(i.item)}${i.basis ? f('approval.basis', { basis: i.basis }) : ''}`).join('<br>');
  const entities = a.entities.map((e) => `<tr><td>${h(e.order)}</td><td>${h(e.name)}</td><td>${h(e.code)}</td></tr>`).join('');
  const inspectors = a.inspectors.map((i) => `${h(i.member.name)}（${h(i.member.key)}）`).join(f('approval.listSep'));
  const opinion = (key: MsgKey) => `<tr><th>${f(key)}</th><td class="tall" colspan="3"><br><br><div style="text-align:right">${f('approval.sign')}</div></td></tr>`;
  return page(tf('approval.pageTitle', { drawId: a.drawId }), `<section class="page">
<h1>${f('approval.title')}</h1>
<div class="no">${f('approval.drawId', { drawId: a.drawId })}</div>
<table><colgroup><col style="width:20%"><col style="width:30%"><col style="width:20%"><col style="width:30%"></colgroup>
<tr><th>${f('approval.task')}</th><td colspan="3">${h(a.taskName)}${a.document ? `<br>${h(a.document)}` : ''}</td></tr>
<tr><th>${f('approval.authority')}</th><td>${h(a.authority)}</td><th>${f('approval.drawDate')}</th><td>${h(a.drawDate)}</td></tr>
<tr><th>${f('approval.items')}</th><td colspan="3">${items}</td></tr>
<tr><th>${f('approval.method')}</th><td>${h(a.methods.join(tf('approval.listSep')) || '—')}</td><th>${f('approval.window')}</th><td>${h(a.windows.join(tf('approval.windowSep')) || tf('notice.blankWindow'))}</td></tr>
<tr><th>${f('approval.entities')}</th><td colspan="3">${f('approval.entityCount', { count: a.entities.length })}</td></tr>
<tr><th>${f('approval.inspectors')}</th><td colspan="3">${tf('approval.inspectorCount', { count: a.inspectors.length, list: inspectors })}</td></tr>
${opinion('approval.op.handler')}
${opinion('approval.op.section')}
${opinion('approval.op.deputy')}
${opinion('approval.op.head')}
</table>
<h2>${f('approval.h.entities')}</h2>
<table><colgroup><col style="width:10%"><col style="width:55%"><col style="width:35%"></colgroup><tr><th>${f('approval.col.order')}</th><th>${f('approval.col.name')}</th><th>${f('approval.col.code')}</th></tr>${entities}</table>
<footer>${f('approval.recordHash', { hash: a.recordHash })}</footer>
</section>`);
}
