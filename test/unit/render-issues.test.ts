import { setLang } from '../../src/i18n/index.js';
import { renderIssues } from '../../src/render/issues.js';
import type { Issue } from '../../src/core/types.js';

setLang('zh');

const issue = (sheet: string | null, cell: string): Issue => ({ code: 'missing-value', severity: 'error', file: 'a.xlsx', sheet, row: 5, column: '名称', cell, value: null, params: {} });
const report = (issues: Issue[]) => ({ files: [{ file: 'a.xlsx', role: 'pharmacies' as const, rows: 9, issues }], summary: { errors: issues.length, warnings: 0, infos: 0 } });

describe('the validate table on a terminal', () => {
  it('names the sheet on the file line when every cell is on one sheet', () => {
    const text = renderIssues(report([issue('附件2', 'C5'), issue('附件2', 'D6')]), false);
    expect(text.split('\n')[0]).toContain('工作表：附件2');
    expect(text).not.toContain('附件2!C5');
  });
  it('puts the sheet before each cell when the cells are on several sheets', () => {
    const text = renderIssues(report([issue('附件2', 'C5'), issue('Sheet2', 'D6')]), false);
    expect(text.split('\n')[0]).not.toContain('工作表');
    expect(text).toContain('附件2!C5');
    expect(text).toContain('Sheet2!D6');
  });
  it('says nothing of sheets for a CSV', () => {
    expect(renderIssues(report([issue(null, 'C5')]), false).split('\n')[0]).not.toContain('工作表');
  });
});
