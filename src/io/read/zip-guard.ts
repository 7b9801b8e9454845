/**
 * Refuses zip bombs before SheetJS inflates anything: reads the central
 * directory with yauzl (no entry is inflated) and checks the declared sizes.
 * A truncated or corrupt zip fails here too, with a message naming the file.
 */
import yauzl from 'yauzl';
import { InputError } from '../../errors.js';

export const MAX_UNCOMPRESSED = 512 * 1024 * 1024;
export const MAX_ENTRIES = 10_000;
/** A compression ratio no real workbook reaches (XML compresses ~10–30×). */
export const MAX_RATIO = 1000;

export function checkZip(buf: Buffer, file: string): Promise<void> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(buf, { lazyEntries: true, validateEntrySizes: true }, (err, zip) => {
      if (err || !zip) {
        reject(new InputError('io.corrupt', { file, reason: err ? err.message : 'zip' }));
        return;
      }
      let total = 0;
      let count = 0;
      const fail = (e: InputError) => {
        zip.close();
        reject(e);
      };
      zip.on('entry', (entry: yauzl.Entry) => {
        count += 1;
        total += entry.uncompressedSize;
        const ratio = entry.compressedSize > 0 ? entry.uncompressedSize / entry.compressedSize : entry.uncompressedSize > 0 ? Infinity : 0;
        if (count > MAX_ENTRIES || total > MAX_UNCOMPRESSED || (ratio > MAX_RATIO && entry.uncompressedSize > 1024 * 1024)) {
          fail(new InputError('io.zipBomb', { file, size: Math.round(total / 1048576), limit: MAX_UNCOMPRESSED / 1048576 }));
          return;
        }
        zip.readEntry();
      });
      zip.on('end', () => resolve());
      zip.on('error', (e: Error) => fail(new InputError('io.corrupt', { file, reason: e.message })));
      zip.readEntry();
    });
  });
}
