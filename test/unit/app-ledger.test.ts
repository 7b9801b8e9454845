/** appendEvent on real (temp) workspaces: an old v1 ledger migrated on first write, listed files, refusal on damage. */
import fs from 'node:fs';
import path from 'node:path';
import { appendEvent, checkWorkspaceLedger, ledgerHead } from '../../src/app/ledger.js';
import { isV2, lineHash, type AnyLine } from '../../src/core/events.js';
import { sha256Hex } from '../../src/core/hash.js';
import { CheckFailed } from '../../src/errors.js';
import { readLedger } from '../../src/io/records.js';
import type { Workspace } from '../../src/io/workspace.js';
import { makeWorkspace, writeAmendment, writeDraw } from '../helpers/workspace.js';

const NOW = new Date('2024-06-20T02:00:00Z');
const made: Workspace[] = [];
afterAll(() => {
  for (const ws of made) fs.rmSync(ws.root, { recursive: true, force: true });
});

function oldWorkspace(): Workspace {
  const ws = makeWorkspace('ssj-ledger-');
  made.push(ws);
  const d = writeDraw(ws, { drawId: '20240601-1' });
  const team = { entity: d.selected[0]!.key, members: [{ ...d.teams[0]!.members[0]!, key: 'ZF999' }, d.teams[0]!.members[1]!] };
  writeAmendment(ws, d, { entity: d.selected[0]!.key, removed: d.teams[0]!.members[0]!.key, team });
  return ws;
}

const lines = (ws: Workspace): AnyLine[] =>
  fs.readFileSync(ws.ledger, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as AnyLine);

const reportEvent = (ws: Workspace, name: string, body: string) => appendEvent(ws, NOW, () => ({
  event: { kind: 'report', write: [{ path: path.join(ws.reports, name), data: body }], payload: { month: '2024-06' } },
  value: null,
}));

describe('appendEvent', () => {
  it('migrates an old v1 ledger on the first write and keeps its lines and records verifying', async () => {
    const ws = oldWorkspace();
    const before = fs.readFileSync(ws.ledger, 'utf8');
    expect(checkWorkspaceLedger(ws).differences).toEqual([]);
    const done = await reportEvent(ws, '月报-2024-06.xlsx', 'report bytes');
    const all = lines(ws);
    expect(fs.readFileSync(ws.ledger, 'utf8').startsWith(before)).toBe(true); // old lines never rewritten
    expect(all.map((l) => (isV2(l) ? l.kind : 'v1'))).toEqual(['v1', 'v1', 'ledger-format', 'report']);
    expect(all[3]).toMatchObject({ v: 2, seq: 4, date: '2024-06-20', at: '2024-06-20T02:00:00.000Z', month: '2024-06', files: [{ path: 'reports/月报-2024-06.xlsx', sha256: sha256Hex('report bytes') }] });
    expect(done.head).toBe(lineHash(all[3] as AnyLine));
    expect(ledgerHead(ws)).toBe(done.head);
    expect(checkWorkspaceLedger(ws, undefined, { parseListed: true }).differences).toEqual([]);
    expect(readLedger(ws).map((l) => l.drawId)).toEqual(['20240601-1', '20240601-1-A1']);
    // A later record still chains to the last record, as in v1.
    writeDraw(ws, { drawId: '20240602-1', drawDate: '2024-06-02' });
    expect(checkWorkspaceLedger(ws, undefined, { parseListed: true }).differences).toEqual([]);
  });

  it('refuses to add to a ledger whose listed file was edited, naming it, and writes nothing', async () => {
    const ws = oldWorkspace();
    await reportEvent(ws, '月报-2024-06.xlsx', 'report bytes');
    fs.writeFileSync(path.join(ws.reports, '月报-2024-06.xlsx'), 'edited');
    const ledger = fs.readFileSync(ws.ledger, 'utf8');
    const err = await reportEvent(ws, '月报-2024-07.xlsx', 'more').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CheckFailed);
    expect((err as CheckFailed).key).toBe('ledger.damaged');
    expect(String((err as CheckFailed).params.first)).toContain('reports/月报-2024-06.xlsx');
    expect(fs.readFileSync(ws.ledger, 'utf8')).toBe(ledger);
    expect(fs.existsSync(path.join(ws.reports, '月报-2024-07.xlsx'))).toBe(false);
  });

  it('refuses when the ledger lost a line, and when a record was swapped for another', async () => {
    const ws = oldWorkspace();
    const all = fs.readFileSync(ws.ledger, 'utf8').split('\n').filter(Boolean);
    fs.writeFileSync(ws.ledger, all[0] + '\n'); // the substitution's line deleted
    await expect(reportEvent(ws, 'x.xlsx', 'x')).rejects.toBeInstanceOf(CheckFailed);
    const ws2 = oldWorkspace();
    const other = oldWorkspace();
    fs.writeFileSync(ws2.ledger, fs.readFileSync(ws2.ledger)); // unchanged
    const rec = JSON.parse(fs.readFileSync(path.join(other.draws, '20240601-1.json'), 'utf8')) as { createdAt: string };
    rec.createdAt = '2024-06-01T10:00:01+08:00';
    fs.writeFileSync(path.join(ws2.draws, '20240601-1.json'), JSON.stringify(rec));
    expect(checkWorkspaceLedger(ws2).differences.map((d) => d.field)).toContain('record.recordHash');
    await expect(reportEvent(ws2, 'x.xlsx', 'x')).rejects.toBeInstanceOf(CheckFailed);
  });

  it('a refusal inside make writes nothing', async () => {
    const ws = oldWorkspace();
    const ledger = fs.readFileSync(ws.ledger, 'utf8');
    await expect(appendEvent(ws, NOW, () => {
      throw new CheckFailed('ledger.damaged', {});
    })).rejects.toBeInstanceOf(CheckFailed);
    expect(fs.readFileSync(ws.ledger, 'utf8')).toBe(ledger);
    expect(fs.existsSync(path.join(ws.root, '.ssj-pending.json'))).toBe(false);
  });

  it('a command stopped while replacing listed files: verify says interrupted, the next command records them as they are', async () => {
    const ws = oldWorkspace();
    await reportEvent(ws, '月报-2024-06.xlsx', 'v1');
    fs.writeFileSync(path.join(ws.reports, '月报-2024-06.xlsx'), 'v2 half-way');
    fs.writeFileSync(path.join(ws.root, '.ssj-pending.json'), JSON.stringify({ kind: 'report', files: ['reports/月报-2024-06.xlsx'], payload: { month: '2024-06' } }));
    const c = checkWorkspaceLedger(ws);
    expect([c.differences, c.interrupted]).toEqual([[], ['reports/月报-2024-06.xlsx']]);
    await reportEvent(ws, '月报-2024-07.xlsx', 'next');
    const all = lines(ws);
    expect(all.slice(-2).map((l) => [(l as { kind: string }).kind, (l as { interrupted?: boolean }).interrupted ?? false])).toEqual([['report', true], ['report', false]]);
    expect(checkWorkspaceLedger(ws).differences).toEqual([]);
    expect(fs.existsSync(path.join(ws.root, '.ssj-pending.json'))).toBe(false);
  });
});
