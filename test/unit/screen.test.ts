import { screenSafe } from '../../src/render/screen.js';

describe('screenSafe (issue 19): nothing printed acts on the terminal', () => {
  it('escapes control characters and bidi overrides, keeps colour codes, line breaks and tabs', () => {
    expect(screenSafe('a\u001b[2Jb\u202ec\u0007\t\n')).toBe('a\\u001b[2Jb\\u202ec\\u0007\t\n');
    expect(screenSafe('\u001b[31mred\u001b[0m')).toBe('\u001b[31mred\u001b[0m');
    expect(screenSafe('普通文字 plain')).toBe('普通文字 plain');
  });
  it('keeps JSON valid: a C1 control or an override inside a string becomes a JSON escape', () => {
    const text = JSON.stringify({ name: 'x\u0085y\u202ez' });
    expect(JSON.parse(screenSafe(text))).toEqual({ name: 'x\u0085y\u202ez' });
  });
});
