/**
 * The witness sheet (抽取结果记录, SPEC "Witness sheet"): one document model,
 * rendered here as printable A4 HTML and by src/io/witness-xlsx.ts as a
 * workbook. The record hash is in the footer of every printed page.
 */
import { t, type MsgKey } from '../i18n/index.js';
import { inertText } from '../core/text.js';
import type { DocTable, PrintDoc } from '../core/print-doc.js';
import { escapeHtml } from './html.js';
import type { AmendmentRecord, DrawRecord, InputRef, PlanRow, Ratio, Stratum, TeamMember } from '../core/types.js';


const w = (k: string) => t(`drawcmd.w.${k}` as MsgKey);

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

export const roleLabel = (role: string) => t(`drawcmd.role.${role}` as MsgKey);

export function inputsTable(inputs: InputRef[]): DocTable {
  return {
    heading: w('inputs'),
    columns: [w('inputRole'), w('inputFile'), w('inputRows'), w('inputHash')],
    widths: [16, 24, 8, 66],
    rows: inputs.map((i) => [roleLabel(i.role), i.file, String(i.rows), i.contentSha256]),
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
    s.excluded.map((e) => [String(s.number), e.key, t(`drawcmd.reason.${e.reason}` as MsgKey), e.draws.join('、')]),
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

function teamColumns(): string[] {
  return [w('entity'), w('memberRole'), w('memberName'), w('license'), w('unit')];
}

const SIGNATURES = ['drawer', 'supervisor1', 'supervisor2', 'supervisor3', 'signDate'];

/** The witness sheet of a draw. */
export function drawWitness(r: DrawRecord): PrintDoc {
  const names = new Map(r.selected.map((s) => [s.key, s.name]));
  const meta: [string, string][] = [
    [w('drawId'), r.drawId],
    [w('date'), r.drawDate],
    [w('place'), r.place ?? ''],
    [w('document'), r.plan.document],
    [w('seed'), r.seed],
    [w('seedSource'), r.seedSource],
    [w('algorithm'), r.algorithm],
    [w('createdAt'), r.createdAt],
  ];
  if (r.announcementHash) meta.push([w('announcement'), r.announcementHash]);
  meta.push([w('prevHash'), r.prevRecordHash ?? '—'], [w('recordHash'), r.recordHash]);
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
        widths: [30, 8, 12, 20, 30],
        rows: r.teams.flatMap((tm) => memberRows(`${tm.entity} ${names.get(tm.entity) ?? ''}`.trim(), tm.members)),
      },
    ],
    signatures: SIGNATURES.map(w),
    footer: t('drawcmd.w.footer', { id: r.drawId, hash: r.recordHash }),
  };
}

/** The witness sheet of a substitution (递补), with the team after it. */
export function amendmentWitness(a: AmendmentRecord, draw: DrawRecord): PrintDoc {
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
      [w('createdAt'), a.createdAt],
      [w('recordHash'), a.recordHash],
    ],
    tables: [
      inputsTable(a.inputs),
      { heading: w('teamAfter'), columns: teamColumns(), widths: [30, 8, 12, 20, 30], rows: memberRows(`${a.team.entity} ${entity?.name ?? ''}`.trim(), a.team.members) },
    ],
    signatures: SIGNATURES.map(w),
    footer: t('drawcmd.w.footer', { id: a.drawId, hash: a.recordHash }),
  };
}

// ---------------------------------------------------------------- HTML


/*
 * Print layout: the footer is `position: fixed`, which Chromium (and Firefox)
 * repeat at the bottom of every printed page; the whole body sits in a table
 * whose <tfoot> spacer repeats on every page too, so content never runs under
 * the footer. On screen the footer is an ordinary last line.
 */
