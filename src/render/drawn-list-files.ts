/** A drawn list's two files (抽取结果公示): the CSV in its encoding and the HTML page, as bytes. */
import { drawnListTable, type DrawnList } from '../core/drawn-list.js';
import { encodeCsv, type CsvEncoding } from './csv.js';
import { drawnListHtml } from './drawn-list-html.js';

export function drawnListBytes(list: DrawnList, encoding: CsvEncoding): { csv: Uint8Array; html: Uint8Array } {
  const table = drawnListTable(list);
  return { csv: encodeCsv(table.header, table.rows, encoding), html: drawnListHtml(list) };
}
