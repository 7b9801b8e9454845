import { windowEnd } from '../../src/core/window.js';

describe('windowEnd (检查期限 → its last day)', () => {
  it.each([
    ['2024年6月10日至6月30日', '2024-06-30'],
    ['2024年6月10日至2024年7月5日', '2024-07-05'],
    ['2024-06-10—2024-06-30', '2024-06-30'],
    ['２０２４年６月１０日－６月３０日', '2024-06-30'],
    ['2024.6.1-2024.6.15', '2024-06-15'],
  ])('%s → %s', (text, end) => expect(windowEnd(text)).toBe(end));
  it.each([[''], ['六月底前'], ['6月30日前'], [undefined]])('no full date: null (%s)', (text) => expect(windowEnd(text)).toBeNull());
});
