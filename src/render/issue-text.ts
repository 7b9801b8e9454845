/**
 * An issue's text, rendered at the edge: the code's message (src/core/issue-codes.ts)
 * in the current language, its position turned into params by the code's
 * position kind. `--json` prints issues as `issueJson` gives them (a `message`
 * in the current language, as before the catalogue).
 */
import { issueDef, issueKey } from '../core/issue-codes.js';
import type { Issue, Severity, TextRef } from '../core/types.js';
import { t, type Lang, type MsgKey, type MsgParams } from '../i18n/index.js';

function positionParams(i: Issue): MsgParams {
  switch (issueDef(i.code).position) {
    case 'cell':
    case 'file':
      return { file: i.file, sheet: i.sheet ?? '', row: i.row ?? '', column: i.column ?? '', cell: i.cell ?? '', value: i.value ?? '' };
    case 'plan':
      return { file: i.file, cell: i.cell ?? i.column ?? i.file, value: i.value ?? '' };
    case 'result': {
      const where: TextRef =
        i.cell === null
          ? { ref: 'results.whereFile', params: { file: i.file } }
          : i.sheet === null
            ? { ref: 'results.whereCell', params: { file: i.file, cell: i.cell } }
            : { ref: 'results.where', params: { file: i.file, sheet: i.sheet, cell: i.cell } };
      return { where, value: i.value ?? '' };
    }
  }
}

/** The issue's message: position params first, the issue's own params over them (plan params under them). */
export function issueMessage(i: Issue, lang?: Lang): string {
  const pos = positionParams(i);
  const params = issueDef(i.code).position === 'plan' ? { ...i.params, ...pos } : { ...pos, ...i.params };
  return t(issueKey(i) as MsgKey, params, lang);
}

/** An issue as `--json` and the issue reports print it. */
export interface IssueJson {
  code: string;
  severity: Severity;
  file: string;
  sheet: string | null;
  row: number | null;
  column: string | null;
  cell: string | null;
  value: string | null;
  message: string;
}

export const issueJson = (i: Issue): IssueJson => ({
  code: i.code, severity: i.severity, file: i.file, sheet: i.sheet, row: i.row, column: i.column, cell: i.cell, value: i.value, message: issueMessage(i),
});

/** One line of stderr for an issue: file, sheet!cell, code and message (`masked`: without the message, which may carry names). */
export function issueLine(i: Issue, masked = false): string {
  const where = [i.sheet, i.cell ?? (i.row !== null ? String(i.row) : null)].filter((x): x is string => Boolean(x)).join('!');
  const line = t('drawcmd.issueLine', { file: i.file, where: where ? `${where} ` : '', code: i.code, message: masked ? '' : issueMessage(i) });
  return masked ? line.trimEnd() : line;
}
