/**
 * Test workspaces with hand-made, valid draw records: `makeWorkspace()` makes
 * the folders; `writeDraw(ws, partial)` completes a DrawRecord with defaults,
 * chains it to the ledger tip, hashes it (src/core/hash.ts) and writes
 * draws/<id>.json and its ledger.jsonl line; `writeAmendment` does the same
 * for a substitution. Shared by every part's tests: keep it general.
 */
import fs from 'node:fs';
import path from 'node:path';
import { canonicalJson, recordHash, sha256Hex } from '../../src/core/hash.js';
import { chainEvent, eventText, isV2, recordLines, type AnyLine } from '../../src/core/events.js';
import type { AmendmentRecord, DrawRecord, LedgerLine, Plan, PlanRow, SelectedEntity, Stratum, Team } from '../../src/core/types.js';
import { tempDir } from './cli.js';
import { WORKSPACE_DIRS, workspacePaths, type Workspace } from '../../src/io/workspace.js';

export function makeWorkspace(prefix = 'ssj-ws-'): Workspace {
  const root = tempDir(prefix);
  const ws = workspacePaths(root);
  for (const d of WORKSPACE_DIRS) fs.mkdirSync(path.join(root, d), { recursive: true });
  return ws;
}

export function planRow(partial: Partial<PlanRow> = {}): PlanRow {
  return {
    no: 1,
    item: '对医疗保障基金使用情况进行监督检查',
    basis: '定点零售药店服务协议',
    method: '现场检查',
    subject: '医疗保障局',
    objectType: '定点零售药店',
    ratio: { kind: 'percent', percent: '20' },
    creditClasses: [],
    frequency: '每年2次',
    timesPerYear: 2,
    remarks: '',
    filter: [],
    teamSize: 2,
    teamGroups: [],
    regionMatch: false,
    checkItems: [],
    ...partial,
  };
}

export function plan(partial: Partial<Plan> = {}): Plan {
  return { title: '测试计划', year: 2024, document: '', maxPerEntityPerYear: 2, rows: [planRow()], source: 'plan.xlsx', ...partial };
}

export function selected(partial: Partial<SelectedEntity> & { key: string; order: number }): SelectedEntity {
  return {
    stratum: 1,
    objectType: '定点零售药店',
    name: `药店${partial.order}`,
    region: '城区',
    uscc: partial.key,
    ybbm: '',
    address: '',
    legalRepresentative: '',
    ...partial,
  };
}

function ledgerLines(ws: Workspace): AnyLine[] {
  if (!fs.existsSync(ws.ledger)) return [];
  return fs.readFileSync(ws.ledger, 'utf8').split('\n').filter((l) => l.trim() !== '').map((l) => JSON.parse(l) as AnyLine);
}

function ledgerTip(ws: Workspace): string | null {
  return recordLines(ledgerLines(ws)).at(-1)?.recordHash ?? null;
}

/**
 * Writes the record and lists it: a v1 line (as earlier versions wrote) while the ledger has only v1 lines,
 * else a v2 event listing the record file, as ssj does now.
 */
function append(ws: Workspace, record: DrawRecord | AmendmentRecord): void {
  fs.mkdirSync(ws.draws, { recursive: true });
  const text = JSON.stringify(record, null, 2) + '\n';
  fs.writeFileSync(path.join(ws.draws, `${record.drawId}.json`), text, { flag: 'wx' });
  const line: LedgerLine = { drawId: record.drawId, recordHash: record.recordHash, prevRecordHash: record.prevRecordHash, createdAt: record.createdAt };
  if ('amends' in record) line.amends = record.amends;
  const lines = ledgerLines(ws);
  if (!lines.some(isV2)) {
    fs.appendFileSync(ws.ledger, canonicalJson(line) + '\n');
    return;
  }
  const files = [{ path: `draws/${record.drawId}.json`, sha256: sha256Hex(text) }];
  const events = chainEvent(lines, { kind: 'amends' in record ? 'substitution' : 'draw', at: '2024-06-01T02:00:00.000Z', date: '2024-06-01', ...line, files });
  fs.appendFileSync(ws.ledger, eventText(events));
}

