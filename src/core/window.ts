/**
 * The last day of a plan row's 检查期限 (written freely: "2024年6月10日至6月30日",
 * "2024-06-10—2024-06-30", "6月30日前" after a dated start …): the last date
 * written in it, a month-day without a year taking the year of the date
 * before it. Null when no full date can be read (nothing is then refused). Pure.
 */
const DATE = /(?:(\d{4})\s*[年./-]\s*)?(\d{1,2})\s*[月./-]\s*(\d{1,2})\s*日?/g;

const valid = (y: number, m: number, d: number): boolean => {
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
};

export function windowEnd(text: string | undefined): string | null {
  if (!text) return null;
  const s = text.normalize('NFKC');
  let year: number | null = null;
  let last: string | null = null;
  for (const m of s.matchAll(DATE)) {
    if (m[1]) year = Number(m[1]);
    if (year === null) continue;
    const [mo, d] = [Number(m[2]), Number(m[3])];
    if (!valid(year, mo, d)) continue;
    last = `${year}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  }
  return last;
}
