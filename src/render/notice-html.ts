/**
 * 检查通知书 and 行政检查审批表 as A4 HTML pages in the style of the record
 * sheets (all.html). Official forms: Chinese whatever --lang says. All text
 * escaped; nothing loaded from outside the file.
 */
import type { ApprovalFormModel, NoticeModel } from '../core/notice.js';
import { escapeHtml } from './html.js';

const h = (s: string | number) => escapeHtml(String(s)).replace(/\n/g, '<br>');
const BLANK_WINDOW = '____年__月__日至____年__月__日';

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
<html lang="zh-CN">
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

/** One notice as a section (a page when printed). */
export function noticeSection(n: NoticeModel): string {
  const items = n.items.map((i) => `<tr><td>${h(i.item)}</td><td>${h(i.basis || '—')}</td></tr>`).join('');
  const team = n.team.map((m) => `<tr><td>${h(m.name)}</td><td>${h(m.key)}</td><td>${h(m.unit)}</td><td>${h(m.role)}</td></tr>`).join('');
  const materials = n.materials.length ? `<ol>${n.materials.map((m) => `<li>${h(m)}</li>`).join('')}</ol>` : '<p class="flat">与上述检查事项相关的资料（检查组现场告知具体清单）。</p>';
  const contact = n.contact !== '' ? h(n.contact) : '联系人：<span class="line"></span>　联系电话：<span class="line"></span>';
  return `<section class="page">
<h1>监督检查通知书</h1>
<div class="no">编号：${h(n.number)}</div>
<p class="flat">${h(n.entity.name)}（统一社会信用代码/医保编码：${h(n.code)}）：</p>
<p>根据${n.document ? `《${h(n.document.replace(/^《|》$/g, ''))}》及` : ''}“${h(n.taskName)}”，经“双随机、一公开”随机抽取（抽查任务编号 ${h(n.drawId)}，抽取日期 ${h(n.drawDate)}），${h(n.authority || '本机关')}定于 <b>${h(n.window || BLANK_WINDOW)}</b> 对你单位开展${n.method ? h(n.method) : '监督检查'}。这是本年度你单位第 ${h(n.timesThisYear)} 次被抽中检查。</p>
<h2>一、检查事项及依据</h2>
<table><colgroup><col style="width:55%"><col style="width:45%"></colgroup><tr><th>检查事项</th><th>检查依据</th></tr>${items}</table>
<h2>二、检查组</h2>
<table><colgroup><col style="width:22%"><col style="width:26%"><col style="width:38%"><col style="width:14%"></colgroup><tr><th>姓名</th><th>执法证号</th><th>单位</th><th>职责</th></tr>${team}</table>
<h2>三、请准备以下材料</h2>
${materials}
<h2>四、你单位的权利</h2>
<ol>
<li>检查人员不少于两人，检查时应当出示执法证件；你单位有权核对其姓名和执法证号是否与本通知书一致。</li>
<li>对检查认定的事实和拟作出的处理，你单位享有陈述、申辩的权利，可在检查时当场口头提出，也可在收到检查结果之日起 5 个工作日内向检查机关书面提出。</li>
<li>检查人员与你单位有直接利害关系或者其他关系、可能影响公正检查的，你单位有权申请回避：请在检查开始前向检查机关（联系方式见下）口头或书面提出，并说明理由，检查机关依法决定并告知。</li>
</ol>
<h2>五、核验</h2>
<p class="flat">核验码：<span class="code">${h(n.verification)}</span></p>
<p>可在检查机关公示的抽取结果（抽查任务编号 ${h(n.drawId)}）中找到你单位及其核验码：二者一致，说明前来检查的检查组确由本次随机抽取产生。</p>
<h2>六、联系方式</h2>
<p class="flat">${contact}</p>
<div class="sign"><div>被检查对象签收：<span class="line"></span><br>日期：<span class="line"></span></div><div style="text-align:right">${h(n.authority || '检查机关')}（盖章）<br>${h(n.drawDate.slice(0, 4))}年　　月　　日</div></div>
</section>`;
}

export const noticeHtml = (n: NoticeModel): string => page(`检查通知书 ${n.number} ${n.entity.name}`, noticeSection(n));

/** All notices of a draw in one printable file. */
export const noticesHtml = (drawId: string, notices: readonly NoticeModel[]): string => page(`检查通知书 ${drawId}`, notices.map(noticeSection).join('\n'));

/** 行政检查审批表, pre-filled, with opinion and signature lines. */
export function approvalFormHtml(a: ApprovalFormModel): string {
  const items = a.items.map((i) => `${h(i.item)}${i.basis ? `（依据：${h(i.basis)}）` : ''}`).join('<br>');
  const entities = a.entities.map((e) => `<tr><td>${h(e.order)}</td><td>${h(e.name)}</td><td>${h(e.code)}</td></tr>`).join('');
  const inspectors = a.inspectors.map((i) => `${h(i.member.name)}（${h(i.member.key)}）`).join('、');
  const opinion = (label: string) => `<tr><th>${label}</th><td class="tall" colspan="3"><br><br><div style="text-align:right">签字：<span class="line"></span>　日期：<span class="line"></span></div></td></tr>`;
  return page(`行政检查审批表 ${a.drawId}`, `<section class="page">
<h1>行政检查审批表</h1>
<div class="no">抽查任务编号：${h(a.drawId)}</div>
<table><colgroup><col style="width:20%"><col style="width:30%"><col style="width:20%"><col style="width:30%"></colgroup>
<tr><th>抽查任务</th><td colspan="3">${h(a.taskName)}${a.document ? `<br>${h(a.document)}` : ''}</td></tr>
<tr><th>检查机关</th><td>${h(a.authority)}</td><th>抽取日期</th><td>${h(a.drawDate)}</td></tr>
<tr><th>检查事项及依据</th><td colspan="3">${items}</td></tr>
<tr><th>检查方式</th><td>${h(a.methods.join('、') || '—')}</td><th>检查期限</th><td>${h(a.windows.join('；') || BLANK_WINDOW)}</td></tr>
<tr><th>检查对象</th><td colspan="3">共 ${h(a.entities.length)} 家（名单见下表及抽取结果公示）</td></tr>
<tr><th>检查人员</th><td colspan="3">共 ${h(a.inspectors.length)} 人：${inspectors}</td></tr>
${opinion('承办人意见')}
${opinion('承办科室负责人意见')}
${opinion('分管负责人审批意见')}
${opinion('主要负责人审批意见')}
</table>
<h2>检查对象名单</h2>
<table><colgroup><col style="width:10%"><col style="width:55%"><col style="width:35%"></colgroup><tr><th>序号</th><th>检查对象名称</th><th>统一社会信用代码/医保编码</th></tr>${entities}</table>
<footer>抽取记录哈希：${h(a.recordHash)}</footer>
</section>`);
}
