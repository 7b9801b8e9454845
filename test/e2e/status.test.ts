/** ssj status: which selected entities still lack results, before and after an import. */
import fs from 'node:fs';
import path from 'node:path';
import type { DrawRecord } from '../../src/core/types.js';
import type { ResultsStatus } from '../../src/core/results-status.js';
import { FIXTURES, ssjIn } from '../helpers/cli.js';
import { makeWorkspace, selected, writeDraw } from '../helpers/workspace.js';

const joint = JSON.parse(fs.readFileSync(path.join(FIXTURES, 'results', 'joint-draw.json'), 'utf8')) as Partial<DrawRecord>;

describe('ssj status', () => {
  const ws = makeWorkspace();
  writeDraw(ws, joint);
  writeDraw(ws, { drawId: '20240701-1', drawDate: '2024-07-01', selected: [selected({ key: '91410000MA0000001X', order: 1, name: '七月药店', region: '城区' })] });
  const status = async (extra: string[] = []) => {
    const r = await ssjIn(['status', '--workspace', ws.root, '--json', ...extra]);
    expect(r.code).toBe(0);
    return JSON.parse(r.stdout) as ResultsStatus;
  };
  const missing = (s: ResultsStatus) => s.draws.map((d) => [d.drawId, d.missing.map((m) => [m.order, m.key, m.name, m.region])]);

  it('lists every selected entity before any import', async () => {
    expect(missing(await status())).toEqual([
      ['20240601-1', [[1, '91410481MA44000011', '舞钢市仁和大药房', '垭口街道'], [2, '91410481MA44000022', '舞钢市康泰药店/二分店', '矿建街道'], [3, 'P41048100033', '尹集镇百姓药店', '尹集镇']]],
      ['20240701-1', [[1, '91410000MA0000001X', '七月药店', '城区']]],
    ]);
  });

  it('drops the imported ones after ssj results; --draw narrows to one draw', async () => {
    const r = await ssjIn(['results', path.join(FIXTURES, 'results', 'lo-filled.xlsx'), path.join(FIXTURES, 'results', 'lo-row-inserted.xlsx'), '--workspace', ws.root, '--date', '2024-07-20']);
    expect(r.code).toBe(0);
    const s = await status(['--draw', '20240601-1']);
    expect(missing(s)).toEqual([['20240601-1', [[3, 'P41048100033', '尹集镇百姓药店', '尹集镇']]]]);
    expect(s.summary).toEqual({ draws: 1, selected: 3, withResults: 2, missing: 1 });
    expect((await status()).summary).toEqual({ draws: 2, selected: 4, withResults: 2, missing: 2 });
  });

  it('prints the missing entities as text, exit 0', async () => {
    const r = await ssjIn(['status', '--workspace', ws.root]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('抽取 20240601-1（2024-06-01）：选中 3 个，已有结果 2 个，尚缺 1 个。');
    expect(r.stdout).toContain('3. P41048100033  尹集镇百姓药店  尹集镇');
  });

  it('says so when the ledger holds no draws', async () => {
    const empty = makeWorkspace();
    const r = await ssjIn(['status', '--workspace', empty.root]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('ssj draw');
  });
});
