import fc from 'fast-check';
import { screenSafe, screenSafeBytes } from '../../src/render/screen.js';

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
  it('is the same for UTF-8 bytes (a record written as it is stored): the bytes untouched when nothing is to escape', () => {
    const odd = fc.constantFrom('\u001b[2J', '\u001b[31m', '\u0085', '\u009f', '\u0080', '\u00a0', '\u00b7', '\u202a', '\u202e', '\u202f', '\u2066', '\u2069', '\u2065', '\u201c', '\u007f', '\u0007', '\t', '\n', '普', 'é');
    const text = fc.array(fc.oneof(fc.string({ unit: 'binary' }), odd), { maxLength: 12 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(text, (s) => {
        const bytes = Buffer.from(s, 'utf8');
        const out = screenSafeBytes(bytes);
        const plain = !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/.test(s);
        return Buffer.from(out).toString('utf8') === screenSafe(s) && (!plain || out === bytes);
      }),
      { numRuns: 3000 },
    );
  });
});
