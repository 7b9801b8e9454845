/**
 * Refuses zip bombs and corrupt zips before SheetJS inflates anything. First
 * the central directory (yauzl): declared sizes, entry count, compression
 * ratio. Then every entry is inflated once by Node's zlib and thrown away —
 * in one call up to 8 MB (output capped one byte past the declared size),
 * else streaming, where yauzl stops as soon as an entry yields more bytes than
 * it declared: a bomb that lies about its size costs a few KB, not 1 GB —, a
 * broken deflate stream fails here, and the CRC-32 is compared. SheetJS
 * (which inflates with the same zlib, src/io/sheetjs.ts; its own inflater
 * could loop for minutes on a corrupt stream) only ever sees zips that
 * inflate cleanly to their declared sizes.
 */
import zlib from 'node:zlib';
import yauzl from 'yauzl';
import { InputError } from '../../errors.js';
import { FormulaScan, type Uncached } from './formulas.js';

export const MAX_UNCOMPRESSED = 512 * 1024 * 1024;
export const MAX_ENTRIES = 10_000;
/** A compression ratio no real workbook reaches (XML compresses ~10–30×). */
export const MAX_RATIO = 1000;
/**
 * The shared-strings part is held by SheetJS as one string object per entry,
 * about ten times its XML size in memory (323 MB of XML took 3.5 GB): it gets
 * its own bound, ~1 GB of memory at most. A registry with more text than this
 * is read as CSV (streamed, no such cost).
 */
export const MAX_SHARED_STRINGS = 96 * 1024 * 1024;

type Crc32 = (data: Uint8Array, value?: number) => number;
const crc32: Crc32 | undefined = (zlib as unknown as { crc32?: Crc32 }).crc32;

function bomb(file: string, total: number): InputError {
  return new InputError('io.zipBomb', { file, size: Math.round(total / 1048576), limit: MAX_UNCOMPRESSED / 1048576 });
}

function corrupt(file: string, reason: string): InputError {
  return new InputError('io.corrupt', { file, reason });
}

const ENCRYPTED_PACKAGE = Buffer.from('EncryptedPackage', 'utf16le');

/**
 * A password-protected .xlsx is an OLE container holding an EncryptedPackage
 * stream (its directory names are stored plain): said as such, in Chinese,
 * instead of "damaged" with SheetJS's English reason.
 */
export function refuseEncrypted(buf: Buffer, file: string): void {
  if (buf.length >= 8 && buf.readUInt32BE(0) === 0xd0cf11e0 && buf.indexOf(ENCRYPTED_PACKAGE) >= 0) throw new InputError('guard.passwordProtected', { file });
}

/** A reader's error that says the file is encrypted (SheetJS: "password-protected", "Encryption"): the Chinese message. */
export function passwordError(err: unknown, file: string): InputError | null {
  return err instanceof Error && /password|encrypt/i.test(err.message) ? new InputError('guard.passwordProtected', { file }) : null;
}

/** Inflates one entry to nowhere, checking its size (yauzl) and CRC-32; an ODS manifest naming encryption data is refused as password-protected. */
function drainEntry(zip: yauzl.ZipFile, entry: yauzl.Entry, file: string, done: (err: InputError | null) => void, scan: FormulaScan): void {
  zip.openReadStream(entry, (err, stream) => {
    if (err || !stream) {
      done(corrupt(file, `${entry.fileName}: ${err ? err.message : 'stream'}`));
      return;
    }
    let sum = 0;
    let finished = false;
    const finish = (e: InputError | null) => {
      if (finished) return;
      finished = true;
      done(e);
    };
    const manifest = entry.fileName === 'META-INF/manifest.xml' ? ([] as Buffer[]) : null;
    let kept = 0;
    const formulas = scan.part(entry.fileName);
    stream.on('data', (chunk: Buffer) => {
      if (crc32) sum = crc32(chunk, sum);
      if (formulas) formulas(chunk);
      if (manifest && kept < 1024 * 1024) {
        manifest.push(chunk);
        kept += chunk.length;
      }
    });
    // An entry inflating past its declared size (a bomb that lies) is reported as what it is: a zip whose sizes are false.
    stream.on('error', (e: Error) => finish(corrupt(file, `${entry.fileName}: ${e.message}`)));
    stream.on('end', () => {
      if (manifest && Buffer.concat(manifest).toString('utf8').includes('encryption-data')) return finish(new InputError('guard.passwordProtected', { file }));
      finish(crc32 && sum >>> 0 !== entry.crc32 >>> 0 ? corrupt(file, `${entry.fileName}: CRC-32`) : null);
    });
  });
}

