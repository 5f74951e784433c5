import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_DEFECT_RATES } from './defects';
import { generateProvince } from './generator';
import { LAI_CHAU_COMMUNES } from './lai-chau-communes.fixture';
import { ageAt, collect, type Collected, groupBy, laiChauOptions, plainName } from './test-support';
import type { DefectCode, PersonSeed } from './types';

const REF = '2026-06-30';
const CODES = Object.keys(DEFAULT_DEFECT_RATES) as DefectCode[];

function idMatches(p: PersonSeed): boolean {
  const id = p.nationalId ?? '';
  const d4 = 2 * (Math.floor(p.birthYear / 100) - 19) + (p.sex === 'female' ? 1 : 0);
  return /^\d{12}$/.test(id) && Number(id[3]) === d4 && Number(id.slice(4, 6)) === p.birthYear % 100;
}

/** Independent checkers written from the rules (the shape of the population module's SQL rules). */
const CHECKERS: Record<DefectCode, (run: Collected) => string[]> = {
  'CORRECT.ID_INCONSISTENT': (run) =>
    run.persons.filter((p) => p.nationalId !== null && !idMatches(p)).map((p) => p.id),
  'COMPLETE.MISSING_ID_CARD': (run) =>
    run.persons
      .filter((p) => p.status === 'alive' && p.idCardNumber === null && p.birthYear >= 1900 && ageAt(p, REF) >= 14)
      .map((p) => p.id),
  'CLEAN.DUPLICATE_PERSON': (run) => {
    const groups = groupBy(
      run.persons.filter((p) => p.birthDate !== null),
      (p) => `${plainName(p.fullName)}|${p.birthDate}|${p.sex}`,
    );
    return [...groups.values()]
      .filter((g) => g.length > 1)
      .flat()
      .map((p) => p.id);
  },
  'CLEAN.HOUSEHOLD_CONFLICT': (run) => {
    const heads = groupBy(
      run.persons.filter((p) => p.relationToHead === 'head'),
      (p) => p.householdId,
    );
    return [...heads.values()]
      .filter((g) => g.length > 1)
      .flat()
      .map((p) => p.id);
  },
  'CLEAN.TEXT_NOT_NORMALIZED': (run) =>
    run.persons
      .filter((p) => p.fullName !== p.fullName.normalize('NFC') || /\s{2}|^\s|\s$|[Ðð]/.test(p.fullName))
      .map((p) => p.id),
  'LIVE.NOT_VERIFIED': (run) =>
    run.persons.filter((p) => p.status === 'alive' && p.lastVerifiedAt < '2024-06-30').map((p) => p.id),
  'LIVE.DECEASED_STILL_RESIDENT': (run) => {
    const open = new Set(
      run.residences.filter((r) => r.kind === 'permanent' && r.validTo === null).map((r) => r.personId),
    );
    return run.persons.filter((p) => p.status === 'deceased' && open.has(p.id)).map((p) => p.id);
  },
  'LIVE.IMPOSSIBLE_AGE': (run) =>
    run.persons.filter((p) => p.status === 'alive' && 2026 - p.birthYear > 120).map((p) => p.id),
};

/** The person ids a checker should flag, from the ground-truth labels. */
function expectedFlags(run: Collected, code: DefectCode): string[] {
  const labels = run.injected.filter((d) => d.code === code);
  if (code === 'CLEAN.DUPLICATE_PERSON') return labels.flatMap((d) => [d.personId, d.originalPersonId ?? '']);
  if (code === 'CLEAN.HOUSEHOLD_CONFLICT') {
    const households = new Set(labels.map((d) => d.householdId));
    return run.persons.filter((p) => households.has(p.householdId) && p.relationToHead === 'head').map((p) => p.id);
  }
  return labels.map((d) => d.personId);
}

let run: Collected;
beforeAll(() => {
  run = collect(laiChauOptions());
});

