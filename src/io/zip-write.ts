/**
 * A minimal zip writer for workbooks we generate ourselves: deflated
 * entries, fixed entry times (1980-01-01, so the same content gives the same
 * bytes), no zip64 (a workbook stays far below 4 GB). Deflating runs on
 * libuv's thread pool, so the caller's thread is free meanwhile.
 */
import { promisify } from 'node:util';
import zlib from 'node:zlib';

const deflateRaw = promisify(zlib.deflateRaw);
const DOS_DATE_1980_01_01 = (0 << 9) | (1 << 5) | 1;
const UTF8_NAMES = 0x0800;

export interface ZipEntry {
  name: string;
  data: Buffer;
}

interface Packed {
  name: Buffer;
  crc: number;
  size: number;
  packed: Buffer;
  offset: number;
}

function localHeader(e: Packed): Buffer {
  const h = Buffer.alloc(30);
  h.writeUInt32LE(0x04034b50, 0);
  h.writeUInt16LE(20, 4); // version needed: 2.0 (deflate)
  h.writeUInt16LE(UTF8_NAMES, 6);
  h.writeUInt16LE(8, 8); // deflate
  h.writeUInt16LE(0, 10);
  h.writeUInt16LE(DOS_DATE_1980_01_01, 12);
  h.writeUInt32LE(e.crc, 14);
  h.writeUInt32LE(e.packed.length, 18);
  h.writeUInt32LE(e.size, 22);
  h.writeUInt16LE(e.name.length, 26);
  h.writeUInt16LE(0, 28);
  return h;
}

function centralHeader(e: Packed): Buffer {
  const h = Buffer.alloc(46);
  h.writeUInt32LE(0x02014b50, 0);
  h.writeUInt16LE(20, 4);
  h.writeUInt16LE(20, 6);
  h.writeUInt16LE(UTF8_NAMES, 8);
  h.writeUInt16LE(8, 10);
  h.writeUInt16LE(0, 12);
  h.writeUInt16LE(DOS_DATE_1980_01_01, 14);
  h.writeUInt32LE(e.crc, 16);
  h.writeUInt32LE(e.packed.length, 20);
  h.writeUInt32LE(e.size, 24);
  h.writeUInt16LE(e.name.length, 28);
  h.writeUInt32LE(e.offset, 42); // fields 30–41 (extra, comment, disk, attributes) stay 0
  return h;
}

/** The zip file of `entries`, in order; `level` is zlib's deflate level. */
export async function zipFiles(entries: ZipEntry[], level = 6): Promise<Uint8Array> {
  const packed = await Promise.all(entries.map((e) => deflateRaw(e.data, { level })));
  const parts: Buffer[] = [];
  const list: Packed[] = [];
  let offset = 0;
  entries.forEach((e, i) => {
    const p: Packed = { name: Buffer.from(e.name, 'utf8'), crc: zlib.crc32(e.data), size: e.data.length, packed: packed[i]!, offset };
    const header = localHeader(p);
    parts.push(header, p.name, p.packed);
    offset += header.length + p.name.length + p.packed.length;
    list.push(p);
  });
  const start = offset;
  for (const p of list) {
    const header = centralHeader(p);
    parts.push(header, p.name);
    offset += header.length + p.name.length;
  }
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(list.length, 8);
  end.writeUInt16LE(list.length, 10);
  end.writeUInt32LE(offset - start, 12);
  end.writeUInt32LE(start, 16);
  parts.push(end);
  return new Uint8Array(Buffer.concat(parts));
}
