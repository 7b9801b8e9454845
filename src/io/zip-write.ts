/**
 * Zip files for workbooks we generate ourselves, through yazl (the writer by
 * yauzl's author; deflating on node's zlib thread pool, so the caller's thread
 * is free meanwhile). Fixed entry times (1980-01-01, DOS timestamps only) and
 * modes: the same content gives the same bytes.
 */
import { createRequire } from 'node:module';
import zlib from 'node:zlib';
import yazl from 'yazl';

/**
 * yazl takes each entry's CRC-32 from buffer-crc32, byte by byte in
 * JavaScript: 0.4 s of the 80 MB sheet of a million-row draw's witness
 * workbook. Node's zlib.crc32 (20.15 and later) gives the same number
 * natively, so yazl's copy of buffer-crc32 is given it; if that module cannot
 * be found as expected, yazl keeps its own. Returns whether it is native.
 */
function nativeCrc32(): boolean {
  try {
    const crc = createRequire(createRequire(import.meta.url).resolve('yazl'))('buffer-crc32') as { unsigned?: (buf: Buffer) => number };
    if (typeof zlib.crc32 !== 'function' || typeof crc.unsigned !== 'function') return false;
    crc.unsigned = (buf: Buffer) => zlib.crc32(buf);
    return true;
  } catch {
    return false;
  }
}
export const CRC32_NATIVE = nativeCrc32();

/** Local midnight, so the DOS date is 1980-01-01 in any time zone. */
const EPOCH = new Date(1980, 0, 1);

export interface ZipEntry {
  name: string;
  data: Buffer;
}

/** The zip file of `entries`, in order; `level` is zlib's deflate level. */
export async function zipFiles(entries: ZipEntry[], level = 6): Promise<Uint8Array> {
  const zip = new yazl.ZipFile();
  for (const e of entries) zip.addBuffer(e.data, e.name, { mtime: EPOCH, mode: 0o100644, forceDosTimestamp: true, compressionLevel: level });
  zip.end();
  const chunks: Buffer[] = [];
  for await (const chunk of zip.outputStream as AsyncIterable<Buffer>) chunks.push(chunk);
  return new Uint8Array(Buffer.concat(chunks));
}
