import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestDatabase, type TestDatabase } from '../../../../test/db';
import { listCommunes } from '../units';
import { cashlessFacilityStats, seedDemoFacilities } from './index';
import { demoFacilities, demoFigures, seededRandom } from './demo-facilities';

const COMMUNES = [
  { code: '03388', fullName: 'Phường Đoàn Kết', type: 'phuong' },
  { code: '03390', fullName: 'Xã Bình Lư', type: 'xa' },
  { code: '03394', fullName: 'Xã Sin Suối Hồ', type: 'xa' },
];

describe('the demo register (pure)', () => {
  it('is deterministic and numbered so nobody takes it for real', () => {
    const a = demoFacilities(COMMUNES);
    expect(demoFacilities([...COMMUNES].reverse())).toEqual(a);
    expect(a.find((f) => f.typeCode === 'primary' && f.communeCode === '03390')?.name).toBe(
      'Trường Tiểu học số 1 xã Bình Lư',
    );
    expect(a.every((f) => / số \d+ (xã|phường) /.test(f.name))).toBe(true);
    expect(new Set(a.map((f) => f.code)).size).toBe(a.length);
  });

  it('gives every commune a health station and a primary school; wards get more schools and the provincial hospital', () => {
    const a = demoFacilities(COMMUNES);
    for (const c of COMMUNES) {
      expect(a.filter((f) => f.communeCode === c.code && f.typeCode === 'commune_health_station')).toHaveLength(1);
      expect(a.filter((f) => f.communeCode === c.code && f.typeCode === 'primary').length).toBeGreaterThanOrEqual(1);
    }
    const ward = a.filter((f) => f.communeCode === '03388');
    expect(ward.every((f) => f.inWard)).toBe(true);
    expect(ward.filter((f) => f.kind === 'school').length).toBeGreaterThan(
      a.filter((f) => f.communeCode === '03390' && f.kind === 'school').length,
    );
    expect(ward.some((f) => f.typeCode === 'provincial_hospital')).toBe(true);
  });

  it('draws figures that are valid, repeatable and cashless more often in wards', () => {
    const a = demoFacilities(COMMUNES);
    const months = ['2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10'];
    const figures = a.flatMap((f) => months.map((m, i) => ({ f, m, v: demoFigures(f, m, i, months.length) })));
    expect(figures.map((x) => x.v)).toEqual(
      a.flatMap((f) => months.map((m, i) => demoFigures(f, m, i, months.length))),
    );
    for (const { v } of figures) {
      if (!v) continue;
      expect(Number.isInteger(v.cashlessCount) && v.cashlessCount >= 0 && v.cashCount >= 0).toBe(true);
      expect(v.cashlessCount > 0 || v.cashlessAmount === 0).toBe(true);
      expect(v.cashCount > 0 || v.cashAmount === 0).toBe(true);
    }
    const shareOf = (ward: boolean) => {
      const list = figures.filter((x) => x.f.inWard === ward && x.v).map((x) => x.v!);
      const cashless = list.reduce((s, v) => s + v.cashlessCount, 0);
      return cashless / list.reduce((s, v) => s + v.cashlessCount + v.cashCount, 0);
    };
    expect(shareOf(true)).toBeGreaterThan(shareOf(false));
  });

  it('seeds its random numbers from the key', () => {
    const first = seededRandom('x');
    expect([first(), first()]).toEqual([
      seededRandom('x')(),
      (() => {
        const r = seededRandom('x');
        r();
        return r();
      })(),
    ]);
    expect(seededRandom('x')()).not.toBe(seededRandom('y')());
  });
});

describe('seedDemoFacilities', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => database?.dispose());

  it('fills an empty register with every commune and six months of figures, once', async () => {
    const result = await seedDemoFacilities(database.db, { asOf: '2026-11-27' });
    const communes = await listCommunes(database.db, '2026-11-27');
    expect(result.created).toBe(demoFacilities(communes).length);
    expect(result.created).toBeGreaterThan(communes.length * 4);
    const perCommune = await database.rows<{ n: string | number }>(
      sql`select count(distinct commune_code) as n from cashless.facilities`,
    );
    expect(Number(perCommune[0]!.n)).toBe(38);
    expect(await seedDemoFacilities(database.db, { asOf: '2026-11-27' })).toEqual({ created: 0, figures: 0 });

    const stats = await cashlessFacilityStats(database.db, {
      from: '2026-05',
      to: '2026-10',
      unitCodes: ['12'],
      monthly: false,
      asOf: '2026-11-27',
    });
    const wards = stats.rows.find((r) => r.kind === 'all' && r.area === 'ward')!;
    const all = stats.rows.find((r) => r.kind === 'all' && r.area === 'all')!;
    expect(all.reporting).toBeGreaterThan(0.9 * all.registered);
    expect(wards.cashlessShare!).toBeGreaterThan(all.cashlessShare!);
    expect(result.figures).toBeGreaterThan(result.created * 5);
  });
});

describe('demo adoption', () => {
  it('keeps a facility fully cashless once it has become so', () => {
    const months = ['2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10'];
    for (const f of demoFacilities(COMMUNES)) {
      const fully = months
        .map((m, i) => demoFigures(f, m, i, months.length))
        .map((v) => (v && v.cashlessCount + v.cashCount > 0 ? v.cashCount === 0 : null));
      const first = fully.indexOf(true);
      if (first >= 0) expect(fully.slice(first).filter((x) => x === false)).toEqual([]);
    }
  });
});
