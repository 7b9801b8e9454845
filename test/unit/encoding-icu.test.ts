/**
 * GB18030 decoded by ICU (gb18030ByIcu, src/io/read/encoding.ts) only where it gives iconv-lite's text, the
 * decoder every earlier ssj used (content hashes of old registries must not change): every two- and four-byte
 * code is tried, random byte strings too, and a small GBK file reads the same through the stream either way.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { gb18030ByIcu, textStream } from '../../src/io/read/encoding.js';
import { tempDir } from '../helpers/cli.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const viaIconv = (b: Uint8Array) => iconv.decode(Buffer.from(b), 'gb18030');

/** Checks `seqs` (concatenated) and, when ICU declines them together, each on its own; returns how many ICU decoded. */
function check(seqs: Buffer[]): number {
  const all = Buffer.concat(seqs);
  const text = gb18030ByIcu(all);
  if (text !== null) {
    expect(text).toBe(viaIconv(all));
    return seqs.length;
  }
  if (seqs.length === 1) return 0;
  const half = Math.ceil(seqs.length / 2);
  return check(seqs.slice(0, half)) + check(seqs.slice(half));
}

describe('GB18030 by ICU', () => {
  it('decodes every two-byte code as iconv-lite does, or declines (the 18 codes GB18030-2022 moved)', () => {
    let decoded = 0;
    let total = 0;
    for (let a = 0x81; a <= 0xfe; a++) {
      const seqs: Buffer[] = [];
      for (let b = 0x40; b <= 0xfe; b++) if (b !== 0x7f) seqs.push(Buffer.from([a, b]));
      total += seqs.length;
      decoded += check(seqs);
    }
    expect(total - decoded).toBe(18);
    expect(gb18030ByIcu(Buffer.from([0xa6, 0xd9]))).toBeNull();
    expect(gb18030ByIcu(Buffer.from([0xfe, 0x59]))).toBeNull();
  });

  it('decodes every four-byte code as iconv-lite does, or declines', () => {
    // Four-byte codes are the BMP's (leads 81–84) and the supplementary planes' (90–E3); ICU declines the rest.
    const block = (a: number) => {
      const seqs: Buffer[] = [];
      for (let b = 0x30; b <= 0x39; b++) for (let c = 0x81; c <= 0xfe; c++) for (let d = 0x30; d <= 0x39; d++) seqs.push(Buffer.from([a, b, c, d]));
      return seqs;
    };
    let decoded = 0;
    for (let a = 0x81; a <= 0xfe; a++) {
      if ((a >= 0x81 && a <= 0x84) || (a >= 0x90 && a <= 0xe3)) decoded += check(block(a));
      else for (const s of block(a).filter((_, i) => i % 97 === 0)) expect(gb18030ByIcu(s)).toBeNull();
    }
    expect(decoded).toBeGreaterThan(1_000_000);
  });

  it('gives iconv-lite text or null for any bytes (ASCII, GBK, a BOM, broken sequences)', () => {
    const gbk = fc.constantFrom(...[0x41, 0x2c, 0x0a, 0x0d, 0x80, 0x81, 0xa1, 0xa6, 0xd9, 0xfe, 0xff, 0x30, 0x39, 0x84, 0x31, 0x95, 0x33, 0xb0, 0xa1, 0x00]);
    fc.assert(
      fc.property(fc.array(fc.oneof(gbk, fc.integer({ min: 0, max: 255 })), { maxLength: 64 }), (bytes) => {
        const b = Uint8Array.from(bytes);
        const text = gb18030ByIcu(b);
        if (text !== null) expect(text).toBe(viaIconv(b));
      }),
      { numRuns: 3000 },
    );
  });

  it('streams a small GBK file as the same text, in one chunk, with its bytes counted', async () => {
    const dir = tempDir('ssj-gb-');
    const read = async (file: string) => {
      const chunks: string[] = [];
      let bytes = 0;
      for await (const c of textStream(file, 'gb18030', (n) => (bytes += n))) chunks.push(String(c));
      return { chunks, bytes };
    };
    const example = path.join(ROOT, 'examples', 'inspectors-gbk.csv');
    const buf = fs.readFileSync(example);
    expect(gb18030ByIcu(buf)).not.toBeNull(); // the example is read by ICU
    expect(await read(example)).toEqual({ chunks: [viaIconv(buf)], bytes: buf.length });
    // A moved code: iconv-lite's private-use character, through the iconv-lite stream.
    const moved = path.join(dir, 'moved.csv');
    fs.writeFileSync(moved, Buffer.concat([iconv.encode('姓名,单位\n张三,', 'gb18030'), Buffer.from([0xa6, 0xd9, 0x0a])]));
    const r = await read(moved);
    expect(r.chunks.join('')).toBe(viaIconv(fs.readFileSync(moved)));
    expect(r.chunks.join('')).toContain('\ue78d');
  });
});
