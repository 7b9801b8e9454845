import fs from 'node:fs';
import fc from 'fast-check';
import path from 'node:path';
import { resultContentSha256 } from '../../src/core/results.js';
import { planImport, type FileReading } from '../../src/core/results-import.js';
import type { InspectionResult } from '../../src/core/types.js';
import { fileSafe, loadHistory, loadResultMap, loadResults, resultPath, storeResults } from '../../src/io/results-store.js';
import { makeWorkspace } from '../helpers/workspace.js';

function result(entity: string, codes: number[], file = 'a.xlsx'): InspectionResult {
  const content = { format: 'ssj-result/1' as const, drawId: '20240601-1', entity, inspectionDate: '2024-06-12', departments: [{ department: '医疗保障局', codes }], handling: '', remarks: '', publication: null };
  return { ...content, source: { file, form: 'sheet', importedAt: '2024-06-20T12:00:00+08:00' }, contentSha256: resultContentSha256(content) };
}

const anyCodeUnit = fc.integer({ min: 0, max: 0xffff }).map((n) => String.fromCharCode(n));

const reading = (file: string, results: InspectionResult[]): FileReading => ({
  file,
  form: 'sheet',
  issues: [],
  inspections: results.map((r) => ({ result: r, issues: [], anchor: { value: '', sheet: '记录表', row: 11, column: 'D', cell: 'D11' } })),
});

describe('results store', () => {
  it('stores atomically under results/<draw>/<entity>.json and loads them back', () => {
    const ws = makeWorkspace();
    const written = storeResults(ws, planImport([reading('a.xlsx', [result('E1', [1]), result('E2', [5, 8])])], new Map(), false));
    expect(written.map((f) => path.relative(ws.results, f))).toEqual(['20240601-1/E1.json', '20240601-1/E2.json']);
    expect(loadResults(ws).map((r) => [r.entity, r.departments[0]?.codes])).toEqual([
      ['E1', [1]],
      ['E2', [5, 8]],
    ]);
    expect(fs.readdirSync(path.join(ws.results, '20240601-1')).filter((f) => f.startsWith('.ssj-tmp'))).toEqual([]);
  });

  it('keeps every replaced version in .history, numbered, never overwritten', () => {
    const ws = makeWorkspace();
    storeResults(ws, planImport([reading('a.xlsx', [result('E1', [1])])], new Map(), false));
    storeResults(ws, planImport([reading('b.xlsx', [result('E1', [5], 'b.xlsx')])], loadResultMap(ws), true));
    storeResults(ws, planImport([reading('c.xlsx', [result('E1', [8], 'c.xlsx')])], loadResultMap(ws), true));
    expect(loadHistory(ws, '20240601-1', 'E1').map((r) => [r.source.file, r.departments[0]?.codes])).toEqual([
      ['a.xlsx', [1]],
      ['b.xlsx', [5]],
    ]);
    expect(loadResults(ws).map((r) => r.departments[0]?.codes)).toEqual([[8]]);
  });

  it('writes nothing for refused or unchanged files', () => {
    const ws = makeWorkspace();
    storeResults(ws, planImport([reading('a.xlsx', [result('E1', [1])])], new Map(), false));
    const before = fs.readFileSync(resultPath(ws, '20240601-1', 'E1'), 'utf8');
    const out = planImport([reading('a.xlsx', [result('E1', [1])]), reading('b.xlsx', [result('E1', [9])])], loadResultMap(ws), false);
    expect(storeResults(ws, out)).toEqual([]);
    expect(fs.readFileSync(resultPath(ws, '20240601-1', 'E1'), 'utf8')).toBe(before);
  });

  it('ignores temp files and the audit trail when loading; refuses a damaged result naming it', () => {
    const ws = makeWorkspace();
    storeResults(ws, planImport([reading('a.xlsx', [result('E1', [1])])], new Map(), false));
    fs.writeFileSync(path.join(ws.results, '20240601-1', '.ssj-tmp-1-x-E2.json'), '{');
    fs.mkdirSync(path.join(ws.results, '.history', '20240601-1'), { recursive: true });
    fs.writeFileSync(path.join(ws.results, '.history', '20240601-1', 'E1-1.json'), JSON.stringify(result('E1', [3])));
    expect(loadResults(ws).map((r) => r.entity)).toEqual(['E1']);
    fs.writeFileSync(path.join(ws.results, '20240601-1', 'E3.json'), '{"format":"other"}');
    expect(() => loadResults(ws)).toThrow(expect.objectContaining({ key: 'results.badStored' }));
  });

  it('maps different keys to different safe file names', () => {
    fc.assert(
      fc.property(fc.string({ unit: anyCodeUnit }), fc.string({ unit: anyCodeUnit }), (a, b) => {
        fc.pre(a !== b);
        expect(fileSafe(a)).not.toBe(fileSafe(b));
        expect(fileSafe(a)).toMatch(/^[A-Za-z0-9_%u-]*$/);
      }),
    );
  });

  it('makes keys safe as file names', () => {
    expect(fileSafe('91410481MA44000011')).toBe('91410481MA44000011');
    expect(fileSafe('../x')).toBe('%2E%2E%2Fx');
    expect(fileSafe('药')).toBe('%E8%8D%AF');
  });
});
