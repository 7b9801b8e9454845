/**
 * The witness sheet (抽取结果记录, SPEC "Witness sheet"): one document model,
 * rendered here as printable A4 HTML and by src/io/witness-xlsx.ts as a
 * workbook. The record hash is in the footer of every printed page.
 */
import { t, tf, getFormLang, type MsgKey } from '../i18n/index.js';
import { chinaTime } from '../core/china-time.js';
import { docSize, type DocTable, type PrintDoc } from '../core/print-doc.js';
import { escapeHtml } from './html.js';
import { escapedUtf8Bound, Utf8Out } from '../core/utf8-out.js';
import type { AmendmentRecord, DrawRecord, InputRef, PlanRow, Ratio, ReplacementRecord, Stratum, TeamMember } from '../core/types.js';


const w = (k: string) => tf(`drawcmd.w.${k}` as MsgKey);

export function ratioText(r: Ratio): string {
  return r.kind === 'percent' ? `${r.percent}%` : `${r.count}家`;
}

function planRatioText(row: PlanRow): string {
  if (row.ratio) return ratioText(row.ratio);
  return row.creditClasses.map((c) => `${c.label}(${c.credit}、${ratioText(c.ratio)})`).join('、');
}

function planTeamText(row: PlanRow): string {
  const groups = row.teamGroups.map((g) => `${g.department || w('anyDept')}${g.seats}`).join('+');
  return row.regionMatch ? `${groups}；${w('regionMatch')}` : groups;
}

export function planTable(rows: PlanRow[]): DocTable {
  return {
    heading: w('plan'),
    columns: [w('planNo'), w('planItem'), w('planObject'), w('planRatio'), w('planFrequency'), w('planFilter'), w('planTeam'), w('planCheckItems')],
    widths: [5, 20, 12, 15, 10, 14, 17, 20],
    rows: rows.map((r) => [
      String(r.no),
      r.item,
      r.objectType,
      planRatioText(r),
      r.frequency || '—',
      r.filter.length ? r.filter.map((f) => `${f.field}=${f.values.join('、')}`).join('；') : w('undirected'),
      planTeamText(r),
      r.checkItems.length ? r.checkItems.join('；') : r.item,
    ]),
  };
}

/** A role's name on the terminal (the user's language). */
export const roleLabel = (role: string) => t(`drawcmd.role.${role}` as MsgKey);
const formRoleLabel = (role: string) => tf(`drawcmd.role.${role}` as MsgKey);

export function inputsTable(inputs: InputRef[]): DocTable {
  return {
    heading: w('inputs'),
    columns: [w('inputRole'), w('inputFile'), w('inputRows'), w('inputHash')],
    widths: [16, 24, 8, 66],
    rows: inputs.map((i) => [formRoleLabel(i.role), i.file, String(i.rows), i.contentSha256]),
  };
}

export function strataTable(strata: Stratum[], probability = false): DocTable {
  const cols = [w('stratum'), w('population'), w('eligible'), w('size'), w('excludedCount')];
  return {
    heading: w('strata'),
    columns: probability ? [...cols, w('probability')] : cols,
    widths: [28, 10, 10, 10, 10, 14],
    rows: strata.map((s) => {
      const row = [s.label, String(s.population), String(s.eligible), String(s.size), String(s.excluded.length)];
      return probability ? [...row, `${s.size}/${s.eligible}`] : row;
    }),
  };
}

export function exclusionsTable(strata: Stratum[]): DocTable {
  const rows = strata.flatMap((s) =>
    s.excluded.map((e) => [String(s.number), e.key, tf(`drawcmd.reason.${e.reason}` as MsgKey), e.draws.join('、')]),
  );
  return {
    heading: w('exclusions'),
    columns: [w('stratum'), w('code'), w('reason'), w('causes')],
    widths: [6, 24, 30, 30],
    rows: rows.length ? rows : [[w('noExclusions'), '', '', '']],
  };
}

function memberRows(entity: string, members: TeamMember[]): string[][] {
  return members.map((m, i) => [i === 0 ? entity : '', m.role, m.name, m.key, m.unit]);
}

