/**
 * ssj-draw/1 re-run by an independent implementation (docs/independent/ssjdraw.py,
 * Python, written from the documents only): ALGORITHM.md's vectors, and the
 * demo's draw — every stratum and every team — from its record and registries.
 * Needs python3 with openpyxl; CI installs both (.ci/run), elsewhere the test
 * is skipped when they are missing.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT, ssj, tempDir } from '../helpers/cli.js';

const SCRIPT = path.join(ROOT, 'docs', 'independent', 'ssjdraw.py');
const python = spawnSync('python3', ['-c', 'import openpyxl'], { encoding: 'utf8' }).status === 0;
const maybe = python || process.env.CI ? describe : describe.skip;

maybe('an independent implementation of ssj-draw/1', () => {
  it('has python3 with openpyxl (CI installs them)', () => expect(python).toBe(true));

  it('reproduces the worked test vectors of docs/ALGORITHM.md', () => {
    const r = spawnSync('python3', [SCRIPT, 'vectors'], { encoding: 'utf8' });
    expect(r.stdout).not.toContain('FAIL');
    expect(r.status).toBe(0);
  });

  it('re-runs the demo draw from its record and registries: every stratum and every team identical', () => {
    const dir = path.join(tempDir('ssj-independent-'), 'demo');
    const d = ssj(['demo', dir, '--json']);
    expect(d.code).toBe(0);
    const id = (JSON.parse(d.stdout) as { drawId: string }).drawId;
    const reg = (f: string) => path.join(dir, 'registries', f);
    const r = spawnSync('python3', [SCRIPT, 'verify', path.join(dir, 'draws', `${id}.json`), '--entities', reg('pharmacies.xlsx'), reg('institutions.xlsx'),
      '--inspectors', reg('inspectors-gbk.csv'), '--conflicts', reg('conflicts.xlsx'), '--ledger-dir', dir], { encoding: 'utf8' });
    const record = JSON.parse(fs.readFileSync(path.join(dir, 'draws', `${id}.json`), 'utf8')) as { strata: unknown[]; teams: unknown[] };
    expect(r.stdout.match(/ MATCH$/gm)?.length).toBe(record.strata.length);
    expect(r.stdout).toContain(`teams: ${record.teams.length}/${record.teams.length} identical`);
    expect(r.status).toBe(0);
  }, 120000);
});
