import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { ETHNIC_TARGETS } from './ethnicity';
import { generateProvince } from './generator';
import { ageAt, collect, type Collected, groupBy, laiChauOptions, plainName } from './test-support';
import type { PersonSeed } from './types';

const digestOf = (run: Collected): string =>
  createHash('sha256')
    .update(JSON.stringify({ batches: run.batches, manifest: run.manifest }))
    .digest('hex');

/** Decodes d4 and d5–d6 of an ID number and compares them with the recorded sex and birth year. */
function idMatches(p: PersonSeed): boolean {
  const id = p.nationalId ?? '';
  if (!/^\d{12}$/.test(id)) return false;
  const expectedD4 = 2 * (Math.floor(p.birthYear / 100) - 19) + (p.sex === 'female' ? 1 : 0);
  return Number(id[3]) === expectedD4 && Number(id.slice(4, 6)) === p.birthYear % 100;
}

describe('generateProvince: determinism and size', () => {
  it('produces identical output for the same seed and options', () => {
    const opts = laiChauOptions({ people: 3_000 });
    expect(digestOf(collect(opts))).toBe(digestOf(collect(opts)));
  });

  it('produces a different population for a different seed', () => {
    const a = collect(laiChauOptions({ people: 3_000, seed: 'one' }));
    const b = collect(laiChauOptions({ people: 3_000, seed: 'two' }));
    expect(digestOf(a)).not.toBe(digestOf(b));
    expect(a.persons[0]?.fullName === b.persons[0]?.fullName && a.persons[0]?.id === b.persons[0]?.id).toBe(false);
  });

  it('yields the same records whatever the batch size, in batches of whole households', () => {
    const opts = laiChauOptions({ people: 3_000 });
    const small = collect(opts, 200);
    const large = collect(opts, 100_000);
    expect(JSON.stringify(small.persons)).toBe(JSON.stringify(large.persons));
    expect(small.batches.length).toBeGreaterThan(10);
    for (const [i, batch] of small.batches.entries()) {
      const households = new Set(batch.households.map((h) => h.id));
      expect(batch.persons.every((p) => households.has(p.householdId))).toBe(true);
      if (i < small.batches.length - 1) expect(batch.persons.length).toBeGreaterThanOrEqual(200);
    }
  });

  it.each([0, 1, 500, 20_000])('generates about %i natural people and reports the actual count', (people) => {
    const run = people === 20_000 ? shared : collect(laiChauOptions({ people }));
    const duplicates = run.persons.filter((p) => p.source === 'legacy-import').length;
    expect(run.manifest.people).toBe(run.persons.length);
    expect(run.manifest.households).toBe(run.households.length);
    expect(run.persons.length - duplicates).toBeGreaterThanOrEqual(people);
    expect(run.persons.length - duplicates).toBeLessThan(people + 8);
  });

  it.each([
    [{ people: -1 }, /people/],
    [{ people: 1.5 }, /people/],
    [{ provinceIdCode: '12' }, /provinceIdCode/],
    [{ referenceDate: '2026-02-30' }, /calendar date/],
    [{ defectRates: { 'LIVE.NOT_VERIFIED': 1.5 } }, /rate/],
    [{ communes: [] }, /commune/],
  ])('rejects invalid options %j', (overrides, message) => {
    expect(() => generateProvince(laiChauOptions(overrides)).next()).toThrow(message);
  });
});

let shared: Collected;
let labelled: Set<string>;
let labelledHouseholds: Set<string>;

beforeAll(() => {
  shared = collect(laiChauOptions());
  labelled = new Set(shared.injected.flatMap((d) => [d.personId, d.originalPersonId ?? d.personId]));
  labelledHouseholds = new Set(
    shared.injected.filter((d) => d.code === 'CLEAN.HOUSEHOLD_CONFLICT').map((d) => d.householdId),
  );
});