describe('generateProvince: injected defects at 20,000 people', () => {
  it.each(CODES)('injects exactly round(rate × eligible) records for %s and says so in the manifest', (code) => {
    const entry = run.manifest.defects.find((d) => d.code === code);
    expect(entry?.rate).toBe(DEFAULT_DEFECT_RATES[code]);
    expect(entry?.injected).toBe(Math.round(DEFAULT_DEFECT_RATES[code] * (entry?.eligible ?? NaN)));
    expect(run.injected.filter((d) => d.code === code)).toHaveLength(entry?.injected ?? -1);
    expect(entry?.injected).toBeGreaterThan(0);
  });

  it.each(CODES)(
    'lets an independent checker for %s flag exactly the labelled records, as many as the manifest says',
    (code) => {
      const flagged = CHECKERS[code](run).sort();
      expect(flagged).toEqual(expectedFlags(run, code).sort());
      expect(flagged).toHaveLength(run.manifest.defects.find((d) => d.code === code)?.persons ?? -1);
    },
  );

  it('counts the eligible bases from the natural records', () => {
    const natural = run.persons.filter((p) => p.source === 'demo-generator');
    const closed = new Set(
      run.residences.filter((r) => r.kind === 'permanent' && r.validTo !== null).map((r) => r.personId),
    );
    const aliveInPlan = natural.filter((p) => !closed.has(p.id));
    const impossible = new Set(run.injected.filter((d) => d.code === 'LIVE.IMPOSSIBLE_AGE').map((d) => d.personId));
    const eligible = Object.fromEntries(run.manifest.defects.map((d) => [d.code, d.eligible]));
    expect(eligible['LIVE.NOT_VERIFIED']).toBe(aliveInPlan.length);
    expect(eligible['CLEAN.HOUSEHOLD_CONFLICT']).toBe(run.households.length);
    expect(eligible['COMPLETE.MISSING_ID_CARD']).toBe(
      aliveInPlan.filter((p) => impossible.has(p.id) || ageAt(p, REF) >= 14).length,
    );
  });

  it('never gives one record two defects', () => {
    const touched = run.injected.flatMap((d) => (d.originalPersonId ? [d.personId, d.originalPersonId] : [d.personId]));
    const conflictHeads = run.injected.filter((d) => d.code === 'CLEAN.HOUSEHOLD_CONFLICT').length;
    expect(new Set(touched).size).toBe(touched.length);
    expect(conflictHeads).toBeGreaterThan(0);
  });

  it("marks duplicate records as 'legacy-import' copies without an ID number", () => {
    const byId = new Map(run.persons.map((p) => [p.id, p]));
    for (const label of run.injected.filter((d) => d.code === 'CLEAN.DUPLICATE_PERSON')) {
      const [copy, original] = [byId.get(label.personId), byId.get(label.originalPersonId ?? '')];
      expect(copy).toMatchObject({
        source: 'legacy-import',
        nationalId: null,
        fullName: original?.fullName,
        birthDate: original?.birthDate,
        sex: original?.sex,
      });
      expect(original?.nationalId).toMatch(/^\d{12}$/);
    }
  });
});

describe('generateProvince: defect rate overrides', () => {
  it('injects nothing when every rate is zero', () => {
    const zero = Object.fromEntries(CODES.map((c) => [c, 0])) as Record<DefectCode, number>;
    const clean = collect(laiChauOptions({ people: 4_000, defectRates: zero }));
    expect(clean.injected).toEqual([]);
    for (const code of CODES) expect(CHECKERS[code](clean)).toEqual([]);
  });

  it('applies an overridden rate and keeps the other defaults', () => {
    const custom = collect(laiChauOptions({ people: 4_000, defectRates: { 'LIVE.NOT_VERIFIED': 0.1 } }));
    const entry = custom.manifest.defects.find((d) => d.code === 'LIVE.NOT_VERIFIED');
    expect(entry?.injected).toBe(Math.round(0.1 * (entry?.eligible ?? NaN)));
    expect(CHECKERS['LIVE.NOT_VERIFIED'](custom)).toHaveLength(entry?.injected ?? -1);
    expect(custom.manifest.defects.find((d) => d.code === 'COMPLETE.MISSING_ID_CARD')?.rate).toBe(0.01);
  });

  it('refuses rates that leave too few free records', () => {
    const opts = laiChauOptions({
      people: 1_000,
      defectRates: { 'LIVE.NOT_VERIFIED': 0.9, 'CORRECT.ID_INCONSISTENT': 0.9 },
    });
    expect(() => generateProvince(opts).next()).toThrow(/not enough free records/);
  });
});

describe('deaths injected as LIVE.DECEASED_STILL_RESIDENT', () => {
  it('never fall before the birth, even for a baby born days before the reference date', () => {
    const gen = generateProvince({
      seed: 'newborn-deaths',
      people: 3000,
      communes: [...LAI_CHAU_COMMUNES],
      referenceDate: '2026-01-05',
      provinceIdCode: '012',
      defectRates: { 'LIVE.DECEASED_STILL_RESIDENT': 0.3 },
    });
    let checked = 0;
    for (let next = gen.next(); !next.done; next = gen.next()) {
      for (const p of next.value.persons) {
        if (p.deathDate === null) continue;
        expect(p.deathDate >= (p.birthDate ?? `${p.birthYear}-01-01`)).toBe(true);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(500);
  });
});
