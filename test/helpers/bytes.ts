/** Byte comparisons that say where two byte strings part: `expect(firstDifference(a, b)).toBeNull()`. */
export function firstDifference(actual: Uint8Array, expected: Uint8Array): string | null {
  const n = Math.min(actual.length, expected.length);
  let i = 0;
  while (i < n && actual[i] === expected[i]) i++;
  if (i === n && actual.length === expected.length) return null;
  const hex = (b: Uint8Array) => (i < b.length ? `0x${(b[i] as number).toString(16).padStart(2, '0')}` : 'end');
  const around = (b: Uint8Array) => JSON.stringify(Buffer.from(b.subarray(Math.max(0, i - 16), i + 16)).toString('latin1'));
  return `first difference at byte ${i} (lengths ${actual.length} and ${expected.length}): ${hex(actual)} vs ${hex(expected)}; around it ${around(actual)} vs ${around(expected)}`;
}
