/**
 * bench/ scripts run dist/ directly, outside the type check and knip: a move in src/ broke bench/docs.mjs
 * without a word. This runs it on 5 entities (no figure is asserted: speed is measured in bench/, not here).
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { ROOT } from '../helpers/cli.js';

it('bench/docs.mjs runs on a tiny draw: 5 record sheets and 5 notices', () => {
  const r = spawnSync(process.execPath, [path.join(ROOT, 'bench', 'docs.mjs'), '--entities', '5'], { cwd: ROOT, encoding: 'utf8' });
  expect({ code: r.status, stderr: r.stderr }).toEqual({ code: 0, stderr: '' });
  expect(r.stdout).toMatch(/entities 5: 5 record sheets .* 5 notices/);
  expect(r.stdout).toMatch(/documents 10 in/);
});