const CSS = `
@page { size: A4; margin: 15mm 14mm 18mm 14mm; }
* { box-sizing: border-box; }
body { font-family: "SimSun", "宋体", "Songti SC", "Noto Serif CJK SC", "Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", "WenQuanYi Micro Hei", serif; font-size: 10.5pt; color: #000; margin: 0; }
h1 { font-size: 16pt; text-align: center; margin: 0 0 4mm; }
h2 { font-size: 11.5pt; margin: 4mm 0 1.5mm; break-after: avoid; page-break-after: avoid; }
p.intro { margin: 0 0 3mm; }
table.grid { border-collapse: collapse; width: 100%; page-break-inside: auto; }
table.grid th, table.grid td { border: 0.6pt solid #000; padding: 1mm 1.5mm; text-align: left; vertical-align: top; word-break: break-all; }
table.grid th { background: #eee; }
table.grid tr { page-break-inside: avoid; }
table.grid thead { display: table-header-group; }
table.meta th { width: 30mm; white-space: nowrap; }
td.hash { font-family: monospace; font-size: 7pt; }
table.sign { width: 100%; margin-top: 6mm; border-collapse: collapse; page-break-inside: avoid; }
table.sign td { padding: 5mm 1mm 1mm; width: 50%; }
table.sign span.line { display: inline-block; border-bottom: 0.6pt solid #000; width: 48mm; height: 6mm; }
table.page { width: 100%; border-collapse: collapse; }
table.page > tfoot td { height: 10mm; }
.footer { font-size: 8.5pt; font-family: monospace; word-break: break-all; border-top: 0.6pt solid #000; padding-top: 1mm; }
@media print { .footer { position: fixed; left: 0; right: 0; bottom: 0; background: #fff; } }
@media screen { body { max-width: 190mm; margin: 10mm auto; } .footer { margin-top: 6mm; } }
`;

const HEX64 = /^[0-9a-f]{64}$/;
/** A SHA-256 in hex: printed small and monospaced, so that it stays on one line of its column. */
const isHash = (s: string): boolean => s.length === 64 && HEX64.test(s);

function tableHtml(tb: DocTable): string {
  const head = tb.columns.map((c) => `<th>${escapeHtml(c)}</th>`).join('');
  // One string per row, joined once: a million-row draw's sheet has 150,000 rows.
  const rows: string[] = [];
  for (const r of tb.rows) {
    let tr = '<tr>';
    for (const c of r) tr += isHash(c) ? `<td class="hash">${c}</td>` : `<td>${escapeHtml(inertText(c))}</td>`;
    rows.push(`${tr}</tr>`);
  }
  return `<h2>${escapeHtml(tb.heading)}</h2>\n<table class="grid"><thead><tr>${head}</tr></thead><tbody>\n${rows.join('\n')}\n</tbody></table>`;
}

function signaturesHtml(labels: string[], heading: string): string {
  if (!labels.length) return '';
  const cells = labels.map((l) => `<td>${escapeHtml(l)}：<span class="line"></span></td>`);
  const rows: string[] = [];
  for (let i = 0; i < cells.length; i += 2) rows.push(`<tr>${cells[i]}${cells[i + 1] ?? '<td></td>'}</tr>`);
  return `<h2>${escapeHtml(heading)}</h2>\n<table class="sign">${rows.join('')}</table>`;
}

/** A complete HTML page for A4 printing; every text is escaped. */
export function docHtml(doc: PrintDoc, lang: string): string {
  // Cells inert as in the workbook copy: a spreadsheet that opens the page (LibreOffice does) takes no text for a formula.
  const meta = doc.meta.map(([k, v]) => `<tr><th>${escapeHtml(k)}</th>${isHash(v) ? `<td class="hash">${v}</td>` : `<td>${escapeHtml(inertText(v))}</td>`}</tr>`).join('\n');
  const body = [
    `<h1>${escapeHtml(doc.title)}</h1>`,
    doc.intro ? `<p class="intro">${escapeHtml(doc.intro)}</p>` : '',
    `<table class="grid meta"><tbody>\n${meta}\n</tbody></table>`,
    ...doc.tables.map(tableHtml),
    signaturesHtml(doc.signatures, w('signatures')),
  ].join('\n');
  return `<!DOCTYPE html>
<html lang="${lang === 'en' ? 'en' : 'zh-CN'}">
<head>
<meta charset="utf-8">
<title>${escapeHtml(doc.title)} ${escapeHtml(doc.meta[0]?.[1] ?? '')}</title>
<style>${CSS}</style>
</head>
<body>
<table class="page"><tfoot><tr><td></td></tr></tfoot><tbody><tr><td>
${body}
</td></tr></tbody></table>
<div class="footer">${escapeHtml(doc.footer)}</div>
</body>
</html>
`;
}
