/**
 * Text encodings clerks' CSV files come in: UTF-8 with or without BOM (WPS,
 * LibreOffice, Excel "CSV UTF-8"), UTF-16 with BOM (Excel "Unicode text"),
 * and GBK/GB18030 (Excel and WPS on Chinese Windows by default). Detected,
 * never asked: a byte sequence that is valid UTF-8 is read as UTF-8,
 * anything else as GB18030 (a superset of GBK and GB2312).
 */
import { isUtf8 } from 'node:buffer';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import type { Readable } from 'node:stream';
import iconv from 'iconv-lite';

export type TextEncoding = 'utf8' | 'utf8-bom' | 'utf16le' | 'utf16be' | 'gb18030';

export function detectEncoding(buf: Uint8Array): TextEncoding {
  if (buf.length >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) return 'utf8-bom';
  if (buf.length >= 2 && buf[0] === 0xff && buf[1] === 0xfe) return 'utf16le';
  if (buf.length >= 2 && buf[0] === 0xfe && buf[1] === 0xff) return 'utf16be';
  return isUtf8(buf) ? 'utf8' : 'gb18030';
}

/** Bytes at the end of `buf` that start an incomplete UTF-8 sequence (0–3). */
export function incompleteTail(buf: Uint8Array): number {
  const n = buf.length;
  for (let back = 1; back <= Math.min(3, n); back++) {
    const b = buf[n - back] as number;
    if ((b & 0xc0) === 0x80) continue; // continuation byte: keep looking for the lead
    const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
    return need > back ? back : 0;
  }
  return 0;
}

/**
 * One pass over a text file: its SHA-256 and its encoding (UTF-8 only when
 * every byte of it is valid UTF-8), without holding the file in memory.
 */
export async function scanTextFile(file: string): Promise<{ sha256: string; encoding: TextEncoding }> {
  const hash = createHash('sha256');
  let encoding: TextEncoding | null = null;
  let utf8 = true;
  let carry: Uint8Array = new Uint8Array(0);
  for await (const chunk of fs.createReadStream(file, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
    hash.update(chunk);
    if (encoding === null) {
      const bom = detectEncoding(chunk.subarray(0, 3));
      encoding = bom === 'utf8-bom' || bom === 'utf16le' || bom === 'utf16be' ? bom : 'utf8';
    }
    if (encoding !== 'utf8' || !utf8) continue;
    const joined = carry.length ? Buffer.concat([carry, chunk]) : chunk;
    const tail = incompleteTail(joined);
    utf8 = isUtf8(joined.subarray(0, joined.length - tail));
    carry = joined.subarray(joined.length - tail);
  }
  if (carry.length) utf8 = false;
  return { sha256: hash.digest('hex'), encoding: encoding === 'utf8' && !utf8 ? 'gb18030' : (encoding ?? 'utf8') };
}

/**
 * The file as a stream of decoded text chunks (strings, multi-byte characters
 * never split). A UTF-8 BOM stays on the first cell, where cleanText() trims it.
 */
export function textStream(file: string, encoding: TextEncoding, onBytes?: (n: number) => void): Readable {
  const bytes = fs.createReadStream(file, { highWaterMark: 1 << 20 });
  if (onBytes) bytes.on('data', (chunk: Buffer | string) => onBytes(typeof chunk === 'string' ? Buffer.byteLength(chunk) : chunk.length));
  if (encoding === 'utf8' || encoding === 'utf8-bom') return bytes.setEncoding('utf8');
  const name = encoding === 'utf16le' ? 'utf-16le' : encoding === 'utf16be' ? 'utf-16be' : 'gb18030';
  return bytes.pipe(iconv.decodeStream(name, { stripBOM: true })) as unknown as Readable;
}
