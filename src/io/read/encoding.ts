/**
 * Text encodings clerks' CSV files come in: UTF-8 with or without BOM (WPS,
 * LibreOffice, Excel "CSV UTF-8"), UTF-16 with BOM (Excel "Unicode text"),
 * and GBK/GB18030 (Excel and WPS on Chinese Windows by default). Detected,
 * never asked: a byte sequence that is valid UTF-8 is read as UTF-8,
 * anything else as GB18030 (a superset of GBK and GB2312).
 */
import { isAscii, isUtf8 } from 'node:buffer';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { Readable } from 'node:stream';
import { createRequire } from 'node:module';
import type Iconv from 'iconv-lite';

/** iconv-lite, loaded when a file needs it (a small GB18030 file is decoded by ICU, gb18030ByIcu). */
let iconvLib: typeof Iconv | null = null;
const iconv = (): typeof Iconv => (iconvLib ??= createRequire(import.meta.url)('iconv-lite') as typeof Iconv);

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

/** UTF-8 lead bytes of U+4E00–U+9FFF (CJK ideographs): a line with two of them, valid UTF-8, is Chinese written in UTF-8. */
function chineseUtf8(line: Uint8Array): boolean {
  let n = 0;
  for (let i = 0; i < line.length; i++) {
    const b = line[i] as number;
    if (b >= 0xe4 && b <= 0xe9 && ++n >= 2) return true;
  }
  return false;
}

const MAX_CARRY = 4 << 20;

/**
 * Lines of a text file sorted into "Chinese in UTF-8" and "not UTF-8" (GBK),
 * by the byte offset of the first line of each: both present means the file
 * mixes the two encodings (a GBK export with UTF-8 rows pasted in, or the
 * reverse), which no single decoding reads right. Blocks of whole lines that
 * are valid UTF-8 as a whole are passed over in one native check.
 */
class LineSorter {
  firstUtf8: number | null = null;
  firstOther: number | null = null;
  private carry: Buffer = Buffer.alloc(0);
  private offset = 0; // of carry's first byte

  feed(chunk: Buffer): void {
    if (this.carry.length) {
      // Only the line cut by the chunk's start is joined (copying every 1 MB chunk behind the carry cost 0.6 s on 185 MB).
      const nl = chunk.indexOf(0x0a);
      if (nl >= 0 && this.carry.length + nl + 1 < MAX_CARRY) {
        const line = Buffer.concat([this.carry, chunk.subarray(0, nl + 1)]);
        this.block(line, this.offset);
        this.offset += line.length;
        this.carry = Buffer.alloc(0);
        chunk = chunk.subarray(nl + 1);
      }
    }
    const joined = this.carry.length ? Buffer.concat([this.carry, chunk]) : chunk;
    const cut = joined.lastIndexOf(0x0a) + 1;
    if (cut === 0 && joined.length < MAX_CARRY) {
      this.carry = joined;
      return;
    }
    const end = cut === 0 ? joined.length : cut;
    this.block(joined.subarray(0, end), this.offset);
    this.offset += end;
    this.carry = Buffer.from(joined.subarray(end));
  }

  end(): void {
    if (this.carry.length) this.block(this.carry, this.offset);
    this.carry = Buffer.alloc(0);
  }

  get done(): boolean {
    return this.firstUtf8 !== null && this.firstOther !== null;
  }

  private block(buf: Buffer, at: number): void {
    if (this.done) return;
    const valid = isUtf8(buf);
    if (valid && (this.firstUtf8 !== null || isAscii(buf))) return; // nothing new to learn from it
    for (let start = 0; start < buf.length && !this.done && !(valid && this.firstUtf8 !== null); ) {
      const nl = buf.indexOf(0x0a, start);
      const stop = nl < 0 ? buf.length : nl + 1;
      const line = buf.subarray(start, stop);
      if (!isAscii(line)) {
        if (!isUtf8(line)) this.firstOther ??= at + start;
        else if (chineseUtf8(line)) this.firstUtf8 ??= at + start;
      }
      start = stop;
    }
  }
}

/** Where a file's encoding changes: the 1-based line, and which encoding comes first. */
export interface MixedEncoding {
  line: number;
  first: 'utf8' | 'gb18030';
}

async function lineAt(file: string, offset: number): Promise<number> {
  let line = 1;
  let pos = 0;
  for await (const chunk of fs.createReadStream(file, { highWaterMark: 1 << 20, end: Math.max(0, offset - 1) }) as AsyncIterable<Buffer>) {
    for (let i = chunk.indexOf(0x0a); i >= 0 && pos + i < offset; i = chunk.indexOf(0x0a, i + 1)) line += 1;
    pos += chunk.length;
  }
  return line;
}

/**
 * One pass over a text file: its SHA-256 and its encoding (UTF-8 only when
 * every byte of it is valid UTF-8), without holding the file in memory; and,
 * for a file with lines of Chinese in UTF-8 and lines that are not UTF-8
 * (or a UTF-8 BOM over lines that are not), where the encoding changes.
 */
