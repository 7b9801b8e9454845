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
