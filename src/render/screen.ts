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

// eslint-disable-next-line no-control-regex
const UTF8_UNSAFE = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]|\xc2[\x80-\x9f]|\xe2\x80[\xaa-\xae]|\xe2\x81[\xa6-\xa9]/;

/**
 * screenSafe for UTF-8 bytes: the same bytes when they hold none of what screenSafe escapes (looked for in the
 * bytes, each as its UTF-8 sequence: a 28 MB record is not decoded to be looked at), else screenSafe's text.
 */
export function screenSafeBytes(bytes: Uint8Array): Uint8Array {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return UTF8_UNSAFE.test(b.toString('latin1')) ? Buffer.from(screenSafe(b.toString('utf8')), 'utf8') : bytes;
}
