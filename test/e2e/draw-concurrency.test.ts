import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { BIN, committed, ssjIn, tempDir } from '../helpers/cli.js';
import { drawFiles, inputArgs, makeWorkspace, SEED, type Files } from './draw-fixtures.js';

/** A spawned draw; `done` is attached at once, so an exit during a sleep is never missed. */
function start(root: string, f: Files, seed: string) {
  const proc = spawn(process.execPath, [BIN, ...committed(['draw', ...inputArgs(f), '--seed', seed, '--date', '2024-06-03', '--workspace', root, '--no-sheets', '--json'])], {
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', NO_COLOR: '1', TZ: 'Asia/Shanghai' },
    stdio: ['ignore', 'ignore', 'ignore'],
  });
  const done = new Promise<number | null>((resolve) => proc.on('exit', (code) => resolve(code)));
  return { proc, done };
}

const finished = (p: ReturnType<typeof start>) => p.done;
/** The same draw in-process, where no process needs to be killed or raced. */
const drawIn = (root: string, f: Files, seed: string) => ssjIn(committed(['draw', ...inputArgs(f), '--seed', seed, '--date', '2024-06-03', '--workspace', root, '--no-sheets', '--json']));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Every file in draws/ is whole: records parse, pages end, workbooks open. */
async function expectWholeFiles(root: string): Promise<void> {
  for (const name of drawFiles(root)) {
    const file = path.join(root, 'draws', name);
    if (fs.statSync(file).isDirectory()) continue;
    if (name.endsWith('.json')) expect(() => JSON.parse(fs.readFileSync(file, 'utf8'))).not.toThrow();
    if (name.endsWith('.html')) expect(fs.readFileSync(file, 'utf8').trimEnd().endsWith('</html>')).toBe(true);
    if (name.endsWith('.xlsx')) await new ExcelJS.Workbook().xlsx.readFile(file);
  }
}

describe('draws at once and killed draws', () => {
  it('two draws started at once leave a ledger that verifies, with two ids', async () => {
    const root = tempDir('ssj-concurrent-');
    const files = await makeWorkspace(root);
    const a = start(root, files, SEED);
    const b = start(root, files, '27182818284590452353');
    expect(await Promise.all([finished(a), finished(b)])).toEqual([0, 0]);
    const lines = fs.readFileSync(path.join(root, 'ledger.jsonl'), 'utf8').trim().split('\n');
    expect(lines.map((l) => (JSON.parse(l) as { drawId: string }).drawId).sort()).toEqual(['20240603-1', '20240603-2']);
    const v = await ssjIn(['verify', '--ledger', '--json', '--workspace', root]);
    expect(v.code).toBe(0);
    expect(JSON.parse(v.stdout)).toMatchObject({ match: true, lines: 2 });
  });

  it('a draw killed with SIGKILL at any moment leaves no partial file and a ledger that verifies; the next draw takes over', async () => {
    const root = tempDir('ssj-kill-');
    const files = await makeWorkspace(root);
    const t0 = Date.now();
    expect(await finished(start(root, files, SEED))).toBe(0);
    const full = Date.now() - t0;
    for (const fraction of [0.5, 0.7, 0.8, 0.9, 0.95, 1.0]) {
      const p = start(root, files, SEED);
      await sleep(Math.floor(full * fraction));
      p.proc.kill('SIGKILL');
      await finished(p);
      await expectWholeFiles(root);
      const v = await ssjIn(['verify', '--ledger', '--json', '--workspace', root]);
      expect([v.code, JSON.parse(v.stdout).differences]).toEqual([0, []]);
    }
    const after = await ssjIn(committed(['draw', ...inputArgs(files), '--seed', SEED, '--date', '2024-06-03', '--workspace', root, '--no-sheets', '--json']));
    expect(after.code).toBe(0);
    const v = await ssjIn(['verify', '--ledger', '--json', '--workspace', root]);
    expect(v.code).toBe(0);
    expect(JSON.parse(v.stdout).interrupted).toEqual([]);
    expect(fs.existsSync(path.join(root, '.ssj.lock'))).toBe(false);
  }, 240_000); // eight spawned draws and verifies: slow on a loaded 2-core machine

  it('a record cut off before its ledger line is reported as interrupted, then set aside by the next draw', async () => {
    const root = tempDir('ssj-interrupted-');
    const files = await makeWorkspace(root);
    expect((await drawIn(root, files, SEED)).code).toBe(0);
    fs.writeFileSync(path.join(root, 'ledger.jsonl'), ''); // as if killed between the record and its ledger line
    // Without the pending note a killed command leaves, an unlisted record is a difference (say its ledger line was deleted).
    const cut = await ssjIn(['verify', '--ledger', '--json', '--workspace', root]);
    expect([cut.code, JSON.parse(cut.stdout).differences.map((d: { field: string; drawId?: string }) => [d.field, d.drawId])]).toEqual([1, [['ledger', '20240603-1']]]);
    fs.writeFileSync(path.join(root, '.ssj-pending.json'), JSON.stringify({ kind: 'draw', drawId: '20240603-1', files: ['draws/20240603-1.json'] }));
    const v = await ssjIn(['verify', '--ledger', '--json', '--workspace', root]);
    expect(v.code).toBe(0);
    expect(JSON.parse(v.stdout)).toMatchObject({ match: true, interrupted: ['20240603-1'] });
    expect((await drawIn(root, files, SEED)).code).toBe(0);
    expect(fs.readdirSync(path.join(root, 'draws', 'interrupted')).sort()).toEqual(['20240603-1-witness.html', '20240603-1-witness.xlsx', '20240603-1.json']);
    const after = await ssjIn(['verify', '--ledger', '--json', '--workspace', root]);
    expect(JSON.parse(after.stdout)).toMatchObject({ match: true, lines: 1, interrupted: [], setAside: [{ line: 1, drawId: '20240603-1' }] });
    expect(drawFiles(root).filter((n) => n.endsWith('.json'))).toEqual(['20240603-2.json']);
  });

  it('witness sheets written before a kill, with no record, are set aside by the next draw', async () => {
    const root = tempDir('ssj-orphan-witness-');
    const files = await makeWorkspace(root);
    expect((await drawIn(root, files, SEED)).code).toBe(0);
    fs.writeFileSync(path.join(root, 'ledger.jsonl'), '');
    fs.rmSync(path.join(root, 'draws', '20240603-1.json')); // as if killed between the witness sheets and the record
    expect((await ssjIn(['verify', '--ledger', '--workspace', root])).code).toBe(0);
    expect((await drawIn(root, files, SEED)).code).toBe(0);
    expect(fs.readdirSync(path.join(root, 'draws', 'interrupted')).sort()).toEqual(['20240603-1-witness.html', '20240603-1-witness.xlsx']);
    expect(drawFiles(root)).toEqual(['20240603-2-witness.html', '20240603-2-witness.xlsx', '20240603-2.json', 'interrupted']);
  });
});

