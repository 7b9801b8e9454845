/**
 * Zip files for workbooks we generate ourselves, through yazl (the writer by
 * yauzl's author; deflating on node's zlib thread pool, so the caller's thread
 * is free meanwhile). Fixed entry times (1980-01-01, DOS timestamps only) and
 * modes: the same content gives the same bytes.
 */
import yazl from 'yazl';

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
