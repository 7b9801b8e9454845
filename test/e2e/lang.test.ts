/**
 * `--lang en` and SSJ_LANG=en: every message line is English. Data values
 * from the registries (names, regions, units, the plan's text, sheet and file
 * names) may be Chinese; any other Chinese text in the output fails the test.
 */
import fs from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import * as XLSX from 'xlsx';
import { committed, ssj, tempDir, expectNoStack, ROOT } from '../helpers/cli.js';

const EX = path.join(ROOT, 'examples');
const ex = (f: string) => path.join(EX, f);

/** Every text the example files hold (cells and sheet names), one per line. */
function dataText(): string {
  const parts: string[] = [];
  const files = fs.readdirSync(EX).filter((f) => /\.(xlsx|csv)$/.test(f)).map(ex);
  const sheetDir = ex('filled-sheets');
  if (fs.existsSync(sheetDir)) files.push(...fs.readdirSync(sheetDir).map((f) => path.join(sheetDir, f)));
  for (const f of files) {
    parts.push(path.basename(f));
    const wb = f.endsWith('.csv') ? XLSX.read(iconv.decode(fs.readFileSync(f), 'gbk'), { type: 'string' }) : XLSX.read(fs.readFileSync(f));
    for (const name of wb.SheetNames) {
      parts.push(name);
      const ws = wb.Sheets[name];
      if (!ws) continue;
      for (const row of XLSX.utils.sheet_to_json<unknown[]>(ws, { header: 1, raw: false, defval: '' })) {
        for (const v of row) parts.push(String(v).normalize('NFKC'), String(v));
      }
    }
  }
  return parts.join('\n');
}

const HAN = /[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]*[\u4e00-\u9fff][\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]*/g;

/** Lines whose Chinese text is not a data value (paths are data too: file names come from the user). */
function nonEnglish(output: string, data: string): string[] {
  return output.split(/\r?\n/).filter((line) => {
    const withoutPaths = line.split(/\s+/).filter((tok) => !/[\\/]|\.(xlsx|xls|csv|html|json|txt)\b/.test(tok)).join(' ');
    const runs = withoutPaths.match(HAN) ?? [];
    return runs.some((run) => !data.includes(run) && !data.includes(run.normalize('NFKC')));
  });
}

describe('English output (--lang en, SSJ_LANG=en)', () => {
  const data = dataText();
  const dir = path.join(tempDir('ssj-lang-'), 'demo');

  it('the detector itself flags Chinese message text and passes data values', () => {
    expect(nonEnglish('Error: 找不到文件', data)).toHaveLength(1);
    expect(nonEnglish('Inspector 汤霞 has no licence number (cell I15).', data)).toEqual([]);
  });

  it('runs the whole demo month in English', () => {
    const r = ssj(['demo', dir, '--lang', 'en']);
    expectNoStack(r);
    expect(r.code).toBe(0);
    expect(nonEnglish(r.stdout, data)).toEqual([]);
    expect(nonEnglish(r.stderr, data)).toEqual([]);
    // The official forms stay Chinese: only --form-lang en changes them.
    const witness = fs.readdirSync(path.join(dir, 'draws')).find((f) => f.endsWith('-witness.html')) ?? '';
    expect(fs.readFileSync(path.join(dir, 'draws', witness), 'utf8')).toContain('“双随机、一公开”抽取结果记录');
  }, 120000);

  it('validate, status and verify speak English with SSJ_LANG=en', () => {
    const env = { SSJ_LANG: 'en' };
    const runs = [
      ssj(['validate', ex('pharmacies.xlsx'), ex('institutions.xlsx'), ex('inspectors-gbk.csv'), ex('conflicts.xlsx'), ex('plan-2024.xlsx')], { env }),
      ssj(['status', '--workspace', dir], { env }),
      ssj(['verify', '--ledger', '--workspace', dir], { env }),
    ];
    expect(runs.map((r) => r.code)).toEqual([0, 0, 0]);
    for (const r of runs) expect(nonEnglish(r.stdout + '\n' + r.stderr, data)).toEqual([]);
  });

  it('errors are English too: no terminal for the wizard, a missing flag, a missing file', () => {
    const runs = [
      ssj(['--lang', 'en']),
      ssj(committed(['draw', '--lang', 'en', '--yes', '--workspace', dir, '--plan', ex('plan-2024.xlsx'), '--entities', ex('pharmacies.xlsx'), '--inspectors', ex('inspectors-gbk.csv')])),
      ssj(['validate', path.join(dir, 'no-such-file.xlsx')], { env: { SSJ_LANG: 'en' } }),
    ];
    expect(runs.map((r) => r.code)).toEqual([2, 2, expect.any(Number)]);
    expect(runs[2]?.code).not.toBe(0);
    for (const r of runs) {
      expect((r.stdout + r.stderr).trim()).not.toBe('');
      expect(nonEnglish(r.stdout + '\n' + r.stderr, data)).toEqual([]);
    }
  });
});
