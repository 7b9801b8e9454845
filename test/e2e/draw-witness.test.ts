/** The witness sheet of a large draw (printing it in Chromium: test/e2e/print.test.ts). */
import fs from 'node:fs';
import path from 'node:path';
import * as XLSX from 'xlsx';
import type { DrawRecord } from '../../src/core/types.js';
import { ledgerHead } from '../../src/app/ledger.js';
import { maskedRecord } from '../../src/core/mask.js';
import { printDocXlsx } from '../../src/io/witness-xlsx.js';
import { openWorkspace } from '../../src/io/workspace.js';
import { docHtml, drawWitness } from '../../src/render/witness.js';
import { tempDir } from '../helpers/cli.js';
import { draw, makeWorkspace, pharmacies, writeGbkCsv, writeXlsx } from './draw-fixtures.js';

/** A plan that selects every pharmacy. */
const EVERY_PHARMACY = { title: '2024年度计划', rows: [{ no: 1, item: '医保基金使用', objectType: '定点零售药店', ratio: '100%' }] };

describe('witness sheet of a large draw', () => {
  it('is started before the record is hashed (its workbook and HTML page on a worker thread) and carries the hash, no stand-in left', async () => {
    const root = tempDir('ssj-witness-large-');
    const files = await makeWorkspace(root, 'csv', EVERY_PHARMACY);
    writeGbkCsv(files.entities[0]!, pharmacies(8000)); // 8,000 selected: with their teams, over 20,000 rows on the sheet
    const head = ledgerHead(openWorkspace(root)); // the head the sheet names: before the draw's event
    const r = await draw(root, files, ['--json']);
    expect(r.code).toBe(0);
    const rec = JSON.parse(r.stdout) as DrawRecord;
    expect(rec.selected).toHaveLength(8000);
    const zip = XLSX.CFB.read(fs.readFileSync(path.join(root, 'draws', `${rec.drawId}-witness.xlsx`)), { type: 'buffer' });
    const sheet = Buffer.from(XLSX.CFB.find(zip, '/xl/worksheets/sheet1.xml')?.content as Uint8Array).toString('utf8');
    expect((sheet.match(/<row /g) ?? []).length).toBeGreaterThan(20000);
    const html = fs.readFileSync(path.join(root, 'draws', `${rec.drawId}-witness.html`), 'utf8');
    const known = new Set([rec.recordHash, ...rec.inputs.flatMap((i) => [i.fileSha256, i.contentSha256])]);
    for (const text of [sheet, html]) {
      expect(text).toContain(rec.recordHash);
      for (const hex of text.match(/[0-9a-f]{64}/g) ?? []) expect(known.has(hex)).toBe(true);
    }
    expect(sheet).toMatch(new RegExp(`<oddFooter>[^<]*${rec.recordHash}`));
    // Made on the worker from the record (a stand-in for its hash), the same bytes as made here from the hashed record.
    const doc = drawWitness(maskedRecord(rec), head);
    expect(fs.readFileSync(path.join(root, 'draws', `${rec.drawId}-witness.html`)).equals(Buffer.from(docHtml(doc, 'zh'), 'utf8'))).toBe(true);
    expect(fs.readFileSync(path.join(root, 'draws', `${rec.drawId}-witness.xlsx`)).equals(Buffer.from(await printDocXlsx(doc, rec.drawId)))).toBe(true);
  }, 120000);
});
