/**
 * A known month for the report and publication tests: draws (one with a
 * joint plan row), an amendment, results (problem and no-problem codes,
 * published in and outside the month), and recorded publications. The
 * expected figures are counted by hand in the tests, not derived here.
 */
import { rechain } from '../../src/core/record.js';
import fs from 'node:fs';
import path from 'node:path';
import { recordHash } from '../../src/core/hash.js';
import type { PublicationRecord } from '../../src/core/report.js';
import type { AmendmentRecord, DrawRecord, InspectionResult, PlanRow, SelectedEntity, Stratum, Team, TeamGroup } from '../../src/core/types.js';

export function planRow(no: number, item: string, objectType: PlanRow['objectType'], groups: TeamGroup[], checkItems: string[] = []): PlanRow {
  return {
    no,
    item,
    basis: '《医疗保障基金使用监督管理条例》',
    method: '现场检查',
    subject: '唐山市医疗保障局',
    objectType,
    ratio: { kind: 'percent', percent: '10' },
    creditClasses: [],
    frequency: '每年2次',
    timesPerYear: 2,
    remarks: '',
    filter: [],
    teamSize: groups.reduce((n, g) => n + g.seats, 0),
    teamGroups: groups,
    regionMatch: false,
    checkItems,
  };
}

export interface EntitySpec {
  key: string;
  name: string;
  stratum: number;
  legalRepresentative?: string;
}

export function makeDraw(opts: { id: string; date: string; document: string; rows: PlanRow[]; strata: { row: number; population: number }[]; entities: EntitySpec[] }): DrawRecord {
  const selected: SelectedEntity[] = opts.entities.map((e, i) => ({
    key: e.key,
    stratum: e.stratum,
    order: i + 1,
    objectType: opts.rows.find((r) => r.no === opts.strata[e.stratum - 1]?.row)?.objectType ?? '定点医疗机构',
    name: e.name,
    region: '路北区',
    uscc: e.key,
    ybbm: '',
    address: '唐山市路北区某路1号',
    legalRepresentative: e.legalRepresentative ?? '赵法人',
  }));
  const strata: Stratum[] = opts.strata.map((s, i) => {
    const row = opts.rows.find((r) => r.no === s.row) as PlanRow;
    const keys = selected.filter((e) => e.stratum === i + 1).map((e) => e.key);
    return { number: i + 1, label: `${i + 1} ${row.objectType}`, planRow: s.row, objectType: row.objectType, credit: '', ratio: row.ratio ?? { kind: 'count', count: 1 }, population: s.population, eligible: s.population, excluded: [], size: keys.length, selected: keys };
  });
  const teams: Team[] = selected.map((e, i) => ({
    entity: e.key,
    members: [
      { key: `冀A${String(2 * i + 1).padStart(3, '0')}`, name: `检查员${2 * i + 1}`, unit: '唐山市医疗保障局', department: '医疗保障局', role: '组长' },
      { key: `冀A${String(2 * i + 2).padStart(3, '0')}`, name: `检查员${2 * i + 2}`, unit: '唐山市医疗保障局', department: '医疗保障局', role: '组员' },
    ],
  }));
  const draw: DrawRecord = {
    format: 'ssj-draw-record/1',
    algorithm: 'ssj-draw/1',
    tool: 'ssj 0.1.0',
    drawId: opts.id,
    createdAt: `${opts.date}T10:00:00+08:00`,
    drawDate: opts.date,
    seed: '12345678901234567890',
    seedSource: '见证人掷骰',
    announcementHash: null,
    plan: { title: '2024年定点医药机构双随机抽查', year: 2024, document: opts.document, maxPerEntityPerYear: 2, rows: opts.rows, source: 'plan.xlsx' },
    inputs: [],
    strata,
    selected,
    teams,
    prevRecordHash: null,
    recordHash: '',
  };
  draw.recordHash = recordHash(draw);
  return draw;
}

