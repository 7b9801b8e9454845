import fc from 'fast-check';
import { headerKey, STABLE_TEXT } from '../../src/core/normalize.js';

const definition = (s: string) => s.normalize('NFKC').replace(/[\s\u00a0\u3000\u200b\ufeff]+/g, '');

describe('headerKey (NFKC, whitespace removed)', () => {
  it('leaves the fast-path characters alone, each of them and in sequence (none decomposes or composes)', () => {
    const chars = [...Array.from({ length: 0x7e - 0x21 + 1 }, (_, i) => 0x21 + i), ...Array.from({ length: 0x9fff - 0x4e00 + 1 }, (_, i) => 0x4e00 + i)];
    for (const c of chars) {
      const s = String.fromCharCode(c);
      expect(STABLE_TEXT.test(s)).toBe(true);
      if (definition(s) !== s || definition(`${s}一`) !== `${s}一`) throw new Error(`U+${c.toString(16)} is not stable`);
    }
    expect(STABLE_TEXT.test(' ')).toBe(false);
    expect(STABLE_TEXT.test('\u3000')).toBe(false);
    expect(STABLE_TEXT.test('Ａ')).toBe(false);
  });
  it('is the definition for any text', () => {
    const text = fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), fc.constantFrom('所在\n地区', '联 系 人', '益丰大药房', 'ＡＢ１', '㈱', 'e\u0301', 'A1-b'));
    fc.assert(fc.property(text, (s) => headerKey(s) === definition(s)), { numRuns: 2000 });
  });
});

describe('normKey: one key form for every registry and list (issue 19)', () => {
  it('reads 〇 as 0, full-width as half-width, drops invisible characters and bidi controls', async () => {
    const { normKey, stripInvisible } = await import('../../src/core/normalize.js');
    expect(normKey('豫411〇〇〇007')).toBe('豫411000007');
    expect(normKey('豫４１１０００００７')).toBe('豫411000007');
    expect(normKey('豫411\u200b000\u2060007\u202e')).toBe('豫411000007');
    expect(normKey('ｐ４１０９\u00ad０２')).toBe('P410902');
    expect(stripInvisible('张三 41090219900101\u200b0018')).toBe('张三 410902199001010018');
  });
});
