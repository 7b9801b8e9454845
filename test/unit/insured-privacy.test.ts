/**
 * 参保人 privacy (ssj-draw/2, D2-9): a 参保人's name and whole ID number never
 * reach a publication, the drawn list, the screen views or a report warning;
 * only the masked number (first 3, last 4) and the result.
 */
import { countsOnlyRecord, maskedRecord, maskKey } from '../../src/core/mask.js';
import { publicationRows } from '../../src/core/publish.js';
import { monthlyFigures } from '../../src/core/report.js';
import type { DrawRecord, SelectedEntity } from '../../src/core/types.js';
import { juneScenario, makeResult } from '../helpers/report-fixtures.js';

const ID = '410901198001011034';
const NAME = '赵参保';

function withInsured(): { draw: DrawRecord; s: ReturnType<typeof juneScenario> } {
  const s = juneScenario();
  const base = s.draws.find((d) => d.drawDate.startsWith('2024-06'))!;
  const stratum = base.strata.length + 1;
  const person: SelectedEntity = { key: ID, stratum, order: base.selected.length + 1, objectType: '参保人', name: NAME, region: '路北区', uscc: '', ybbm: '', address: '', legalRepresentative: '' };
  const draw: DrawRecord = {
    ...base,
    plan: { ...base.plan, rows: [...base.plan.rows, { ...base.plan.rows[0]!, no: 99, item: '参保人医保基金使用情况检查', objectType: '参保人' }] },
    strata: [...base.strata, { ...base.strata[0]!, number: stratum, planRow: 99, objectType: '参保人', label: `${stratum} 参保人 1家`, selected: [ID], excluded: [] }],
    selected: [...base.selected, person],
    teams: [...base.teams, { entity: ID, members: base.teams[0]!.members }],
  };
  return { draw, s };
}

describe('参保人 privacy', () => {
  it('masks the key: first 3 and last 4 kept', () => {
    expect(maskKey(ID)).toBe('410***********1034');
    expect(maskKey('AB12')).toBe('**12');
  });

  it('the screen/witness view and the drawn list hold no name and no whole number', () => {
    const { draw } = withInsured();
    const shown = JSON.stringify(maskedRecord(draw));
    expect(shown).not.toContain(NAME);
    expect(shown).not.toContain(ID);
    expect(shown).toContain(maskKey(ID));
    const list = JSON.stringify(countsOnlyRecord(draw));
    expect(list).not.toContain(NAME);
    expect(list).not.toContain(ID.slice(-4));
    expect(list).toContain('参保人1名');
  });

  it('the results publication shows the masked number and the result only', () => {
    const { draw, s } = withInsured();
    const result = { ...makeResult(draw.drawId, ID, '2024-06-20', [['医疗保障局', [1]]]), handling: `${NAME}（${ID}）已说明情况` };
    const out = publicationRows({ draws: [draw], amendments: [], results: [...s.results, result], today: '2024-06-30' });
    const text = JSON.stringify(out.rows);
    expect(text).not.toContain(NAME);
    expect(text).not.toContain(ID);
    expect(text).toContain(maskKey(ID));
    const none = publicationRows({ draws: [draw], amendments: [], results: s.results, today: '2024-06-30' });
    expect(JSON.stringify(none.skipped)).not.toContain(ID);
  });

  it('a report warning about a missing result names no 参保人', () => {
    const { draw, s } = withInsured();
    const f = monthlyFigures([draw], s.results, s.publications, [], '2024-06', 'u');
    const text = JSON.stringify(f.missingResults);
    expect(text).not.toContain(NAME);
    expect(text).not.toContain(ID);
  });
});
