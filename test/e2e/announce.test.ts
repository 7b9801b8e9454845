import fs from 'node:fs';
import path from 'node:path';
import { canonicalJson, sha256Hex } from '../../src/core/hash.js';
import type { DrawRecord } from '../../src/core/types.js';
import { expectNoStack, ssjIn, tempDir } from '../helpers/cli.js';
import { draw, drawFiles, inputArgs, makeWorkspace, pharmacies, writeXlsx, type Files } from './draw-fixtures.js';

interface AnnouncementJson {
  drawId: string;
  announcementHash: string;
  inputs: { role: string; contentSha256: string }[];
  strata: { number: number; population: number; eligible: number; size: number; probability: string }[];
  entityList: { file: string; sha256: string; bytes: number; count: number };
}
type EntityLine = { key: string; stratum: number; probability: string };

describe('ssj announce, then draw --announcement', () => {
  let root: string;
  let files: Files;
  let ann: AnnouncementJson;
  let head = '';
  const annFile = () => path.join(root, 'draws', '20240603-1-announcement.json');
  beforeAll(async () => {
    root = tempDir('ssj-announce-');
    files = await makeWorkspace(root);
    const r = await ssjIn(['announce', ...inputArgs(files), '--workspace', root, '--date', '2024-06-03', '--json']);
    if (r.code !== 0) throw new Error(r.stderr);
    const { ledgerHead, ...printed } = JSON.parse(r.stdout) as AnnouncementJson & { ledgerHead?: string };
    ann = printed as AnnouncementJson;
    head = ledgerHead ?? '';
  });

  it('freezes the inputs, the strata and each entity’s probability n/N, with its own hash', async () => {
    expect(ann.drawId).toBe('20240603-1');
    const onDisk = JSON.parse(fs.readFileSync(annFile(), 'utf8')) as AnnouncementJson & Record<string, unknown>;
    expect(onDisk).toEqual(ann);
    // The announcement is an event of the ledger, listing its files; --json carries the new head.
    const events = fs.readFileSync(path.join(root, 'ledger.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { kind: string; hash: string; announcementHash: string; files: { path: string }[] });
    expect(events.map((e) => [e.kind, e.announcementHash, e.files.map((f) => f.path)])).toEqual([
      ['announcement', ann.announcementHash, ['draws/20240603-1-snapshot.bin', 'draws/20240603-1-announcement-entities.jsonl', 'draws/20240603-1-announcement.html', 'draws/20240603-1-announcement.json']],
    ]);
    expect(head).toBe(events[0]!.hash);
    const { announcementHash, ...rest } = onDisk;
    expect(announcementHash).toBe(sha256Hex(canonicalJson(rest)));
    expect(ann.inputs.map((i) => i.role)).toEqual(['plan', 'pharmacies', 'institutions', 'inspectors', 'conflicts']);
    expect(ann.strata.map((s) => [s.population, s.eligible, s.size, s.probability])).toEqual([
      [8, 8, 4, '4/8'],
      [8, 8, 2, '2/8'],
      [4, 4, 2, '2/4'],
      [4, 4, 2, '2/4'],
    ]);
    // Format /2: each entity's probability in the list beside it, one canonical JSON line each, named by its SHA-256.
    const list = fs.readFileSync(path.join(root, 'draws', ann.entityList.file));
    expect(ann.entityList).toEqual({ file: '20240603-1-announcement-entities.jsonl', sha256: sha256Hex(list), bytes: list.length, count: 24 });
    const entities = list.toString('utf8').trimEnd().split('\n').map((l) => JSON.parse(l) as EntityLine);
    expect(entities.length).toBe(24);
    expect(entities.filter((e) => e.stratum === 3).every((e) => e.probability === '2/4')).toBe(true);
    const html = fs.readFileSync(path.join(root, 'draws', '20240603-1-announcement.html'), 'utf8');
    expect(html).toContain(ann.announcementHash);
    expect(html).toContain('size: A4');
  });

  it('refuses a draw when a registry changed since, naming the input and its hashes, and writes nothing', async () => {
    const changed = pharmacies();
    changed.rows[0][2] = '改名后的大药房';
    const other = path.join(tempDir('ssj-announce-changed-'), 'pharmacies.xlsx');
    await writeXlsx(other, changed);
    const r = await draw(root, { ...files, entities: [other, files.entities[1]] }, ['--announcement', annFile()]);
    expect(r.code).toBe(1);
    const before = ann.inputs.find((i) => i.role === 'pharmacies')!.contentSha256;
    expect(r.stderr).toContain(before);
    expect(r.stderr).toContain('定点零售药店');
    expectNoStack(r);
    expect(drawFiles(root)).toEqual(['20240603-1-announcement-entities.jsonl', '20240603-1-announcement.html', '20240603-1-announcement.json', '20240603-1-snapshot.bin']); // announce's own files
    expect(fs.readFileSync(path.join(root, 'ledger.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l).kind)).toEqual(['announcement']); // the draw added nothing
  });

  it('refuses an edited announcement', async () => {
    const edited = path.join(tempDir('ssj-announce-edited-'), 'a.json');
    const a = JSON.parse(fs.readFileSync(annFile(), 'utf8')) as AnnouncementJson;
    a.strata[0].size = 1;
    fs.writeFileSync(edited, JSON.stringify(a));
    const r = await draw(root, files, ['--announcement', edited]);
    expect(r.code).toBe(1);
    expect(drawFiles(root).some((n) => n.endsWith('.json') && !n.includes('announcement'))).toBe(false);
  });

  it('draws under the announced id when the inputs are unchanged and records the announcement hash', async () => {
    const r = await draw(root, files, ['--announcement', annFile(), '--json']);
    expect(r.code).toBe(0);
    const rec = JSON.parse(r.stdout) as DrawRecord;
    expect(rec.drawId).toBe('20240603-1');
    expect(rec.announcementHash).toBe(ann.announcementHash);
    expect(rec.inputs.map((i) => i.contentSha256)).toEqual(ann.inputs.map((i) => i.contentSha256));
    expect(rec.strata.map((s) => s.size)).toEqual(ann.strata.map((s) => s.size));
    const next = await ssjIn(['announce', ...inputArgs(files), '--workspace', root, '--date', '2024-06-03', '--json']);
    expect(next.code).toBe(0);
    expect((JSON.parse(next.stdout) as AnnouncementJson).drawId).toBe('20240603-2');
    // The same announcement again: refused as used, not as changed inputs; nothing written.
    const ledger = fs.readFileSync(path.join(root, 'ledger.jsonl'), 'utf8');
    const again = await draw(root, files, ['--announcement', annFile()]);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('已用于抽取 20240603-1');
    expect(fs.readFileSync(path.join(root, 'ledger.jsonl'), 'utf8')).toBe(ledger);
  });

  it('verify checks the kept announcement too', async () => {
    expect((await ssjIn(['verify', '--draw', '20240603-1', '--workspace', root])).code).toBe(0);
    const original = fs.readFileSync(annFile());
    try {
      const a = JSON.parse(original.toString('utf8')) as AnnouncementJson;
      a.strata[0].size = 1;
      fs.writeFileSync(annFile(), JSON.stringify(a));
      const v = await ssjIn(['verify', '--draw', '20240603-1', '--workspace', root, '--json']);
      expect(v.code).toBe(1);
      expect((JSON.parse(v.stdout) as { differences: { field: string }[] }).differences.map((d) => d.field)).toEqual(['announcement']);
    } finally {
      fs.writeFileSync(annFile(), original);
    }
  });

  it('verify checks the announcement’s entity list by its bytes', async () => {
    const list = path.join(root, 'draws', ann.entityList.file);
    const original = fs.readFileSync(list);
    try {
      const edited = Buffer.from(original);
      edited[edited.indexOf('2/4')] = '3'.charCodeAt(0); // one probability changed, same length
      fs.writeFileSync(list, edited);
      const v = await ssjIn(['verify', '--draw', '20240603-1', '--workspace', root, '--json']);
      expect(v.code).toBe(1);
      expect((JSON.parse(v.stdout) as { differences: { field: string; expected: string }[] }).differences.map((d) => [d.field, d.expected])).toEqual([['announcement.entityList', ann.entityList.sha256]]);
      fs.rmSync(list);
      const gone = await ssjIn(['verify', '--draw', '20240603-1', '--workspace', root, '--json']);
      expect((JSON.parse(gone.stdout) as { differences: { field: string; found: unknown }[] }).differences.map((d) => [d.field, d.found])).toEqual([['announcement.entityList', null]]);
    } finally {
      fs.writeFileSync(list, original);
    }
  });
});

describe('an announcement of the first format (ssj-announcement/1, the list inline)', () => {
  it('is still drawn on and verified: the whole file hashed the old way', async () => {
    const root = tempDir('ssj-announce-v1-');
    const files = await makeWorkspace(root);
    expect((await ssjIn(['announce', ...inputArgs(files), '--workspace', root, '--date', '2024-06-03'])).code).toBe(0);
    // The /1 form of the same announcement, as an earlier ssj wrote it: entities inline, no entityList.
    const v2 = JSON.parse(fs.readFileSync(path.join(root, 'draws', '20240603-1-announcement.json'), 'utf8')) as Record<string, unknown> & AnnouncementJson;
    const entities = fs.readFileSync(path.join(root, 'draws', v2.entityList.file), 'utf8').trimEnd().split('\n').map((l) => JSON.parse(l) as EntityLine);
    const { announcementHash: _h, entityList: _l, ...rest } = v2;
    const body = { ...rest, format: 'ssj-announcement/1', entities };
    const v1 = { ...body, announcementHash: sha256Hex(canonicalJson(body)) };
    const file = path.join(tempDir('ssj-announce-v1-file-'), '20240603-1-announcement.json');
    fs.writeFileSync(file, JSON.stringify(v1, null, 2) + '\n');
    const d = await draw(root, files, ['--announcement', file, '--json']);
    expect([d.code, d.code === 0 ? '' : d.stderr]).toEqual([0, '']);
    expect((JSON.parse(d.stdout) as DrawRecord).announcementHash).toBe(v1.announcementHash);
    // The workspace of an earlier ssj keeps the /1 file beside the record: verify reads it the old way and says 一致.
    fs.copyFileSync(file, path.join(root, 'draws', '20240603-1-announcement.json'));
    const v = await ssjIn(['verify', '--draw', '20240603-1', ...inputArgs(files), '--workspace', root]);
    expect([v.code, v.stdout]).toEqual([0, expect.stringContaining('一致')]);
    // …and an edit of its inline list is found.
    fs.writeFileSync(path.join(root, 'draws', '20240603-1-announcement.json'), JSON.stringify({ ...v1, entities: entities.slice(1) }));
    const bad = await ssjIn(['verify', '--draw', '20240603-1', '--workspace', root, '--json']);
    expect((JSON.parse(bad.stdout) as { differences: { field: string }[] }).differences.map((x) => x.field)).toEqual(['announcement']);
  });
});

describe('the 实施文件 (--document) through announce, draw and verify', () => {
  it('a draw on an announcement with a document takes it, and verify with the plan file given says 一致', async () => {
    const root = tempDir('ssj-document-');
    const files = await makeWorkspace(root);
    const doc = '测医保〔2024〕9号';
    const a = await ssjIn(['announce', ...inputArgs(files), '--workspace', root, '--date', '2024-06-03', '--document', doc]);
    expect(a.code).toBe(0);
    const d = await draw(root, files, ['--announcement', path.join(root, 'draws', '20240603-1-announcement.json'), '--json']);
    expect([d.code, d.code === 0 ? '' : d.stderr]).toEqual([0, '']);
    const record = JSON.parse(d.stdout) as DrawRecord;
    expect(record.plan.document).toBe(doc);
    const v = await ssjIn(['verify', '--draw', record.drawId, ...inputArgs(files), '--workspace', root]);
    expect(v.stdout + v.stderr).toContain('一致');
    expect(v.code).toBe(0);
    // Another document at the draw is still refused against the announcement.
    const other = await draw(root, files, ['--announcement', path.join(root, 'draws', '20240603-1-announcement.json'), '--document', '别的文件']);
    expect(other.code).toBe(1);
    expectNoStack(other);
  });
});

describe('a draw whose strata differ from the announcement', () => {
  it('names the stratum field as the sheets do (可抽 N), not the record field (eligible), and writes nothing', async () => {
    const root = tempDir('ssj-announce-strata-');
    const files = await makeWorkspace(root);
    expect((await ssjIn(['announce', ...inputArgs(files), '--workspace', root, '--date', '2024-06-03'])).code).toBe(0);
    // Edited and re-hashed as a copy elsewhere: the one in draws/ is listed in the ledger (an edit there is refused as damage).
    const file = path.join(tempDir('ssj-announce-edited-'), '20240603-1-announcement.json');
    const a = JSON.parse(fs.readFileSync(path.join(root, 'draws', '20240603-1-announcement.json'), 'utf8')) as Record<string, unknown> & { strata: { eligible: number }[] };
    a.strata[0]!.eligible += 1; // as if an earlier draw's selections had not been excluded yet
    const { announcementHash: _h, ...rest } = a;
    fs.writeFileSync(file, JSON.stringify({ ...rest, announcementHash: sha256Hex(canonicalJson(rest)) }, null, 2));
    const r = await draw(root, files, ['--announcement', file]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('第 1 层的 可抽 N 公告时为');
    expect(r.stderr).not.toContain('eligible');
    expect(drawFiles(root).filter((f) => !f.includes('-announcement') && !f.includes('-snapshot'))).toEqual([]);
  });
});