export function makeAmendment(draw: DrawRecord, entity: string, removed: string, replacement: { key: string; name: string }): AmendmentRecord {
  const team = draw.teams.find((t) => t.entity === entity) as Team;
  const member = { key: replacement.key, name: replacement.name, unit: '唐山市医疗保障局', department: '医疗保障局', role: '组员' as const };
  const members = team.members.map((m) => (m.key === removed ? { ...member, role: m.role } : m));
  const a: AmendmentRecord = {
    format: 'ssj-draw-record/1',
    algorithm: 'ssj-draw/1',
    tool: 'ssj 0.1.0',
    drawId: `${draw.drawId}-A1`,
    amends: draw.drawId,
    createdAt: `${draw.drawDate}T15:00:00+08:00`,
    seed: '98765432109876543210',
    seedSource: '见证人掷骰',
    inputs: [],
    substitution: { entity, removed, reason: '回避', candidates: 3, replacement: member },
    team: { entity, members },
    prevRecordHash: null,
    recordHash: '',
  };
  a.recordHash = recordHash(a);
  return a;
}

export function makeResult(drawId: string, entity: string, date: string, departments: [string, number[]][], publication: { date: string; site: string } | null = null, handling = ''): InspectionResult {
  return {
    format: 'ssj-result/1',
    drawId,
    entity,
    inspectionDate: date,
    departments: departments.map(([department, codes]) => ({ department, codes })),
    handling,
    remarks: '',
    publication,
    source: { file: 'results.xlsx', form: 'table', importedAt: `${date}T12:00:00+08:00` },
    contentSha256: 'x',
  };
}

export function makePublication(date: string, site: string, inspections: { drawId: string; entity: string }[]): PublicationRecord {
  return { format: 'ssj-publication/1', date, site, count: inspections.length, drawIds: [...new Set(inspections.map((i) => i.drawId))], inspections, file: 'reports/公示.csv', recordedAt: `${date}T12:00:00+08:00` };
}

// Keys are 18-character USCC-like codes.
export const K = {
  E1: '91130200MA0E100001',
  E2: '91130200MA0E100002',
  E3: '91130200MA0E100003',
  E4: '91130200MA0E100004',
  E5: '91130200MA0E100005',
  P1: '92130200MA0P100001',
  P2: '92130200MA0P100002',
  P3: '92130200MA0P100003',
};

export const SITE_HR = '唐山市医疗保障局网站';
export const SITE_CREDIT = '信用中国（河北唐山）';

