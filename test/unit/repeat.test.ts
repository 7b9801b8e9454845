/** 抽查频次 periods and repeat draws of a plan row (issue 15). */
import { periodOf, repeatedRows } from '../../src/core/repeat.js';
import { plan, planRow } from '../helpers/workspace.js';

describe('periodOf', () => {
  it('cuts the year by 抽查频次: year, half-years, quarters, months; none → month; more than 12 → day', () => {
    expect(periodOf('2024-06-03', 1)).toBe('2024');
    expect([periodOf('2024-06-30', 2), periodOf('2024-07-01', 2)]).toEqual(['2024/2-1', '2024/2-2']);
    expect([periodOf('2024-03-31', 4), periodOf('2024-04-01', 4), periodOf('2024-12-31', 4)]).toEqual(['2024/4-1', '2024/4-2', '2024/4-4']);
    expect([periodOf('2024-06-03', 12), periodOf('2024-06-03', null), periodOf('2024-06-03', 0)]).toEqual(['2024-06', '2024-06', '2024-06']);
    expect(periodOf('2024-06-03', 24)).toBe('2024-06-03');
    expect([periodOf('2024-04-30', 5), periodOf('2024-05-01', 5)]).toEqual(['2024/5-2', '2024/5-2']);
  });
});

describe('repeatedRows', () => {
  const twice = plan({ rows: [planRow({ no: 1, timesPerYear: 2 }), planRow({ no: 2, objectType: '定点医疗机构', timesPerYear: 4 })] });
  it('names the rows an earlier draw of the same period already drew, and the draws', () => {
    const earlier = [
      { drawId: 'A', drawDate: '2024-02-01', plan: plan({ rows: [planRow({ no: 7, timesPerYear: 2 })] }) },
      { drawId: 'B', drawDate: '2024-01-15', plan: plan({ rows: [planRow({ no: 1, objectType: '定点医疗机构' })] }) },
    ];
    expect(repeatedRows(twice, '2024-06-03', earlier)).toEqual([{ row: 1, item: twice.rows[0]!.item, objectType: '定点零售药店', period: '2024/2-1', draws: ['A'] }]);
  });
  it('lets the next period draw again, and a different row', () => {
    const earlier = [{ drawId: 'A', drawDate: '2024-02-01', plan: twice }];
    expect(repeatedRows(twice, '2024-07-01', earlier)).toEqual([]);
    expect(repeatedRows(plan({ rows: [planRow({ item: '其他事项' })] }), '2024-02-02', earlier)).toEqual([]);
  });
});
