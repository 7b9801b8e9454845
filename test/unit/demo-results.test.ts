import { demoResultRows, DEMO_RESULT_HEADERS, DEMO_SITE } from '../../src/core/demo-results.js';
import { parseCodes, splitDepartmentCodes } from '../../src/core/result-parse.js';
import type { DrawRecord, SelectedEntity, PlanRow } from '../../src/core/types.js';

const row = (no: number, departments: string[]): PlanRow =>
  ({ no, objectType: no === 1 ? '定点医疗机构' : '定点零售药店', teamGroups: departments.map((d) => ({ department: d, seats: 1 })) }) as unknown as PlanRow;

function draw(n: number, drawDate = '2024-06-05'): DrawRecord {
  const selected: SelectedEntity[] = Array.from({ length: n }, (_, i) => ({
    key: `K${String(i).padStart(3, '0')}`,
    stratum: i % 2 === 0 ? 1 : 2,
    order: i + 1,
    objectType: i % 2 === 0 ? '定点医疗机构' : '定点零售药店',
    name: `对象${i}`,
    region: '城关镇',
    uscc: '',
    ybbm: '',
    address: '',
    legalRepresentative: '',
  }));
  return {
    drawId: '20240605-1',
    drawDate,
    plan: { rows: [row(1, ['医疗保障局', '市场监督管理局']), row(2, [''])] },
    strata: [
      { number: 1, planRow: 1 },
      { number: 2, planRow: 2 },
    ],
    selected,
  } as unknown as DrawRecord;
}

describe('demo results from a draw', () => {
  it('one row per selected entity, in draw order, in the results-table layout', () => {
    const d = draw(21);
    const rows = demoResultRows(d);
    expect(rows).toHaveLength(21);
    expect(rows.every((r) => r.length === DEMO_RESULT_HEADERS.length)).toBe(true);
    expect(rows.map((r) => r[1])).toEqual(d.selected.map((e) => e.key));
    expect(new Set(rows.map((r) => r[0]))).toEqual(new Set(['20240605-1']));
  });

  it('is deterministic and depends on the draw', () => {
    expect(demoResultRows(draw(21))).toEqual(demoResultRows(draw(21)));
    const other = { ...draw(21), drawId: '20240605-2' } as DrawRecord;
    expect(demoResultRows(other).map((r) => r[4])).not.toEqual(demoResultRows(draw(21)).map((r) => r[4]));
  });

  it('dates fall after the draw and inside its month; publication after inspection', () => {
    for (const r of demoResultRows(draw(40, '2024-06-25'))) {
      expect(r[3] >= '2024-06-25' && r[3] <= '2024-06-30').toBe(true);
      if (r[6]) {
        expect(r[6] >= (r[3] ?? '')).toBe(true);
        expect(r[7]).toBe(DEMO_SITE);
      }
    }
  });

  it('codes parse as the importer reads them: per department for joint rows, plain otherwise', () => {
    const d = draw(21);
    const rows = demoResultRows(d);
    rows.forEach((r, i) => {
      const parts = splitDepartmentCodes(r[4] ?? '');
      if (d.selected[i]?.stratum === 1) {
        expect(parts?.map((p) => p.department)).toEqual(['医疗保障局', '市场监督管理局']);
        for (const p of parts ?? []) expect(parseCodes(p.codes).ok).toBe(true);
      } else {
        expect(parts).toBeNull();
        expect(parseCodes(r[4] ?? '').ok).toBe(true);
      }
    });
    // At least one problem found and one left pending, so the report has something to count.
    expect(rows.some((r) => /(^|:)5/.test(r[4] ?? ''))).toBe(true);
    expect(rows.filter((r) => /(^|:)8/.test(r[4] ?? '') && r[6] === '')).toHaveLength(1);
  });
});
