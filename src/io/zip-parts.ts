/**
 * Zips at entry level: the entries of a zip (stored or deflated), and a zip
 * made of entries given with their CRC-32 and size, deflated or stored, at a
 * fixed time (1980-01-01), no extra fields. Record sheets are re-zipped from
 * their template's entries; workbooks exceljs writes stored are deflated by
 * Node's zlib instead of JSZip's pako (deflateEntries).
 */
import zlib from 'node:zlib';

/** Reads the entries of a zip written by exceljs (central directory; stored or deflated). */
export function unzip(zip: Uint8Array): { name: string; data: Buffer }[] {
  const buf = Buffer.from(zip.buffer, zip.byteOffset, zip.byteLength);
  let eocd = buf.length - 22;
  while (eocd >= 0 && buf.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  const out: { name: string; data: Buffer }[] = [];
  for (let k = 0; k < count; k++) {
    const method = buf.readUInt16LE(p + 10);
    const csize = buf.readUInt32LE(p + 20);
    const nameLen = buf.readUInt16LE(p + 28);
    const name = buf.toString('utf8', p + 46, p + 46 + nameLen);
    const local = buf.readUInt32LE(p + 42);
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const raw = buf.subarray(start, start + csize);
    out.push({ name, data: method === 0 ? Buffer.from(raw) : zlib.inflateRawSync(raw) });
    p += 46 + nameLen + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
  }
  return out;
}

const DOS_DATE = (0 << 9) | (1 << 5) | 1; // 1980-01-01, as stableZipTimes

/**
 * The fields a local header (from offset 4) and a central-directory entry (from offset 6) share, in
 * the same order: version needed, flags, method, time, date, CRC-32, sizes, name length (extra
 * fields 0, left as allocated).
 */
function entryFields(b: Buffer, at: number, p: { data: Buffer; crc: number; size: number; stored?: boolean }, nameLength: number): void {
  b.writeUInt16LE(20, at);
  b.writeUInt16LE(0, at + 2);
  b.writeUInt16LE(p.stored ? 0 : 8, at + 4);
  b.writeUInt16LE(0, at + 6);
  b.writeUInt16LE(DOS_DATE, at + 8);
  b.writeUInt32LE(p.crc >>> 0, at + 10);
  b.writeUInt32LE(p.data.length, at + 14);
  b.writeUInt32LE(p.size, at + 18);
  b.writeUInt16LE(nameLength, at + 22);
}

/** A zip of the entries, in order: deflated or stored, fixed times, no extra fields. */
export function zipEntries(parts: { name: string; data: Buffer; crc: number; size: number; stored?: boolean }[]): Buffer {
  const chunks: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const p of parts) {
    const name = Buffer.from(p.name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    entryFields(local, 4, p, name.length);
    const cd = Buffer.alloc(46);
    cd.writeUInt32LE(0x02014b50, 0);
    cd.writeUInt16LE(20, 4); // made by
    entryFields(cd, 6, p, name.length);
    cd.writeUInt32LE(offset, 42);
    chunks.push(local, name, p.data);
    central.push(cd, name);
    offset += 30 + name.length + p.data.length;
  }
  const cdBytes = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(cdBytes.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...chunks, cdBytes, end]);
}


/**
 * A zip's entries deflated again by Node's zlib (level 6), in the same order, at the fixed time: for a
 * workbook exceljs wrote stored (`writeBuffer({ zip: { compression: 'STORE' } })`), JSZip's deflate
 * (pako, in JavaScript) being slower by several times (issue 20).
 */
export function deflateEntries(zip: Uint8Array): Buffer {
  return zipEntries(unzip(zip).map((e) => ({ name: e.name, data: zlib.deflateRawSync(e.data, { level: 6 }), crc: zlib.crc32(e.data), size: e.data.length })));
}
