/**
 * exceljs (through JSZip) stamps every zip entry with the current time, so the
 * same workbook written twice differs byte for byte. Templates are committed
 * and compared by hash, so the entry times are set to a fixed date
 * (1980-01-01, the zip epoch). Only the timestamp fields change; CRCs and
 * content are untouched. Anything that does not parse as a plain zip is
 * returned unchanged.
 */

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const DOS_DATE_1980_01_01 = (0 << 9) | (1 << 5) | 1;

function findEocd(dv: DataView): number {
  const min = Math.max(0, dv.byteLength - 22 - 0xffff);
  for (let i = dv.byteLength - 22; i >= min; i--) if (dv.getUint32(i, true) === EOCD) return i;
  return -1;
}

/** A copy of `zip` with every entry's modification time set to 1980-01-01 00:00. */
export function stableZipTimes(zip: Uint8Array): Uint8Array {
  const out = new Uint8Array(zip);
  const dv = new DataView(out.buffer, out.byteOffset, out.byteLength);
  const eocd = findEocd(dv);
  if (eocd < 0) return zip;
  const count = dv.getUint16(eocd + 10, true);
  let p = dv.getUint32(eocd + 16, true);
  for (let k = 0; k < count; k++) {
    if (p + 46 > out.length || dv.getUint32(p, true) !== CENTRAL) return zip;
    dv.setUint16(p + 12, 0, true);
    dv.setUint16(p + 14, DOS_DATE_1980_01_01, true);
    const local = dv.getUint32(p + 42, true);
    if (local + 30 > out.length || dv.getUint32(local, true) !== LOCAL) return zip;
    dv.setUint16(local + 10, 0, true);
    dv.setUint16(local + 12, DOS_DATE_1980_01_01, true);
    p += 46 + dv.getUint16(p + 28, true) + dv.getUint16(p + 30, true) + dv.getUint16(p + 32, true);
  }
  return out;
}
