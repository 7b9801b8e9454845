/**
 * Phone numbers: a mainland mobile (1[3-9] and 9 digits, +86 allowed) or a
 * landline with or without its area code (0393-1234567, (0393)1234567,
 * 2819003, extension -123), or a 400/800 service number. Several numbers in
 * one cell may be separated by 、,，;；/.
 */
const MOBILE = /^(?:\+?86-?)?1[3-9]\d{9}$/;
const LANDLINE = /^(?:0\d{2,3}-?)?[1-9]\d{6,7}(?:-\d{1,6})?$/;
const SERVICE = /^[48]00-?\d{3}-?\d{4}$/;
const CLEAN = /[\s\u3000]+/g;
const PARENS = /^[(（](0\d{2,3})[)）]-?/;
const SPLIT = /[、,，;；/]+/;
const MOBILE_FAST = /^1[3-9]\d{9}$/;

function onePhone(p: string): boolean {
  const s = p.replace(PARENS, '$1-').replace(/—|－/g, '-');
  if (MOBILE.test(s.replace(/-/g, ''))) return true;
  return LANDLINE.test(s) || SERVICE.test(s);
}

export function isPhone(text: string): boolean {
  if (MOBILE_FAST.test(text)) return true; // the common case, without splitting
  const parts = text.replace(CLEAN, '').split(SPLIT).filter((p) => p !== '');
  return parts.length > 0 && parts.every(onePhone);
}
