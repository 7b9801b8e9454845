/**
 * Text encodings clerks' CSV files come in: UTF-8 with or without BOM (WPS,
 * LibreOffice, Excel "CSV UTF-8"), UTF-16 with BOM (Excel "Unicode text"),
 * and GBK/GB18030 (Excel and WPS on Chinese Windows by default). Detected,
 * never asked: a byte sequence that is valid UTF-8 is read as UTF-8,
 * anything else as GB18030 (a superset of GBK and GB2312).
 */
import { isUtf8 } from 'node:buffer';
import iconv from 'iconv-lite';

export type TextEncoding = 'utf8' | 'utf8-bom' | 'utf16le' | 'utf16be' | 'gb18030';

export function detectEncoding(buf: Uint8Array): TextEncoding {
  if (buf.length >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) return 'utf8-bom';
  if (buf.length >= 2 && buf[0] === 0xff && buf[1] === 0xfe) return 'utf16le';
  if (buf.length >= 2 && buf[0] === 0xfe && buf[1] === 0xff) return 'utf16be';
  return isUtf8(buf) ? 'utf8' : 'gb18030';
}

/** Decodes a whole file's bytes to text (BOM removed). */
export function decodeText(buf: Buffer): { text: string; encoding: TextEncoding } {
  const encoding = detectEncoding(buf);
  switch (encoding) {
    case 'utf8-bom':
      return { text: buf.toString('utf8', 3), encoding };
    case 'utf8':
      return { text: buf.toString('utf8'), encoding };
    case 'utf16le':
      return { text: buf.subarray(2).toString('utf16le'), encoding };
    case 'utf16be':
      return { text: iconv.decode(buf.subarray(2), 'utf16-be'), encoding };
    default:
      return { text: iconv.decode(buf, 'gb18030'), encoding };
  }
}