/**
 * Entries up to this size are inflated here, in one call, from the workbook's bytes: through a stream each
 * entry cost round trips to the thread pool (the examples' four workbooks, 40 entries: 110–170 ms against
 * 15 ms, at load 9). Larger ones stream as before, in constant memory.
 */
const INFLATE_AT_ONCE = 8 * 1024 * 1024;

/** The checks of drainEntry for an entry inflated at once; null when it is sound. */
function checkEntryAtOnce(buf: Buffer, entry: yauzl.Entry, file: string, scan: FormulaScan): InputError | null {
  const fail = (reason: string) => corrupt(file, `${entry.fileName}: ${reason}`);
  if (entry.isEncrypted()) return fail('entry is encrypted');
  const at = entry.relativeOffsetOfLocalHeader;
  if (at + 30 > buf.length || buf.readUInt32LE(at) !== 0x04034b50) return fail('invalid local file header signature');
  const start = at + 30 + buf.readUInt16LE(at + 26) + buf.readUInt16LE(at + 28);
  if (start + entry.compressedSize > buf.length) return fail('file data overflows file bounds');
  const raw = buf.subarray(start, start + entry.compressedSize);
  let data: Buffer;
  if (entry.compressionMethod === 0) data = raw;
  else if (entry.compressionMethod === 8) {
    try {
      // One byte more than declared may come out: more than that is a zip whose sizes are false.
      data = zlib.inflateRawSync(raw, { maxOutputLength: entry.uncompressedSize + 1 });
    } catch (e) {
      return fail(e instanceof RangeError ? 'too many bytes in the stream' : e instanceof Error ? e.message : String(e));
    }
  } else return fail(`unsupported compression method: ${entry.compressionMethod}`);
  if (data.length > entry.uncompressedSize) return fail('too many bytes in the stream');
  if (data.length < entry.uncompressedSize) return fail('too few bytes in the stream');
  scan.part(entry.fileName)?.(data);
  if (entry.fileName === 'META-INF/manifest.xml' && data.subarray(0, 1024 * 1024).toString('utf8').includes('encryption-data')) return new InputError('guard.passwordProtected', { file });
  return crc32 && crc32(data) >>> 0 !== entry.crc32 >>> 0 ? fail('CRC-32') : null;
}

/** What the check learnt on the way: each sheet's formula cells without a cached value (src/io/read/formulas.ts). */
export interface ZipFacts {
  uncachedFormulas: Map<string, Uncached>;
}

/** `atOnce`: the largest entry inflated in one call (INFLATE_AT_ONCE; tests give -1 to stream every entry). */
export function checkZip(buf: Buffer, file: string, atOnce = INFLATE_AT_ONCE): Promise<ZipFacts> {
  const scan = new FormulaScan();
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(buf, { lazyEntries: true, validateEntrySizes: true }, (err, zip) => {
      if (err || !zip) {
        reject(corrupt(file, err ? err.message : 'zip'));
        return;
      }
      let total = 0;
      let count = 0;
      let failed = false;
      const fail = (e: InputError) => {
        if (failed) return;
        failed = true;
        zip.close();
        reject(e);
      };
      zip.on('entry', (entry: yauzl.Entry) => {
        count += 1;
        total += entry.uncompressedSize;
        const ratio = entry.compressedSize > 0 ? entry.uncompressedSize / entry.compressedSize : entry.uncompressedSize > 0 ? Infinity : 0;
        if (count > MAX_ENTRIES || total > MAX_UNCOMPRESSED || (ratio > MAX_RATIO && entry.uncompressedSize > 1024 * 1024)) {
          fail(bomb(file, total));
          return;
        }
        if (/(^|\/)sharedStrings\d*\.xml$/i.test(entry.fileName) && entry.uncompressedSize > MAX_SHARED_STRINGS) {
          fail(new InputError('guard.sharedStringsTooLarge', { file, size: Math.round(entry.uncompressedSize / 1048576), limit: MAX_SHARED_STRINGS / 1048576 }));
          return;
        }
        if (entry.fileName.endsWith('/')) {
          zip.readEntry();
          return;
        }
        if (entry.uncompressedSize <= atOnce) {
          const e = checkEntryAtOnce(buf, entry, file, scan);
          if (e) fail(e);
          else zip.readEntry();
          return;
        }
        drainEntry(zip, entry, file, (e) => (e ? fail(e) : zip.readEntry()), scan);
      });
      zip.on('end', () => {
        if (!failed) resolve({ uncachedFormulas: scan.result() });
      });
      zip.on('error', (e: Error) => fail(corrupt(file, e.message)));
      zip.readEntry();
    });
  });
}
