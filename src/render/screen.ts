/** Text for the terminal: nothing in it acts on the terminal (issue 19). */
// eslint-disable-next-line no-control-regex
const SCREEN_UNSAFE = /\x1b\[[0-9;]*m|[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/g;

/**
 * What reaches the terminal: colour codes (ESC [ … m, what chalk writes) pass;
 * any other control character or bidi override (a cell `\x1b[2J`, U+202E) is
 * shown escaped (`\u001b`, `\u202e`), never acted on. In JSON the same
 * spelling is a valid escape inside a string.
 */
export function screenSafe(text: string): string {
  SCREEN_UNSAFE.lastIndex = 0;
  if (!SCREEN_UNSAFE.test(text)) return text;
  return text.replace(SCREEN_UNSAFE, (m) => (m.length > 1 ? m : `\\u${m.charCodeAt(0).toString(16).padStart(4, '0')}`));
}

/**
 * screenSafe for UTF-8 bytes: the same bytes when they hold none of what screenSafe escapes (looked for byte by
 * byte, each as its UTF-8 sequence: a 28 MB record is not decoded to be looked at), else screenSafe's text.
 */
export function screenSafeBytes(bytes: Uint8Array): Uint8Array {
  for (let i = 0; i < bytes.length; i++) {
    const c = bytes[i]!;
    if ((c >= 0x20 && c !== 0x7f && c !== 0xc2 && c !== 0xe2) || c === 0x09 || c === 0x0a || c === 0x0d) continue;
    const d = bytes[i + 1] ?? 0;
    const e = bytes[i + 2] ?? 0;
    if (c === 0xc2 && !(d >= 0x80 && d <= 0x9f)) continue; // U+0080–U+009F
    if (c === 0xe2 && !((d === 0x80 && e >= 0xaa && e <= 0xae) || (d === 0x81 && e >= 0xa6 && e <= 0xa9))) continue; // U+202A–E, U+2066–9
    return Buffer.from(screenSafe(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8')), 'utf8');
  }
  return bytes;
}
