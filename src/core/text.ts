/**
 * Neutralises text a spreadsheet would read as a formula (= + - @ tab CR at the
 * start): the one rule for every spreadsheet and CSV we write. Never for HTML,
 * which no spreadsheet evaluates: a printed `'=1+1药房` would misname the entity.
 */
export function inertText(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}
