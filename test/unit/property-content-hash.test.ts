/**
 * Property (SPEC draw step 9): a registry's content hash does not depend on
 * row order, on the file format (CSV UTF-8 with BOM, CSV GB18030, .xlsx), on
 * title rows above the header, or on padding spaces and full-width digits in
 * the cells — and it does change when a field that can change a draw changes.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { loadRegistries } from '../../src/io/registry.js';
// @ts-expect-error — plain ESM script without types
import { pharmacyRow, prng, PHARMACY_HEADER } from '../../bench/gen.mjs';

const require = createRequire(import.meta.url);
const XLSX = require('xlsx') as {
  utils: { aoa_to_sheet: (a: string[][]) => unknown; book_new: () => unknown; book_append_sheet: (b: unknown, s: unknown, n: string) => void };
  write: (b: unknown, o: { type: 'buffer'; bookType: 'xlsx' }) => Buffer;
};

const RUNS = Number(process.env.SSJ_PROPERTY_RUNS ?? 40) / 2;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ssj-prop-hash-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const csvText = (rows: string[][]) => rows.map((r) => r.map((c) => (/[",\r\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',')).join('\r\n') + '\r\n';
const FULL_WIDTH = (s: string) => s.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));

let n = 0;
async function hashOf(name: string, bytes: Buffer | string): Promise<{ hash: string; keys: string[] }> {
  n += 1;
  const file = path.join(dir, `${n}-${name}`);
  fs.writeFileSync(file, bytes);
  const reg = await loadRegistries([file]);
  expect(reg.issues.filter((i) => i.severity === 'error')).toEqual([]);
  return { hash: reg.inputs[0]!.contentSha256, keys: reg.entities.map((e) => e.key).sort() };
}

function xlsx(rows: string[][]): Buffer {
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(rows), '定点零售药店');
  return XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' });
}

describe('content hash', () => {
  it('is the same for any row order, format, title rows and cell padding', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 1, max: 1e6 }), fc.array(fc.nat(), { minLength: 1, maxLength: 40 }), async (count, seed, perm) => {
        const rng = prng(seed) as () => number;
        const rows: string[][] = Array.from({ length: count }, (_, i) => pharmacyRow(rng, i) as string[]);
        const shuffled = [...rows];
        for (let i = shuffled.length - 1; i > 0; i--) {
          const j = (perm[i % perm.length] ?? 0) % (i + 1);
          [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
        }
        const padded = shuffled.map((r) => r.map((c, k) => (k === 2 ? ` ${c}\u3000` : k === 4 ? FULL_WIDTH(c) : c)));
        const header = PHARMACY_HEADER as string[];
        const base = await hashOf('a.csv', '\ufeff' + csvText([header, ...rows]));
        const others = [
          await hashOf('b.csv', '\ufeff' + csvText([header, ...shuffled])),
          await hashOf('c.csv', iconv.encode(csvText([['濮阳市医保基金监管检查对象名录库基本信息表'], ['(定点零售药店)'], header, ...shuffled]), 'gb18030')),
          await hashOf('d.xlsx', xlsx([['濮阳市医保基金监管检查对象名录库基本信息表'], header, ...padded])),
        ];
        for (const o of others) expect(o).toEqual(base);
      }),
      { numRuns: RUNS },
    );
  });

  it('changes when a field that can change a draw changes (信用等级 of one row)', async () => {
    const rng = prng(7) as () => number;
    const rows: string[][] = Array.from({ length: 5 }, (_, i) => pharmacyRow(rng, i) as string[]);
    const header = PHARMACY_HEADER as string[];
    const credit = header.indexOf('信用等级');
    const changed = rows.map((r, i) => (i === 3 ? r.map((c, k) => (k === credit ? (c === 'A' ? 'B' : 'A') : c)) : r));
    const a = await hashOf('x.csv', csvText([header, ...rows]));
    const b = await hashOf('y.csv', csvText([header, ...changed]));
    expect(b.keys).toEqual(a.keys);
    expect(b.hash).not.toBe(a.hash);
  });
});
