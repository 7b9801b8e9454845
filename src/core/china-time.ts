/**
 * China local time (Asia/Shanghai, UTC+8 all year, no daylight saving) of an
 * ISO 8601 instant, for what people read on paper: a witness sheet says
 * 2026年12月4日 04:56, not 2026-12-03T20:56:00Z. Pure: no clock, no locale.
 */
export interface LocalTime {
  y: number;
  m: number;
  d: number;
  hh: string;
  mm: string;
}

const CHINA_OFFSET_MS = 8 * 3600 * 1000;

/** The instant's China date and time; null when `iso` is not a date. */
export function chinaTime(iso: string): LocalTime | null {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return null;
  const d = new Date(ms + CHINA_OFFSET_MS);
  const p = (n: number) => String(n).padStart(2, '0');
  return { y: d.getUTCFullYear(), m: d.getUTCMonth() + 1, d: d.getUTCDate(), hh: p(d.getUTCHours()), mm: p(d.getUTCMinutes()) };
}