/** 姓名 and 执法证号 wide enough that a name or a licence number never wraps (and kept on one line when long). */
const TEAM_WIDTHS = [38, 10, 10, 15, 23];
const TEAM_NOWRAP = [2, 3];

function teamColumns(): string[] {
  return [w('entity'), w('memberRole'), w('memberName'), w('license'), w('unit')];
}

/** When the record was made, as people read it on paper: China local time (2026年12月4日 04:56). */
export function localTime(iso: string): string {
  const lt = chinaTime(iso);
  return lt ? tf('drawcmd.w.localTime', { ...lt }) : iso;
}

const SIGNATURES = ['drawer', 'supervisor1', 'supervisor2', 'supervisor3', 'signDate'];

/** The ledger head before the act (first 16 hex), on its witness sheet: the sheet names the line it follows. */
const headRow = (head: string | null | undefined): [string, string][] => (head === undefined ? [] : [[w('ledgerHead'), head ? head.slice(0, 16) : w('ledgerEmpty')]]);

/** The witness sheet of a draw; `ledgerHead`, when given, the ledger's head before the draw's event. */
export function drawWitness(r: DrawRecord, ledgerHead?: string | null): PrintDoc {
  const names = new Map(r.selected.map((s) => [s.key, s.name]));
  const meta: [string, string][] = [
    [w('drawId'), r.drawId],
    [w('date'), r.drawDate],
    [w('place'), r.place ?? ''],
    [w('document'), r.plan.document],
    [w('seed'), r.seed],
    [w('seedSource'), r.seedSource],
    [w('algorithm'), r.algorithm],
    [w('createdAt'), localTime(r.createdAt)],
  ];
  if (r.announcementHash) meta.push([w('announcement'), r.announcementHash]);
  if (r.noAnnouncement !== undefined) meta.push([w('noAnnouncement'), r.noAnnouncement]);
  if (r.again) meta.push([w('again'), `${r.again.reason}（${w('againEarlier')}${r.again.draws.join('、')}）`]);
  meta.push([w('prevHash'), r.prevRecordHash ?? '—'], ...headRow(ledgerHead), [w('recordHash'), r.recordHash]);
  return {
    title: w('title'),
    meta,
    tables: [
      planTable(r.plan.rows),
      inputsTable(r.inputs),
      strataTable(r.strata),
      exclusionsTable(r.strata),
      {
        heading: w('selected'),
        columns: [w('seq'), w('stratum'), w('code'), w('name'), w('region')],
        widths: [6, 6, 24, 36, 16],
        rows: r.selected.map((s) => [String(s.order), String(s.stratum), s.key, s.name, s.region]),
      },
      {
        heading: w('teams'),
        columns: teamColumns(),
        widths: TEAM_WIDTHS,
        nowrap: TEAM_NOWRAP,
        rows: r.teams.flatMap((tm) => memberRows(`${tm.entity} ${names.get(tm.entity) ?? ''}`.trim(), tm.members)),
      },
    ],
    signatures: SIGNATURES.map(w),
    footer: tf('drawcmd.w.footer', { id: r.drawId, hash: r.recordHash }),
    pageOf: w('pageOf'),
  };
}

