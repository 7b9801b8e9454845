/**
 * 执法区域 (an inspector's enforcement area) against an entity's 所在地区
 * (SPEC "The plan" → Region). Pure.
 */
import { headerKey, splitList } from './normalize.js';

/** Parts that make an inspector cover every region. */
export const ALL_REGIONS: ReadonlySet<string> = new Set(['全市', '全县', '全区', '全部']);

/** 执法区域 split on 、,，;； and whitespace (NFKC first, so full-width separators split too). */
export function regionParts(area: string): string[] {
  return splitList(area);
}

/** The comparison form of a 所在地区 value: NFKC, every whitespace removed. */
export function regionKey(region: string): string {
  return headerKey(region);
}

/**
 * Does an inspector with this 执法区域 cover an entity in `region`? A region-wide
 * part covers everything; otherwise the region must be listed exactly (after
 * NFKC and whitespace removal). An empty region is covered only region-wide.
 */
export function coversRegion(area: string, region: string): boolean {
  const parts = regionParts(area);
  if (parts.some((p) => ALL_REGIONS.has(p))) return true;
  const r = regionKey(region);
  return r !== '' && parts.includes(r);
}
