import { describe, expect, it } from 'vitest';
import { formatPhone, isEmail, NewHelpDeskBody, normalisePhone } from '../../../contracts/help-desks';
import { splitBilingual } from '../../../contracts/messages';
import { deskKindFits } from './help-desks.rules';

describe('Vietnamese phone numbers', () => {
  it.each([
    ['0213 3876 543', '02133876543', '0213 3876 543'], // Lai Châu landline (area code 0213)
    ['(0213) 3.876.543', '02133876543', '0213 3876 543'],
    ['024 3825 1234', '02438251234', '024 3825 1234'], // Hà Nội: three-digit area code
    ['+84 213 3876 543', '02133876543', '0213 3876 543'],
    ['0912 345 678', '0912345678', '0912 345 678'],
    ['0084-383-456-789', '0383456789', '0383 456 789'],
    ['1800 1234', '18001234', '1800 1234'], // free hotline, 4 digits
    ['1900 123 456', '1900123456', '1900 123 456'], // charged hotline, 6 digits
  ])('reads %s as %s and writes it %s', (raw, digits, written) => {
    expect(normalisePhone(raw)).toBe(digits);
    expect(formatPhone(raw)).toBe(written);
  });

  it.each([
    ['', 'empty'],
    ['0213 387 654', 'a landline one digit short'],
    ['0213 3876 5432', 'a landline one digit long'],
    ['063 3876 543', 'an old (before 2017) area code'],
    ['0112 345 678', 'a mobile with a prefix no network has'],
    ['091 234 567', 'a mobile one digit short'],
    ['1800 12345', 'a hotline of 5 digits'],
    ['1700 1234', 'a prefix that is no hotline'],
    ['+84 1800 1234', 'a hotline is not dialled from abroad'],
    ['0912 ABC 678', 'letters'],
    ['113', 'a three-digit emergency number'],
  ])('refuses %j (%s)', (raw) => {
    expect(normalisePhone(raw)).toBeNull();
  });

  it('leaves a string that is no phone number as it is when writing it', () => {
    expect(formatPhone('hỏi tại quầy')).toBe('hỏi tại quầy');
  });
});

describe('e-mail addresses', () => {
  it.each(['motcua@laichau.gov.vn', 'trung-tam.hcc@example.org', ' a.b+c@sub.example.com '])('accepts %j', (s) =>
    expect(isEmail(s)).toBe(true),
  );
  it.each(['motcua', 'mot cua@laichau.gov.vn', 'motcua@laichau', 'motcua@@laichau.gov.vn', '@laichau.gov.vn'])(
    'refuses %j',
    (s) => expect(isEmail(s)).toBe(false),
  );
});

describe('kinds of desk by level of unit', () => {
  it.each([
    ['one_stop_counter', 'commune', true],
    ['one_stop_counter', 'district', true],
    ['one_stop_counter', 'province', false],
    ['police', 'commune', true],
    ['police', 'province', true],
    ['service_centre', 'province', true],
    ['service_centre', 'district', false],
  ] as const)('%s in a %s: %s', (kind, level, fits) => {
    expect(deskKindFits(kind, level)).toBe(fits);
  });
});

describe('the body of a new desk', () => {
  const valid = {
    unitCode: '03388',
    kind: 'one_stop_counter',
    name: 'Bộ phận Một cửa (thử nghiệm)',
    address: 'Số 1, phường Đoàn Kết',
    phone: '0213 0000 001',
    source: 'Thử nghiệm',
    validFrom: '2026-01-01',
  };

  it('accepts a desk with a phone and no e-mail or hours', () => {
    expect(NewHelpDeskBody.safeParse(valid).success).toBe(true);
  });

  it.each([
    [{ phone: '12345' }, 'phone', 'Số điện thoại không đúng', 'Not a Vietnamese phone number'],
    [{ email: 'x@y' }, 'email', 'thư điện tử không đúng', 'Not a valid e-mail address'],
    [{ name: 'ab' }, 'name', 'tối thiểu 3 ký tự', 'at least 3 characters'],
    [{ address: 'Số 1\nphường' }, 'address', 'ký tự điều khiển', 'control character'],
    [{ source: undefined }, 'source', 'Nhập nguồn thông tin', 'Enter the source'],
  ])('refuses %j naming %s in Vietnamese and English', (change, field, vi, en) => {
    const result = NewHelpDeskBody.safeParse({ ...valid, ...change });
    expect(result.success).toBe(false);
    const issue = result.error!.issues[0]!;
    expect(issue.path).toEqual([field]);
    const message = splitBilingual(issue.message);
    expect(message.vi).toContain(vi);
    expect(message.en).toContain(en);
  });
});
