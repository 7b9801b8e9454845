/**
 * ssj archive and ssj verify FILE.zip (issue 15, the auditor's path). In process on the demo's month and on a
 * draw with substitutions: the package holds what it says, is byte-identical when made again, changes nothing in
 * the workspace, is never written over a file; verify of the zip in an empty folder says 一致 and names the member
 * after one byte of it changed; unsafe entries and bombs are refused. One spawned run of the whole path.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import yauzl from 'yauzl';
import yazl from 'yazl';
import { ssj, ssjIn, tempDir, expectNoStack } from '../helpers/cli.js';
import { draw, makeWorkspace } from './draw-fixtures.js';

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/** Every entry of a zip: name → bytes. */
async function unzip(file: string): Promise<Map<string, Buffer>> {
  const zip = await new Promise<yauzl.ZipFile>((res, rej) => yauzl.open(file, { lazyEntries: true }, (e, z) => (e || !z ? rej(e) : res(z))));
  const out = new Map<string, Buffer>();
  await new Promise<void>((res, rej) => {
    zip.on('entry', (entry: yauzl.Entry) => zip.openReadStream(entry, (e, s) => {
      if (e || !s) return rej(e);
      const chunks: Buffer[] = [];
      s.on('data', (c: Buffer) => chunks.push(c));
      s.on('end', () => { out.set(entry.fileName, Buffer.concat(chunks)); zip.readEntry(); });
    }));
    zip.on('end', res);
    zip.readEntry();
  });
  return out;
}

/** A zip of the entries (name → bytes, or {data, mode}). */
async function zipOf(entries: [string, Buffer, number?][]): Promise<Buffer> {
  const z = new yazl.ZipFile();
  for (const [name, data, mode] of entries) z.addBuffer(data, name, mode ? { mode } : {});
  z.end();
  const chunks: Buffer[] = [];
  for await (const c of z.outputStream as AsyncIterable<Buffer>) chunks.push(c);
  return Buffer.concat(chunks);
}

/** Every file under `dir` (relative, sorted) with its SHA-256. */
function tree(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out.push(`${path.relative(dir, p)} ${sha(fs.readFileSync(p))}`);
    }
  };
  walk(dir);
  return out.sort();
}

