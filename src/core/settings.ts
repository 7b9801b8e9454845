/**
 * The workspace's own settings (单位名称, 所在市/县, level 市/县/区), kept in
 * one small file (SETTINGS_FILE) and asked by `ssj init`. Every form, title
 * and default takes its place names from here: a county's 附件3 says 宁川县
 * and 县本级, not 唐山市 and 市本级. Pure: parsing and the wording only.
 */
export const SETTINGS_FORMAT = 'ssj-settings/1';
export const SETTINGS_FILE = 'settings.json';

export type Level = '市' | '县' | '区';
export const LEVELS: readonly Level[] = ['市', '县', '区'];

export interface WorkspaceSettings {
  /** 单位名称 as sealed on forms, e.g. 宁川县医疗保障局. */
  unit: string;
  /** 所在市/县/区, e.g. 宁川县. */
  region: string;
  level: Level;
}

/** The level a place name says by its last character (宁川县 → 县, 路北区 → 区, 唐山市 → 市); null when it does not. */
export function levelOf(region: string): Level | null {
  const last = region.trim().slice(-1);
  return (LEVELS as readonly string[]).includes(last) ? (last as Level) : null;
}

/** `--level` values: 市/县/区 or city/county/district. */
export function parseLevel(value: string): Level | null {
  const v = value.trim().toLowerCase();
  if ((LEVELS as readonly string[]).includes(v)) return v as Level;
  return v === 'city' ? '市' : v === 'county' ? '县' : v === 'district' ? '区' : null;
}

/** The settings file's content (canonical: format first, then the three fields). */
export function settingsJson(s: WorkspaceSettings): string {
  return JSON.stringify({ format: SETTINGS_FORMAT, unit: s.unit, region: s.region, level: s.level }, null, 2) + '\n';
}

/** The settings from the file's text; null when it is not an ssj-settings/1 object with the three fields. */
export function parseSettings(text: string): WorkspaceSettings | null {
  let v: unknown;
  try {
    v = JSON.parse(text.replace(/^\ufeff/, ''));
  } catch {
    return null;
  }
  if (typeof v !== 'object' || v === null) return null;
  const o = v as Record<string, unknown>;
  if (o.format !== SETTINGS_FORMAT || typeof o.unit !== 'string' || typeof o.region !== 'string' || typeof o.level !== 'string') return null;
  const level = parseLevel(o.level);
  if (!level || o.unit.trim() === '' || o.region.trim() === '') return null;
  return { unit: o.unit.trim(), region: o.region.trim(), level };
}

/** The place words of the forms: 唐山市/市 for Tangshan, 宁川县/县 for a county; without settings, no place and 市. */
export interface FormPlace {
  /** The place as a title begins with it ('' when unknown). */
  region: string;
  level: Level;
}

export const formPlace = (s: WorkspaceSettings | null): FormPlace => (s ? { region: s.region, level: s.level } : { region: '', level: '市' });

const LEVEL_EN = new Map<Level, string>([['市', 'city'], ['县', 'county'], ['区', 'district']]);

/** The level as a title's words take it: 市/县/区, or city/county/district in English. */
export const levelWord = (level: Level, lang: 'zh' | 'en'): string => (lang === 'en' ? (LEVEL_EN.get(level) ?? level) : level);
