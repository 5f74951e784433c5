import { beforeAll, describe, expect, it } from 'vitest';
import { taxCheckDigit } from './contacts';
import { ageAt, collect, type Collected, laiChauOptions } from './test-support';
import type { PersonSeed } from './types';

const REF = '2026-06-30';
let run: Collected;
let natural: PersonSeed[];
let alive: PersonSeed[];

beforeAll(() => {
  run = collect(laiChauOptions({ people: 12_000, seed: 'records' }));
  const labelled = new Set(run.injected.flatMap((d) => [d.personId, d.originalPersonId ?? d.personId]));
  natural = run.persons.filter((p) => !labelled.has(p.id));
  alive = natural.filter((p) => p.status === 'alive');
});

const share = (items: PersonSeed[], test: (p: PersonSeed) => boolean) => items.filter(test).length / items.length;

describe('generateProvince: plausible records', () => {
  it('keeps every date of a natural record in order and not after the reference date', () => {
    const firstResidence = new Map<string, string>();
    for (const r of run.residences) if (r.kind === 'permanent') firstResidence.set(r.personId, r.validFrom);
    for (const p of natural) {
      const birth = p.birthDate ?? `${p.birthYear}-01-01`;
      const dates = [p.idCardIssuedOn, p.eIdActivatedOn, p.deathDate, p.lastVerifiedAt.slice(0, 10)].filter(
        (d): d is string => d !== null,
      );
      expect(dates.every((d) => d >= birth.slice(0, 4) && d <= REF)).toBe(true);
      expect(p.lastVerifiedAt >= '2025-06-30').toBe(true);
      expect((firstResidence.get(p.id) ?? '') >= `${p.birthYear}`).toBe(true);
      if (p.eIdLevel === 2)
        expect(
          p.idCardIssuedOn !== null && p.eIdActivatedOn! >= p.idCardIssuedOn && p.eIdActivatedOn! >= '2022-01-01',
        ).toBe(true);
    }
  });

  it('gives everyone aged 14 or more an ID card issued after their 14th birthday, and few children one', () => {
    const adults = alive.filter((p) => ageAt(p, REF) >= 14);
    for (const p of adults) {
      expect(p.idCardNumber).toBe(p.nationalId);
      expect(Number(p.idCardIssuedOn?.slice(0, 4)) - p.birthYear).toBeGreaterThanOrEqual(14);
      expect(p.idCardKind).toBe((p.idCardIssuedOn ?? '') < '2024-07-01' ? 'cccd_chip' : 'can_cuoc');
      if (p.idCardExpiresOn !== null) expect(p.idCardExpiresOn > REF).toBe(true);
    }
    expect(
      share(
        alive.filter((p) => ageAt(p, REF) < 14),
        (p) => p.idCardNumber !== null,
      ),
    ).toBeLessThan(0.1);
  });

  it('gives about half of the people aged 14+ e-ID level 2, younger adults more often, and about a tenth level 1', () => {
    const adults = alive.filter((p) => ageAt(p, REF) >= 14);
    expect(share(adults, (p) => p.eIdLevel === 2)).toBeGreaterThan(0.4);
    expect(share(adults, (p) => p.eIdLevel === 2)).toBeLessThan(0.65);
    expect(share(adults, (p) => p.eIdLevel === 1)).toBeCloseTo(0.1, 1);
    const young = adults.filter((p) => ageAt(p, REF) < 40);
    const old = adults.filter((p) => ageAt(p, REF) >= 60);
    expect(share(young, (p) => p.eIdLevel === 2)).toBeGreaterThan(share(old, (p) => p.eIdLevel === 2));
  });

  it('formats phones, e-mails, health-insurance numbers and tax codes', () => {
    const adults = alive.filter((p) => ageAt(p, REF) >= 18);
    expect(share(adults, (p) => p.phone !== null)).toBeGreaterThan(0.6);
    expect(share(adults, (p) => p.email !== null)).toBeLessThan(0.1);
    for (const p of natural) {
      if (p.phone) expect(p.phone).toMatch(/^0[35789]\d{8}$/);
      if (p.email) expect(p.email).toMatch(/^[a-z]+\.[a-z]+\d+@example\.com$/);
      if (p.healthInsuranceNo)
        expect(p.healthInsuranceNo).toMatch(ageAt(p, REF) < 6 ? /^TE112\d{10}$/ : /^[A-Z]{2}[1-5]12\d{10}$/);
      if (p.taxCode) expect(Number(p.taxCode[9])).toBe(taxCheckDigit(p.taxCode.slice(0, 9)));
    }
    expect(share(natural, (p) => p.healthInsuranceNo !== null)).toBeGreaterThan(0.9);
  });

  it('uses official ethnicity and religion codes, with a few percent of Mông Protestants', () => {
    for (const p of run.persons) {
      expect(p.ethnicityCode).toMatch(/^(0[1-9]|[1-4]\d|5[0-4])$/);
      expect(p.religionCode).toMatch(/^(0\d|1[0-4])$/);
    }
    const mong = run.persons.filter((p) => p.ethnicityCode === '08');
    expect(share(mong, (p) => p.religionCode === '08')).toBeGreaterThan(0.01);
    expect(share(mong, (p) => p.religionCode === '08')).toBeLessThan(0.15);
    expect(share(run.persons, (p) => p.religionCode === '00')).toBeGreaterThan(0.9);
  });

  it('leaves only the birth year of some people born before 1960', () => {
    const elderly = natural.filter((p) => p.birthYear < 1960);
    expect(share(elderly, (p) => p.birthDate === null)).toBeGreaterThan(0.05);
    expect(share(elderly, (p) => p.birthDate === null)).toBeLessThan(0.25);
    expect(natural.filter((p) => p.birthYear >= 1960).every((p) => p.birthDate !== null)).toBe(true);
  });

  it('registers the births of some older Kinh migrants in their home provinces', () => {
    const migrants = natural.filter((p) => p.nationalId !== null && !p.nationalId.startsWith('012'));
    expect(migrants.length).toBeGreaterThan(50);
    for (const p of migrants) expect(p.birthPlaceProvinceCode).toBe(p.nationalId?.slice(1, 3));
    expect(share(migrants, (p) => p.ethnicityCode === '01')).toBeGreaterThan(0.7);
  });
});
