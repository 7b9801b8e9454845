/**
 * Commitment that binds (issue 15): a draw is announced or says why not; a plan row is drawn once per
 * 抽查频次 period unless --again says why; the announcement is a ledger event, so an edited one is caught.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { DrawRecord } from '../../src/core/types.js';
import { expectNoStack, ssjIn, tempDir } from '../helpers/cli.js';
import { drawFiles, inputArgs, makeWorkspace, SEED, type Files } from './draw-fixtures.js';

const base = (root: string, f: Files, seed = SEED) => ['draw', ...inputArgs(f), '--seed', seed, '--date', '2024-06-03', '--workspace', root, '--no-sheets'];
const ledgerText = (root: string) => (fs.existsSync(path.join(root, 'ledger.jsonl')) ? fs.readFileSync(path.join(root, 'ledger.jsonl'), 'utf8') : '');

describe('announcement or a reason; one draw per period', () => {
  let root: string;
  let files: Files;
  beforeAll(async () => {
    root = tempDir('ssj-commit-');
    files = await makeWorkspace(root);
  });

  it('refuses a draw with neither --announcement nor --no-announcement, writing nothing', async () => {
    const r = await ssjIn(base(root, files));
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('--no-announcement');
    expectNoStack(r);
    expect(drawFiles(root)).toEqual([]);
    expect(ledgerText(root)).toBe('');
    expect((await ssjIn([...base(root, files), '--no-announcement', '  '])).code).toBe(2);
  });

  it('records the reason and prints 未经事先公告 on the witness sheet', async () => {
    const r = await ssjIn([...base(root, files), '--no-announcement', '系统故障，公告未能按时发布', '--json']);
    expect(r.code).toBe(0);
    const rec = JSON.parse(r.stdout) as DrawRecord;
    expect(rec.noAnnouncement).toBe('系统故障，公告未能按时发布');
    const html = fs.readFileSync(path.join(root, 'draws', `${rec.drawId}-witness.html`), 'utf8');
    expect(html).toContain('未经事先公告');
    expect(html).toContain('系统故障，公告未能按时发布');
  });

  it('refuses a second draw of the same plan rows in the same period, writing nothing; --again records why', async () => {
    const before = ledgerText(root);
    const files0 = drawFiles(root);
    const r = await ssjIn([...base(root, files, '27182818284590452353'), '--no-announcement', '补做']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('20240603-1');
    expect(r.stderr).toContain('ssj void');
    expectNoStack(r);
    expect(ledgerText(root)).toBe(before);
    expect(drawFiles(root)).toEqual(files0);
    const again = await ssjIn([...base(root, files, '27182818284590452353'), '--no-announcement', '补做', '--again', '第一次抽取时名录库有误', '--json']);
    expect(again.code).toBe(0);
    const rec = JSON.parse(again.stdout) as DrawRecord;
    expect(rec.again).toEqual({ reason: '第一次抽取时名录库有误', draws: ['20240603-1'] });
    expect(fs.readFileSync(path.join(root, 'draws', `${rec.drawId}-witness.html`), 'utf8')).toContain('第一次抽取时名录库有误');
  });

  it('an announcement is an event: unused ones are shown by verify --ledger and status; an edited one is caught by name', async () => {
    const a = await ssjIn(['announce', ...inputArgs(files), '--workspace', root, '--date', '2024-06-03', '--json']);
    expect(a.code).toBe(0);
    const id = (JSON.parse(a.stdout) as { drawId: string }).drawId;
    const v = await ssjIn(['verify', '--ledger', '--json', '--workspace', root]);
    expect(v.code).toBe(0);
    expect((JSON.parse(v.stdout) as { unusedAnnouncements: string[] }).unusedAnnouncements).toEqual([id]);
    expect((await ssjIn(['verify', '--ledger', '--workspace', root])).stderr).toContain(`公告 ${id} 已发布但尚未据此抽取`);
    expect((await ssjIn(['status', '--workspace', root])).stdout).toContain(`公告 ${id}`);
    const html = path.join(root, 'draws', `${id}-announcement.html`);
    const original = fs.readFileSync(html);
    try {
      fs.writeFileSync(html, original.toString('utf8').replace('</body>', '<p>改</p></body>'));
      const bad = await ssjIn(['verify', '--ledger', '--workspace', root]);
      expect(bad.code).toBe(1);
      expect(bad.stdout).toContain(`draws/${id}-announcement.html`);
      // Nothing is added to a ledger that does not verify.
      const refused = await ssjIn([...base(root, files, '16180339887498948482'), '--announcement', path.join(root, 'draws', `${id}-announcement.json`)]);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toContain('ssj verify --ledger');
    } finally {
      fs.writeFileSync(html, original);
    }
  });
});

describe('ssj void (作废)', () => {
  it('records a void with its sheet; status stops counting the draw; the plan rows may be drawn again; verify --ledger agrees', async () => {
    const root = tempDir('ssj-void-');
    const files = await makeWorkspace(root);
    expect((await ssjIn([...base(root, files), '--no-announcement', '测试'])).code).toBe(0);
    expect((await ssjIn(['void', '--draw', '20240603-1', '--workspace', root])).code).toBe(2); // --reason is required
    const v = await ssjIn(['void', '--draw', '20240603-1', '--reason', '名录库有误，经批准重新抽取', '--workspace', root, '--date', '2024-06-03', '--json']);
    expect(v.code).toBe(0);
    const out = JSON.parse(v.stdout) as { ledgerHead: string; sheet: string };
    expect(fs.readFileSync(out.sheet, 'utf8')).toContain('名录库有误，经批准重新抽取');
    const last = JSON.parse(ledgerText(root).trim().split('\n').at(-1) as string) as { kind: string; hash: string; reason: string; files: { path: string }[] };
    expect([last.kind, last.reason, last.files.map((f) => f.path), last.hash]).toEqual(['void', '名录库有误，经批准重新抽取', ['draws/20240603-1-void.html'], out.ledgerHead]);
    const status = JSON.parse((await ssjIn(['status', '--workspace', root, '--json'])).stdout) as { draws: unknown[]; voided: string[] };
    expect([status.draws.length, status.voided]).toEqual([0, ['20240603-1']]);
    expect((await ssjIn(['void', '--draw', '20240603-1', '--reason', '再次', '--workspace', root, '--date', '2024-06-03'])).code).toBe(1);
    // Not refused as a repeat: the earlier draw was voided.
    const again = await ssjIn([...base(root, files, '27182818284590452353'), '--no-announcement', '重新抽取', '--json']);
    expect(again.code).toBe(0);
    expect((JSON.parse(again.stdout) as DrawRecord).again).toBeUndefined();
    expect((await ssjIn(['verify', '--ledger', '--workspace', root])).code).toBe(0);
    expect((await ssjIn(['verify', '--draw', '20240603-2', '--workspace', root])).code).toBe(0);
  });
});

describe('substitution after the fact', () => {
  it('is refused once the entity has a result, naming the result and what to do; nothing is written', async () => {
    const root = tempDir('ssj-subafter-');
    const files = await makeWorkspace(root);
    const d = await ssjIn([...base(root, files), '--no-announcement', '测试', '--json']);
    expect(d.code).toBe(0);
    const rec = JSON.parse(d.stdout) as DrawRecord;
    const team = rec.teams[0]!;
    const s = rec.selected.find((x) => x.key === team.entity)!;
    const table = path.join(root, 'results-in.csv');
    fs.writeFileSync(table, '\ufeff' + ['抽取编号,统一社会信用代码,名称,检查日期,检查结果,处理情况,公示日期,公示网站,备注', [rec.drawId, s.key, s.name, '2024-06-10', '医疗保障局:1；市场监督管理局:9', '无', '', '', ''].join(',')].join('\r\n') + '\r\n');
    const r = await ssjIn(['results', table, '--workspace', root, '--date', '2024-06-20', '--yes']);
    expect({ code: r.code, err: r.stderr }).toEqual({ code: 0, err: expect.any(String) });
    const before = ledgerText(root);
    const sub = await ssjIn(['substitute', '--draw', rec.drawId, '--entity', team.entity, '--inspector', team.members[0]!.key, '--reason', '回避', '--seed', '99999999999999999999', '--workspace', root, '--date', '2024-06-21']);
    expect(sub.code).toBe(1);
    expect(sub.stderr).toContain('已有检查结果');
    expect(sub.stderr).toContain('2024-06-10');
    expect(sub.stderr).toContain('ssj void');
    expectNoStack(sub);
    expect(ledgerText(root)).toBe(before);
    // The import is a ledger event listing the stored result: an edit to it is named by verify --ledger.
    const imp = JSON.parse(before.trim().split('\n').at(-1) as string) as { kind: string; files: { path: string }[]; sources: { name: string }[] };
    expect([imp.kind, imp.sources.map((x) => x.name)]).toEqual(['results-import', ['results-in.csv']]);
    const stored = path.join(root, imp.files.at(-1)!.path);
    expect((await ssjIn(['verify', '--ledger', '--workspace', root])).code).toBe(0);
    fs.appendFileSync(stored, ' ');
    const v = await ssjIn(['verify', '--ledger', '--workspace', root]);
    expect(v.code).toBe(1);
    expect(v.stdout).toContain(imp.files.at(-1)!.path);
  });
});