export async function scanTextFile(file: string): Promise<{ sha256: string; encoding: TextEncoding; mixed: MixedEncoding | null }> {
  const hash = createHash('sha256');
  let encoding: TextEncoding | null = null;
  const lines = new LineSorter();
  const whole = onePiece(file);
  for await (const chunk of whole ? [whole] : (fs.createReadStream(file, { highWaterMark: PIECE }) as AsyncIterable<Buffer>)) {
    hash.update(chunk);
    if (encoding === null) {
      const bom = detectEncoding(chunk.subarray(0, 3));
      encoding = bom === 'utf8-bom' || bom === 'utf16le' || bom === 'utf16be' ? bom : 'utf8';
    }
    if (encoding === 'utf8' || encoding === 'utf8-bom') lines.feed(chunk);
  }
  lines.end();
  const sha256 = hash.digest('hex');
  const { firstUtf8, firstOther } = lines;
  if (encoding === 'utf8-bom' && firstOther !== null) return { sha256, encoding, mixed: { line: await lineAt(file, firstOther), first: 'utf8' } };
  if (encoding !== 'utf8') return { sha256, encoding: encoding ?? 'utf8', mixed: null };
  if (firstOther === null) return { sha256, encoding, mixed: null };
  const mixed = firstUtf8 === null ? null : { line: await lineAt(file, Math.max(firstUtf8, firstOther)), first: firstUtf8 < firstOther ? ('utf8' as const) : ('gb18030' as const) };
  return { sha256, encoding: 'gb18030', mixed };
}

/** The stream's piece: a file no larger is one chunk of text either way (RecordGuard guesses the delimiter from the first). */
const PIECE = 1 << 20;

/**
 * A regular file of one piece or less (the whole of what the stream's first chunk would be), read at once, or
 * null: a clerk's CSV of a few KB streamed cost round trips to the thread pool, and its threads started, for one
 * chunk (issue 20). The stream reads anything else, and says what is wrong with a file it cannot read.
 */
function onePiece(file: string): Buffer | null {
  try {
    const fd = fs.openSync(file, 'r');
    try {
      const st = fs.fstatSync(fd);
      if (!st.isFile() || st.size === 0 || st.size > PIECE) return null;
      return fs.readFileSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    return null;
  }
}

/**
 * GB18030 text where ICU's decoder (TextDecoder, nothing to build) gives exactly what iconv-lite gives —
 * building iconv-lite's tables was some 25 ms of every command reading a clerk's GBK file — else null:
 * bytes ICU refuses (fatal), a Node without ICU's GB18030, and the 18 two-byte codes that GB18030-2022 moved
 * out of the private-use area (A6D9–A6DF, A6EC–A6ED, A6F3, FE59–FEA0…), which ICU decodes to U+FE10–FE19 and
 * U+9FB4–9FBB where iconv-lite (as every earlier ssj, whose content hashes must stay) gives private-use code
 * points. Every other two- and four-byte code decodes alike (test/unit/encoding-icu.test.ts tries them all).
 */
export function gb18030ByIcu(buf: Uint8Array): string | null {
  let text: string;
  try {
    text = new TextDecoder('gb18030', { fatal: true }).decode(buf);
  } catch {
    return null;
  }
  return /[\u9fb4-\u9fbb\ufe10-\ufe19]/.test(text) ? null : text;
}

/** A GB18030 file of one piece decoded by ICU, with its size, or null. */
function smallGb18030(file: string): { text: string; bytes: number } | null {
  try {
    const fd = fs.openSync(file, 'r');
    try {
      const st = fs.fstatSync(fd);
      if (!st.isFile() || st.size > PIECE) return null;
      const buf = fs.readFileSync(fd);
      const text = gb18030ByIcu(buf);
      return text === null ? null : { text, bytes: buf.length };
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    return null; // the stream below says what is wrong with the file
  }
}

/**
 * The file as a stream of decoded text chunks (strings, multi-byte characters
 * never split). A UTF-8 BOM stays on the first cell, where cleanText() trims it.
 * A GB18030 file of one piece that ICU decodes as iconv-lite does comes as
 * that one chunk (what the 1 MB stream gives), decoded by ICU.
 */
export function textStream(file: string, encoding: TextEncoding, onBytes?: (n: number) => void): Readable {
  const small = encoding === 'gb18030' ? smallGb18030(file) : null;
  if (small) {
    if (onBytes) process.nextTick(() => onBytes(small.bytes));
    return Readable.from(small.text === '' ? [] : [small.text]);
  }
  const bytes = fs.createReadStream(file, { highWaterMark: PIECE });
  if (onBytes) bytes.on('data', (chunk: Buffer | string) => onBytes(typeof chunk === 'string' ? Buffer.byteLength(chunk) : chunk.length));
  if (encoding === 'utf8' || encoding === 'utf8-bom') return bytes.setEncoding('utf8');
  const name = encoding === 'utf16le' ? 'utf-16le' : encoding === 'utf16be' ? 'utf-16be' : 'gb18030';
  return bytes.pipe(iconv().decodeStream(name, { stripBOM: true })) as unknown as Readable;
}
