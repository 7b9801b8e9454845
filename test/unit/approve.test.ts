/** Approval before 公示: review states (core), and approve → status → publish in-process on a tiny workspace. */
import fs from 'node:fs';
import path from 'node:path';
import { approvalEvent, reviewStates, publishedSet, type ApprovalEvent } from '../../src/core/review.js';
import type { InspectionResult } from '../../src/core/types.js';
import { makeResult } from '../helpers/report-fixtures.js';
import { makeWorkspace, selected, writeDraw } from '../helpers/workspace.js';
import { runVerb } from '../helpers/inproc.js';

const A = '91410000MA0000001X';
const B = '91410000MA0000002X';
const result = (entity: string, sha: string): InspectionResult => ({ ...makeResult('20240601-1', entity, '2024-06-10', [['', [1]]]), contentSha256: sha });
const approval = (entities: [string, string][], decision: 'approved' | 'returned' = 'approved'): ApprovalEvent => ({
  kind: 'approval', drawId: '20240601-1', entities: entities.map(([e]) => e), decision, by: '王局长', results: entities.map(([entity, contentSha256]) => ({ entity, contentSha256 })),
});

describe('reviewStates', () => {
  it('is 待审核 until approved, 已退回 when returned, 已审核 when approved, 已公示 when published', () => {
    const rs = [result(A, 'a1'), result(B, 'b1')];
    expect(reviewStates(rs, [], new Set()).map((r) => r.state)).toEqual(['pending', 'pending']);
    expect(reviewStates(rs, [approval([[A, 'a1']]), approval([[B, 'b1']], 'returned')], new Set()).map((r) => r.state)).toEqual(['approved', 'returned']);
    expect(reviewStates(rs, [approval([[A, 'a1']])], publishedSet([{ drawId: '20240601-1', entity: A }])).map((r) => r.state)).toEqual(['published', 'pending']);
  });
  it('binds an approval to the content approved: replaced content awaits approval again', () => {
    expect(reviewStates([result(A, 'a2')], [approval([[A, 'a1']])], new Set()).map((r) => r.state)).toEqual(['pending']);
  });
  it('the last decision on the same content wins', () => {
    expect(reviewStates([result(A, 'a1')], [approval([[A, 'a1']], 'returned'), approval([[A, 'a1']])], new Set())[0]?.state).toBe('approved');
  });
  it('without names takes every result not yet approved; a name without a result is refused', () => {
    const reviewed = reviewStates([result(A, 'a1'), result(B, 'b1')], [approval([[A, 'a1']])], new Set());
    const out = approvalEvent({ drawId: '20240601-1', entities: [], decision: 'approved', by: '王局长' }, reviewed);
    expect('event' in out && out.event.entities).toEqual([B]);
    expect(approvalEvent({ drawId: '20240601-1', entities: ['NOPE'], decision: 'approved', by: 'x' }, reviewed)).toEqual({ problem: { code: 'unknown-entity', drawId: '20240601-1', entity: 'NOPE' } });
  });
});

describe('approve, status, publish', () => {
  const ws = makeWorkspace('ssj-approve-');
  afterAll(() => fs.rmSync(ws.root, { recursive: true, force: true }));
  const draw = writeDraw(ws, { drawId: '20240601-1', selected: [selected({ key: A, order: 1, name: '甲药店' }), selected({ key: B, order: 2, name: '乙药店' })] });
  for (const [e, sha] of [[A, 'a1'], [B, 'b1']] as const) {
    fs.mkdirSync(path.join(ws.results, draw.drawId), { recursive: true });
    fs.writeFileSync(path.join(ws.results, draw.drawId, `${e}.json`), JSON.stringify(result(e, sha)));
  }
  const review = async () => {
    const r = await runVerb('status', ws.root, { draw: draw.drawId, json: true });
    const out = JSON.parse(r.out.join('')) as { review: Record<string, { entity: string; label: string; by?: string }[]> };
    return (out.review[draw.drawId] ?? []).map((x) => [x.entity, x.label]);
  };

  it('imported results are 待审核 and publish refuses when none is approved', async () => {
    expect(await review()).toEqual([[A, '待审核'], [B, '待审核']]);
    const text = await runVerb('status', ws.root, { draw: draw.drawId });
    expect(text.out.join('\n')).toContain('待审核 2');
    const p = await runVerb('publish', ws.root, { draw: draw.drawId, encoding: 'utf8' });
    expect(p.code).toBe(1);
    expect(p.errorKey).toBe('after.pub.noneApproved');
  });

  it('publishes only the approved result, and names the one held back', async () => {
    const a = await runVerb('approve', ws.root, { draw: draw.drawId, entity: [A.toLowerCase()], by: '王局长', opinion: '同意公示' }, [], '2024-06-20');
    expect(a.code).toBe(0);
    expect(await review()).toEqual([[A, '已审核'], [B, '待审核']]);
    const p = await runVerb('publish', ws.root, { draw: draw.drawId, encoding: 'utf8' }, [], '2024-06-21');
    expect(p.code).toBe(0);
    const csv = fs.readFileSync(path.join(ws.root, 'publications', `公示-${draw.drawId}-第1次.csv`), 'utf8');
    expect(csv).toContain(A);
    expect(csv).not.toContain(B);
    expect(p.err.join('\n')).toContain('1 条检查结果尚未审核');
    expect(p.err.join('\n')).toContain('乙药店');
    expect(await review()).toEqual([[A, '已公示'], [B, '待审核']]);
    // report warns that the month has a result not yet published (publish before report)
    const r = await runVerb('report', ws.root, { month: '2024-06', json: true }, [], '2024-07-01');
    const warnings = (JSON.parse(r.out.join('')) as { warnings: { code: string; message: string }[] }).warnings;
    expect(warnings.find((w) => w.code === 'unpublished-results')?.message).toContain('乙药店');
    expect(warnings.find((w) => w.code === 'unpublished-results')?.message).not.toContain('甲药店');
  });

  // the report just above is dated 2024-07-01: what follows is dated after it (the ledger refuses back-dating)
  it('--return marks 已退回 with the reason; approving then publishes it', async () => {
    expect((await runVerb('approve', ws.root, { draw: draw.drawId, by: '王局长', return: '处理意见不完整' }, [], '2024-07-02')).code).toBe(0);
    expect(await review()).toEqual([[A, '已公示'], [B, '已退回']]);
    expect((await runVerb('approve', ws.root, { draw: draw.drawId, by: '王局长' }, [], '2024-07-02')).code).toBe(0);
    expect(await review()).toEqual([[A, '已公示'], [B, '已审核']]);
    const again = await runVerb('approve', ws.root, { draw: draw.drawId, by: '王局长' }, [], '2024-07-02');
    expect(again.errorKey).toBe('after.approve.nothing');
    expect((await runVerb('approve', ws.root, { draw: draw.drawId }, [], '2024-07-02')).code).toBe(2); // --by is required
    const p = await runVerb('publish', ws.root, { draw: draw.drawId, encoding: 'utf8' }, [], '2024-07-02');
    expect(p.code).toBe(0);
    expect(fs.readFileSync(path.join(ws.root, 'publications', `公示-${draw.drawId}-第2次.csv`), 'utf8')).toContain(B);
  });
});
