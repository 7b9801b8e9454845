/**
 * The one place user-facing strings live. Each area has a zh-CN catalogue
 * (the default) and an en catalogue typed against it, so a key missing from
 * en is a compile error; test/unit/i18n.test.ts checks the reverse and the
 * placeholders.
 */
import { zh } from './zh.js';
import type { Role, TextRef } from '../core/types.js';

export type MsgKey = keyof typeof zh;
/** A param may itself be a catalogue message (a TextRef), rendered in the same language. */
export type MsgParams = Readonly<Record<string, string | number | TextRef>>;
export type Lang = 'zh' | 'en';

/**
 * zh is always here (the default, and the language of official forms); en is
 * imported only when asked for (start-up, issue #20: half the catalogue text
 * is not compiled on a Chinese run). main.ts loads the languages of --lang,
 * --form-lang and SSJ_LANG / SSJ_FORM_LANG before anything renders; code that
 * reads either language's words from a file loads en itself.
 */
const catalogues: Partial<Record<Lang, Record<MsgKey, string>>> = { zh };
let current: Lang = 'zh';

/** Makes `lang`'s catalogue available to t(), setLang and setFormLang. */
export async function loadLang(lang: Lang): Promise<void> {
  if (catalogues[lang] === undefined) catalogues[lang] = (await import('./en.js')).en;
}

function catalogue(lang: Lang): Record<MsgKey, string> {
  const c = catalogues[lang];
  if (c === undefined) throw new Error(`i18n: the ${lang} catalogue is used before loadLang('${lang}')`);
  return c;
}

export function setLang(lang: Lang): void {
  catalogue(lang);
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
  catalogue(lang);
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
  const template = catalogue(lang)[key] ?? key;
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

export const catalogueFor = (lang: Lang): Readonly<Record<MsgKey, string>> => catalogue(lang);
