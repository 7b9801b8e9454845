import fc from 'fast-check';
import { Utf8Out } from '../../src/core/utf8-out.js';
import { setLang } from '../../src/i18n/index.js';
import type { DocTable, PrintDoc } from '../../src/core/print-doc.js';
import { docHtml, docHtmlBytes } from '../../src/render/witness.js';

setLang('zh');

/** Text without lone surrogates (each write is whole text: a pair is never split between two writes). */
const text = fc.string({ unit: fc.oneof(fc.constantFrom('a', '<', '\n', '药', '店', '\u00e9'), fc.constantFrom('😀', '𠀀')), maxLength: 40 });

describe('Utf8Out (the record, the witness page and workbook are written through it)', () => {
  it('gives the UTF-8 of everything written, in order, and counts its bytes', () => {
    fc.assert(fc.property(fc.array(text, { maxLength: 50 }), (parts) => {
      const out = new Utf8Out();
      for (const p of parts) out.write(p);
      const expected = Buffer.from(parts.join(''), 'utf8');
      expect(out.length).toBe(expected.length);
      expect(out.bytes().equals(expected)).toBe(true);
    }));
  });

  it('gives the same bytes with room reserved, whether everything fits in it or not', () => {
    fc.assert(fc.property(fc.array(text, { maxLength: 50 }), fc.nat(400), (parts, reserve) => {
      const out = new Utf8Out(reserve);
      for (const p of parts) out.write(p);
      expect(out.bytes().equals(Buffer.from(parts.join(''), 'utf8'))).toBe(true);
    }));
    const big = new Utf8Out(5 << 20); // more than a piece, then past it
    const rows = Array.from({ length: 200_000 }, (_, i) => `<tr><td>药店${i}</td></tr>`);
    for (const r of rows) big.write(r);
    expect(big.bytes().equals(Buffer.from(rows.join(''), 'utf8'))).toBe(true);
  });

  it('keeps every character whole across its 4 MB pieces (three- and four-byte characters at the seams)', () => {
    const out = new Utf8Out();
    const parts: string[] = [];
    // 10 MB of rows of varying length, so that piece boundaries fall at many offsets within a character's bytes.
    let total = 0;
    for (let i = 0; total < 10 << 20; i++) {
      const row = `<tr><td>${'药'.repeat(1 + (i % 97))}</td><td>${'😀'.repeat(i % 5)}</td><td>${'x'.repeat(i % 7)}</td></tr>\n`;
      parts.push(row);
      out.write(row);
      total += Buffer.byteLength(row);
    }
    // One write longer than a piece.
    const long = '店'.repeat(3 << 20);
    parts.push(long);
    out.write(long);
    expect(out.bytes().equals(Buffer.from(parts.join(''), 'utf8'))).toBe(true);
  });
});

const table = (rows: number, heading: string): DocTable => ({
  heading, columns: ['序号', '名称', '哈希'], widths: [1, 4, 4], nowrap: [0],
  rows: Array.from({ length: rows }, (_, i) => [String(i + 1), `药店<${i}>&"'`, i % 2 ? 'ab'.repeat(32) : '=1+1']),
});

const doc = (tables: DocTable[], signatures: string[]): PrintDoc => ({
  title: '现场抽取记录', intro: '说明', meta: [['抽取编号', '20240601-1'], ['记录哈希', 'cd'.repeat(32)]], tables, signatures, footer: '页脚 & 哈希',
});

describe('the witness page as bytes (a national draw\'s, written as it is made)', () => {
  // Each way the signature block is placed: no tables, no signatures, a short last table (kept whole with the
  // signatures), a long one (its last rows kept with them), a table before it.
  const cases: [string, PrintDoc][] = [
    ['no tables', doc([], ['组长', '监督人'])],
    ['no signatures', doc([table(3, '抽取结果'), table(9, '检查组')], [])],
    ['a short last table', doc([table(2, '抽取结果'), table(6, '检查组')], ['组长'])],
    ['a long last table', doc([table(2, '抽取结果'), table(7, '检查组')], ['组长', '监督人', '见证人'])],
    ['an empty last table', doc([table(0, '检查组')], ['组长'])],
  ];
  it.each(cases)('is the page\'s text in UTF-8: %s', (_name, d) => {
    expect(docHtmlBytes(d, 'zh').equals(Buffer.from(docHtml(d, 'zh'), 'utf8'))).toBe(true);
  });
  it('keeps a long last table\'s final two rows on the signatures\' page, and a short one whole', () => {
    const long = docHtml(cases[3]![1], 'zh');
    expect(long).toMatch(/<div class="keep">\n<table class="grid cont">.*?<tbody>\n<tr><td class="nw">6<\/td>.*<\/tr>\n<tr><td class="nw">7<\/td>.*<\/tr>\n<\/tbody><\/table>\n<h2>/);
    expect(long).toContain('<tr><td class="nw">5</td>');
    const short = docHtml(cases[2]![1], 'zh');
    expect(short).toMatch(/<div class="keep">\n<h2>检查组<\/h2>/);
  });
});
