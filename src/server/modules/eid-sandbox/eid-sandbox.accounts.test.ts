import { describe, expect, it } from 'vitest';
import { acrFor, citizenClaims, toE164, type Citizen } from './eid-sandbox.accounts';
import { escapeHtml, loginPage } from './eid-sandbox.pages';

const citizen: Citizen = {
  nationalId: '012190000001',
  fullName: 'Lò Thị Thuỷ',
  birthDate: '1990-03-15',
  birthYear: 1990,
  sex: 'female',
  phone: '0912000001',
  eIdLevel: 2,
  alive: true,
};

describe('acrFor', () => {
  it.each([
    [{ eIdLevel: 2 }, 'urn:vneid:level2'],
    [{ eIdLevel: 1 }, 'urn:vneid:level1'],
    [{ eIdLevel: 0 }, undefined],
    [{ eIdLevel: 2, alive: false }, undefined],
  ])('maps %j to %s', (overrides, acr) => {
    expect(acrFor({ ...citizen, ...overrides })).toBe(acr);
  });
});

describe('toE164', () => {
  it.each([
    ['0912000001', '+84912000001'],
    ['0912 000 001', '+84912000001'],
    ['+84912000001', '+84912000001'],
    ['912000001', undefined],
    [null, undefined],
  ])('turns %s into %s', (phone, expected) => {
    expect(toE164(phone)).toBe(expected);
  });
});

describe('citizenClaims', () => {
  it('uses the ID number as subject and falls back to the birth year when the date is unknown', () => {
    expect(citizenClaims({ ...citizen, birthDate: null, phone: null })).toEqual({
      sub: '012190000001',
      national_id: '012190000001',
      name: 'Lò Thị Thuỷ',
      birthdate: '1990',
      gender: 'female',
      phone_number: undefined,
    });
  });
});

describe('pages', () => {
  it('escapes what the person typed back into the login form', () => {
    const html = loginPage(
      { mountPath: '/eid' },
      { uid: 'u1', clientName: 'DVC06', nationalId: '"><script>x</script>' },
    );
    expect(html).not.toContain('<script>');
    expect(html).toContain(escapeHtml('"><script>x</script>'));
  });
});