/** The witness sheet of a substitution (递补), with the team after it. */
export function amendmentWitness(a: AmendmentRecord, draw: DrawRecord, ledgerHead?: string | null): PrintDoc {
  const entity = draw.selected.find((s) => s.key === a.substitution.entity);
  const removed = draw.teams.flatMap((tm) => tm.members).find((m) => m.key === a.substitution.removed);
  const rep = a.substitution.replacement;
  return {
    title: w('amendTitle'),
    meta: [
      [w('drawId'), a.drawId],
      [w('amends'), a.amends],
      [w('entity'), `${a.substitution.entity} ${entity?.name ?? ''}`.trim()],
      [w('removed'), `${a.substitution.removed} ${removed?.name ?? ''}`.trim()],
      [w('reason'), a.substitution.reason],
      [w('seed'), a.seed],
      [w('seedSource'), a.seedSource],
      [w('candidates'), String(a.substitution.candidates)],
      [w('replacement'), `${rep.key} ${rep.name} ${rep.unit}`.trim()],
      [w('createdAt'), localTime(a.createdAt)],
      ...headRow(ledgerHead),
      [w('recordHash'), a.recordHash],
    ],
    tables: [
      inputsTable(a.inputs),
      { heading: w('teamAfter'), columns: teamColumns(), widths: TEAM_WIDTHS, nowrap: TEAM_NOWRAP, rows: memberRows(`${a.team.entity} ${entity?.name ?? ''}`.trim(), a.team.members) },
    ],
    signatures: SIGNATURES.map(w),
    footer: tf('drawcmd.w.footer', { id: a.drawId, hash: a.recordHash }),
    pageOf: w('pageOf'),
  };
}

/** The one-page witness sheet of an entity replacement (补抽): who left, why, the new seed, m, who came in, and the team. */
export function replacementWitness(r: ReplacementRecord, draw: DrawRecord, ledgerHead?: string | null): PrintDoc {
  const old = draw.selected.find((s) => s.key === r.replacement.entity);
  const next = r.replacement.selected;
  const stratum = draw.strata.find((s) => s.number === next.stratum);
  return {
    title: w('replaceTitle'),
    meta: [
      [w('drawId'), r.drawId],
      [w('replaceAmends'), r.amends],
      [w('replaced'), `${r.replacement.entity} ${old?.name ?? ''}`.trim()],
      [w('reason'), r.replacement.reason],
      [w('stratum'), stratum ? `${stratum.number} ${stratum.label}` : String(next.stratum)],
      [w('seed'), r.seed],
      [w('seedSource'), r.seedSource],
      [w('replaceCandidates'), String(r.replacement.candidates)],
      [w('replacementEntity'), `${next.key} ${next.name}`.trim()],
      [w('createdAt'), localTime(r.createdAt)],
      ...headRow(ledgerHead),
      [w('recordHash'), r.recordHash],
    ],
    tables: [
      inputsTable(r.inputs),
      { heading: w('replaceTeam'), columns: teamColumns(), widths: TEAM_WIDTHS, nowrap: TEAM_NOWRAP, rows: memberRows(`${next.key} ${next.name}`.trim(), r.team.members) },
    ],
    signatures: SIGNATURES.map(w),
    footer: tf('drawcmd.w.footer', { id: r.drawId, hash: r.recordHash }),
    pageOf: w('pageOf'),
  };
}

// ---------------------------------------------------------------- HTML


/*
 * Print layout: the record hash and 第 x 页 共 y 页 are in the page margins
 * (CSS page-margin boxes, which Chromium prints on every page), so nothing
 * fixed-position sits over the content and no spacer can push a block onto
 * an empty page. The signature block is kept on one page with the last rows
 * of the last table: a signed paper never ends with signatures alone. On
 * screen the footer is an ordinary last line and a note says how to print.
 */
const cssString = (s: string) => `"${s.replace(/[\\"]/g, (c) => `\\${c}`).replace(/\n/g, ' ')}"`;

/** `第 {page} 页 共 {pages} 页` as CSS content: the text around the placeholders, with the page counters. */
function pageCounterCss(label: string): string {
  return label
    .split(/(\{page\}|\{pages\})/)
    .filter((part) => part !== '')
    .map((part) => (part === '{page}' ? 'counter(page)' : part === '{pages}' ? 'counter(pages)' : cssString(part)))
    .join(' ');
}

