/** 后续处置: the optional results-table columns, the content hash kept for results without them, open and overdue follow-ups. */
import fs from 'node:fs';
import path from 'node:path';
import { openFollowUps, parseFollowUp, parseMeasure } from '../../src/core/follow-up.js';
import { resultContentSha256 } from '../../src/core/results.js';
import { decideStore, fillFollowUp } from '../../src/core/results-import.js';
import type { InspectionResult } from '../../src/core/types.js';
import { makeResult } from '../helpers/report-fixtures.js';
import { makeWorkspace, selected, writeDraw } from '../helpers/workspace.js';
import { runVerb } from '../helpers/inproc.js';

const empty = { measure: '', amount: '', deadline: '', recheckDate: '', recheckOutcome: '', closedDate: '' };

describe('parseFollowUp', () => {
  it('reads the measure as clerks write it, the amount and dates', () => {
    expect(['责令限期整改', '移送公安机关', '抄告市场监管局', '追回医保基金', '罚款', '其它'].map(parseMeasure)).toEqual(['责令整改', '移送', '抄告', '追回', '行政处罚', '其他']);
    expect(parseFollowUp({ ...empty, measure: '追回', amount: '12,800.50元', deadline: '2024年7月15日', closedDate: '2024-07-20' })).toEqual({
      followUp: { measure: '追回', amount: '12800.50', deadline: '2024-07-15', closedDate: '2024-07-20' }, problems: [],
    });
    expect(parseFollowUp(empty)).toEqual({ problems: [] });
  });
  it('names what is wrong', () => {
    expect(parseFollowUp({ ...empty, measure: '批评教育', amount: 'abc', deadline: '下周' }).problems.map((p) => [p.field, p.code])).toEqual([['measure', 'followup-measure'], ['amount', 'followup-amount'], ['deadline', 'followup-date']]);
    expect(parseFollowUp({ ...empty, deadline: '2024-07-01' }).problems.map((p) => p.code)).toEqual(['followup-no-measure']);
  });
  it('leaves the content hash of a result without follow-up as it was', () => {
    const r = makeResult('20240601-1', 'A', '2024-06-10', [['', [1]]]);
    const { source: _s, contentSha256: _c, ...content } = r;
    expect(resultContentSha256({ ...content, followUp: undefined })).toBe(resultContentSha256(content));
    expect(resultContentSha256({ ...content, followUp: { measure: '其他' } })).not.toBe(resultContentSha256(content));
  });
});

describe('openFollowUps', () => {
  const r = (entity: string, codes: number[], followUp?: InspectionResult['followUp']): InspectionResult => ({ ...makeResult('20240601-1', entity, '2024-06-10', [['', codes]]), ...(followUp ? { followUp } : {}) });
  it('lists follow-ups not closed and code-8 results without one; overdue first', () => {
    const open = openFollowUps([
      r('A', [5], { measure: '责令整改', deadline: '2024-07-01' }),
      r('B', [5], { measure: '责令整改', deadline: '2024-08-01' }),
      r('C', [5], { measure: '责令整改', deadline: '2024-06-20', closedDate: '2024-06-30' }),
      r('D', [8]),
      r('E', [1]),
    ], [], '2024-07-10');
    expect(open.map((f) => [f.entity, f.overdue, f.daysOverdue, f.measure])).toEqual([['A', true, 9, '责令整改'], ['B', false, 0, '责令整改'], ['D', false, 0, null]]);
  });
});

