/** verify's difference lines name the field in the user's words, with the record's path after it. */
import { differenceLines } from '../../src/render/difference-lines.js';
import { setLang } from '../../src/i18n/index.js';

describe('differenceLines', () => {
  it('names the field in Chinese, keeping the path', () => {
    setLang('zh');
    const [line] = differenceLines([{ field: 'teams[2].members[1].key', expected: 'A1', found: 'B2', entity: 'E1' }]);
    expect(line).toContain('检查组（teams[2].members[1].key）');
    const [hash] = differenceLines([{ field: 'recordHash', expected: 'aa', found: 'bb' }]);
    expect(hash).toContain('记录哈希（recordHash）');
    expect(differenceLines([{ field: 'other.thing', expected: 1, found: 2 }])[0]).toContain('other.thing');
  });
});
