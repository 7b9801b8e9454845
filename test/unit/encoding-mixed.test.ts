/** scanTextFile: where a file's encoding changes, across the 1 MB pieces it is read in (issue 19). */
import fs from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { scanTextFile } from '../../src/io/read/encoding.js';
import { tempDir } from '../helpers/cli.js';

const dir = tempDir('ssj-encoding-');
const line = (i: number) => `${i},华龙区,九州大药房第${i}店,91410902100000${String(i).padStart(4, '0')}`;
const lines = (from: number, to: number) => Array.from({ length: to - from }, (_, k) => line(from + k)).join('\r\n') + '\r\n';

function write(name: string, parts: Buffer[]): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, Buffer.concat(parts));
  return file;
}

describe('scanTextFile finds a change of encoding', () => {
  it('far past the first piece, at the exact line (UTF-8 then GBK)', async () => {
    const n = 60_000; // about 3 MB of UTF-8 first
    const file = write('u-then-g.csv', [Buffer.from(lines(0, n)), iconv.encode(lines(n, n + 100), 'gbk')]);
    expect((await scanTextFile(file)).mixed).toEqual({ line: n + 1, first: 'utf8' });
  });

  it('GBK then UTF-8, the hash and encoding as before', async () => {
    const file = write('g-then-u.csv', [iconv.encode(lines(0, 40_000), 'gbk'), Buffer.from(lines(40_000, 40_010))]);
    const r = await scanTextFile(file);
    expect([r.encoding, r.mixed]).toEqual(['gb18030', { line: 40_001, first: 'gb18030' }]);
  });

  it('a UTF-8 BOM over GBK lines', async () => {
    const file = write('bom-gbk.csv', [Buffer.from('\ufeff' + lines(0, 5)), iconv.encode(lines(5, 8), 'gbk')]);
    expect((await scanTextFile(file)).mixed).toEqual({ line: 6, first: 'utf8' });
  });

  it('nothing for a file in one encoding (GBK, UTF-8, ASCII), however long', async () => {
    for (const [name, data] of [['g.csv', iconv.encode(lines(0, 50_000), 'gbk')], ['u.csv', Buffer.from(lines(0, 50_000))], ['a.csv', Buffer.from('a,b\r\n'.repeat(300_000))]] as const) {
      const r = await scanTextFile(write(name, [data]));
      expect([name, r.mixed]).toEqual([name, null]);
    }
  });

  it('a GBK line cut by the 1 MB piece boundary anywhere, after a UTF-8 line: the exact line', async () => {
    const gbk = iconv.encode('华龙区,九州大药房\r\n', 'gbk');
    for (const before of [-gbk.length, -5, -1, 0, 1, 5]) {
      const head = Buffer.from('名称\r\n');
      const padLines = Math.floor(((1 << 20) + before - head.length) / 10);
      const pad = Buffer.from('abcdefgh\r\n'.repeat(padLines));
      const filler = Buffer.from('x'.repeat((1 << 20) + before - head.length - pad.length)); // joins the GBK line
      const file = write(`cut${before}.csv`, [head, pad, filler, gbk, Buffer.from('tail\r\n'.repeat(10))]);
      expect([before, (await scanTextFile(file)).mixed]).toEqual([before, { line: padLines + 2, first: 'utf8' }]);
    }
  });
});

describe('scanTextFile, a file of one piece read at once', () => {
  it('says the same of a file just within one 1 MB piece as of the same lines one byte past it (streamed)', async () => {
    const { createHash } = await import('node:crypto');
    const head = iconv.encode(lines(0, 10), 'gbk');
    const tail = Buffer.from(lines(10, 12));
    const pad = (total: number) => Buffer.from('a,b\r\n'.repeat(Math.ceil(total / 5))).subarray(0, total - head.length - tail.length);
    for (const size of [1 << 20, (1 << 20) + 1]) {
      const bytes = Buffer.concat([head, pad(size), tail]);
      const r = await scanTextFile(write(`piece-${size}.csv`, [bytes]));
      expect([size, r.sha256, r.encoding, r.mixed]).toEqual([size, createHash('sha256').update(bytes).digest('hex'), 'gb18030', { line: 11 + (pad(size).toString().match(/\n/g)?.length ?? 0), first: 'gb18030' }]);
    }
  });
});