describe('results table with follow-up columns → ssj status --followups', () => {
  const ws = makeWorkspace('ssj-followup-');
  afterAll(() => fs.rmSync(ws.root, { recursive: true, force: true }));
  const A = '91410000MA0000001X';
  const B = '91410000MA0000002X';
  const draw = writeDraw(ws, { drawId: '20240601-1', selected: [selected({ key: A, order: 1, name: '甲药店' }), selected({ key: B, order: 2, name: '乙药店' })] });
  const table = path.join(ws.root, 'results.csv');
  fs.writeFileSync(table, '\ufeff' + [
    '抽取编号,统一社会信用代码,名称,检查日期,检查结果,处理情况,后续处置措施,追回金额（元）,整改期限,复查日期,复查结果,完结日期',
    `${draw.drawId},${A},甲药店,2024-06-10,5,责令整改,责令整改,,2024-06-25,,,`,
    `${draw.drawId},${B},乙药店,2024-06-11,8,追回基金,追回,3560.5,2024-08-01,,,`,
  ].join('\r\n') + '\r\n');

  it('imports the follow-up and lists the overdue one first (exit 0, --json)', async () => {
    const imp = await runVerb('results', ws.root, {}, [table], '2024-06-30');
    expect([imp.code, imp.err]).toEqual([0, []]);
    const stored = JSON.parse(fs.readFileSync(path.join(ws.results, draw.drawId, `${B}.json`), 'utf8')) as InspectionResult;
    expect(stored.followUp).toEqual({ measure: '追回', amount: '3560.5', deadline: '2024-08-01' });
    const s = await runVerb('status', ws.root, { followups: true, json: true }, [], '2024-07-01');
    expect(s.code).toBe(0);
    const out = JSON.parse(s.out.join('')) as { overdue: number; followUps: { entity: string; overdue: boolean; name: string }[] };
    expect(out.overdue).toBe(1);
    expect(out.followUps.map((f) => [f.entity, f.overdue, f.name])).toEqual([[A, true, '甲药店'], [B, false, '乙药店']]);
    const text = await runVerb('status', ws.root, { followups: true }, [], '2024-07-01');
    expect(text.out.join('\n')).toContain('逾期6天');
  });

  it('refuses a bad measure naming the cell', async () => {
    const bad = path.join(ws.root, 'bad.csv');
    fs.writeFileSync(bad, ['抽取编号,统一社会信用代码,检查日期,检查结果,后续处置措施,整改期限', `${draw.drawId},${A},2024-06-10,5,批评教育,2024-06-25`].join('\r\n') + '\r\n');
    const imp = await runVerb('results', ws.root, {}, [bad], '2024-06-30');
    expect(imp.code).toBe(1);
    expect(imp.err.join('\n')).toMatch(/E2.*批评教育/);
  });
});

describe('a follow-up filled in stages', () => {
  const base = { ...makeResult('20240601-1', 'A', '2024-06-10', [['', [5]]]) };
  const withFu = (followUp?: InspectionResult['followUp']): InspectionResult => {
    const { source: _s, contentSha256: _c, ...content } = { ...base, ...(followUp ? { followUp } : {}) };
    return { ...content, source: base.source, contentSha256: resultContentSha256(content) };
  };
  it('a later import adding the recheck and closure completes the stored result, field by field', () => {
    const first = withFu({ measure: '责令整改', deadline: '2024-07-01' });
    const later = withFu({ measure: '责令整改', deadline: '2024-07-01', recheckDate: '2024-07-02', recheckOutcome: '已整改', closedDate: '2024-07-03' });
    const d = decideStore(first, later, false);
    expect([d.action, d.result.followUp]).toEqual(['complete', { measure: '责令整改', deadline: '2024-07-01', recheckDate: '2024-07-02', recheckOutcome: '已整改', closedDate: '2024-07-03' }]);
    expect(decideStore(withFu(), first, false).action).toBe('complete');
    expect(fillFollowUp({ measure: '追回', amount: '100' }, { measure: '追回', closedDate: '2024-07-03' })).toEqual({ measure: '追回', amount: '100', closedDate: '2024-07-03' });
  });
  it('a field given differently, or another measure, is a conflict (ssj results --replace)', () => {
    expect(decideStore(withFu({ measure: '责令整改', deadline: '2024-07-01' }), withFu({ measure: '责令整改', deadline: '2024-08-01' }), false).action).toBe('conflict');
    expect(fillFollowUp({ measure: '责令整改' }, { measure: '移送' })).toBeNull();
  });
});