describe('generateProvince: realism at 20,000 people', () => {
  it.each(Object.entries(ETHNIC_TARGETS))(
    'puts the share of ethnic group %s within 3 points of its target',
    (code, target) => {
      const share = shared.persons.filter((p) => p.ethnicityCode === code).length / shared.persons.length;
      expect(Math.abs(share - target)).toBeLessThan(0.03);
    },
  );

  it.each([
    ['the wards', ['03388', '03408'], ['01', '03', '25'], 0.7],
    ['Mường Kim, Than Uyên and Tân Uyên', ['03637', '03595', '03598'], ['03'], 0.45],
    ['Tủa Sín Chải, Sìn Hồ and Pu Sam Cáp', ['03529', '03478', '03532'], ['08', '09'], 0.6],
    ['Mù Cả, Pa Ủ and Bum Tở', ['03451', '03442', '03433'], ['35', '41', '48', '50', '45'], 0.3],
  ])('gives %s a mostly local ethnic mix', (_label, codes, groups, minimum) => {
    const households = new Set(shared.households.filter((h) => codes.includes(h.unitCode)).map((h) => h.id));
    const people = shared.persons.filter((p) => households.has(p.householdId));
    expect(people.filter((p) => groups.includes(p.ethnicityCode)).length / people.length).toBeGreaterThan(minimum);
  });

  it('makes the two wards larger than the typical commune', () => {
    const sizes = [...groupBy(shared.households, (h) => h.unitCode)].map(([code, hs]) => [code, hs.length] as const);
    const median = sizes.map(([, n]) => n).sort((a, b) => a - b)[Math.floor(sizes.length / 2)] as number;
    expect(sizes).toHaveLength(38);
    for (const ward of ['03388', '03408']) expect(sizes.find(([code]) => code === ward)?.[1]).toBeGreaterThan(median);
  });

  it('gives every person without an injected defect an ID number consistent with sex and birth year', () => {
    const clean = shared.persons.filter((p) => !labelled.has(p.id));
    expect(clean.length).toBeGreaterThan(18_500);
    expect(clean.filter((p) => !idMatches(p)).map((p) => p.nationalId)).toEqual([]);
    const provinces = new Set(clean.map((p) => p.nationalId?.slice(0, 3)));
    expect(provinces.has('012')).toBe(true);
  });

  it('keeps ID numbers, card numbers and record ids unique', () => {
    const unique = (values: Array<string | null>) => {
      const present = values.filter((v): v is string => v !== null);
      return new Set(present).size === present.length;
    };
    expect(unique(shared.persons.map((p) => p.nationalId))).toBe(true);
    expect(unique(shared.persons.filter((p) => p.source !== 'legacy-import').map((p) => p.idCardNumber))).toBe(true);
    expect(unique(shared.persons.map((p) => p.healthInsuranceNo))).toBe(true);
    expect(unique(shared.persons.map((p) => p.taxCode))).toBe(true);
    expect(
      unique([
        ...shared.persons.map((p) => p.id),
        ...shared.households.map((h) => h.id),
        ...shared.residences.map((r) => r.id),
      ]),
    ).toBe(true);
  });

  it('makes parents at least 16 years older than their children', () => {
    const byHousehold = groupBy(
      shared.persons.filter((p) => p.source !== 'legacy-import'),
      (p) => p.householdId,
    );
    let checked = 0;
    for (const [householdId, members] of byHousehold) {
      if (labelledHouseholds.has(householdId) || members.some((m) => labelled.has(m.id))) continue;
      const years = (rel: string) => members.filter((m) => m.relationToHead === rel).map((m) => m.birthYear);
      const couple = [...years('head'), ...years('spouse')];
      for (const child of years('child')) {
        for (const parent of couple) expect(child - parent).toBeGreaterThanOrEqual(16);
        checked++;
      }
      for (const parent of years('parent')) expect(Math.min(...years('head')) - parent).toBeGreaterThanOrEqual(16);
      const inLaws = years('child_in_law');
      for (const grandchild of years('grandchild')) {
        expect(grandchild - Math.min(...years('child'))).toBeGreaterThanOrEqual(16);
        for (const inLaw of inLaws) expect(grandchild - inLaw).toBeGreaterThanOrEqual(16);
      }
    }
    expect(checked).toBeGreaterThan(5_000);
  });

  it('has no natural duplicates by (undiacritised name, birth date, sex)', () => {
    const natural = shared.persons.filter((p) => p.source !== 'legacy-import');
    const keys = natural.map((p) => `${plainName(p.fullName)}|${p.birthDate}|${p.sex}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('builds a young age pyramid and households of 2 to 8 people', () => {
    const ages = shared.persons
      .map((p) => ageAt(p, '2026-06-30'))
      .filter((a) => a <= 120)
      .sort((a, b) => a - b);
    const median = ages[Math.floor(ages.length / 2)] as number;
    expect(median).toBeGreaterThanOrEqual(20);
    expect(median).toBeLessThanOrEqual(30);
    expect(ages.filter((a) => a < 15).length / ages.length).toBeGreaterThan(0.25);
    const sizes = groupBy(
      shared.persons.filter((p) => p.source !== 'legacy-import'),
      (p) => p.householdId,
    );
    const counts = [...sizes.values()].map((members) => members.length);
    expect(Math.min(...counts)).toBeGreaterThanOrEqual(2);
    expect(Math.max(...counts)).toBeLessThanOrEqual(8);
    const mixed = [...sizes.values()].filter((m) => new Set(m.map((p) => p.ethnicityCode)).size > 1).length;
    expect(mixed / sizes.size).toBeLessThan(0.2);
  });

  it('gives every living person one open permanent residence in the household commune', () => {
    const unitOf = new Map(shared.households.map((h) => [h.id, h.unitCode]));
    const open = groupBy(
      shared.residences.filter((r) => r.kind === 'permanent' && r.validTo === null),
      (r) => r.personId,
    );
    for (const p of shared.persons.filter((x) => x.status === 'alive')) {
      expect(open.get(p.id)?.map((r) => r.unitCode)).toEqual([unitOf.get(p.householdId)]);
    }
    const temporary = shared.residences.filter(
      (r) => r.kind === 'temporary' && r.validTo !== null && r.validTo > '2026-06-30',
    );
    expect(temporary.length / shared.persons.length).toBeGreaterThan(0.015);
    expect(temporary.length / shared.persons.length).toBeLessThan(0.05);
  });

  it('records some legitimately deceased people with their permanent residence closed after death', () => {
    const deceased = shared.persons.filter((p) => p.status === 'deceased' && !labelled.has(p.id));
    expect(deceased.length / shared.persons.length).toBeGreaterThan(0.002);
    expect(deceased.length / shared.persons.length).toBeLessThan(0.01);
    const permanent = new Map(shared.residences.filter((r) => r.kind === 'permanent').map((r) => [r.personId, r]));
    const closedAfterDeath = deceased.filter((p) => (permanent.get(p.id)?.validTo ?? '') > (p.deathDate ?? '9999'));
    expect(closedAfterDeath).toHaveLength(deceased.length);
  });

  it('writes addresses as "Tổ dân phố số N, Phường …" in wards and "Bản …, Xã …" in communes', () => {
    for (const h of shared.households) expect(h.addressLine).toMatch(/^(Tổ dân phố số \d+, Phường|Bản .+, Xã) \p{Lu}/u);
    expect(shared.households.some((h) => h.addressLine.startsWith('Tổ dân phố'))).toBe(true);
  });
});
