#!/usr/bin/env node
/**
 * `node bench/docs.mjs [--entities 10000]`: writes the record sheets and the
 * 检查通知书 of a synthetic draw of N entities (joint teams of three, two
 * department rows per sheet) into a temp workspace, as `ssj draw` does after
 * its record, and prints documents per second. Issue 17: notices plus sheets
 * at ≥ 1,000 documents per second; 20,000 documents (10,000 entities) under
 * 20 s. Needs `npx tsc -p tsconfig.json` first (it runs dist/).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = (p) => import(path.join(ROOT, 'dist', p));
const argv = process.argv.slice(2);
const n = Number(argv[argv.indexOf('--entities') + 1] || 10000) || 10000;

const { buildDrawRecord } = await dist('core/record.js');
const { writeRecordSheets } = await dist('app/sheets.js');
const { writeNotices } = await dist('app/notices.js');
const { workspacePaths, WORKSPACE_DIRS } = await dist('io/workspace.js');

const row = {
  no: 1, item: '对医疗保障基金使用情况进行监督检查', basis: '定点零售药店服务协议', method: '现场检查', subject: '某县医疗保障局',
  objectType: '定点零售药店', ratio: { kind: 'percent', percent: '20' }, creditClasses: [], frequency: '每年2次', timesPerYear: 2, remarks: '',
  filter: [], teamSize: 3, teamGroups: [{ department: '医疗保障局', seats: 2 }, { department: '市场监督管理局', seats: 1 }], regionMatch: false,
  checkItems: ['对遵守《医疗保障基金使用监督管理条例》的情况进行监督检查', '药品质量安全的监督检查'], window: '2024年6月10日至6月30日', materials: '医保结算清单；进销存台账；处方',
};
const key = (i) => `9141000${String(i).padStart(10, '0')}X`;
const selected = Array.from({ length: n }, (_, i) => ({
  key: key(i), stratum: 1, order: i + 1, objectType: '定点零售药店', name: `某县第${i + 1}大药房有限公司`, region: '城关镇',
  uscc: key(i), ybbm: '', address: `某县城关镇健康路${i + 1}号`, legalRepresentative: `法人${i % 97}`,
}));
const teams = selected.map((e, i) => ({
  entity: e.key,
  members: [
    { key: `4100010${i % 300}`, name: `检查员${i % 300}`, unit: '某县医疗保障局', department: '医疗保障局', role: '组长' },
    { key: `4100020${(i + 7) % 300}`, name: `检查员乙${(i + 7) % 300}`, unit: '某县医疗保障局', department: '医疗保障局', role: '组员' },
    { key: `4100030${i % 120}`, name: `市监员${i % 120}`, unit: '某县市场监督管理局', department: '市场监督管理局', role: '组员' },
  ],
}));
const draw = buildDrawRecord({
  tool: 'bench', drawId: '20240601-1', createdAt: '2024-06-01T10:00:00+08:00', drawDate: '2024-06-01', seed: '1', seedSource: 'bench', announcementHash: null,
  plan: { title: '基准计划', year: 2024, document: '', maxPerEntityPerYear: 2, rows: [row], source: 'plan.xlsx' },
  inputs: [], strata: [{ number: 1, label: '1 定点零售药店', planRow: 1, objectType: '定点零售药店', credit: '', ratio: row.ratio, population: n * 5, eligible: n * 5, excluded: [], size: n, selected: selected.map((e) => e.key) }],
  selected, teams, prevRecordHash: null,
});

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'ssj-bench-docs-'));
const ws = workspacePaths(root);
for (const d of WORKSPACE_DIRS) fs.mkdirSync(ws[d], { recursive: true });
const cpu0 = process.cpuUsage();
const t0 = performance.now();
const sheets = await writeRecordSheets(ws, draw, []);
const t1 = performance.now();
const cpu1 = process.cpuUsage(cpu0);
const notices = await writeNotices(ws, draw, new Date('2024-06-01T04:00:00Z')); // through the ledger, as ssj notices does
const t2 = performance.now();
const cpu = process.cpuUsage(cpu0);
const docs = sheets.written.length - 1 + notices.notices.length;
const s = (ms) => (ms / 1000).toFixed(2);
console.log(`entities ${n}: ${sheets.written.length - 1} record sheets in ${s(t1 - t0)} s (CPU ${s((cpu1.user + cpu1.system) / 1000)} s), ${notices.notices.length} notices in ${s(t2 - t1)} s (+ all.html, 审批表)`);
const share = (cpu.user + cpu.system) / 1000 / (t2 - t0);
console.log(`this process had ${(share * 100).toFixed(0)}% of one core on average (load average ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} cores): figures taken while other work shares the machine are not comparable`);
console.log(`documents ${docs} in ${s(t2 - t0)} s = ${Math.round(docs / ((t2 - t0) / 1000))} documents/s; CPU ${s((cpu.user + cpu.system) / 1000)} s; target ≥ 1000/s, 20,000 documents < 20 s: ${docs / ((t2 - t0) / 1000) >= 1000 ? 'met' : 'NOT met'}`);
fs.rmSync(root, { recursive: true, force: true });
