import { parseRatio, sampleSize, canonicalDecimal, formatRatio } from '../../src/core/ratio.js';
import type { Ratio } from '../../src/core/types.js';

const pct = (percent: string): Ratio => ({ kind: 'percent', percent });
const cnt = (count: number): Ratio => ({ kind: 'count', count });

describe('parseRatio', () => {
  it.each([
    ['20%', pct('20')],
    ['0.5%', pct('0.5')],
    ['２０％', pct('20')],
    ['０．５％', pct('0.5')],
    [' 20 % ', pct('20')],
    ['100%', pct('100')],
    ['020.50%', pct('20.5')],
    ['10家', cnt(10)],
    ['10户', cnt(10)],
    ['10个', cnt(10)],
    ['１０家', cnt(10)],
    ['不低于0.5%', pct('0.5')],
    ['≥5%', pct('5')],
    ['不少于3家', cnt(3)],
    ['二成', pct('20')],
    ['两成', pct('20')],
    ['十成', pct('100')],
    ['3成', pct('30')],
  ])('%s → a whole-row ratio', (text, ratio) => {
    expect(parseRatio(text)).toEqual({ ratio, creditClasses: [] });
  });

  const wugang = [
    { label: '低', credit: 'A', ratio: pct('1') },
    { label: '中', credit: 'B', ratio: pct('3') },
    { label: '中高', credit: 'C', ratio: pct('10') },
    { label: '高', credit: 'D', ratio: pct('20') },
  ];
  it.each([
    '低(A、1%)、中(B、3%)、中高(C、10%)、高(D、20%)',
    '低（A、1%）、中（B、3%）、中高（C、10%）、高（D、20%）',
    '低(A,1%)，中(B,3%)，中高(C,10%)，高(D,20%)',
  ])('Wugang credit classes: %s', (text) => {
    expect(parseRatio(text)).toEqual({ ratio: null, creditClasses: wugang });
  });

  it.each([
    ['A:1%、B:3%、C:10%、D:20%'],
    ['A类1%、B类3%、C类10%、D类20%'],
    ['A：1%；B：3%；C：10%；D：20%'],
    ['a 1% b 3% c 10% d 20%'],
    ['A级1%,B级3%,C级10%,D级20%'],
  ])('short credit forms: %s', (text) => {
    const r = parseRatio(text);
    expect(r?.ratio).toBeNull();
    expect(r?.creditClasses.map((c) => [c.credit, c.ratio])).toEqual([
      ['A', pct('1')], ['B', pct('3')], ['C', pct('10')], ['D', pct('20')],
    ]);
  });

  it('keeps the credit order as written and allows counts per class', () => {
    expect(parseRatio('D:20%、A:5家')?.creditClasses.map((c) => [c.credit, c.ratio])).toEqual([['D', pct('20')], ['A', cnt(5)]]);
  });

  it.each(['', '20', '百分之二十', '0%', '0.0%', '120%', '100.01%', '0家', '20%%', 'A:1%、A:2%', 'E:1%', '低(A、1%)、其他', '-5%', '1e2%', '11成', '零成'])(
    'refuses %p',
    (text) => {
      expect(parseRatio(text)).toBeNull();
    },
  );
});

describe('sampleSize: n = min(N, ceil(N × p)) in exact integers', () => {
  it.each<[number, Ratio, number]>([
    [7, pct('20'), 2],
    [5, pct('20'), 1],
    [10, pct('20'), 2],
    [11, pct('20'), 3],
    [100, pct('0.5'), 1],
    [200, pct('0.5'), 1],
    [201, pct('0.5'), 2],
    [1, pct('0.5'), 1],
    [0, pct('20'), 0],
    [3, cnt(10), 3],
    [30, cnt(10), 10],
    [0, cnt(10), 0],
    [10, pct('100'), 10],
    [3, pct('33.3'), 1],
    [1000, pct('33.3'), 333],
    [1001, pct('33.3'), 334],
    // 0.1 + 0.2 style traps: floating point would give ceil(70 × 0.3 / …) wrong here.
    [70, pct('30'), 21],
    [100, pct('7'), 7],
    [1_000_000, pct('0.001'), 10],
    [1_000_001, pct('0.001'), 11],
  ])('N=%d, %o → %d', (n, ratio, expected) => {
    expect(sampleSize(n, ratio)).toBe(expected);
  });
});

describe('decimal helpers', () => {
  it('canonicalises and formats', () => {
    expect(canonicalDecimal('007.500')).toBe('7.5');
    expect(canonicalDecimal('10.0')).toBe('10');
    expect(formatRatio(pct('0.5'))).toBe('0.5%');
    expect(formatRatio(cnt(10))).toBe('10家');
  });
});

describe('sampleSize properties (fast-check)', () => {
  it('n is the least integer ≥ N × p, capped at N — checked in BigInt', async () => {
    const fc = (await import('fast-check')).default;
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2_000_000_000 }), fc.integer({ min: 1, max: 1_000_000 }), fc.integer({ min: 0, max: 4 }), (N, digits, scale) => {
        const P = BigInt(digits);
        const den = 100n * 10n ** BigInt(scale);
        if (P > den) return true; // above 100%: refused by the parser
        const text = scale === 0 ? String(digits) : `${String(digits).padStart(scale + 1, '0').slice(0, -scale)}.${String(digits).padStart(scale + 1, '0').slice(-scale)}`;
        const n = BigInt(sampleSize(N, { kind: 'percent', percent: canonicalDecimal(text) }));
        const exact = BigInt(N) * P;
        if (n === BigInt(N)) return N === 0 || exact > (n - 1n) * den;
        return n * den >= exact && (n - 1n) * den < exact;
      }),
      { numRuns: 2000 },
    );
  });
});

describe('a ratio written as the notices write it (the sentence around it)', () => {
  it.each([
    ['检查比例不低于 0.5%', { kind: 'percent', percent: '0.5' }], // Hongsipu 2025
    ['按照20%比例抽取', { kind: 'percent', percent: '20' }], // Wugang 2024
    ['按照20%比例', { kind: 'percent', percent: '20' }],
    ['按照10家抽取', { kind: 'count', count: 10 }],
  ])('%s', (text, ratio) => {
    expect(parseRatio(text)).toEqual({ ratio, creditClasses: [] });
  });
  it('reads the credit-class clause with its trailing words (Wugang 2024)', () => {
    const r = parseRatio('低(A、1%)、中(B、3%)、中高(C、10%)、高(D、20%)信用风险市场主体的比例抽取');
    expect(r?.creditClasses.map((c) => [c.credit, c.ratio])).toEqual([
      ['A', { kind: 'percent', percent: '1' }], ['B', { kind: 'percent', percent: '3' }], ['C', { kind: 'percent', percent: '10' }], ['D', { kind: 'percent', percent: '20' }],
    ]);
  });
  it('still refuses words with no ratio in them', () => {
    for (const t of ['比例', '按照比例抽取', '抽取', '随机']) expect(parseRatio(t)).toBeNull();
  });
});
