/**
 * Three renderers of one ValidateReport (STYLE habit 7): a terminal table
 * grouped by file with a one-line summary, `--json`, and a sheet
 * (`--report FILE.xlsx|.csv`).
 */
import { Chalk } from 'chalk';
import { createRequire } from 'node:module';
import { inertText } from '../core/text.js';
import type { Issue, Severity, ValidateReport } from '../core/types.js';
import { roleTitle, t, type MsgKey } from '../i18n/index.js';
import { issueJson, issueMessage } from './issue-text.js';

/** Terminal columns a string takes: CJK and full-width characters count two. */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0) as number;
    w += c >= 0x1100 && (c <= 0x115f || (c >= 0x2e80 && c <= 0xa4cf) || (c >= 0xac00 && c <= 0xd7a3) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xfe30 && c <= 0xfe4f) || (c >= 0xff00 && c <= 0xff60) || (c >= 0xffe0 && c <= 0xffe6) || c >= 0x20000) ? 2 : 1;
  }
  return w;
}

function fit(raw: string, width: number): string {
  const s = raw.replace(/[\r\n\t]+/g, ' ');
  const full = displayWidth(s);
  if (full <= width) return s + ' '.repeat(width - full);
  let out = '';
  let w = 0;
  for (const ch of s) {
    const cw = displayWidth(ch);
    if (w + cw > width - 1) break;
    out += ch;
    w += cw;
  }
  return `${out}…${' '.repeat(width - 1 - w)}`;
}

const sevText = (s: Severity) => t(`validate.sev.${s}` as MsgKey);

const COLS: { key: MsgKey; width: number; get: (i: Issue) => string }[] = [
  { key: 'validate.col.row', width: 6, get: (i) => (i.row === null ? '' : String(i.row)) },
  { key: 'validate.col.cell', width: 7, get: (i) => i.cell ?? '' },
  { key: 'validate.col.severity', width: 8, get: (i) => sevText(i.severity) },
  { key: 'validate.col.code', width: 22, get: (i) => i.code },
  { key: 'validate.col.column', width: 18, get: (i) => i.column ?? '' },
  { key: 'validate.col.value', width: 22, get: (i) => i.value ?? '' },
];

/** A terminal shows this many issues per file; --json and --report carry all of them. */
export const MAX_LINES_PER_FILE = 200;

/** The terminal table; `color` false gives plain text (NO_COLOR, pipes). */
export function renderIssues(report: ValidateReport, color: boolean): string {
  const c = new Chalk({ level: color ? 1 : 0 });
  const paint = (s: Severity, text: string) => (s === 'error' ? c.red(text) : s === 'warning' ? c.yellow(text) : c.cyan(text));
  const lines: string[] = [];
  for (const f of report.files) {
    const role = f.role ? roleTitle(f.role) : t('validate.role.unknown');
    // The sheet the cells are on: named once on the file's line, or before each cell when they are on several.
    const sheets = [...new Set(f.issues.map((i) => i.sheet).filter((x): x is string => Boolean(x)))];
    const title = t('validate.fileTitle', { file: f.file, role, rows: f.rows });
    lines.push(c.bold(sheets.length === 1 ? `${title}  ${t('validate.fileSheet', { sheet: sheets[0] as string })}` : title));
    const cellOf = (i: Issue) => (sheets.length > 1 && i.sheet && i.cell ? `${i.sheet}!${i.cell}` : (i.cell ?? ''));
    const cols = COLS.map((col) => (col.key === 'validate.col.cell' ? { ...col, get: cellOf, width: Math.max(col.width, ...f.issues.map((i) => displayWidth(cellOf(i)) + 1)) } : col));
    if (f.issues.length === 0) {
      lines.push(`  ${c.green(t('validate.fileClean'))}`, '');
      continue;
    }
    lines.push(c.dim(`  ${cols.map((col) => fit(t(col.key), col.width)).join(' ')} ${t('validate.col.message')}`));
    for (const i of f.issues.slice(0, MAX_LINES_PER_FILE)) {
      const cells = cols.map((col) => fit(col.get(i), col.width));
      cells[2] = paint(i.severity, cells[2] as string);
      lines.push(`  ${cells.join(' ')} ${issueMessage(i)}`);
    }
    if (f.issues.length > MAX_LINES_PER_FILE) lines.push(`  ${c.dim(t('validate.more', { count: f.issues.length - MAX_LINES_PER_FILE }))}`);
    lines.push('');
  }
  const s = report.summary;
  const rows = report.files.reduce((n, f) => n + f.rows, 0);
  const summary = t('validate.summary', { files: report.files.length, rows, errors: s.errors, warnings: s.warnings, infos: s.infos });
  lines.push(s.errors > 0 ? c.red(summary) : c.green(summary));
  lines.push(s.errors > 0 ? t('validate.fixHint') : t('validate.allClean'));
  return lines.join('\n');
}

/** Exactly SPEC's shape: { files: [ { file, role, rows, issues } ], summary: { errors, warnings, infos } }. */
export function issuesJson(report: ValidateReport): string {
  return JSON.stringify({
    files: report.files.map((f) => ({ file: f.file, role: f.role, rows: f.rows, issues: f.issues.map(issueJson) })),
    summary: report.summary,
  });
}

const REPORT_COLS: MsgKey[] = ['validate.col.file', 'validate.col.sheet', 'validate.col.row', 'validate.col.column', 'validate.col.cell', 'validate.col.severity', 'validate.col.code', 'validate.col.value', 'validate.col.message'];

function reportRows(report: ValidateReport): (string | number)[][] {
  return report.files.flatMap((f) =>
    f.issues.map((i) => [i.file, i.sheet ?? '', i.row ?? '', i.column ?? '', i.cell ?? '', sevText(i.severity), i.code, i.value ?? '', issueMessage(i)].map((v) => (typeof v === 'string' ? inertText(v) : v))),
  );
}

/** The issues as a CSV (UTF-8 with BOM, opens in Excel on Chinese Windows). */
export function issueReportCsv(report: ValidateReport): string {
  // csv-stringify only when a .csv report is asked for (issue #20: validate's start-up)
  const { stringify } = createRequire(import.meta.url)('csv-stringify/sync') as typeof import('csv-stringify/sync');
  return '\ufeff' + stringify([REPORT_COLS.map((k) => t(k)), ...reportRows(report)], { record_delimiter: 'windows' });
}

/** The issues as one sheet's rows (written as .xlsx by src/app/issue-report.ts). */
export function issueReportSheet(report: ValidateReport): { name: string; header: string[]; rows: (string | number)[][]; widths: number[] } {
  return { name: t('validate.reportSheet'), header: REPORT_COLS.map((k) => t(k)), rows: reportRows(report), widths: [28, 12, 6, 20, 8, 6, 22, 24, 80] };
}
