/**
 * Evidence packages on disk: written once (never over an existing file), read back with guards. Reading
 * (yauzl) checks every entry's name before anything is written — no absolute path, drive letter, backslash,
 * `..`, empty or control-character segment, no symbolic link, no duplicate — bounds the entry count, the total
 * inflated size and the compression ratio (a zip bomb is refused from its directory, and an entry inflating past
 * its declared size stops at once), and streams each entry into the destination folder hashing it. An entry
 * that does not inflate or whose CRC-32 is wrong is reported by name, not as a broken package.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import yauzl from 'yauzl';
import { InputError, IoError } from '../errors.js';
import { t, type MsgKey } from '../i18n/index.js';
import { ioError } from './errno.js';
import { knobs } from '../knobs.js';
import { unsafeEntryName } from '../core/archive.js';

const MB = 1024 * 1024;
/** Inflated size of a whole package: a month with a million-row registry stays well under it. */
const maxTotal = () => (knobs().maxArchiveMb ?? 4096) * MB;
const MAX_ENTRIES = 100_000;
const MAX_RATIO = 1000;

type Crc32 = (data: Uint8Array, value?: number) => number;
const crc32: Crc32 | undefined = (zlib as unknown as { crc32?: Crc32 }).crc32;

export interface Extracted {
  /** Every file entry that inflated cleanly: its path and SHA-256. */
  files: Map<string, string>;
  /** Entries that did not inflate or failed their CRC-32: their names and why. */
  broken: { path: string; reason: string }[];
}

function openZip(file: string): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) => {
    // decodeStrings off: yauzl would refuse a bad name with an English message; names are checked here instead.
    yauzl.open(file, { lazyEntries: true, validateEntrySizes: true, decodeStrings: false, autoClose: true }, (err, zip) => {
      if (err || !zip) reject(new InputError('archive.zip.bad', { file, reason: err ? err.message : 'zip' }));
      else resolve(zip);
    });
  });
}

function entryName(entry: yauzl.Entry): string {
  const raw = entry.fileName as unknown as Buffer | string;
  if (typeof raw === 'string') return raw;
  return (entry.generalPurposeBitFlag & 0x800) !== 0 ? raw.toString('utf8') : raw.toString('latin1');
}

/** One entry streamed into `target`: its SHA-256, or why it could not be read. */
function extractEntry(zip: yauzl.ZipFile, entry: yauzl.Entry, target: string): Promise<{ sha256: string } | { reason: string }> {
  return new Promise((resolve) => {
    zip.openReadStream(entry, (err, stream) => {
      if (err || !stream) {
        resolve({ reason: err ? err.message : 'stream' });
        return;
      }
      const hash = createHash('sha256');
      let sum = 0;
      let fd: number;
      try {
        fd = fs.openSync(target, 'wx');
      } catch (e) {
        stream.destroy();
        resolve({ reason: (e as NodeJS.ErrnoException).code ?? 'open' });
        return;
      }
      let failed: string | null = null;
      stream.on('data', (chunk: Buffer) => {
        hash.update(chunk);
        if (crc32) sum = crc32(chunk, sum);
        if (failed === null) fs.writeSync(fd, chunk);
      });
      stream.on('error', (e: Error) => {
        failed = e.message;
        fs.closeSync(fd);
        resolve({ reason: e.message });
      });
      stream.on('end', () => {
        fs.closeSync(fd);
        if (crc32 && sum >>> 0 !== entry.crc32 >>> 0) resolve({ reason: 'CRC-32' });
        else resolve({ sha256: hash.digest('hex') });
      });
    });
  });
}

/** Extracts the package `file` into the empty folder `dest` (see the module comment). */
export async function extractPackage(file: string, dest: string): Promise<Extracted> {
  try {
    if (!fs.statSync(file).isFile()) throw new IoError('guard.notRegularFile', { file });
  } catch (err) {
    if (err instanceof IoError) throw err;
    throw new IoError('error.fileNotFound', { file });
  }
  const zip = await openZip(file);
  const files = new Map<string, string>();
  const broken: Extracted['broken'] = [];
  const seen = new Set<string>();
  let total = 0;
  const limit = maxTotal();
  try {
    await new Promise<void>((resolve, reject) => {
      const fail = (e: Error) => {
        zip.close();
        reject(e);
      };
      zip.on('error', (e: Error) => fail(new InputError('archive.zip.bad', { file, reason: e.message })));
      zip.on('end', () => resolve());
      zip.on('entry', (entry: yauzl.Entry) => {
        const name = entryName(entry);
        const mode = (entry.externalFileAttributes >>> 16) & 0o170000;
        const why = unsafeEntryName(name, mode === 0o120000) ?? (seen.has(name.toLowerCase()) ? 'archive.zip.why.duplicate' : null);
        if (why) return fail(new InputError('archive.zip.badEntry', { file, entry: name.slice(0, 200), why: t(why as MsgKey) }));
        seen.add(name.toLowerCase());
        total += entry.uncompressedSize;
        const ratio = entry.compressedSize > 0 ? entry.uncompressedSize / entry.compressedSize : entry.uncompressedSize > 0 ? Infinity : 0;
        if (seen.size > MAX_ENTRIES || total > limit || (ratio > MAX_RATIO && entry.uncompressedSize > MB)) {
          return fail(new InputError('archive.zip.tooLarge', { file, limit: Math.round(limit / MB), entries: MAX_ENTRIES }));
        }
        const target = path.join(dest, ...name.split('/').filter(Boolean));
        try {
          // A name that is a file in one entry and a folder in another ('a' and 'a/b') cannot both be made.
          fs.mkdirSync(name.endsWith('/') ? target : path.dirname(target), { recursive: true });
          if (!name.endsWith('/') && fs.existsSync(target)) throw new Error('exists');
        } catch {
          return fail(new InputError('archive.zip.badEntry', { file, entry: name.slice(0, 200), why: t('archive.zip.why.duplicate') }));
        }
        if (name.endsWith('/')) {
          zip.readEntry();
          return;
        }
        extractEntry(zip, entry, target).then((r) => {
          if ('sha256' in r) files.set(name, r.sha256);
          else broken.push({ path: name, reason: r.reason });
          zip.readEntry();
        }, fail);
      });
      zip.readEntry();
    });
  } catch (err) {
    if (err instanceof InputError || err instanceof IoError) throw err;
    throw ioError(err, dest);
  }
  return { files, broken };
}

/** Writes `data` to `file`, which must not exist (a temp file beside it, then a hard link: never over another file). */
export function writeNewFile(file: string, data: Uint8Array): void {
  if (fs.existsSync(file)) throw new IoError('archive.outExists', { file });
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  try {
    fs.writeFileSync(tmp, data, { flag: 'wx' });
    const fd = fs.openSync(tmp, 'r');
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    try {
      fs.linkSync(tmp, file);
    } catch (err) {
      // No hard links there (a FAT memory stick): rename, after one more look for the file.
      if (!['EPERM', 'ENOTSUP', 'ENOSYS', 'EOPNOTSUPP'].includes(String((err as NodeJS.ErrnoException).code)) || fs.existsSync(file)) throw err;
      fs.renameSync(tmp, file);
    }
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST' && fs.existsSync(file)) throw new IoError('archive.outExists', { file });
    throw ioError(err, file);
  } finally {
    fs.rmSync(tmp, { force: true });
  }
}
