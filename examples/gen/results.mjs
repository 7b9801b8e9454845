/**
 * The demo month's filled results, made from the real draw: the examples are
 * drawn with the fixed demo seed (as `ssj demo` does, in a temporary
 * workspace, through the built bin/ssj), then
 *   - two record sheets are filled the way inspectors do (the cells behind the
 *     sheets' defined names ssj_inspection_date, ssj_result_codes_<n>, ssj_remarks)
 *     → examples/filled-sheets/
 *   - the other inspections go into a results table → examples/results-2024-06.xlsx
 *   - examples/results-2024-06.json records which draw they were filled for, so
 *     `ssj demo` can tell whether they still match its draw.
 * Values come from dist/core/demo-results.js, the same function `ssj demo`
 * falls back to. Needs `npm run build` first; skipped (with a note) without it.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import ExcelJS from 'exceljs';
import { HERE, saveDeterministic, clerkSheet } from './common.mjs';

const ROOT = path.join(HERE, '..');
const SEED = '20240605-DEMO-SEED-31415';
const FILLED = 2;

function drawInTemp() {
  const ws = fs.mkdtempSync(path.join(os.tmpdir(), 'ssj-examples-'));
  const ex = (f) => path.join(HERE, f);
  const args = ['draw', '--workspace', ws, '--date', '2024-06-05', '--plan', ex('plan-2024.xlsx'), '--entities', ex('pharmacies.xlsx'), ex('institutions.xlsx'),
    '--inspectors', ex('inspectors-gbk.csv'), '--conflicts', ex('conflicts.xlsx'), '--seed', SEED, '--seed-source', '演示用固定种子（非真实抽取）', '--no-announcement', '示例数据，未经公告', '--json'];
  const r = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'ssj'), ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', TZ: 'Asia/Shanghai' } });
  if (r.status !== 0) throw new Error(`ssj draw failed (exit ${r.status}):\n${r.stderr}`);
  return { ws, draw: JSON.parse(r.stdout) };
}

/** Fills one record sheet's named cells: codes per department row, date, remarks. */
async function fillSheet(src, row) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(src);
  const at = (name) => {
    const ref = wb.definedNames.getRanges(name).ranges[0];
    if (!ref) return null;
    const m = /^'?(.+?)'?!\$?([A-Z]+)\$?(\d+)/.exec(ref);
    return m ? wb.getWorksheet(m[1]).getCell(`${m[2]}${m[3]}`) : null;
  };
  at('ssj_inspection_date').value = row[3];
  const parts = row[4].includes(':') ? row[4].split('；').map((p) => p.split(':')[1]) : [row[4]];
  parts.forEach((codes, i) => {
    const c = at(`ssj_result_codes_${i + 1}`);
    if (c) c.value = codes;
  });
  at('ssj_remarks').value = [row[5] === '无' ? '' : row[5], row[8]].filter(Boolean).join('；') || '无';
  return wb;
}

export async function makeResults() {
  if (!fs.existsSync(path.join(ROOT, 'dist', 'core', 'demo-results.js'))) {
    process.stderr.write('note: dist/ not built; results not generated (run npm run build first)\n');
    return [];
  }
  const { demoResultRows, DEMO_RESULT_HEADERS } = await import(pathToFileURL(path.join(ROOT, 'dist', 'core', 'demo-results.js')).href);
  const { ws, draw } = drawInTemp();
  const rows = demoResultRows(draw);
  const written = [];
  const sheetDir = path.join(ws, 'sheets', draw.drawId);
  const outDir = path.join(HERE, 'filled-sheets');
  fs.rmSync(outDir, { recursive: true, force: true });
  fs.mkdirSync(outDir, { recursive: true });
  const sheets = fs.readdirSync(sheetDir).filter((f) => f.endsWith('.xlsx')).sort();
  for (let i = 0; i < FILLED && i < sheets.length; i++) {
    const wb = await fillSheet(path.join(sheetDir, sheets[i]), rows[i]);
    written.push(await saveDeterministic(wb, path.join('filled-sheets', sheets[i])));
  }
  const wb = new ExcelJS.Workbook();
  clerkSheet(wb, '检查结果', ['宛丰县2024年6月“双随机、一公开”抽查检查结果汇总'], [...DEMO_RESULT_HEADERS], [14, 22, 34, 12, 36, 30, 12, 30, 20], rows.slice(FILLED));
  written.push(await saveDeterministic(wb, 'results-2024-06.xlsx'));
  const manifest = { drawId: draw.drawId, seed: SEED, keys: draw.selected.map((e) => e.key).sort() };
  fs.writeFileSync(path.join(HERE, 'results-2024-06.json'), JSON.stringify(manifest, null, 2) + '\n');
  written.push('results-2024-06.json');
  fs.rmSync(ws, { recursive: true, force: true });
  return written;
}
