/** 不配合检查 (Laiyuan 第二十二条): code 6 counted per entity across draws; at two, publish --month writes the notice and report warns. */
import fs from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { dueForNotice, refusalsByEntity } from '../../src/core/non-cooperation.js';
import type { InspectionResult } from '../../src/core/types.js';
import { makeResult } from '../helpers/report-fixtures.js';
import { makeWorkspace, selected, writeDraw } from '../helpers/workspace.js';
import { runVerb } from '../helpers/inproc.js';

const A = '91410000MA0000001X';
const B = '91410000MA0000002X';

describe('non-cooperation', () => {
  const ws = makeWorkspace('ssj-noncoop-');
  afterAll(() => fs.rmSync(ws.root, { recursive: true, force: true }));
  const d1 = writeDraw(ws, { drawId: '20240301-1', drawDate: '2024-03-01', selected: [selected({ key: A, order: 1, name: '甲药店', legalRepresentative: '赵四' }), selected({ key: B, order: 2, name: '乙药店' })] });
  const d2 = writeDraw(ws, { drawId: '20240605-1', drawDate: '2024-06-05', selected: [selected({ key: A, order: 1, name: '甲药店', legalRepresentative: '赵四' }), selected({ key: B, order: 2, name: '乙药店' })] });
  const res = (drawId: string, entity: string, date: string, codes: number[], handling = '', sha = `${drawId}${entity}`): InspectionResult => ({ ...makeResult(drawId, entity, date, [['', codes]], null, handling), contentSha256: sha });
  const results = [
    res(d1.drawId, A, '2024-03-10', [6], '拒绝检查人员进入药房，法定代表人赵四拒签 电话13912345678'),
    res(d1.drawId, B, '2024-03-11', [6]),
    res(d2.drawId, A, '2024-06-10', [5, 6], '拒绝提供进销存台账'),
    res(d2.drawId, B, '2024-06-11', [1]),
  ];
  for (const r of results) {
    fs.mkdirSync(path.join(ws.results, r.drawId), { recursive: true });
    fs.writeFileSync(path.join(ws.results, r.drawId, `${r.entity}.json`), JSON.stringify(r));
  }

  it('counts code 6 per entity across draws; two make it due, once per count', () => {
    const map = refusalsByEntity(results, [d1, d2]);
    expect([...map.values()].map((e) => [e.entity, e.refusals.length])).toEqual([[A, 2], [B, 1]]);
    expect(dueForNotice(map, new Map()).map((e) => e.entity)).toEqual([A]);
    expect(dueForNotice(map, new Map([[A, 2]]))).toEqual([]);
    expect(map.get(A)?.refusals[0]?.circumstances).not.toContain('13912345678');
    expect(map.get(A)?.refusals[0]?.circumstances).not.toContain('赵四');
  });

  it('report warns; publish --month writes the notice with name, count, dates and circumstances; then report is quiet', async () => {
    const before = await runVerb('report', ws.root, { month: '2024-06', json: true }, [], '2024-07-01');
    const codes = (JSON.parse(before.out.join('')) as { warnings: { code: string; message: string }[] }).warnings;
    expect(codes.find((w) => w.code === 'non-cooperation')?.message).toContain('甲药店');
    expect((await runVerb('approve', ws.root, { draw: d2.drawId, by: '王局长' }, [], '2024-07-02')).code).toBe(0);
    const p = await runVerb('publish', ws.root, { month: '2024-06', encoding: 'utf8' }, [], '2024-07-03');
    expect(p.code).toBe(0);
    const csv = fs.readFileSync(path.join(ws.reports, '不配合检查公示-2024-06.csv'), 'utf8').replace(/^\ufeff/, '');
    const rows = Papa.parse<string[]>(csv, { skipEmptyLines: true }).data;
    expect(rows[0]).toEqual(['序号', '单位名称', '统一社会信用代码/医保编码', '不配合检查次数', '时间', '情形', '公示日期']);
    expect(rows.slice(1).map((r) => r.slice(1, 5))).toEqual([['甲药店', A, '2', '2024-03-10、2024-06-10']]);
    expect(rows[1]?.[5]).toContain('拒绝提供进销存台账');
    expect(csv).not.toContain('13912345678');
    expect(fs.existsSync(path.join(ws.reports, '不配合检查公示-2024-06.html'))).toBe(true);
    const after = await runVerb('report', ws.root, { month: '2024-06', json: true }, [], '2024-07-04');
    expect((JSON.parse(after.out.join('')) as { warnings: { code: string }[] }).warnings.map((w) => w.code)).not.toContain('non-cooperation');
  });

  it('refusals count whatever their approval: with no result approved, publish --month still writes the notice and says why no results were published', async () => {
    const w2 = makeWorkspace('ssj-noncoop-unapproved-');
    writeDraw(w2, d1);
    writeDraw(w2, d2);
    for (const r of results) {
      fs.mkdirSync(path.join(w2.results, r.drawId), { recursive: true });
      fs.writeFileSync(path.join(w2.results, r.drawId, `${r.entity}.json`), JSON.stringify(r));
    }
    const p = await runVerb('publish', w2.root, { month: '2024-06', encoding: 'utf8' }, [], '2024-07-03');
    expect(p.code).toBe(0);
    const csv = fs.readFileSync(path.join(w2.reports, '不配合检查公示-2024-06.csv'), 'utf8').replace(/^\ufeff/, '');
    expect(Papa.parse<string[]>(csv, { skipEmptyLines: true }).data.slice(1).map((r) => r.slice(1, 4))).toEqual([['甲药店', A, '2']]);
    expect(p.err.join('\n')).toContain('审核');
    expect(fs.existsSync(path.join(w2.reports, '公示-2024-06.csv'))).toBe(false);
    // Nobody due and nothing approved: refused as before.
    const again = await runVerb('publish', w2.root, { month: '2024-06', encoding: 'utf8' }, [], '2024-07-04');
    expect([again.code, again.errorKey]).toEqual([1, 'after.pub.noneApproved']);
  });
});