/** The June 2024 scenario (see test/unit/report.test.ts for the hand counts). */
export function juneScenario() {
  const hospital = planRow(1, '定点医疗机构医保基金使用情况检查', '定点医疗机构', [{ department: '医疗保障局', seats: 2 }], ['医保基金使用']);
  const joint = planRow(2, '定点零售药店联合检查', '定点零售药店', [{ department: '医疗保障局', seats: 2 }, { department: '市场监督管理局', seats: 1 }], ['医保基金使用', '药品质量']);
  const a = makeDraw({
    id: '20240605-1',
    date: '2024-06-05',
    document: '唐医保字〔2024〕5号',
    rows: [hospital, joint],
    strata: [{ row: 1, population: 10 }, { row: 2, population: 20 }],
    entities: [
      { key: K.E1, name: '唐山市第一医院', stratum: 1, legalRepresentative: '钱院长' },
      { key: K.E2, name: '唐山市第二医院', stratum: 1 },
      { key: K.P1, name: '=cmd|\' /C calc\'!A0 大药房', stratum: 2 },
      { key: K.P2, name: '康宁药店', stratum: 2 },
      { key: K.P3, name: '百姓大药房', stratum: 2 },
    ],
  });
  const b = makeDraw({ id: '20240620-1', date: '2024-06-20', document: '唐医保字〔2024〕9号', rows: [{ ...hospital }], strata: [{ row: 1, population: 15 }], entities: [{ key: K.E3, name: '唐山市第三医院', stratum: 1 }] });
  const c = makeDraw({ id: '20240515-1', date: '2024-05-15', document: '唐医保字〔2024〕3号', rows: [planRow(1, '其他事项', '定点医疗机构', [{ department: '', seats: 2 }])], strata: [{ row: 1, population: 8 }], entities: [{ key: K.E4, name: '丰南区医院', stratum: 1 }, { key: K.E5, name: '丰润区医院', stratum: 1 }] });
  const amendment = makeAmendment(a, K.E1, a.teams[0]?.members[1]?.key ?? '', { key: '冀A099', name: '递补员' });
  const results = [
    makeResult(a.drawId, K.E1, '2024-06-10', [['医疗保障局', [1]]], { date: '2024-06-25', site: SITE_HR }, '无 联系人钱院长 电话13912345678，身份证130203198001011234；已告知经办人曹平敏。'),
    makeResult(a.drawId, K.E2, '2024-06-11', [['医疗保障局', [5]]], { date: '2024-07-02', site: SITE_HR }, '=HYPERLINK("http://x")'),
    makeResult(a.drawId, K.P1, '2024-06-12', [['医疗保障局', [1]], ['市场监督管理局', [8]]]),
    makeResult(a.drawId, K.P2, '2024-06-12', [['医疗保障局', [9]], ['市场监督管理局', [9]]], null, '+已整改 座机 0315-2819003'),
    makeResult(b.drawId, K.E3, '2024-06-25', [['医疗保障局', [10]]]),
    makeResult(c.drawId, K.E4, '2024-05-20', [['', [2]]], { date: '2024-06-10', site: SITE_HR }),
    makeResult(c.drawId, K.E5, '2024-05-21', [['', [1]]], { date: '2024-05-30', site: SITE_HR }),
  ];
  const publications = [
    makePublication('2024-06-28', SITE_CREDIT, [{ drawId: a.drawId, entity: K.P1 }, { drawId: a.drawId, entity: K.E1 }]),
    makePublication('2024-06-29', SITE_CREDIT, [{ drawId: a.drawId, entity: K.P1 }]),
  ];
  return { draws: [c, a, b], amendment, results, publications };
}

/** Writes the scenario into a workspace folder: records, ledger, results, optional publications. */
export function writeScenario(root: string, s: ReturnType<typeof juneScenario>, withPublications = true, chained = false): void {
  for (const d of ['registries', 'plans', 'draws', 'sheets', 'results', 'reports', 'templates']) fs.mkdirSync(path.join(root, d), { recursive: true });
  // chained: each record linked to the one before, as appended (a ledger that verifies, so commands may add to it).
  const records: (DrawRecord | AmendmentRecord)[] = [];
  for (const r of [...s.draws, s.amendment]) records.push(chained ? rechain(r, records.at(-1)?.recordHash ?? null) : r);
  const ledger = records.map((r) => JSON.stringify({ drawId: r.drawId, recordHash: r.recordHash, prevRecordHash: r.prevRecordHash, createdAt: r.createdAt, ...('amends' in r ? { amends: r.amends } : {}) }));
  for (const r of records) fs.writeFileSync(path.join(root, 'draws', `${r.drawId}.json`), JSON.stringify(r, null, 2));
  fs.writeFileSync(path.join(root, 'ledger.jsonl'), ledger.join('\n') + '\n');
  for (const r of s.results) {
    fs.mkdirSync(path.join(root, 'results', r.drawId), { recursive: true });
    fs.writeFileSync(path.join(root, 'results', r.drawId, `${r.entity}.json`), JSON.stringify(r));
  }
  if (withPublications) fs.writeFileSync(path.join(root, 'reports', 'publications.jsonl'), s.publications.map((p) => JSON.stringify(p)).join('\n') + '\n');
}
