import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { createTestDatabase, type TestDatabase } from '../../../../test/db';
import { ensureProvinceUnits } from './units.loader';
import { units } from './units.schema';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => t?.close());

async function formerCommune(code: string) {
  const rows = await t.db
    .select({ name: units.name, fullName: units.fullName, nameEn: units.nameEn })
    .from(units)
    .where(and(eq(units.code, code), eq(units.validTo, '2025-06-30')));
  return rows[0];
}

async function rename(code: string, name: string, fullName: string, nameEn: string) {
  await t.db
    .update(units)
    .set({ name, fullName, nameEn })
    .where(and(eq(units.code, code), eq(units.validTo, '2025-06-30')));
}

describe('a database loaded before the spellings were checked against Resolution 1670/NQ-UBTVQH15', () => {
  it('gets the resolution spelling on start where it still has the upstream one', async () => {
    await rename('03391', 'Lả Nhì Thàng', 'Xã Lả Nhì Thàng', 'La Nhi Thang');
    await rename('03469', 'Kan Hồ', 'Xã Kan Hồ', 'Kan Ho');
    expect(await ensureProvinceUnits(t.db, '12')).toBe(false); // nothing reloaded
    expect(await formerCommune('03391')).toEqual({
      name: 'Lản Nhì Thàng',
      fullName: 'Xã Lản Nhì Thàng',
      nameEn: 'Lan Nhi Thang',
    });
    expect(await formerCommune('03469')).toEqual({ name: 'Can Hồ', fullName: 'Xã Can Hồ', nameEn: 'Can Ho' });
  });

  it('leaves a name an administrator changed to something else alone, and is idempotent', async () => {
    await rename('03574', 'Ma Li Phố', 'Xã Ma Li Phố', 'Ma Li Pho');
    await ensureProvinceUnits(t.db, '12');
    await ensureProvinceUnits(t.db, '12');
    expect(await formerCommune('03574')).toEqual({ name: 'Ma Li Phố', fullName: 'Xã Ma Li Phố', nameEn: 'Ma Li Pho' });
    expect((await formerCommune('03391'))?.name).toBe('Lản Nhì Thàng');
  });
});
