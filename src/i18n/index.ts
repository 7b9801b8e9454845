/**
 * The one place user-facing strings live. Each area has a zh-CN catalogue
 * (the default) and an en catalogue typed against it, so a key missing from
 * en is a compile error; test/unit/i18n.test.ts checks the reverse and the
 * placeholders.
 */
import { zh } from './zh.js';
import { en } from './en.js';
import type { Role, TextRef } from '../core/types.js';

export type MsgKey = keyof typeof zh;
/** A param may itself be a catalogue message (a TextRef), rendered in the same language. */
export type MsgParams = Readonly<Record<string, string | number | TextRef>>;
export type Lang = 'zh' | 'en';

const catalogues: Record<Lang, Record<MsgKey, string>> = { zh, en };
let current: Lang = 'zh';

export function setLang(lang: Lang): void {
  current = lang;
}
export function getLang(): Lang {
  return current;
}

/**
 * The language of official forms (witness sheets, record sheets, notices,
 * report workbooks): Chinese whatever the terminal speaks, unless
 * `--form-lang en` (SSJ_FORM_LANG) asks otherwise.
 */
let formLang: Lang = 'zh';
export function setFormLang(lang: Lang): void {
  formLang = lang;
}
export function getFormLang(): Lang {
  return formLang;
}

/** Parses `--lang` / SSJ_LANG values; anything else is undefined. */
export function parseLang(value: string | undefined): Lang | undefined {
  if (!value) return undefined;
  const v = value.trim().toLowerCase();
  if (v === 'zh' || v === 'zh-cn' || v === 'zh_cn' || v.startsWith('zh-') || v.startsWith('zh_')) return 'zh';
  if (v === 'en' || v.startsWith('en-') || v.startsWith('en_')) return 'en';
  return undefined;
}

/** Renders a message: `{name}` placeholders are replaced by params. */
export function t(key: MsgKey, params: MsgParams = {}, lang: Lang = current): string {
  const template = catalogues[lang][key] ?? key;
  return template.replace(/\{(\w+)\}/g, (m, name: string) => {
    if (!Object.prototype.hasOwnProperty.call(params, name)) return m;
    const v = params[name]!;
    return typeof v === 'object' ? t(v.ref as MsgKey, v.params ?? {}, lang) : String(v);
  });
}

/** A registry role's name as a clerk knows it (药店名录, 检查人员名录 …). */
export const roleTitle = (role: Role): string => t(`io.role.${role}` as MsgKey);

/** A message of an official form, in the forms' language (see setFormLang). */
export const tf = (key: MsgKey, params: MsgParams = {}): string => t(key, params, formLang);

export const catalogueFor = (lang: Lang): Readonly<Record<MsgKey, string>> => catalogues[lang];
