/**
 * The xlsx record sheet printed by LibreOffice (headless, to PDF): one A4
 * page holding the title and the legend. Skipped without soffice or
 * poppler-utils; under CI=true it fails instead.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { recordSheetModel } from '../../src/core/record-sheet.js';
import { buildDrawRecord } from '../../src/core/record.js';
import type { TeamMember } from '../../src/core/types.js';
import { setLang } from '../../src/i18n/index.js';
import { buildRecordSheet } from '../../src/io/record-sheet-xlsx.js';
import { tempDir } from '../helpers/cli.js';
import { plan, planRow, selected } from '../helpers/workspace.js';

const member = (key: string, department: string, role: '组长' | '组员'): TeamMember => ({ key, name: `人员${key}`, unit: `${department}单位`, department, role });
const soffice = ['soffice', 'libreoffice'].find((b) => spawnSync('which', [b]).status === 0);
const poppler = spawnSync('pdfinfo', ['-v']).status === 0;
const CI = process.env.CI === 'true';

describe('the xlsx record sheet in LibreOffice', () => {
  beforeAll(() => setLang('zh'));
  if (!(soffice && poppler)) {
    (CI ? it : it.skip)('needs LibreOffice and poppler-utils under CI', () => expect({ soffice: Boolean(soffice), poppler }).toEqual({ soffice: true, poppler: true }));
    return;
  }

  it('prints as one A4 page with the title and the legend', async () => {
    const p = plan({ rows: [planRow({ teamGroups: [{ department: '医疗保障局', seats: 2 }, { department: '市场监督管理局', seats: 1 }], teamSize: 3, checkItems: ['基金使用情况', '药品质量安全'] })] });
    const draw = buildDrawRecord({
      tool: 't', drawId: '20240601-1', createdAt: '2024-06-01T10:00:00+08:00', drawDate: '2024-06-01', seed: '1', seedSource: '', announcementHash: null,
      plan: p, inputs: [], strata: [], selected: [selected({ key: '91410000MA0000001X', order: 1, name: '仁和大药房', address: '华龙区人民路1号', legalRepresentative: '张三' })],
      teams: [{ entity: '91410000MA0000001X', members: [member('A1', '医疗保障局', '组长'), member('A2', '医疗保障局', '组员'), member('B1', '市场监督管理局', '组员')] }],
      prevRecordHash: null,
    });
    const m = recordSheetModel(draw, [], '91410000MA0000001X');
    if (!m) throw new Error('no model');
    const dir = tempDir('ssj-record-page-');
    const file = path.join(dir, 'sheet.xlsx');
    fs.writeFileSync(file, new Uint8Array((await buildRecordSheet(m).wb.xlsx.writeBuffer()) as ArrayBuffer));
    const profile = tempDir('ssj-lo-profile-');
    const r = spawnSync(soffice as string, [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, file], { encoding: 'utf8', timeout: 180000 });
    expect(r.status).toBe(0);
    const pdf = path.join(dir, 'sheet.pdf');
    const info = spawnSync('pdfinfo', [pdf], { encoding: 'utf8' }).stdout;
    expect(info).toMatch(/Pages:\s+1\n/);
    expect(info).toMatch(/Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)/);
    const text = spawnSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).stdout;
    expect(text).toContain('部门联合抽查检查情况记录表');
    expect(text).toContain('说明');
  }, 200000);
});
