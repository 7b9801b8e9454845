/** The publications' CSV writer gives exactly what csv-stringify gave with the options it was called with. */
import fc from 'fast-check';
import { stringify } from 'csv-stringify/sync';
import iconv from 'iconv-lite';
import { csvText, encodeCsv } from '../../src/render/csv.js';

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

describe('encodeCsv', () => {
  it('is the text with a BOM in UTF-8 (written into one buffer), or in GB18030 without one', () => {
    const unit = fc.constantFrom('a', '药', ',', '"', ' ', '\u00e9', '\ud83d\ude00', '\ufeff', 'x');
    fc.assert(
      fc.property(fc.array(fc.string({ unit }), { maxLength: 4 }), fc.array(fc.array(fc.string({ unit }), { maxLength: 4 }), { maxLength: 5 }), (header, rows) => {
        const text = csvText([header, ...rows]);
        return Buffer.from(encodeCsv(header, rows, 'utf8')).equals(Buffer.from('\ufeff' + text, 'utf8')) && Buffer.from(encodeCsv(header, rows, 'gb18030')).equals(iconv.encode(text, 'gb18030'));
      }),
      { numRuns: 300 },
    );
  });
});
