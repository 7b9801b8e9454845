/**
 * The announcement snapshot (issue #20): `ssj draw --announcement` draws from
 * the snapshot when every input file is the one announced, and the draw is
 * byte for byte the one made by reading the files (the same seed, date and
 * workspace path); a missing or edited snapshot is said and the files are read;
 * a changed input file is said and the announcement check refuses the draw;
 * `ssj verify` of the snapshot's draw re-reads the files and says 一致.
 */
import fs from 'node:fs';
import path from 'node:path';
// @ts-expect-error — plain ESM script without types
import { writeInspectorsCsv, writePharmacyCsv, writePlanCsv } from '../../bench/gen.mjs';
import { ssjIn, tempDir } from '../helpers/cli.js';

let dir: string;
let ws: string;
let saved: string;
let inputs: string[];
const ANN = () => path.join(ws, 'draws', '20240601-1-announcement.json');
const SNAP = () => path.join(ws, 'draws', '20240601-1-snapshot.bin');

function restore(): void {
  fs.rmSync(ws, { recursive: true, force: true });
  fs.cpSync(saved, ws, { recursive: true });
}

async function draw(...extra: string[]): Promise<{ code: number; stderr: string; files: Map<string, Buffer> }> {
  const r = await ssjIn(['draw', '--workspace', ws, '--date', '2024-06-05', '--yes', ...inputs, '--seed', '31415926535897932384', '--seed-source', 'test', '--announcement', ANN(), '--no-sheets', '--lang', 'en', ...extra]);
  const files = new Map<string, Buffer>();
  for (const f of fs.readdirSync(path.join(ws, 'draws')).sort()) if (!f.includes('announcement') && !f.includes('snapshot')) files.set(f, fs.readFileSync(path.join(ws, 'draws', f)));
  files.set('ledger.jsonl', fs.existsSync(path.join(ws, 'ledger.jsonl')) ? fs.readFileSync(path.join(ws, 'ledger.jsonl')) : Buffer.alloc(0));
  return { code: r.code, stderr: r.stderr, files };
}

let viaSnapshot: Awaited<ReturnType<typeof draw>>;

