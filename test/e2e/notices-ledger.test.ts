/**
 * Issue 17, notices: written with the draw and listed by its ledger event (verify --ledger checks them);
 * `ssj notices` makes them again through the ledger (a `documents` event, the ledger checked before any is
 * replaced); `--form-lang en` gives English notices and 审批表 as for the other forms.
 */
import fs from 'node:fs';
import path from 'node:path';
import { committed, expectNoStack, ssjIn, tempDir } from '../helpers/cli.js';
// @ts-expect-error — plain ESM script without types
import { validInputs } from '../hostile/make-corpus.mjs';

const dir = tempDir('ssj-notices-ledger-');
const inputs = validInputs(path.join(dir, 'in'), { rows: 30, inspectors: 40 }) as { entities: string; inspectors: string; plan: string };
const ID = '20240601-1';

async function drawn(...extra: string[]): Promise<string> {
  const ws = tempDir('ssj-notices-ws-');
  fs.mkdirSync(path.join(ws, 'draws'));
  const r = await ssjIn(committed(['draw', '--workspace', ws, '--plan', inputs.plan, '--entities', inputs.entities, '--inspectors', inputs.inspectors, '--seed', '12345678901234567890', '--seed-source', 'test', '--date', '2024-06-01', '--yes', '--no-sheets', ...extra]));
  expect([r.code, r.stderr]).toEqual([0, r.stderr]);
  return ws;
}
const events = (ws: string) => fs.readFileSync(path.join(ws, 'ledger.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { kind: string; what?: string; files?: { path: string; sha256: string }[] });
const noticeFiles = (ws: string) => fs.readdirSync(path.join(ws, 'notices', ID)).map((n) => `notices/${ID}/${n}`).sort();

describe('notices and the ledger', () => {
  it('the notices written at draw time are listed by the draw event, and an edited one is named by verify --ledger', async () => {
    const ws = await drawn();
    const [draw] = events(ws);
    const listed = (draw?.files ?? []).map((f) => f.path).filter((p) => p.startsWith('notices/')).sort();
    expect(listed).toEqual(noticeFiles(ws));
    expect(listed).toContain(`notices/${ID}/审批表.html`);
    fs.appendFileSync(path.join(ws, 'notices', ID, 'all.html'), '<p>改过</p>');
    const v = await ssjIn(['verify', '--ledger', '--workspace', ws]);
    expectNoStack(v);
    expect(v.code).toBe(1);
    expect(v.stdout + v.stderr).toContain(`notices/${ID}/all.html`);
    // Made again over an edited notice: refused before anything is replaced.
    const again = await ssjIn(['notices', '--draw', ID, '--workspace', ws, '--date', '2024-06-02']);
    expect(again.code).toBe(1);
    expect(fs.readFileSync(path.join(ws, 'notices', ID, 'all.html'), 'utf8')).toContain('<p>改过</p>');
    expect(events(ws)).toHaveLength(1);
  });

  it('ssj notices --form-lang en: English notices and approval form, recorded as a documents event that verify --ledger checks', async () => {
    const ws = await drawn();
    const zh = fs.readFileSync(path.join(ws, 'notices', ID, 'all.html'), 'utf8');
    expect(zh).toContain('监督检查通知书');
    expect(zh).toContain('lang="zh-CN"');
    const r = await ssjIn(['notices', '--draw', ID, '--workspace', ws, '--date', '2024-06-02', '--form-lang', 'en']);
    expectNoStack(r);
    expect(r.code).toBe(0);
    const all = fs.readFileSync(path.join(ws, 'notices', ID, 'all.html'), 'utf8');
    const approval = fs.readFileSync(path.join(ws, 'notices', ID, '审批表.html'), 'utf8');
    expect(all).toContain('lang="en"');
    expect(all).toContain('Notice of Inspection');
    expect(all).toContain('Verification code');
    expect(approval).toContain('Administrative Inspection Approval Form');
    for (const text of [all, approval]) expect(text).not.toMatch(/监督检查通知书|行政检查审批表|检查事项及依据|你单位的权利|承办人意见/);
    const last = events(ws).at(-1);
    expect([last?.kind, last?.what]).toEqual(['documents', 'notices']);
    expect((last?.files ?? []).map((f) => f.path).sort()).toEqual(noticeFiles(ws));
    const v = await ssjIn(['verify', '--ledger', '--workspace', ws]);
    expect(v.code).toBe(0);
  });

  it('draw --no-notices writes and lists none (a national draw’s ceremony); ssj notices makes them later as a documents event', async () => {
    const ws = await drawn('--no-notices');
    expect(fs.existsSync(path.join(ws, 'notices'))).toBe(false);
    const [draw] = events(ws);
    expect((draw?.files ?? []).filter((f) => f.path.startsWith('notices/'))).toEqual([]);
    const r = await ssjIn(['notices', '--draw', ID, '--workspace', ws, '--date', '2024-06-01']);
    expect([r.code, r.stderr]).toEqual([0, r.stderr]);
    const last = events(ws).at(-1);
    expect([last?.kind, last?.what]).toEqual(['documents', 'notices']);
    expect((last?.files ?? []).map((f) => f.path).sort()).toEqual(noticeFiles(ws));
    expect(noticeFiles(ws)).toContain(`notices/${ID}/审批表.html`);
  });
});
