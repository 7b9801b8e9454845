/** ssj substitute after the fact (in process): refused once the plan row's 检查期限 has ended; the record sheets it changes are named (text and --json). */
import fs from 'node:fs';
import path from 'node:path';
import type { DrawRecord } from '../../src/core/types.js';
import { committed, expectNoStack, ssjIn, tempDir } from '../helpers/cli.js';
import { firstDifference } from '../helpers/bytes.js';
import { inputArgs, JOINT_PLAN, makeWorkspace, SEED } from './draw-fixtures.js';

const WINDOW_PLAN = { ...JOINT_PLAN, rows: JOINT_PLAN.rows.map((r) => ({ ...r, window: '2024年6月3日至6月20日' })) };

describe('ssj substitute after the fact', () => {
  let root: string;
  let rec: DrawRecord;
  const sub = async (args: string[], date: string) => await ssjIn(['substitute', '--draw', rec.drawId, '--reason', '回避：近亲属', '--workspace', root, '--date', date, ...args]);
  beforeAll(async () => {
    root = tempDir('ssj-sub-after-');
    const files = await makeWorkspace(root, 'xlsx', WINDOW_PLAN);
    const r = await ssjIn(committed(['draw', ...inputArgs(files), '--seed', SEED, '--date', '2024-06-03', '--workspace', root, '--json']));
    if (r.code !== 0) throw new Error(r.stderr);
    rec = JSON.parse(r.stdout) as DrawRecord;
  });

  it('names the record sheets a substitution changed (the entity\'s and all.html, not the others), in --json and on screen', async () => {
    const team = rec.teams[1]!;
    const dir = path.join(root, 'sheets', rec.drawId);
    const others = fs.readdirSync(dir).filter((f) => f.endsWith('.xlsx'));
    const r = await sub(['--entity', team.entity, '--inspector', team.members[0]!.key, '--seed', '27182818284590452353', '--json'], '2024-06-10');
    expect([r.code, r.stderr]).toEqual([0, r.stderr]);
    const changed = (JSON.parse(r.stdout) as { changedSheets: string[] }).changedSheets.map((f) => path.basename(f));
    const order = String(rec.selected.find((s) => s.key === team.entity)!.order).padStart(2, '0');
    expect(changed.filter((f) => f.endsWith('.xlsx')).map((f) => f.slice(0, 3))).toEqual([`${order}-`]);
    expect(changed).toContain('all.html');
    expect(others.length).toBeGreaterThan(2);
    // The entity's 检查通知书 names the team: made again, named to reprint, listed by a documents event.
    const out = JSON.parse(r.stdout) as { changedNotices: string[]; substitution: { removed: string; replacement: { key: string } } };
    expect(out.changedNotices.map((f) => path.basename(f).slice(0, 3))).toEqual([`${order}-`]);
    const notice = fs.readFileSync(out.changedNotices[0]!, 'utf8');
    expect([notice.includes(out.substitution.replacement.key), notice.includes(`<td>${out.substitution.removed}</td>`)]).toEqual([true, false]);
    const last = JSON.parse(fs.readFileSync(path.join(root, 'ledger.jsonl'), 'utf8').trim().split('\n').at(-1)!) as { kind: string; what: string };
    expect([last.kind, last.what]).toEqual(['documents', 'notices']);
    expect((await ssjIn(['verify', '--ledger', '--workspace', root, '--date', '2024-06-10'])).code).toBe(0);
    const t2 = rec.teams[2]!;
    const text = await sub(['--entity', t2.entity, '--inspector', t2.members[0]!.key, '--seed', '16180339887498948482'], '2024-06-11');
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('请重新打印');
    expect(text.stdout).toContain(`${String(rec.selected.find((s) => s.key === t2.entity)!.order).padStart(2, '0')}-`);
  });

  it('is refused after the 检查期限 ended, naming the window, its end and what to do; nothing written', async () => {
    const before = fs.readFileSync(path.join(root, 'ledger.jsonl'));
    const team = rec.teams[3]!;
    const r = await sub(['--entity', team.entity, '--inspector', team.members[0]!.key, '--seed', '14142135623730950488'], '2024-06-21');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('2024年6月3日至6月20日');
    expect(r.stderr).toContain('2024-06-20');
    expect(r.stderr).toContain('ssj void');
    expectNoStack(r);
    expect(firstDifference(fs.readFileSync(path.join(root, 'ledger.jsonl')), before)).toBeNull();
    // on the last day it is still allowed
    expect((await sub(['--entity', team.entity, '--inspector', team.members[0]!.key, '--seed', '14142135623730950488'], '2024-06-20')).code).toBe(0);
  });
});