function css(footer: string, pageOf: string): string {
  return `
@page { size: A4; margin: 15mm 14mm 18mm 14mm;
  @top-right { content: ${pageCounterCss(pageOf)}; font-family: "SimSun", "Noto Serif CJK SC", "Noto Sans CJK SC", serif; font-size: 9pt; }
  @bottom-left { content: ${cssString(footer)}; font-family: monospace; font-size: 7.5pt; vertical-align: top; padding-top: 2mm; border-top: 0.6pt solid #000; }
}
* { box-sizing: border-box; }
body { font-family: "SimSun", "宋体", "Songti SC", "Noto Serif CJK SC", "Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", "WenQuanYi Micro Hei", serif; font-size: 10.5pt; color: #000; margin: 0; }
h1 { font-size: 16pt; text-align: center; margin: 0 0 4mm; }
h2 { font-size: 11.5pt; margin: 4mm 0 1.5mm; break-after: avoid; page-break-after: avoid; }
p.intro { margin: 0 0 3mm; }
table.grid { border-collapse: collapse; width: 100%; table-layout: fixed; page-break-inside: auto; }
table.grid th, table.grid td { border: 0.6pt solid #000; padding: 1mm 1.5mm; text-align: left; vertical-align: top; word-break: break-all; }
table.grid th { background: #eee; }
table.grid td.nw { white-space: nowrap; word-break: keep-all; }
table.grid tr { page-break-inside: avoid; break-inside: avoid; }
table.grid thead { display: table-header-group; }
table.grid.cont tr:first-child td { border-top: none; }
table.meta { table-layout: auto; }
table.meta th { width: 30mm; white-space: nowrap; }
td.hash { font-family: monospace; font-size: 7pt; }
div.keep { break-inside: avoid; page-break-inside: avoid; }
table.sign { width: 100%; margin-top: 6mm; border-collapse: collapse; }
table.sign td { padding: 5mm 1mm 1mm; width: 50%; }
table.sign span.line { display: inline-block; border-bottom: 0.6pt solid #000; width: 48mm; height: 6mm; }
.footer { font-size: 8.5pt; font-family: monospace; word-break: break-all; border-top: 0.6pt solid #000; padding-top: 1mm; margin-top: 6mm; }
.howto { font-size: 9pt; border: 0.6pt dashed #888; padding: 2mm 3mm; margin: 0 0 4mm; background: #fffbe6; }
@media print { .footer, .howto { display: none; } }
@media screen { body { max-width: 190mm; margin: 10mm auto; } }
`;
}

const HEX64 = /^[0-9a-f]{64}$/;
/** A SHA-256 in hex: printed small and monospaced, so that it stays on one line of its column. */
const isHash = (s: string): boolean => s.length === 64 && HEX64.test(s);

function colgroup(tb: DocTable): string {
  const widths = tb.widths.slice(0, tb.columns.length);
  const sum = widths.reduce((a, b) => a + b, 0);
  if (widths.length !== tb.columns.length || sum <= 0) return '';
  return `<colgroup>${widths.map((x) => `<col style="width:${((x / sum) * 100).toFixed(2)}%">`).join('')}</colgroup>`;
}

/** Where a page's HTML goes as it is made: a string's parts, or UTF-8 bytes (core/utf8-out.ts). */
interface HtmlSink {
  write(text: string): void;
}

/** The rows, a line each (none after the last), each written as it is made: a national draw's sheet has 150,000. */
function writeRows(out: HtmlSink, tb: DocTable, rows: string[][]): void {
  const nowrap: boolean[] = [];
  for (const i of tb.nowrap ?? []) nowrap[i] = true;
  for (let k = 0; k < rows.length; k++) {
    const r = rows[k] as string[];
    let tr = k === 0 ? '<tr>' : '\n<tr>';
    for (let i = 0; i < r.length; i++) {
      const c = r[i] as string;
      tr += isHash(c) ? `<td class="hash">${c}</td>` : nowrap[i] === true ? `<td class="nw">${escapeHtml(c)}</td>` : `<td>${escapeHtml(c)}</td>`;
    }
    out.write(`${tr}</tr>`);
  }
}

function writeTable(out: HtmlSink, tb: DocTable, rows: string[][] = tb.rows): void {
  const head = tb.columns.map((c) => `<th>${escapeHtml(c)}</th>`).join('');
  out.write(`<h2>${escapeHtml(tb.heading)}</h2>\n<table class="grid">${colgroup(tb)}<thead><tr>${head}</tr></thead><tbody>\n`);
  writeRows(out, tb, rows);
  out.write('\n</tbody></table>');
}

