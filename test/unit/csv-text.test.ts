/** The publications' CSV writer gives exactly what csv-stringify gave with the options it was called with. */
import fc from 'fast-check';
import { stringify } from 'csv-stringify/sync';
import { csvText } from '../../src/render/csv.js';

const reference = (rows: string[][]) => stringify(rows, { record_delimiter: '\r\n', quoted_match: /[\s,"]/ });

describe('csvText', () => {
  it('matches csv-stringify on chosen rows: quotes, commas, white space of every kind, empty fields and rows', () => {
    const rows = [['序号', '名称'], ['1', '"康宁"大药房'], ['', 'a,b'], [], ['x\u3000y', 'tab\there', 'line\r\nbreak', '\u00a0'], ["'=1+1", '-2', '@x'], ['末行']];
    expect(csvText(rows)).toBe(reference(rows));
    expect(csvText([])).toBe(reference([]));
  });
  it('matches csv-stringify on any rows', () => {
    const text = fc.string({ unit: fc.constantFrom('a', '药', ',', '"', ' ', '\t', '\r', '\n', '\u3000', '\u2028', '=', '\'', 'x') });
    fc.assert(fc.property(fc.array(fc.array(text, { maxLength: 5 }), { maxLength: 6 }), (rows) => csvText(rows) === reference(rows)), { numRuns: 500 });
  });
});