/** Strata derived from `selected` when not given: one stratum per number used. */
function strataFor(p: Plan, sel: SelectedEntity[]): Stratum[] {
  const numbers = [...new Set(sel.map((s) => s.stratum))].sort((a, b) => a - b);
  return numbers.map((n) => {
    const row = p.rows[Math.min(n, p.rows.length) - 1] ?? planRow();
    const keys = sel.filter((s) => s.stratum === n).sort((a, b) => a.order - b.order).map((s) => s.key);
    return { number: n, label: `${n} ${row.objectType}`, planRow: row.no, objectType: row.objectType, credit: '', ratio: row.ratio ?? { kind: 'count', count: keys.length }, population: keys.length * 5, eligible: keys.length * 5, excluded: [], size: keys.length, selected: keys };
  });
}

/** Writes a complete, hashed, chained draw record and its ledger line; returns it. */
export function writeDraw(ws: Workspace, partial: Partial<DrawRecord> = {}): DrawRecord {
  const drawDate = partial.drawDate ?? '2024-06-01';
  const p = partial.plan ?? plan();
  const sel = partial.selected ?? [selected({ key: '91410000MA0000001X', order: 1 })];
  const teams: Team[] =
    partial.teams ??
    sel.map((s) => ({
      entity: s.key,
      members: [
        { key: `ZF${s.order}01`, name: `甲${s.order}`, unit: '测试市医疗保障局', department: '', role: '组长' },
        { key: `ZF${s.order}02`, name: `乙${s.order}`, unit: '测试市医疗保障局', department: '', role: '组员' },
      ],
    }));
  const base: Omit<DrawRecord, 'recordHash'> = {
    format: 'ssj-draw-record/1',
    algorithm: 'ssj-draw/1',
    tool: 'ssj test',
    drawId: partial.drawId ?? `${drawDate.replace(/-/g, '')}-1`,
    createdAt: `${drawDate}T10:00:00+08:00`,
    drawDate,
    seed: '12345678901234567890',
    seedSource: '测试',
    announcementHash: null,
    plan: p,
    inputs: [],
    strata: partial.strata ?? strataFor(p, sel),
    selected: sel,
    teams,
    prevRecordHash: ledgerTip(ws),
  };
  const { recordHash: _ignored, ...rest } = partial;
  const full = { ...base, ...rest, plan: p, selected: sel, teams, prevRecordHash: rest.prevRecordHash ?? base.prevRecordHash };
  const record: DrawRecord = { ...full, recordHash: recordHash(full) };
  append(ws, record);
  return record;
}

/** Writes a substitution amending `draw`: `team` is the entity's whole team after it. */
export function writeAmendment(ws: Workspace, draw: DrawRecord, sub: { entity: string; removed: string; team: Team; n?: number; reason?: string }): AmendmentRecord {
  const replacement = sub.team.members.find((m) => !(draw.teams.find((t) => t.entity === sub.entity)?.members ?? []).some((o) => o.key === m.key)) ?? sub.team.members[0];
  if (!replacement) throw new Error('team has no members');
  const base: Omit<AmendmentRecord, 'recordHash'> = {
    format: 'ssj-draw-record/1',
    algorithm: 'ssj-draw/1',
    tool: 'ssj test',
    drawId: `${draw.drawId}-A${sub.n ?? 1}`,
    amends: draw.drawId,
    createdAt: `${draw.drawDate}T11:00:00+08:00`,
    seed: '98765432109876543210',
    seedSource: '测试',
    inputs: [],
    substitution: { entity: sub.entity, removed: sub.removed, reason: sub.reason ?? '回避', candidates: 3, replacement },
    team: sub.team,
    prevRecordHash: ledgerTip(ws),
  };
  const record: AmendmentRecord = { ...base, recordHash: recordHash(base) };
  append(ws, record);
  return record;
}
