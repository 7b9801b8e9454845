import { checkUscc, orgCodeCheckChar, usccCheckChar } from '../../src/core/checks/uscc.js';
import { checkIdCard, idCheckDigit, isRealDate } from '../../src/core/checks/idcard.js';
import { parseDate } from '../../src/core/checks/dates.js';
import { isPhone } from '../../src/core/checks/phone.js';
import { enumValue } from '../../src/core/checks/enums.js';
import { looksScientific, numberText } from '../../src/core/checks/codes.js';

describe('统一社会信用代码 (GB 32100-2015)', () => {
  // Published examples: the GB 32100 sample code and a real enterprise's code.
  const valid = ['91350100M000100Y43', '91110000600037341L'];
  it.each(valid)('accepts the published code %s', (code) => {
    expect(checkUscc(code)).toBe('ok');
    expect(usccCheckChar(code.slice(0, 17))).toBe(code[17]);
  });
  it('computes the GB 11714 organisation-code check character inside it', () => {
    expect(orgCodeCheckChar('M000100Y')).toBe('4');
    expect(orgCodeCheckChar('60003734')).toBe('1');
  });
  it.each([
    ['91350100M000100Y4', 'format'], // 17 characters
    ['91350100M000100Y433', 'format'], // 19 characters
    ['91350100M000100I43', 'format'], // I is not in the set
    ['9135010OM000100Y43', 'format'], // O in the division code
    ['91350100M000100Y4 ', 'format'],
    ['', 'format'],
    ['91350100M000100Y44', 'checksum'], // final check character wrong
    ['91110000600037341A', 'checksum'],
    ['91110000600037341L'.toLowerCase(), 'format'],
  ])('rejects %s as %s', (code, want) => {
    expect(checkUscc(code)).toBe(want);
  });
  it('rejects a code whose final check character is right but whose organisation-code check is wrong', () => {
    const first17 = '91350100M000100Y5'; // inner check should be 4
    const code = first17 + (usccCheckChar(first17) as string);
    expect(checkUscc(code)).toBe('checksum');
  });
  it('returns null for a first part outside the character set', () => {
    expect(usccCheckChar('91350100M000100I4')).toBeNull();
    expect(usccCheckChar('123')).toBeNull();
  });
});

describe('公民身份号码 (GB 11643)', () => {
  it.each(['11010519491231002X', '440524188001010014', '11010519491231002x'])('accepts the published number %s', (id) => {
    expect(checkIdCard(id)).toBe('ok');
  });
  it('computes the check digit', () => {
    expect(idCheckDigit('11010519491231002')).toBe('X');
    expect(idCheckDigit('44052418800101001')).toBe('4');
  });
  it.each([
    ['110105194912310021', 'checksum'],
    ['440524188001010015', 'checksum'],
    ['11010519491231002', 'format'], // 17 characters
    ['110105491231002', 'format'], // old 15-digit number
    ['11010519490230002X', 'format'], // 30 February
    ['11010519491331002X', 'format'], // month 13
    ['01010519491231002X', 'format'], // address code starts with 0
    ['11010517491231002X', 'format'], // year 1749
    ['1101051949123100AX', 'format'],
  ])('rejects %s as %s', (id, want) => {
    expect(checkIdCard(id)).toBe(want);
  });
  it('knows leap years', () => {
    expect(isRealDate(2000, 2, 29)).toBe(true);
    expect(isRealDate(1900, 2, 29)).toBe(false);
    expect(isRealDate(2024, 2, 29)).toBe(true);
    expect(isRealDate(2023, 2, 29)).toBe(false);
  });
});

describe('dates as clerks write them', () => {
  it.each([
    ['2021-3-5', '2021-03-05'],
    ['2021/03/05', '2021-03-05'],
    ['2021.3.5', '2021-03-05'],
    ['2021年3月5日', '2021-03-05'],
    ['2021 年 3 月 5 日', '2021-03-05'],
    ['20210305', '2021-03-05'],
    ['2021-03-05 00:00:00', '2021-03-05'],
  ])('%s → %s', (text, iso) => expect(parseDate(text)).toBe(iso));
  it.each(['2021-2-30', '2021-13-01', '3/5/2021', '去年', '2021', '45000', '2021-03'])('refuses %s', (text) => expect(parseDate(text)).toBeNull());
});

describe('phone numbers', () => {
  it.each(['13912345678', '+8613912345678', '0393-1234567', '(0393)1234567', '2819003', '03934567890', '0393-1234567-123', '400-123-4567', '13912345678、0393-1234567', '139 1234 5678'])('accepts %s', (p) =>
    expect(isPhone(p)).toBe(true),
  );
  it.each(['12345', '12912345678', '1391234567', 'abc', '0393-12', '139123456789'])('rejects %s', (p) => expect(isPhone(p)).toBe(false));
});

describe('enumerations', () => {
  it('normalises width, spacing and credit letters', () => {
    expect(enumValue('nature', '公 立', ['公立', '民营'])).toBe('公立');
    expect(enumValue('credit', 'ａ', ['A', 'B', 'C', 'D'])).toBe('A');
    expect(enumValue('credit', 'B级', ['A', 'B', 'C', 'D'])).toBe('B');
    expect(enumValue('nature', '私立', ['公立', '民营'])).toBeNull();
    expect(enumValue('credit', 'E', ['A', 'B', 'C', 'D'])).toBeNull();
  });
});

describe('codes Excel stored as numbers', () => {
  it('turns integers below 1e15 back into exact text', () => {
    expect(numberText(13912345678)).toEqual({ text: '13912345678', lost: false });
    expect(numberText(999999999999999)).toEqual({ text: '999999999999999', lost: false });
  });
  it('flags 15+ digit numbers as lost and shows them as Excel does', () => {
    expect(numberText(410901198001011234)).toEqual({ text: '4.10901E+17', lost: true });
    expect(numberText(1e15).lost).toBe(true);
  });
  it('recognises scientific notation in text, not in real codes', () => {
    expect(looksScientific('4.10901E+17')).toBe(true);
    expect(looksScientific('张三 4.10901E+17')).toBe(true);
    expect(looksScientific('9.1410902E+17')).toBe(true);
    expect(looksScientific('914109001E2345678X')).toBe(false);
    expect(looksScientific('91350100M000100Y43')).toBe(false);
  });
});
