import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ISSUE_CODES, issue, nowhere, type IssueCode } from '../../src/core/issue-codes.js';
import { zh } from '../../src/i18n/zh.js';
import { en } from '../../src/i18n/en.js';
import { setLang, t, type MsgKey } from '../../src/i18n/index.js';
import { issueJson, issueMessage } from '../../src/render/issue-text.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const DOC = path.join(root, 'docs/ISSUES.md');
const BEGIN = '<!-- issue codes: generated from src/core/issue-codes.ts by test/unit/issue-codes.test.ts -->';
const END = '<!-- end of issue codes -->';

const cellText = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** The table docs/ISSUES.md holds between its markers. */
function table(): string {
  const rows = (Object.keys(ISSUE_CODES) as IssueCode[]).map((code) => {
    const d = ISSUE_CODES[code];
    const messages = d.keys.map((k) => cellText(zh[k as MsgKey])).join('<br>');
    const english = d.keys.map((k) => cellText(en[k as MsgKey])).join('<br>');
    return `| \`${code}\` | ${d.severity} | ${d.position} | ${messages} | ${english} |`;
  });
  return [BEGIN, '', '| code | severity | position | message (zh) | message (en) |', '|---|---|---|---|---|', ...rows, '', END].join('\n');
}

afterAll(() => setLang('zh'));

describe('the issue-code catalogue', () => {
  it('names message keys that exist in both catalogues', () => {
    const missing = Object.values(ISSUE_CODES).flatMap((d) => d.keys.filter((k) => !(k in zh) || !(k in en)));
    expect(missing).toEqual([]);
  });

  it('is listed in docs/ISSUES.md as it stands (set UPDATE_ISSUE_DOCS=1 to rewrite the list)', () => {
    const doc = fs.readFileSync(DOC, 'utf8');
    const a = doc.indexOf(BEGIN);
    const b = doc.indexOf(END);
    expect([a >= 0, b > a]).toEqual([true, true]);
    const fresh = doc.slice(0, a) + table() + doc.slice(b + END.length);
    if (process.env['UPDATE_ISSUE_DOCS'] === '1') return void fs.writeFileSync(DOC, fresh);
    expect(doc).toBe(fresh);
  });

  it('gives each issue its code\'s severity, and keeps only another wording\'s key', () => {
    const place = { ...nowhere('p.xlsx'), row: 3, cell: 'E3', column: '检查事项' };
    expect(issue('plan-check-items', place, { groups: 2 }, 'plan.checkItemsCount')).toEqual({ code: 'plan-check-items', severity: 'error', ...place, params: { groups: 2 } });
    expect(issue('plan-check-items-department', place, { department: '卫健委' }, 'plan.checkItemsDept').severity).toBe('warning');
    expect(issue('bad-date', place, { today: '2024-06-01' }, 'issue.future-date').key).toBe('issue.future-date');
  });
});

describe('issue messages, rendered at the edge', () => {
  it('turn each kind of position into the message\'s params, in the language asked for', () => {
    const dup = issue('duplicate-key', { file: 'b.csv', sheet: null, row: 3, column: '统一社会信用代码', cell: 'C3', value: '91X' }, { key: '91X', otherFile: 'a.xlsx', otherRow: 2, otherCell: 'C2' });
    expect(issueMessage(dup, 'zh')).toBe(t('issue.duplicate-key', { key: '91X', otherFile: 'a.xlsx', otherRow: 2, otherCell: 'C2' }, 'zh'));
    expect(issueMessage(dup, 'en')).toContain('a.xlsx row 2 (cell C2)');
    const plan = issue('plan-bad-ratio', { file: 'plan.xlsx', sheet: null, row: 4, column: '抽查比例', cell: 'G4', value: '两成' }, {});
    expect(issueMessage(plan, 'en').startsWith('G4: ratio "两成"')).toBe(true);
    const json = issue('plan-bad-ratio', { file: 'plan.json', sheet: null, row: null, column: 'rows[0].ratio', cell: null, value: 'x' }, {});
    expect(issueMessage(json, 'en').startsWith('rows[0].ratio:')).toBe(true);
    const res = issue('date-bad', { file: 'r.xlsx', sheet: '检查记录', row: 5, column: null, cell: 'D5', value: '六月' }, {});
    expect(issueMessage(res, 'zh')).toBe(t('results.issue.date-bad', { where: t('results.where', { file: 'r.xlsx', sheet: '检查记录', cell: 'D5' }, 'zh'), value: '六月' }, 'zh'));
  });

  it('render a message given as a param in the same language', () => {
    const wrong = issue('wrong-role', { ...nowhere('x.xlsx'), value: 'plan' }, { found: { ref: 'drawcmd.role.plan' }, flag: '--entities' });
    expect(issueMessage(wrong, 'en')).toContain(en['drawcmd.role.plan']);
    expect(issueMessage(wrong, 'zh')).toContain(zh['drawcmd.role.plan']);
  });

  it('keep --json\'s message field, in the current language', () => {
    const i = issue('bad-phone', { file: 'a.xlsx', sheet: 'S', row: 2, column: '联系电话', cell: 'F2', value: '123' });
    setLang('en');
    expect(issueJson(i)).toEqual({ code: 'bad-phone', severity: 'warning', file: 'a.xlsx', sheet: 'S', row: 2, column: '联系电话', cell: 'F2', value: '123', message: issueMessage(i, 'en') });
    setLang('zh');
    expect(issueJson(i).message).toBe(issueMessage(i, 'zh'));
  });
});