beforeAll(async () => {
  dir = tempDir('ssj-snapshot-');
  const data = path.join(dir, 'data');
  fs.mkdirSync(data);
  writePlanCsv(path.join(data, 'plan.csv'));
  writePharmacyCsv(path.join(data, 'pharmacies.csv'), 3000);
  writeInspectorsCsv(path.join(data, 'inspectors.csv'), 400);
  // Recusal pairs among the rows written (a pair naming no registry row is an error).
  const column = (file: string, i: number) => fs.readFileSync(file, 'utf8').split('\r\n').slice(1, 40).map((l) => l.split(',')[i] as string);
  const inspectorKeys = column(path.join(data, 'inspectors.csv'), 8);
  const entityKeys = column(path.join(data, 'pharmacies.csv'), 3);
  fs.writeFileSync(path.join(data, 'conflicts.csv'), '\ufeff执法证号,统一社会信用代码,原因\r\n' + inspectorKeys.map((k, i) => `${k},${entityKeys[(i * 7) % entityKeys.length]},亲属关系\r\n`).join(''));
  inputs = ['--plan', path.join(data, 'plan.csv'), '--entities', path.join(data, 'pharmacies.csv'), '--inspectors', path.join(data, 'inspectors.csv'), '--conflicts', path.join(data, 'conflicts.csv')];
  ws = path.join(dir, 'ws');
  fs.mkdirSync(path.join(ws, 'draws'), { recursive: true });
  const a = await ssjIn(['announce', '--workspace', ws, '--date', '2024-06-01', '--yes', ...inputs, '--lang', 'en']);
  expect(a.code).toBe(0);
  saved = path.join(dir, 'saved');
  fs.cpSync(ws, saved, { recursive: true });
  viaSnapshot = await draw();
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('draw --announcement with a snapshot', () => {
  it('announce writes the snapshot and records its SHA-256 in the announcement', async () => {
    const ann = JSON.parse(fs.readFileSync(path.join(saved, 'draws', '20240601-1-announcement.json'), 'utf8'));
    const bytes = fs.readFileSync(path.join(saved, 'draws', '20240601-1-snapshot.bin'));
    expect(ann.snapshot).toEqual({ file: '20240601-1-snapshot.bin', sha256: expect.stringMatching(/^[0-9a-f]{64}$/), bytes: bytes.length });
  });

  it('draws from the snapshot when the files are the ones announced', async () => {
    expect(viaSnapshot.code).toBe(0);
    expect(viaSnapshot.stderr).toContain('drawing from the announcement snapshot');
  });

  it('gives byte for byte the draw made by reading the files (--no-snapshot)', async () => {
    restore();
    const full = await draw('--no-snapshot');
    expect(full.code).toBe(0);
    expect(full.stderr).not.toContain('snapshot');
    expect([...full.files.keys()]).toEqual([...viaSnapshot.files.keys()]);
    for (const [name, bytes] of full.files) expect([name, bytes.equals(viaSnapshot.files.get(name) as Buffer)]).toEqual([name, true]);
  });

  it('refuses a snapshot edited by one byte: says so, and the ledger that lists it stops the draw', async () => {
    restore();
    const bytes = fs.readFileSync(SNAP());
    bytes[bytes.length - 5] ^= 1;
    fs.writeFileSync(SNAP(), bytes);
    const r = await draw();
    expect(r.stderr).toMatch(/snapshot file .* is damaged or was edited/);
    expect(r.stderr).toContain('draws/20240601-1-snapshot.bin'); // named by the ledger check
    expect(r.code).toBe(1);
    expect(fs.existsSync(path.join(ws, 'draws', '20240601-1.json'))).toBe(false);
  });

  it('says when the snapshot is missing and reads the files (an announcement moved without it: same draw)', async () => {
    restore();
    const elsewhere = path.join(dir, 'elsewhere');
    fs.mkdirSync(elsewhere, { recursive: true });
    fs.copyFileSync(ANN(), path.join(elsewhere, path.basename(ANN())));
    const r = await ssjIn(['draw', '--workspace', ws, '--date', '2024-06-05', '--yes', ...inputs, '--seed', '31415926535897932384', '--seed-source', 'test', '--announcement', path.join(elsewhere, path.basename(ANN())), '--no-sheets', '--lang', 'en']);
    expect(r.stderr).toMatch(/snapshot file .* is missing/);
    expect(r.code).toBe(0);
    expect(fs.readFileSync(path.join(ws, 'draws', '20240601-1.json')).equals(viaSnapshot.files.get('20240601-1.json') as Buffer)).toBe(true);
  });

  it('says when an input file changed since the announcement, reads it, and the announcement check refuses the draw', async () => {
    restore();
    const f = inputs[inputs.indexOf('--inspectors') + 1] as string;
    const before = fs.readFileSync(f);
    try {
      const lines = before.toString('utf8').split('\r\n');
      fs.writeFileSync(f, lines.slice(0, -2).concat('').join('\r\n')); // the last inspector gone
      const r = await draw();
      expect(r.stderr).toContain(`the input file ${f} has changed since the announcement`);
      expect(r.code).not.toBe(0);
      expect(fs.existsSync(path.join(ws, 'draws', '20240601-1.json'))).toBe(false);
    } finally {
      fs.writeFileSync(f, before);
    }
  });

  it('verify of the snapshot draw re-reads the original files and says 一致', async () => {
    restore();
    const d = await draw();
    expect(d.stderr).toContain('drawing from the announcement snapshot');
    const v = await ssjIn(['verify', '--workspace', ws, '--date', '2024-06-05', '--draw', '20240601-1', ...inputs]);
    expect(v.code).toBe(0);
    expect(v.stdout).toContain('一致：20240601-1');
  });
});