describe('ssj archive and ssj verify FILE.zip', () => {
  const base = tempDir('ssj-archive-');
  const demo = path.join(base, 'demo');
  const zipA = path.join(base, 'a', '证据包.zip');
  let printed = '';
  beforeAll(async () => {
    const d = await ssjIn(['demo', demo]);
    if (d.code !== 0) throw new Error(d.stderr);
    fs.mkdirSync(path.dirname(zipA));
  }, 120000);

  it('packages the month: ledger, records, inputs as given, witness sheets, results, publications, report, README, verifier, MANIFEST; prints its SHA-256; the workspace is unchanged', async () => {
    const before = tree(demo);
    const r = await ssjIn(['archive', '--month', '2024-06', '--out', path.relative(path.join(base, 'a'), zipA), '--workspace', demo], { cwd: path.join(base, 'a') });
    expect({ code: r.code, stderr: r.code === 0 ? '' : r.stderr }).toEqual({ code: 0, stderr: '' });
    printed = /SHA-256[^：:]*[：:]\s*([0-9a-f]{64})/.exec(r.stdout)?.[1] ?? '';
    expect(printed).toBe(sha(fs.readFileSync(zipA)));
    expect(tree(demo)).toEqual(before); // no event, no lock left, nothing written
    const entries = await unzip(zipA);
    const names = [...entries.keys()];
    for (const n of ['MANIFEST.sha256', 'ARCHIVE.json', 'README.txt', 'ledger.jsonl', 'draws/20240605-1.json', 'draws/20240605-1-witness.xlsx', 'draws/20240605-1-announcement.json',
      'inputs/20240605-1/pharmacies.xlsx', 'inputs/20240605-1/inspectors-gbk.csv', 'inputs/20240605-1/plan-2024.xlsx', 'independent/ssjdraw.py', 'vectors/ssj-draw-2.json']) expect(names).toContain(n);
    expect(names.some((n) => n.startsWith('results/20240605-1/'))).toBe(true);
    expect(names.some((n) => n.startsWith('publications/'))).toBe(true);
    expect(names.some((n) => n.startsWith('reports/'))).toBe(true);
    expect(names.some((n) => n.endsWith('-snapshot.bin'))).toBe(false);
    // the inputs are the registries' bytes; the manifest lists every other entry with its hash
    expect(entries.get('inputs/20240605-1/pharmacies.xlsx')?.equals(fs.readFileSync(path.join(demo, 'registries', 'pharmacies.xlsx')))).toBe(true);
    const manifest = entries.get('MANIFEST.sha256')!.toString('utf8').trim().split('\n');
    expect(manifest.map((l) => l.slice(66)).sort()).toEqual(names.filter((n) => n !== 'MANIFEST.sha256').sort());
    for (const l of manifest) expect(sha(entries.get(l.slice(66))!)).toBe(l.slice(0, 64));
    expect(entries.get('README.txt')!.toString('utf8')).toContain('sha256sum -c MANIFEST.sha256');
    // the same workspace gives the same bytes; an existing file is never overwritten
    const again = path.join(base, 'b', '证据包.zip');
    fs.mkdirSync(path.dirname(again));
    expect((await ssjIn(['archive', '--month', '2024-06', '--out', again, '--workspace', demo])).code).toBe(0);
    expect(fs.readFileSync(again).equals(fs.readFileSync(zipA))).toBe(true);
    const over = await ssjIn(['archive', '--month', '2024-06', '--out', again, '--workspace', demo]);
    expect(over.code).toBe(2);
    expect(over.stderr).toContain('已存在');
    expect(fs.readFileSync(again).equals(fs.readFileSync(zipA))).toBe(true);
  });

  it('verifies the package in an empty folder: 一致; sha256sum -c agrees', async () => {
    const empty = tempDir('ssj-empty-');
    const r = await ssjIn(['verify', zipA, '--json'], { cwd: empty });
    const v = JSON.parse(r.stdout) as { match: boolean; differences: unknown[]; draws: string[] };
    expect({ code: r.code, differences: v.differences }).toEqual({ code: 0, differences: [] });
    expect(v.draws).toEqual(['20240605-1']);
    expect(fs.readdirSync(empty)).toEqual([]);
    const plain = await ssjIn(['verify', zipA], { cwd: empty });
    expect(plain.stdout).toContain('证据包一致');
    // --expect-head: the head printed on paper must be in the package's ledger
    const lines = fs.readFileSync(path.join(demo, 'ledger.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { hash: string });
    const onPaper = lines[1]!.hash.slice(0, 16);
    const reached = await ssjIn(['verify', zipA, '--expect-head', onPaper], { cwd: empty });
    expect({ code: reached.code, said: reached.stdout.includes(`第 2 行`) }).toEqual({ code: 0, said: true });
    const other = await ssjIn(['verify', zipA, '--expect-head', 'ab'.repeat(8), '--json'], { cwd: empty });
    expect(other.code).toBe(1);
    expect((JSON.parse(other.stdout) as { differences: { field: string }[] }).differences.map((d) => d.field)).toEqual(['ledger.head']);
    const dir = tempDir('ssj-unzipped-');
    for (const [n, b] of await unzip(zipA)) {
      fs.mkdirSync(path.dirname(path.join(dir, n)), { recursive: true });
      fs.writeFileSync(path.join(dir, n), b);
    }
    const c = spawnSync('sha256sum', ['-c', '--quiet', 'MANIFEST.sha256'], { cwd: dir, encoding: 'utf8' });
    expect({ status: c.status, out: c.stdout + c.stderr }).toEqual({ status: 0, out: '' });
    // unzipped, it reads as a workspace copy: a draw verifies from the inputs under inputs/<id>/ without flags
    const byId = await ssjIn(['verify', '--draw', '20240605-1', '--workspace', dir, '--json']);
    expect({ code: byId.code, files: (JSON.parse(byId.stdout) as { files: { path: string }[] }).files.map((f) => path.relative(dir, f.path)) })
      .toEqual({ code: 0, files: expect.arrayContaining([path.join('inputs', '20240605-1', 'pharmacies.xlsx')]) });
  });

  it.each([['results/20240605-1/'], ['inputs/20240605-1/pharmacies.xlsx'], ['draws/20240605-1.json'], ['ledger.jsonl']])('one byte changed in %s: exit 1 naming the member', async (prefix) => {
    const entries = await unzip(zipA);
    const name = [...entries.keys()].find((n) => n.startsWith(prefix))!;
    const changed = Buffer.from(entries.get(name)!);
    changed[Math.floor(changed.length / 2)]! ^= 1;
    entries.set(name, changed);
    const file = path.join(tempDir('ssj-tampered-'), 'x.zip');
    fs.writeFileSync(file, await zipOf([...entries].map(([n, b]) => [n, b])));
    const r = await ssjIn(['verify', file]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`文件 ${name} file.sha256`);
    expectNoStack(r);
  });

  it('packages one draw with its substitution and replacement (补抽); verify re-runs them; a damaged workspace or a changed registry is not packaged', async () => {
    const root = path.join(tempDir('ssj-archive-sub-'), 'ws');
    const files = await makeWorkspace(root);
    const d = await draw(root, files, ['--json']);
    const team = (JSON.parse(d.stdout) as { teams: { entity: string; members: { key: string }[] }[] }).teams[0]!;
    const s = await ssjIn(['substitute', '--draw', '20240603-1', '--entity', team.entity, '--inspector', team.members[2]!.key, '--reason', '回避', '--seed', '27182818284590452353',
      '--seed-source', '掷骰', '--workspace', root, '--date', '2024-06-04']);
    expect(s.code).toBe(0);
    const other = (JSON.parse(d.stdout) as { selected: { key: string }[] }).selected.map((x) => x.key).find((k) => k !== team.entity)!;
    const rp = await ssjIn(['replace', '--draw', '20240603-1', '--entity', other, '--reason', '已歇业', '--seed', '14142135623730950488', '--seed-source', '掷骰',
      '--entities', ...files.entities, '--inspectors', files.inspectors, '--conflicts', files.conflicts, '--workspace', root, '--date', '2024-06-05']);
    expect({ code: rp.code, stderr: rp.code === 0 ? '' : rp.stderr }).toEqual({ code: 0, stderr: '' });
    const out = path.join(tempDir('ssj-pkg-'), 'd.zip');
    const a = await ssjIn(['archive', '--draw', '20240603-1', '--out', out, '--workspace', root, '--json']);
    expect(a.code).toBe(0);
    expect(JSON.parse(a.stdout)).toMatchObject({ draws: ['20240603-1'], amendments: ['20240603-1-A1', '20240603-1-R1'] });
    const v = await ssjIn(['verify', out, '--json']);
    expect({ code: v.code, v: JSON.parse(v.stdout) as unknown }).toMatchObject({ code: 0, v: { match: true, differences: [], amendments: ['20240603-1-A1', '20240603-1-R1'] } });
    // a changed registry: packaged from the copy the draw kept (inputs/<id>/) …
    fs.appendFileSync(files.conflicts, Buffer.from([0]));
    expect((await ssjIn(['archive', '--draw', '20240603-1', '--out', `${out}.1.zip`, '--workspace', root])).code).toBe(0);
    // … and with that copy gone as well, the record's bytes are nowhere: refused, naming it (the ledger lists the copy)
    const kept = path.join(root, 'inputs', '20240603-1', 'conflicts.xlsx');
    const aside = path.join(tempDir('ssj-pkg-aside-'), 'conflicts.xlsx');
    fs.renameSync(kept, aside);
    const missing = await ssjIn(['archive', '--draw', '20240603-1', '--out', `${out}.2.zip`, '--workspace', root]);
    fs.renameSync(aside, kept);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('conflicts.xlsx');
    expect(fs.existsSync(`${out}.2.zip`)).toBe(false);
    // a workspace whose ledger does not verify
    fs.appendFileSync(path.join(root, 'draws', '20240603-1-witness.html'), ' ');
    const damaged = await ssjIn(['archive', '--draw', '20240603-1', '--out', `${out}.3.zip`, '--workspace', root]);
    expect(damaged.code).toBe(1);
    expect(damaged.stderr).toContain('20240603-1-witness.html');
    expect(fs.existsSync(`${out}.3.zip`)).toBe(false);
    expect((await ssjIn(['archive', '--month', '2024-13', '--out', `${out}.4.zip`, '--workspace', root])).code).toBe(2);
    expect((await ssjIn(['archive', '--out', `${out}.4.zip`, '--workspace', root])).code).toBe(2);
  });

  it('a workspace of a version-1 ledger (no files listed): the witness sheets come with the record, and the package verifies', async () => {
    const root = path.join(tempDir('ssj-archive-v1-'), 'ws');
    const files = await makeWorkspace(root);
    const d = await draw(root, files, ['--json']);
    const rec = JSON.parse(d.stdout) as { drawId: string; createdAt: string; recordHash: string };
    fs.writeFileSync(path.join(root, 'ledger.jsonl'), `${JSON.stringify({ createdAt: rec.createdAt, drawId: rec.drawId, prevRecordHash: null, recordHash: rec.recordHash })}\n`);
    expect((await ssjIn(['verify', '--ledger', '--workspace', root])).code).toBe(0);
    const out = path.join(tempDir('ssj-pkg-v1-'), 'v1.zip');
    expect((await ssjIn(['archive', '--draw', rec.drawId, '--out', out, '--workspace', root])).code).toBe(0);
    const names = [...(await unzip(out)).keys()];
    expect(names).toEqual(expect.arrayContaining([`draws/${rec.drawId}-witness.html`, `draws/${rec.drawId}-witness.xlsx`]));
    const v = await ssjIn(['verify', out]);
    expect({ code: v.code, out: v.stdout }).toEqual({ code: 0, out: expect.stringContaining('证据包一致') });
  });

  it('refuses unsafe entries (.., absolute, a link) and a bomb, writing nothing outside its temporary folder', async () => {
    const good = [...(await unzip(zipA))].map(([n, b]) => [n, b] as [string, Buffer]);
    const dir = tempDir('ssj-evil-');
    const evil = async (name: string, zip: Buffer, what: string) => {
      const file = path.join(dir, name);
      fs.writeFileSync(file, zip);
      const r = await ssjIn(['verify', file]);
      expect({ code: r.code, said: r.stderr.includes(what) }).toEqual({ code: 1, said: true });
      expectNoStack(r);
    };
    // names yazl will not write are patched in afterwards (same length, local and central headers)
    const patched = async (from: string, to: string) => {
      const z = await zipOf([...good, [from, Buffer.from('x')]]);
      return Buffer.from(z.toString('latin1').split(from).join(to), 'latin1');
    };
    await evil('dotdot.zip', await patched('zz/evil-archive.txt', '../evil-archive.txt'), '../evil-archive.txt');
    await evil('abs.zip', await patched('zz/evil-archive.txt', '/z/evil-archive.txt'), '/z/evil-archive.txt');
    await evil('file-and-folder.zip', await zipOf([...good, ['zz', Buffer.from('x')], ['zz/y.txt', Buffer.from('y')]]), 'zz/y.txt');
    await evil('link.zip', await zipOf([...good, ['draws/link.json', Buffer.from('/etc/passwd'), 0o120777]]), 'draws/link.json');
    expect(fs.existsSync(path.join(os.tmpdir(), 'evil-archive.txt'))).toBe(false);
    const r = await ssjIn(['verify', path.join(dir, 'bomb.zip')], { env: { SSJ_MAX_ARCHIVE_MB: '1' } });
    expect(r.code).toBe(2); // no such file yet: exit 2
    fs.writeFileSync(path.join(dir, 'bomb.zip'), await zipOf([...good, ['zeros.bin', Buffer.alloc(4 * 1024 * 1024)]]));
    const bomb = await ssjIn(['verify', path.join(dir, 'bomb.zip')], { env: { SSJ_MAX_ARCHIVE_MB: '2' } });
    expect(bomb.code).toBe(1);
    expect(bomb.stderr).toContain('压缩炸弹');
  });

  it('spawned, the whole path: archive, the zip copied into an empty folder, bin/ssj verify X.zip → 0; one byte of a member flipped → 1 naming it', async () => {
    const empty = tempDir('ssj-officer-');
    const out = path.join(tempDir('ssj-clerk-'), 'm.zip');
    const a = ssj(['archive', '--month', '2024-06', '--out', 'm.zip', '--workspace', demo], { cwd: path.dirname(out) });
    expect({ code: a.code, stderr: a.stderr }).toEqual({ code: 0, stderr: expect.stringContaining('不写台账') });
    expect(a.stdout).toContain(sha(fs.readFileSync(out)));
    fs.copyFileSync(out, path.join(empty, 'X.zip'));
    const ok = ssj(['verify', 'X.zip'], { cwd: empty });
    expect({ code: ok.code, out: ok.stdout }).toEqual({ code: 0, out: expect.stringContaining('证据包一致') });
    // flip one byte of a stored member's data in the zip itself
    const bytes = fs.readFileSync(path.join(empty, 'X.zip'));
    const name = 'draws/20240605-1-announcement.json';
    const at = bytes.indexOf(Buffer.from(name)) + name.length + 40; // inside its data, after the local header
    bytes[at]! ^= 0x01;
    fs.writeFileSync(path.join(empty, 'X.zip'), bytes);
    const bad = ssj(['verify', 'X.zip'], { cwd: empty });
    expect(bad.code).toBe(1);
    expect(bad.stdout).toContain(name);
    expectNoStack(bad);
  }, 60000);
});
