/** ssj stats: a hand-counted year — months, 抽查完成率, 完结率, code mix, coverage (this year, three years, never), inspectors, quarterly dates. */
import fs from 'node:fs';
import path from 'node:path';
import * as XLSX from 'xlsx';
import type { InspectionResult } from '../../src/core/types.js';
import { makeResult } from '../helpers/report-fixtures.js';
import { FIXTURES } from '../helpers/cli.js';
import { makeWorkspace, selected, writeDraw } from '../helpers/workspace.js';
import { runVerb } from '../helpers/inproc.js';

// clean-pharmacies-utf8bom.csv: six pharmacies (keys as read: USCC, else 医保编码).
const K1 = '91350100M000100Y43';
const K2 = '91110000600037341L';
const K3 = '92410923MA44X7K20F';
const K4 = '91410926MA45B3C11J';

describe('ssj stats --year', () => {
  const ws = makeWorkspace('ssj-stats-');
  afterAll(() => fs.rmSync(ws.root, { recursive: true, force: true }));
  const old = writeDraw(ws, { drawId: '20220610-1', drawDate: '2022-06-10', selected: [selected({ key: K4, order: 1 })] });
  const june = writeDraw(ws, { drawId: '20240605-1', drawDate: '2024-06-05', selected: [selected({ key: K1, order: 1 }), selected({ key: K2, order: 2 }), selected({ key: K3, order: 3 })] });
  const aug = writeDraw(ws, { drawId: '20240801-1', drawDate: '2024-08-01', selected: [selected({ key: K4, order: 1 })] });
  const put = (r: InspectionResult) => {
    fs.mkdirSync(path.join(ws.results, r.drawId), { recursive: true });
    fs.writeFileSync(path.join(ws.results, r.drawId, `${r.entity}.json`), JSON.stringify(r));
  };
  put({ ...makeResult(old.drawId, K4, '2022-06-20', [['', [1]]]), contentSha256: 'o4' });
  put({ ...makeResult(june.drawId, K1, '2024-06-10', [['', [1]]]), contentSha256: 'j1' });
  put({ ...makeResult(june.drawId, K2, '2024-06-11', [['', [5, 8]]]), contentSha256: 'j2', followUp: { measure: '责令整改', deadline: '2024-07-01' } });
  put({ ...makeResult(aug.drawId, K4, '2024-08-05', [['', [8]]]), contentSha256: 'a4' });

  it('counts by hand', async () => {
    const ap = await runVerb('approve', ws.root, { draw: june.drawId, by: '王局长' }, [], '2024-08-20');
    expect([ap.code, ap.err]).toEqual([0, []]);
    expect((await runVerb('publish', ws.root, { draw: june.drawId, encoding: 'utf8' }, [], '2024-08-21')).code).toBe(0);
    const r = await runVerb('stats', ws.root, { year: '2024', json: true, entities: [path.join(FIXTURES, 'registries', 'clean-pharmacies-utf8bom.csv')] }, [], '2024-09-01');
    expect(r.code).toBe(0);
    const s = JSON.parse(r.out.join('')) as {
      file: string; months: { month: string; draws: number; drawn: number; inspected: number; approved: number; published: number; closed: number }[];
      total: { drawn: number; published: number; closed: number }; completionRate: string; closureRate: string; codes: { code: number; results: number }[];
      coverage: { objectType: string; registry: number; inspectedThisYear: number; shareThisYear: string; inspectedThreeYears: number; shareThreeYears: string }[];
      neverInspected: { key: string }[]; inspectors: { key: string; assigned: number; inspected: number; asLeader: number }[];
      quarterly: { date: string; passed: boolean; withoutResult: number; unpublished: number; openFollowUps: number }[];
    };
    expect(s.months.find((m) => m.month === '2024-06')).toEqual({ month: '2024-06', draws: 1, drawn: 3, inspected: 2, approved: 2, published: 2, closed: 1 });
    expect(s.months.find((m) => m.month === '2024-08')).toEqual({ month: '2024-08', draws: 1, drawn: 1, inspected: 1, approved: 0, published: 0, closed: 0 });
    // 完成率 = published 2 ÷ drawn 4; 完结率 = closed 1 (K1: no follow-up needed) ÷ published 2 (K2's 整改 is open)
    expect([s.completionRate, s.closureRate]).toEqual(['50.00%', '50.00%']);
    expect(s.codes).toEqual([{ code: 1, results: 1 }, { code: 5, results: 1 }, { code: 8, results: 2 }]);
    // Six pharmacies: K1, K2, K4 inspected in 2024 (3/6); over 2022–2024 the same three (K4 also in 2022); never: the other three.
    expect(s.coverage).toEqual([{ objectType: '定点零售药店', registry: 6, inspectedThisYear: 3, shareThisYear: '50.00%', inspectedThreeYears: 3, shareThreeYears: '50.00%' }]);
    expect(s.neverInspected.map((e) => e.key)).not.toContain(K1);
    expect(s.neverInspected).toHaveLength(3);
    expect(s.inspectors.find((i) => i.key === 'ZF101')).toEqual({ key: 'ZF101', name: '甲1', assigned: 2, inspected: 2, asLeader: 2 }); // June K1 and August K4 (order 1 each)
    expect(s.quarterly.map((q) => [q.date, q.passed, q.withoutResult, q.unpublished, q.openFollowUps])).toEqual([
      ['2024-04-05', true, 0, 0, 2], ['2024-07-01', true, 1, 0, 2], ['2024-10-06', false, 1, 1, 2], ['2024-12-20', false, 1, 1, 2],
    ]);
    const wb = XLSX.read(fs.readFileSync(s.file));
    expect(wb.SheetNames).toEqual(['月度', '结果编号', '覆盖率', '从未检查', '检查人员', '季度报送']);
    // The workbook is listed by one `statistics` event: an edit of it is named by verify --ledger.
    const last = JSON.parse(fs.readFileSync(path.join(ws.root, 'ledger.jsonl'), 'utf8').trim().split('\n').at(-1) as string) as { kind: string; year: number; files: { path: string }[] };
    expect([last.kind, last.year, last.files.map((f) => f.path)]).toEqual(['statistics', 2024, ['reports/统计-2024.xlsx']]);
    expect((await runVerb('verify', ws.root, { ledger: true }, [], '2024-09-01')).code).toBe(0);
    const bytes = fs.readFileSync(s.file);
    fs.appendFileSync(s.file, 'x');
    const bad = await runVerb('verify', ws.root, { ledger: true }, [], '2024-09-01');
    expect([bad.code, bad.out.join('\n').includes('统计-2024.xlsx')]).toEqual([1, true]);
    fs.writeFileSync(s.file, bytes);
  });

  it('--quarter 3 keeps July–September; a bad year is a usage error', async () => {
    const r = await runVerb('stats', ws.root, { year: '2024', quarter: '3', json: true, entities: [path.join(FIXTURES, 'registries', 'clean-pharmacies-utf8bom.csv')] }, [], '2024-09-01');
    const s = JSON.parse(r.out.join('')) as { months: { month: string }[]; total: { drawn: number } };
    expect(s.months.map((m) => m.month)).toEqual(['2024-07', '2024-08', '2024-09']);
    expect(s.total.drawn).toBe(1);
    expect((await runVerb('stats', ws.root, { year: '24' })).code).toBe(2);
  });
});
