/** ssj replace (补抽), in process: the record, its witness sheet and event, verify re-runs it, status counts the new entity; the refusals write nothing. */
import fs from 'node:fs';
import path from 'node:path';
import type { DrawRecord, ReplacementRecord } from '../../src/core/types.js';
import { expectNoStack, ssjIn, tempDir } from '../helpers/cli.js';
import { firstDifference } from '../helpers/bytes.js';
import { draw, drawFiles, makeWorkspace } from './draw-fixtures.js';

const SEED2 = '16180339887498948482';

describe('ssj replace (补抽)', () => {
  let root: string;
  let rec: DrawRecord;
  const rep = async (args: string[], date = '2024-06-04') => await ssjIn(['replace', '--draw', '20240603-1', '--reason', '已注销', '--workspace', root, '--date', date, ...args]);
  const ledger = () => fs.readFileSync(path.join(root, 'ledger.jsonl'));
  beforeAll(async () => {
    root = tempDir('ssj-replace-');
    const files = await makeWorkspace(root);
    const r = await draw(root, files, ['--json']);
    if (r.code !== 0) throw new Error(r.stderr);
    rec = JSON.parse(r.stdout) as DrawRecord;
  });

  it('draws a replacement from the same stratum, recorded as a chained record with its witness sheet and a replacement event', async () => {
    const old = rec.selected[0]!;
    const r = await rep(['--entity', old.key, '--seed', SEED2, '--json']);
    expect([r.code, r.stderr]).toEqual([0, r.stderr]);
    const x = JSON.parse(r.stdout) as ReplacementRecord & { ledgerHead: string; files: string[] };
    expect([x.drawId, x.amends, x.prevRecordHash]).toEqual(['20240603-1-R1', '20240603-1', rec.recordHash]);
    expect(x.replacement).toMatchObject({ entity: old.key, reason: '已注销', selected: { stratum: old.stratum, order: old.order } });
    expect(rec.selected.map((s) => s.key)).not.toContain(x.replacement.selected.key);
    const population = rec.strata.find((s) => s.number === old.stratum)!;
    expect(x.replacement.candidates).toBeGreaterThan(0);
    expect(x.replacement.candidates).toBeLessThanOrEqual(population.population - population.size);
    expect(x.team.members).toEqual(rec.teams.find((t) => t.entity === old.key)!.members);
    expect(drawFiles(root)).toEqual(expect.arrayContaining(['20240603-1-R1.json', '20240603-1-R1-witness.html', '20240603-1-R1-witness.xlsx']));
    const sheet = fs.readFileSync(path.join(root, 'draws', '20240603-1-R1-witness.html'), 'utf8');
    expect(sheet).toContain('补抽记录');
    expect(sheet).toContain(x.recordHash);
    const events = ledger().toString('utf8').trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(events.at(-2)).toMatchObject({ kind: 'replacement', drawId: '20240603-1-R1', amends: '20240603-1', recordHash: x.recordHash, prevRecordHash: rec.recordHash });
    // the draw's notices made again (the new entity's among them), listed by their own event; the head printed is the last
    expect(events.at(-1)).toMatchObject({ kind: 'documents', drawId: '20240603-1', what: 'notices', hash: x.ledgerHead });
    expect(x.files.some((f) => f.includes(path.join('notices', '20240603-1')))).toBe(true);
  });

  it('verify re-runs it (一致), verify --ledger agrees, and an edited replacement record is named', async () => {
    const v = await ssjIn(['verify', '--draw', '20240603-1', '--workspace', root, '--json']);
    expect([v.code, v.stderr]).toEqual([0, v.stderr]);
    expect((await ssjIn(['verify', '--ledger', '--workspace', root])).code).toBe(0);
    const copy = tempDir('ssj-replace-edit-');
    fs.cpSync(root, copy, { recursive: true });
    const file = path.join(copy, 'draws', '20240603-1-R1.json');
    const r = JSON.parse(fs.readFileSync(file, 'utf8')) as ReplacementRecord;
    fs.writeFileSync(file, JSON.stringify({ ...r, replacement: { ...r.replacement, candidates: r.replacement.candidates + 1 } }, null, 2));
    const bad = await ssjIn(['verify', '--draw', '20240603-1', '--workspace', copy]);
    expect(bad.code).toBe(1);
    expect(bad.stdout + bad.stderr).toContain('20240603-1-R1');
  });

  it('status counts the new entity instead of the replaced one', async () => {
    const s = await ssjIn(['status', '--draw', '20240603-1', '--workspace', root, '--json']);
    expect(s.code).toBe(0);
    const text = s.stdout;
    const x = JSON.parse(fs.readFileSync(path.join(root, 'draws', '20240603-1-R1.json'), 'utf8')) as ReplacementRecord;
    expect(text).toContain(x.replacement.selected.key);
    expect(text).not.toContain(`"${x.replacement.entity}"`);
    // the drawn list published again (抽取结果公示) is the list in force: a new file, the first one kept
    const first = fs.readFileSync(path.join(root, 'reports', '抽取结果-20240603-1.csv'));
    const list = await ssjIn(['publish', '--draw', '20240603-1', '--list', '--workspace', root, '--date', '2024-06-04', '--json']);
    expect(list.code).toBe(0);
    const out = JSON.parse(list.stdout) as { csv: string; written: boolean };
    expect([out.written, path.basename(out.csv)]).toEqual([true, '抽取结果-20240603-1-2.csv']);
    const csv = fs.readFileSync(out.csv, 'utf8');
    expect(csv).toContain(x.replacement.selected.name);
    expect(firstDifference(fs.readFileSync(path.join(root, 'reports', '抽取结果-20240603-1.csv')), first)).toBeNull();
    // results are imported for the new entity (in a copy: the last test voids this draw without --force)
    const copy = tempDir('ssj-replace-results-');
    fs.cpSync(root, copy, { recursive: true });
    const table = path.join(copy, 'results.csv');
    const row = (key: string, name: string) => ['20240603-1', key, name, '2024-06-10', '医疗保障局:1；市场监督管理局:1', '无', '', '', ''].join(',');
    fs.writeFileSync(table, '\ufeff' + ['抽取编号,统一社会信用代码,名称,检查日期,检查结果,处理情况,公示日期,公示网站,备注', row(x.replacement.selected.key, x.replacement.selected.name)].join('\r\n') + '\r\n');
    const imp = await ssjIn(['results', table, '--workspace', copy, '--date', '2024-06-10', '--yes']);
    expect([imp.code, imp.stderr]).toEqual([0, imp.stderr]);
    expect(fs.existsSync(path.join(copy, 'results', '20240603-1', `${x.replacement.selected.key}.json`))).toBe(true);
    const st = JSON.parse((await ssjIn(['status', '--draw', '20240603-1', '--workspace', copy, '--json'])).stdout) as { draws: { selected: number; withResults: number; missing: { key: string }[] }[] };
    const d = st.draws[0]!;
    expect([d.selected, d.withResults, d.missing.length]).toEqual([rec.selected.length, 1, rec.selected.length - 1]);
    expect(d.missing.map((m) => m.key)).not.toContain(x.replacement.entity); // the replaced entity is not awaited
    // approved and published: the 公示 lists the new entity; the monthly report counts its draw's selection in force
    expect((await ssjIn(['approve', '--draw', '20240603-1', '--by', '审核人', '--workspace', copy, '--date', '2024-06-11'])).code).toBe(0);
    const pub = await ssjIn(['publish', '--draw', '20240603-1', '--workspace', copy, '--date', '2024-06-12', '--json']);
    expect([pub.code, pub.stderr]).toEqual([0, pub.stderr]);
    const published = fs.readFileSync((JSON.parse(pub.stdout) as { file: string }).file, 'utf8');
    expect(published).toContain(x.replacement.selected.name);
    expect(published).not.toContain(`,${x.replacement.entity},`);
    const rep2 = await ssjIn(['report', '--month', '2024-06', '--workspace', copy, '--date', '2024-06-12', '--json']);
    expect(rep2.code).toBe(0);
    const missing = (JSON.parse(rep2.stdout) as { missingResults: { entity: string }[] }).missingResults.map((m) => m.entity);
    expect([missing.length, missing.includes(x.replacement.entity), missing.includes(x.replacement.selected.key)]).toEqual([rec.selected.length - 1, false, false]);
  });

  it('refuses, writing nothing: an entity not in the draw (or already replaced), a reused seed, a voided draw', async () => {
    const before = ledger();
    const files = drawFiles(root);
    const replaced = await rep(['--entity', rec.selected[0]!.key, '--seed', '27182818284590452353']);
    expect(replaced.code).toBe(1);
    expect(replaced.stderr).toContain(rec.selected[0]!.key);
    const unknown = await rep(['--entity', 'NOTSELECTED1', '--seed', '27182818284590452353']);
    expect(unknown.code).toBe(1);
    const reused = await rep(['--entity', rec.selected[1]!.key, '--seed', SEED2]);
    expect(reused.code).toBe(2);
    const noSeed = await rep(['--entity', rec.selected[1]!.key]);
    expect(noSeed.code).toBe(2);
    // a substitution (递补) on the entity replaced away: refused, naming the entity that carries its team now
    const r1 = JSON.parse(fs.readFileSync(path.join(root, 'draws', '20240603-1-R1.json'), 'utf8')) as ReplacementRecord;
    const gone = await ssjIn(['substitute', '--draw', '20240603-1', '--entity', rec.selected[0]!.key, '--inspector', r1.team.members[0]!.key, '--reason', '回避', '--seed', '57721566490153286060', '--workspace', root, '--date', '2024-06-04']);
    expect(gone.code).toBe(1);
    expect(gone.stderr).toContain(`已由补抽 20240603-1-R1 换为 ${r1.replacement.selected.key}`);
    for (const x of [replaced, unknown, reused, noSeed, gone]) expectNoStack(x);
    expect(firstDifference(ledger(), before)).toBeNull();
    expect(drawFiles(root)).toEqual(files);
    // a result for the entity: refused, naming it
    const copy = tempDir('ssj-replace-result-');
    fs.cpSync(root, copy, { recursive: true });
    const key = rec.selected[1]!.key;
    fs.mkdirSync(path.join(copy, 'results', '20240603-1'), { recursive: true });
    fs.writeFileSync(path.join(copy, 'results', '20240603-1', `${key}.json`), JSON.stringify({ format: 'ssj-result/1', drawId: '20240603-1', entity: key, inspectionDate: '2024-06-04', departments: [], handling: '', remarks: '', publication: null, contentSha256: 'x', source: { file: 'x', form: 'table', importedAt: '' } }));
    const had = await ssjIn(['replace', '--draw', '20240603-1', '--reason', 'x', '--entity', key, '--seed', '27182818284590452353', '--workspace', copy, '--date', '2024-06-05']);
    expect(had.code).toBe(1);
    expect(had.stderr).toContain('已有检查结果');
    // voided
    const headBefore = JSON.parse(ledger().toString('utf8').trim().split('\n').at(-1)!) as { hash: string };
    expect((await ssjIn(['void', '--draw', '20240603-1', '--reason', '测试', '--workspace', root, '--date', '2024-06-05'])).code).toBe(0);
    // the void sheet, like every witness sheet, carries the ledger head before its event
    expect(fs.readFileSync(path.join(root, 'draws', '20240603-1-void.html'), 'utf8')).toContain(headBefore.hash.slice(0, 16));
    const voided = await rep(['--entity', rec.selected[1]!.key, '--seed', '27182818284590452353'], '2024-06-05');
    expect(voided.code).toBe(1);
    expect(voided.stderr).toContain('已作废');
  });
});
