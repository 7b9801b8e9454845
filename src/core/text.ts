/** Neutralises (the one rule for every spreadsheet, CSV and HTML page we write) text a spreadsheet would read as a formula (= + - @ tab CR at the start). */
export function inertText(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}
