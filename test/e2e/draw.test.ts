import fs from 'node:fs';
import path from 'node:path';
import type { DrawRecord } from '../../src/core/types.js';
import { committed, expectNoStack, ssjIn, tempDir, type RunResult } from '../helpers/cli.js';
import { conflicts, draw, drawFiles, inspectors, institutions, makeWorkspace, SEED, uscc, inputArgs, writeGbkCsv } from './draw-fixtures.js';
import { firstDifference } from '../helpers/bytes.js';

const readJson = <T>(file: string): T => JSON.parse(fs.readFileSync(file, 'utf8')) as T;
const ledgerLines = (root: string) =>
  fs.existsSync(path.join(root, 'ledger.jsonl')) ? fs.readFileSync(path.join(root, 'ledger.jsonl'), 'utf8').trim().split('\n').filter(Boolean) : [];

describe('ssj draw', () => {
  const runs = new Map<string, { root: string; record: DrawRecord; stdout: string }>();
  beforeAll(async () => {
    for (const format of ['xlsx', 'csv', 'ods'] as const) {
      const root = tempDir(`ssj-draw-${format}-`);
      const files = await makeWorkspace(root, format);
      const r = await draw(root, files, ['--json', '--place', '测试县医保局三楼会议室', '--seed-source', '三名监督人掷骰']);
      if (r.code !== 0) throw new Error(`${format}: exit ${r.code}\n${r.stderr}`);
      runs.set(format, { root, record: JSON.parse(r.stdout) as DrawRecord, stdout: r.stdout });
    }
  });

  it('gives the same content hashes and the identical draw from .xlsx, a shuffled GBK .csv and .ods', async () => {
    const x = runs.get('xlsx')!.record;
    for (const format of ['csv', 'ods']) {
      const y = runs.get(format)!.record;
      const hashes = (r: DrawRecord) => r.inputs.map((i) => [i.role, i.contentSha256, i.rows]);
      expect(hashes(y)).toEqual(hashes(x));
      expect(y.inputs.map((i) => i.fileSha256)).not.toEqual(x.inputs.map((i) => i.fileSha256));
      expect(y.strata).toEqual(x.strata);
      expect(y.selected.map((s) => s.key)).toEqual(x.selected.map((s) => s.key));
      expect(y.teams).toEqual(x.teams);
    }
  });

  it('writes the record, the ledger line and the witness sheets, with --json printing the record, the files written and the warnings', async () => {
    const { root, record, stdout } = runs.get('xlsx')!;
    expect(record.drawId).toBe('20240603-1');
    expect(record.format).toBe('ssj-draw-record/1');
    expect(record.seed).toBe(SEED);
    expect(record.seedSource).toBe('三名监督人掷骰');
    expect(record.place).toBe('测试县医保局三楼会议室');
    expect(record.prevRecordHash).toBeNull();
    const { ledgerHead, files, warnings, ...stored } = record as DrawRecord & { ledgerHead: string; files: string[]; warnings: string[] };
    expect(files.slice(0, 3).map((f) => path.relative(root, f))).toEqual(['draws/20240603-1.json', 'draws/20240603-1-witness.html', 'draws/20240603-1-witness.xlsx']);
    expect(Array.isArray(warnings)).toBe(true);
    expect(readJson<DrawRecord>(path.join(root, 'draws', '20240603-1.json'))).toEqual(stored);
    expect(drawFiles(root)).toEqual(['20240603-1-witness.html', '20240603-1-witness.xlsx', '20240603-1.json']);
    const lines = ledgerLines(root).map((l) => JSON.parse(l) as { hash: string; files: { path: string }[] });
    expect(lines).toEqual([
      expect.objectContaining({ v: 2, seq: 1, kind: 'draw', prev: null, createdAt: record.createdAt, drawId: '20240603-1', prevRecordHash: null, recordHash: record.recordHash }),
    ]);
    const listed = lines[0]!.files.map((f) => f.path);
    expect(listed.slice(0, 5)).toEqual(['draws/20240603-1-witness.html', 'draws/20240603-1-witness.xlsx', 'reports/抽取结果-20240603-1.csv', 'reports/抽取结果-20240603-1.html', 'draws/20240603-1.json']);
    // Then the inputs as read, kept under inputs/<id>/ (plan and registries, in the record's order).
    expect(listed.slice(5, 10)).toEqual(record.inputs.map((i) => `inputs/20240603-1/${i.file}`));
    // Then the notices (issue 17), listed with the record: one per entity, all.html and 审批表.html.
    expect(listed.slice(10).sort()).toEqual(fs.readdirSync(path.join(root, 'notices', '20240603-1')).map((n) => `notices/20240603-1/${n}`).sort());
    expect(listed.slice(10)).toHaveLength(record.selected.length + 2);
    expect(ledgerHead).toBe(lines[0]!.hash); // --json carries the new ledger head whole
    expect(() => JSON.parse(stdout)).not.toThrow();
  });

  it('draws joint teams: 医疗保障局2 + 市场监督管理局1, region matched, no conflicted pair, seats balanced', async () => {
    const { record } = runs.get('xlsx')!;
    const areas = new Map(inspectors().rows.map((r) => [r[8], r[9]]));
    const region = new Map(record.selected.map((s) => [s.key, s.region]));
    const conflicted = new Set(conflicts().rows.map((r) => `${r[0]}|${r[1]}`));
    const row1 = record.teams.filter((t) => record.selected.find((s) => s.key === t.entity)!.stratum === 1);
    expect(row1.length).toBe(4);
    for (const team of row1) {
      expect(team.members.map((m) => m.department)).toEqual(['医疗保障局', '医疗保障局', '市场监督管理局']);
      expect(team.members.map((m) => m.role)).toEqual(['组长', '组员', '组员']);
      expect(team.members[0].unit).toContain('医疗保障局');
      expect(team.members[2].unit).toContain('市场监督管理局');
      const area = areas.get(team.members[2].key)!;
      expect(area === '全县' || area.split('、').includes(region.get(team.entity)!)).toBe(true);
    }
    for (const team of record.teams) {
      expect(new Set(team.members.map((m) => m.key)).size).toBe(team.members.length);
      for (const m of team.members) expect(conflicted.has(`${m.key}|${team.entity}`)).toBe(false);
    }
    expect(record.teams.map((t) => t.entity)).toEqual(record.selected.map((s) => s.key));
    const seats = new Map<string, number>();
    for (const t of record.teams) for (const m of t.members) seats.set(m.key, (seats.get(m.key) ?? 0) + 1);
    const yb = [...areas.keys()].filter((k) => k.startsWith('YB')).map((k) => seats.get(k) ?? 0);
    expect(Math.max(...yb) - Math.min(...yb)).toBeLessThanOrEqual(1);
    expect(record.strata.map((s) => [s.population, s.eligible, s.size])).toEqual([
      [8, 8, 4],
      [8, 8, 2],
      [4, 4, 2],
      [4, 4, 2],
    ]);
  });

  it('shows only codes on screen, never names', async () => {
    const root = runs.get('xlsx')!.root;
    const files = { plan: path.join(root, 'plans', 'plan-2024.json'), entities: ['pharmacies', 'institutions'].map((n) => path.join(root, 'registries', `${n}.xlsx`)), inspectors: path.join(root, 'registries', 'inspectors.xlsx'), conflicts: path.join(root, 'registries', 'conflicts.xlsx') };
    const r = await draw(root, files, ['--id', 'SCREEN-1']);
    expect(r.code).toBe(0);
    const record = readJson<DrawRecord>(path.join(root, 'draws', 'SCREEN-1.json'));
    expect(record.prevRecordHash).toBe(runs.get('xlsx')!.record.recordHash);
    for (const s of record.selected) {
      expect(r.stdout).toContain(s.key);
      expect(r.stdout).not.toContain(s.name);
    }
    for (const m of record.teams.flatMap((t) => t.members)) {
      expect(r.stdout).toContain(m.key);
      expect(r.stdout + r.stderr).not.toContain(m.name);
    }
    for (const s of record.selected) expect(r.stderr).not.toContain(s.name);
    expect(r.stderr).toContain('no-license-number');
    expect(r.stderr).not.toContain('无证人员');
    expect(r.stdout).toContain(path.join(root, 'draws', 'SCREEN-1-witness.html'));
    expect(r.stderr).toContain('计划第 2 行“定点零售药店医保服务”每年计划抽查 1 次，本年度台账中已有 1 次（20240603-1）');
  });

  it('refuses an existing --id with nothing written', async () => {
    const root = runs.get('csv')!.root;
    const files = { plan: path.join(root, 'plans', 'plan-2024.json'), entities: ['pharmacies', 'institutions'].map((n) => path.join(root, 'registries', `${n}.csv`)), inspectors: path.join(root, 'registries', 'inspectors.csv'), conflicts: path.join(root, 'registries', 'conflicts.csv') };
    const before = new Map(drawFiles(root).map((n) => [n, fs.readFileSync(path.join(root, 'draws', n))]));
    const ledger = fs.readFileSync(path.join(root, 'ledger.jsonl'));
    const r = await draw(root, files, ['--id', '20240603-1', '--seed', '99999999999']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('20240603-1.json');
    expectNoStack(r);
    expect(drawFiles(root)).toEqual([...before.keys()]);
    for (const [n, bytes] of before) expect([n, firstDifference(fs.readFileSync(path.join(root, 'draws', n)), bytes)]).toEqual([n, null]);
    expect(firstDifference(fs.readFileSync(path.join(root, 'ledger.jsonl')), ledger)).toBeNull();
  });
});

describe('ssj draw when the record sheets cannot be written', () => {
  it('keeps the draw (exit 0), says so, and says to run ssj sheets, not to draw again', async () => {
    const root = tempDir('ssj-draw-nosheets-');
    const files = await makeWorkspace(root);
    fs.mkdirSync(path.join(root, 'sheets'), { recursive: true });
    fs.writeFileSync(path.join(root, 'sheets', '20240603-1'), 'a file where the sheets folder should be');
    const r = await ssjIn(committed(['draw', ...inputArgs(files), '--seed', SEED, '--date', '2024-06-03', '--workspace', root]));
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('ssj sheets --draw 20240603-1');
    expect(r.stderr).toContain('不要重新抽取');
    expectNoStack(r);
    expect(ledgerLines(root)).toHaveLength(1);
    expect(fs.existsSync(path.join(root, 'draws', '20240603-1.json'))).toBe(true);
  });
});

describe('ssj draw refuses bad input and writes nothing', () => {
  /** Refused with `code`, saying each of `says`, without a stack trace, and with nothing written: no record, no ledger. */
  const refused = (root: string, r: RunResult, code: number, says: string[]) => {
    expect(r.code).toBe(code);
    for (const text of says) expect(r.stderr).toContain(text);
    expectNoStack(r);
    expect(drawFiles(root)).toEqual([]);
    expect(fs.existsSync(path.join(root, 'ledger.jsonl'))).toBe(false);
  };
  it('without --seed when not on a TTY (exit 2, names the flag)', async () => {
    const root = tempDir('ssj-draw-noseed-');
    const files = await makeWorkspace(root);
    const r = await ssjIn(committed(['draw', ...inputArgs(files), '--workspace', root, '--date', '2024-06-03']));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--seed');
    expect(drawFiles(root)).toEqual([]);
  });
  it('with a seed that is too short (exit 2)', async () => {
    const root = tempDir('ssj-draw-badseed-');
    const files = await makeWorkspace(root);
    const r = await draw(root, files, ['--seed', '12 3']);
    expect(r.code).toBe(2);
    expectNoStack(r);
    expect(drawFiles(root)).toEqual([]);
    expect(fs.existsSync(path.join(root, 'ledger.jsonl'))).toBe(false);
  });
  it('with a registry error, listing the file and cell (exit 1)', async () => {
    const root = tempDir('ssj-draw-badreg-');
    const files = await makeWorkspace(root, 'csv');
    const text = fs.readFileSync(files.entities[0]);
    const bad = uscc(100);
    const broken = Buffer.from(text.toString('latin1').replace(bad, bad.slice(0, 17) + (bad[17] === '1' ? '2' : '1')), 'latin1');
    fs.writeFileSync(files.entities[0], broken);
    const r = await draw(root, files);
    refused(root, r, 1, ['uscc-checksum', 'pharmacies.csv']);
    expect(r.stderr).toMatch(/D\d+/);
  });
  it('when listed conflicts leave an entity too few inspectors, before any seed is used (exit 1)', async () => {
    // Five of the six 医疗保障局 inspectors are recused from 测试卫生院1; its group needs two: whatever the seed, it
    // could never get a team, so the draw is refused now rather than failing only when the seed picks it.
    const root = tempDir('ssj-draw-recused-');
    const files = await makeWorkspace(root, 'csv');
    const recused = conflicts();
    recused.rows = ['YB001', 'YB002', 'YB003', 'YB004', 'YB005'].map((k) => [k, uscc(500, '12'), '近亲属任职']);
    writeGbkCsv(files.conflicts, recused);
    refused(root, await draw(root, files), 1, ['plan-conflict-blocks', uscc(500, '12')]);
  });
  it('with a 成立日期 after the draw date, as validate reports it (exit 1)', async () => {
    const root = tempDir('ssj-draw-future-');
    const files = await makeWorkspace(root, 'csv');
    const later = institutions();
    later.rows[2]![8] = '2030-01-01';
    writeGbkCsv(files.entities[1]!, later);
    refused(root, await draw(root, files), 1, ['bad-date', 'institutions.csv']);
  });
  it('in a folder that is not a workspace (no draws/, no ledger), writing nothing there (exit 2)', async () => {
    const root = tempDir('ssj-draw-files-');
    const files = await makeWorkspace(root);
    const elsewhere = tempDir('ssj-not-a-workspace-');
    const r = await ssjIn(committed(['draw', ...inputArgs(files), '--seed', SEED, '--date', '2024-06-03', '--workspace', elsewhere, '--no-sheets']));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`ssj init ${elsewhere}`);
    expectNoStack(r);
    expect(fs.readdirSync(elsewhere)).toEqual([]);
  });
  it('with an inspectors file given as --entities (exit 1)', async () => {
    const root = tempDir('ssj-draw-role-');
    const files = await makeWorkspace(root);
    const copy = path.join(root, 'registries', 'inspectors-copy.xlsx');
    fs.copyFileSync(files.inspectors, copy);
    const r = await draw(root, { ...files, entities: [files.entities[0]!, copy] });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('wrong-role');
    expect(drawFiles(root)).toEqual([]);
  });
  it('with one file given twice, naming it before any row is read (exit 2)', async () => {
    const root = tempDir('ssj-draw-twice-');
    const files = await makeWorkspace(root);
    const r = await draw(root, { ...files, entities: [files.entities[0]!, files.inspectors] });
    refused(root, r, 2, [`${files.inspectors} 被指定了两次`]);
    expect(r.stderr).not.toContain('duplicate-key');
  });
});
