import { createRequire } from 'node:module';
import { randomBytes } from 'node:crypto';
import { inflateRawSync } from 'node:zlib';
import yauzl from 'yauzl';
import { CRC32_NATIVE, zipFiles } from '../../src/io/zip-write.js';
import { firstDifference } from '../helpers/bytes.js';

/** yazl's own CRC-32 (buffer-crc32, in JavaScript): the reference the native one must equal. */
const jsCrc = (() => {
  const req = createRequire(createRequire(import.meta.url).resolve('yazl'));
  const src = req.resolve('buffer-crc32');
  // A fresh copy of the module, not the one zip-write.ts handed zlib.crc32 to.
  delete req.cache[src];
  const mod = req(src) as { unsigned: (b: Buffer) => number };
  return mod.unsigned;
})();

function entries(zip: Uint8Array): Promise<{ name: string; crc32: number; data: Buffer }[]> {
  return new Promise((resolve, reject) => {
    const out: { name: string; crc32: number; data: Buffer }[] = [];
    const buf = Buffer.from(zip);
    yauzl.fromBuffer(buf, { lazyEntries: true }, (err, z) => {
      if (err || !z) return reject(err);
      z.on('entry', (e: yauzl.Entry) => {
        const raw = buf.subarray(e.relativeOffsetOfLocalHeader + 30 + buf.readUInt16LE(e.relativeOffsetOfLocalHeader + 26) + buf.readUInt16LE(e.relativeOffsetOfLocalHeader + 28));
        out.push({ name: e.fileName, crc32: e.crc32, data: inflateRawSync(raw.subarray(0, e.compressedSize)) });
        z.readEntry();
      });
      z.on('end', () => resolve(out));
      z.readEntry();
    });
  });
}

describe('zipFiles', () => {
  it('stores each entry with the CRC-32 buffer-crc32 gives, computed natively', async () => {
    expect(CRC32_NATIVE).toBe(true);
    const files = [
      { name: 'a.xml', data: Buffer.from('<a>表</a>'.repeat(1000)) },
      { name: 'b.bin', data: randomBytes(300_000) },
      { name: 'empty', data: Buffer.alloc(0) },
    ];
    const got = await entries(await zipFiles(files, 1));
    expect(got.map((e) => e.name)).toEqual(files.map((f) => f.name));
    got.forEach((e, i) => {
      expect(firstDifference(e.data, files[i]!.data)).toBeNull();
      expect(e.crc32).toBe(jsCrc(files[i]!.data));
    });
  });
});
