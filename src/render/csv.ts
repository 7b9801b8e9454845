/** CSV bytes for publications: CRLF; UTF-8 gets a BOM (Excel on Chinese Windows), GB18030 none. */
import { stringify } from 'csv-stringify/sync';
import iconv from 'iconv-lite';

export type CsvEncoding = 'utf8' | 'gb18030';

export function encodeCsv(header: string[], rows: string[][], encoding: CsvEncoding): Uint8Array {
  const text = stringify([header, ...rows], { record_delimiter: '\r\n', quoted_match: /[\s,"]/ });
  return encoding === 'utf8' ? new Uint8Array(Buffer.from(`\ufeff${text}`, 'utf8')) : new Uint8Array(iconv.encode(text, 'gb18030'));
}
