/**
 * A blank template (header, no data row) is said to be empty by validate,
 * announce and draw — not passed as 没有问题, nor blamed on the plan's
 * departments — and nothing is written.
 */
import fs from 'node:fs';
import path from 'node:path';
import { ssjIn, tempDir, expectNoStack } from '../helpers/cli.js';

describe('empty registries', () => {
  const base = tempDir('ssj-empty-');
  const ws = path.join(base, 'ws');
  const pharmacies = path.join(ws, 'registries', '附件2-定点零售药店名录库.xlsx');
  const inspectors = path.join(ws, 'registries', '附件4-检查人员名录库.xlsx');
  const plan = path.join(ws, 'plans', '抽查工作计划.xlsx');
  beforeAll(async () => {
    expect((await ssjIn(['init', ws])).code).toBe(0);
  });
  afterAll(() => fs.rmSync(base, { recursive: true, force: true }));

  it('validate reports registry-empty on the blank registry, exit 1', async () => {
    const r = await ssjIn(['validate', pharmacies, '--json']);
    expectNoStack(r);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout) as { files: { rows: number; issues: { code: string; row: number }[] }[] };
    expect(report.files.map((f) => [f.rows, f.issues.map((i) => [i.code, i.row])])).toEqual([[0, [['registry-empty', 3]]]]);
  });

  it.each(['announce', 'draw'])('%s names each empty registry and not the plan, writing nothing', async (verb) => {
    const r = await ssjIn([verb, '--workspace', ws, '--plan', plan, '--entities', pharmacies, '--inspectors', inspectors, '--date', '2026-12-04', ...(verb === 'draw' ? ['--seed', '12345678901234567890', '--no-announcement', '测试'] : [])]);
    expectNoStack(r);
    expect(r.code).toBe(1);
    expect(r.stderr.match(/\[[a-z-]+\]/g)).toEqual(['[registry-empty]', '[registry-empty]']);
    expect(r.stderr).toContain('没有数据行');
    expect(fs.readdirSync(path.join(ws, 'draws'))).toEqual([]);
  });
});
