/**
 * `ssj verify RECORD.json` in a folder that is no workspace (issue 15, the auditor's path): the record, its
 * amendments (given or kept beside it) and the registries copied to an empty folder verify with exit 0, say the
 * files used and the amendments re-run; an edited amendment or another registry is exit 1 naming the field;
 * ssj-draw/1 and ssj-draw/2 records alike. In process.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { AmendmentRecord, DrawRecord } from '../../src/core/types.js';
import { recordHash } from '../../src/core/hash.js';
import { ssjIn, tempDir } from '../helpers/cli.js';
import { draw, makeWorkspace, uscc, type Files } from './draw-fixtures.js';

interface VerifyJson { match: boolean; amendments: string[]; replacements: string[]; standalone: boolean; files: { role: string; path: string; sha256: string }[]; differences: { field: string; drawId?: string }[] }

describe('ssj verify RECORD.json outside a workspace', () => {
  let root = '';
  let files: Files;
  let prior = '';
  const ID = '20240603-1';
  beforeAll(async () => {
    root = path.join(tempDir('ssj-verify-out-'), 'ws');
    files = await makeWorkspace(root);
    const r = await draw(root, files, ['--json']);
    if (r.code !== 0) throw new Error(r.stderr);
    const rec = JSON.parse(r.stdout) as DrawRecord;
    const team = rec.teams[0]!;
    for (const [k, seed] of [[2, '27182818284590452353'], [1, '16180339887498948482']] as const) {
      const s = await ssjIn(['substitute', '--draw', ID, '--entity', team.entity, '--inspector', team.members[k]!.key, '--reason', '回避', '--seed', seed,
        '--seed-source', '掷骰', '--workspace', root, '--date', '2024-06-04']);
      if (s.code !== 0) throw new Error(s.stderr);
    }
    // a replacement (补抽) of another entity
    const other = rec.selected.map((x) => x.key).find((k) => k !== team.entity)!;
    const rp = await ssjIn(['replace', '--draw', ID, '--entity', other, '--reason', '已歇业', '--seed', '99999999999999999999', '--seed-source', '掷骰',
      '--workspace', root, '--date', '2024-06-05']);
    if (rp.code !== 0) throw new Error(rp.stderr);
    // an ssj-draw/2 draw: prior inspections given
    prior = path.join(root, 'registries', 'prior.csv');
    fs.writeFileSync(prior, `统一社会信用代码,检查日期,实施机关,类型,个案\n${uscc(500, '12')},2024-02-01,测试县医疗保障局,专项检查,否\n`);
    const d2 = await draw(root, files, ['--prior-inspections', prior, '--date', '2024-07-03', '--seed', '14142135623730950488', '--json']);
    if (d2.code !== 0) throw new Error(d2.stderr);
  });

  /** An empty folder with the given files of the workspace copied in (by their base names). */
  const folder = (rel: string[]): string => {
    const dir = tempDir('ssj-audit-');
    for (const f of rel) fs.copyFileSync(path.join(root, f), path.join(dir, path.basename(f)));
    return dir;
  };
  const regs = () => [...files.entities, files.inspectors, files.conflicts].map((f) => path.relative(root, f));
  const verify = async (dir: string, args: string[]) => {
    const r = await ssjIn(['verify', ...args, '--workspace', dir, '--json']);
    return { ...r, json: r.code <= 1 ? (JSON.parse(r.stdout) as VerifyJson) : null };
  };

  it('verifies a record with the amendments beside it and the registries found by name: 一致, files and amendments said', async () => {
    const dir = folder([`draws/${ID}.json`, `draws/${ID}-A1.json`, `draws/${ID}-A2.json`, `draws/${ID}-R1.json`, ...regs()]);
    const r = await verify(dir, [path.join(dir, `${ID}.json`)]);
    expect({ code: r.code, differences: r.json?.differences }).toEqual({ code: 0, differences: [] });
    expect(r.json).toMatchObject({ match: true, standalone: true, amendments: [`${ID}-A1`, `${ID}-A2`], replacements: [`${ID}-R1`] });
    expect(r.json?.files.map((f) => f.role)).toEqual(['pharmacies', 'institutions', 'inspectors', 'conflicts']);
    expect(r.json?.files.every((f) => path.dirname(f.path) === dir)).toBe(true);
    const plain = await ssjIn(['verify', path.join(dir, `${ID}.json`), '--workspace', dir]);
    expect(plain.code).toBe(0);
    expect(plain.stdout).toContain(`一致：${ID}`);
    expect(plain.stdout).toContain(`复算的递补：${ID}-A1、${ID}-A2、${ID}-R1`);
    expect(plain.stdout).toContain(path.join(dir, 'pharmacies.xlsx'));
    expect(plain.stderr).toContain('不在工作目录中');
    expect(plain.stderr).not.toContain('不是 ssj 工作目录');
  });

  it('takes amendments given after the record, and an amendment given first leads to its draw beside it', async () => {
    const dir = folder([`draws/${ID}.json`, ...regs()]);
    const amend = folder([`draws/${ID}-A1.json`, `draws/${ID}-A2.json`]);
    const r = await verify(dir, [path.join(dir, `${ID}.json`), path.join(amend, `${ID}-A2.json`), path.join(amend, `${ID}-A1.json`)]);
    expect(r.code).toBe(0);
    expect(r.json?.amendments).toEqual([`${ID}-A1`, `${ID}-A2`]);
    // a replacement record given after the draw is re-run too; an edited one (re-hashed) is a difference naming it
    const rfile = path.join(amend, 'r.json');
    const rr = JSON.parse(fs.readFileSync(path.join(root, 'draws', `${ID}-R1.json`), 'utf8')) as { replacement: { candidates: number }; recordHash?: string };
    rr.replacement.candidates += 1;
    delete rr.recordHash;
    fs.writeFileSync(rfile, JSON.stringify({ ...rr, recordHash: recordHash(rr as unknown as AmendmentRecord) }));
    const bad = await verify(dir, [path.join(dir, `${ID}.json`), rfile]);
    expect(bad.code).toBe(1);
    expect(bad.json?.differences.map((d) => d.drawId)).toEqual([`${ID}-R1`]);
    const only = folder([`draws/${ID}.json`, `draws/${ID}-A1.json`, ...regs()]);
    const a = await verify(only, [path.join(only, `${ID}-A1.json`)]);
    expect(a.code).toBe(0);
    expect(a.json?.amendments).toEqual([`${ID}-A1`]);
  });

  it('exit 1 naming the field: an amendment re-hashed after its replacement was changed, or another registry given', async () => {
    const dir = folder([`draws/${ID}.json`, `draws/${ID}-A1.json`, ...regs()]);
    const file = path.join(dir, `${ID}-A1.json`);
    const a = JSON.parse(fs.readFileSync(file, 'utf8')) as AmendmentRecord;
    a.substitution.candidates += 1;
    const { recordHash: _h, ...rest } = a;
    fs.writeFileSync(file, JSON.stringify({ ...rest, recordHash: recordHash(rest as AmendmentRecord) }, null, 2));
    const r = await verify(dir, [path.join(dir, `${ID}.json`)]);
    expect(r.code).toBe(1);
    expect(r.json?.differences.map((d) => [d.field, d.drawId])).toEqual([['substitution.candidates', `${ID}-A1`]]);
    const other = await verify(dir, [path.join(dir, `${ID}.json`), '--entities', files.entities[0]!]);
    expect(other.code).toBe(1);
    expect(other.json?.differences.map((d) => d.field)).toContain('inputs.institutions.contentSha256');
  });

  it('an ssj-draw/2 record with its prior inspections and plan, and a record inside a copied workspace uses its ledger', async () => {
    const ledger = fs.readFileSync(path.join(root, 'ledger.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { kind?: string; drawId?: string });
    const id2 = ledger.filter((l) => l.kind === 'draw').at(-1)!.drawId!;
    const dir = folder([`draws/${id2}.json`, ...regs(), 'registries/prior.csv', path.relative(root, files.plan)]);
    const rec = JSON.parse(fs.readFileSync(path.join(dir, `${id2}.json`), 'utf8')) as DrawRecord;
    expect(rec.algorithm).toBe('ssj-draw/2');
    // the first draw counts toward the cap: with no ledger here, the exclusions it causes are taken from the record
    expect(rec.strata.flatMap((s) => s.excluded).some((x) => x.reason === 'yearly-limit' && x.draws.includes(ID))).toBe(true);
    const r = await verify(dir, [path.join(dir, `${id2}.json`), '--plan', path.join(dir, path.basename(files.plan))]);
    expect({ code: r.code, differences: r.json?.differences }).toEqual({ code: 0, differences: [] });
    expect(r.json?.files.map((f) => f.role)).toContain('prior-inspections');
    const elsewhere = tempDir('ssj-cwd-');
    const inCopy = await ssjIn(['verify', path.join(root, 'draws', `${ID}.json`), '--workspace', elsewhere, '--json']);
    expect(inCopy.code).toBe(0);
    expect(inCopy.stderr).toContain(`使用记录所在工作目录副本 ${root}`);
    expect((JSON.parse(inCopy.stdout) as VerifyJson)).toMatchObject({ standalone: false, amendments: [`${ID}-A1`, `${ID}-A2`] });
  });
});