function signaturesHtml(labels: string[], heading: string): string {
  if (!labels.length) return '';
  const cells = labels.map((l) => `<td>${escapeHtml(l)}：<span class="line"></span></td>`);
  const rows: string[] = [];
  for (let i = 0; i < cells.length; i += 2) rows.push(`<tr>${cells[i]}${cells[i + 1] ?? '<td></td>'}</tr>`);
  return `<h2>${escapeHtml(heading)}</h2>\n<table class="sign">${rows.join('')}</table>`;
}

/** Rows of the last table that go onto the signatures' page with them (a short table goes whole). */
const KEEP_ROWS = 2;
const WHOLE_TABLE_ROWS = 6;

/** The tables, the last one's final rows held on one page with the signature block; each part after a line break. */
function writeTablesAndSignatures(out: HtmlSink, doc: PrintDoc): void {
  const sign = signaturesHtml(doc.signatures, w('signatures'));
  const last = doc.tables[doc.tables.length - 1];
  const before = sign && last ? doc.tables.slice(0, -1) : doc.tables;
  for (const tb of before) {
    out.write('\n');
    writeTable(out, tb);
  }
  if (!sign || !last) {
    out.write(`\n${sign}`);
    return;
  }
  if (last.rows.length <= WHOLE_TABLE_ROWS) {
    out.write('\n<div class="keep">\n');
    writeTable(out, last);
    out.write(`\n${sign}\n</div>`);
    return;
  }
  out.write('\n');
  writeTable(out, last, last.rows.slice(0, -KEEP_ROWS));
  out.write(`\n<div class="keep">\n<table class="grid cont">${colgroup(last)}<tbody>\n`);
  writeRows(out, last, last.rows.slice(-KEEP_ROWS));
  out.write(`\n</tbody></table>\n${sign}\n</div>`);
}

/** A complete HTML page for A4 printing; every text is escaped. */
export function docHtml(doc: PrintDoc, lang: string): string {
  const parts: string[] = [];
  writeDoc({ write: (text) => parts.push(text) }, doc, lang);
  return parts.join('');
}

/** docHtml as UTF-8, written as it is made (a national draw's witness page is 22 MB). */
export function docHtmlBytes(doc: PrintDoc, lang: string): Buffer {
  const { rows, cells, units } = docSize(doc);
  // Room for the whole page: its text escaped, 40 bytes of markup per cell and per row, the style sheet and the rest.
  const out = new Utf8Out(escapedUtf8Bound(units) + 40 * (cells + rows) + (1 << 16));
  writeDoc(out, doc, lang);
  return out.bytes();
}

function writeDoc(out: HtmlSink, doc: PrintDoc, lang: string): void {
  // Cells inert as in the workbook copy: a spreadsheet that opens the page (LibreOffice does) takes no text for a formula.
  const meta = doc.meta.map(([k, v]) => `<tr><th>${escapeHtml(k)}</th>${isHash(v) ? `<td class="hash">${v}</td>` : `<td>${escapeHtml(v)}</td>`}</tr>`).join('\n');
  out.write(`<!DOCTYPE html>
<html lang="${getFormLang() === 'en' ? 'en' : 'zh-CN'}">
<head>
<meta charset="utf-8">
<title>${escapeHtml(doc.title)} ${escapeHtml(doc.meta[0]?.[1] ?? '')}</title>
<style>${css(doc.footer, doc.pageOf ?? w('pageOf'))}</style>
</head>
<body>
`);
  out.write([
    doc.signatures.length ? `<p class="howto">${escapeHtml(w('printHowto'))}</p>` : '',
    `<h1>${escapeHtml(doc.title)}</h1>`,
    doc.intro ? `<p class="intro">${escapeHtml(doc.intro)}</p>` : '',
    `<table class="grid meta"><tbody>\n${meta}\n</tbody></table>`,
  ].join('\n'));
  writeTablesAndSignatures(out, doc);
  out.write(`
<div class="footer">${escapeHtml(doc.footer)}</div>
</body>
</html>
`);
}
