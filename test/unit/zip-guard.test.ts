/**
 * The zip guard inflates small entries in one call (src/io/read/zip-guard.ts) and refuses what the streaming
 * way refuses: an entry that lies about its size either way, a wrong CRC-32, a broken deflate stream, a bomb;
 * on every workbook we ship or test with, both ways learn the same (uncached formula cells).
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { InputError } from '../../src/errors.js';
import { checkZip } from '../../src/io/read/zip-guard.js';
// @ts-expect-error — plain ESM script without types
import { passwordOds, zip, zipBomb } from '../hostile/make-corpus.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const STREAM = -1;

async function refusal(buf: Buffer, atOnce?: number): Promise<string> {
  try {
    await checkZip(buf, 'x.xlsx', atOnce);
  } catch (e) {
    return e instanceof InputError ? e.key : `other: ${String(e)}`;
  }
  return 'accepted';
}

const body = Buffer.from('<worksheet>' + '<row><c r="A1"><v>1</v></c></row>'.repeat(50) + '</worksheet>');

describe('zip guard, entries inflated at once', () => {
  const workbooks = ['examples', 'examples/filled-sheets', 'test/fixtures/registries', 'test/fixtures/results', 'templates']
    .flatMap((dir) => fs.readdirSync(path.join(ROOT, dir)).filter((n) => /\.(xlsx|ods)$/i.test(n)).map((n) => path.join(ROOT, dir, n)));

  it.each(workbooks.map((f) => [path.relative(ROOT, f), f]))('%s: the same facts as streaming', async (_name, file) => {
    const buf = fs.readFileSync(file);
    const atOnce = await checkZip(buf, file);
    expect(atOnce).toEqual(await checkZip(buf, file, STREAM));
  });

  it('finds uncached formula cells alike', async () => {
    const sheet = Buffer.from('<worksheet><sheetData><row r="1"><c r="A1"><f>1+1</f></c><c r="B1"><f>2</f><v>2</v></c></row></sheetData></worksheet>');
    const buf = zip([
      { name: 'xl/workbook.xml', data: Buffer.from('<workbook><sheets><sheet name="表" sheetId="1" r:id="rId1"/></sheets></workbook>') },
      { name: 'xl/_rels/workbook.xml.rels', data: Buffer.from('<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>') },
      { name: 'xl/worksheets/sheet1.xml', data: sheet },
    ]);
    const facts = await checkZip(buf, 'x.xlsx');
    expect(facts).toEqual(await checkZip(buf, 'x.xlsx', STREAM));
    expect([...facts.uncachedFormulas.values()].map((u) => u.cells)).toEqual([['A1']]);
  });

  it.each([
    ['declares fewer bytes than it holds', zip([{ name: 'xl/worksheets/sheet1.xml', data: body, declaredSize: 100 }])],
    ['declares more bytes than it holds', zip([{ name: 'xl/worksheets/sheet1.xml', data: body, declaredSize: body.length + 100 }])],
    ['has a wrong CRC-32', zip([{ name: 'xl/worksheets/sheet1.xml', raw: { compressed: zlib.deflateRawSync(body), size: body.length, crc: 12345 } }])],
    ['has a broken deflate stream', zip([{ name: 'xl/worksheets/sheet1.xml', raw: { compressed: zlib.deflateRawSync(body).subarray(0, 40), size: body.length, crc: zlib.crc32(body) } }])],
  ])('refuses an entry that %s, as streaming does', async (_what, buf) => {
    expect(await refusal(buf)).toBe('io.corrupt');
    expect(await refusal(buf, STREAM)).toBe('io.corrupt');
  });

  it('refuses an OpenDocument file whose manifest names encryption as password-protected, as streaming does', async () => {
    expect(await refusal(passwordOds())).toBe('guard.passwordProtected');
    expect(await refusal(passwordOds(), STREAM)).toBe('guard.passwordProtected');
  });

  it('refuses a bomb that declares 4 KB and inflates to 1.1 GB, at once', async () => {
    const before = process.memoryUsage().rss;
    expect(await refusal(zipBomb(1.1, true))).toBe('io.corrupt');
    expect(process.memoryUsage().rss - before).toBeLessThan(200 * 1024 * 1024); // the output was cut past 4 KB, not inflated
  });
});
