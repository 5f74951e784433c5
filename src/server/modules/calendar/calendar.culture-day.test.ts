import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestDatabase, type TestDatabase } from '../../../../test/db';
import { computeDeadline, loadWorkingCalendar, seedCalendar } from './index';
import { invalidateWorkingCalendar } from './calendar.service';
import * as repo from './calendar.repository';

// A database that stored 2026 before 24/11 Vietnamese Culture Day was a day off (Resolution
// 80-NQ/TW, 30/NQ-CP; 28/2026/QH16 unconfirmed) gets it from the dated correction
// migrations/0027_calendar-culture-day-24-11.sql, which runs once on such a database.
const CORRECTION = new URL('../../../../migrations/0027_calendar-culture-day-24-11.sql', import.meta.url);

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database?.dispose());

const db = () => database.db;
const at = (local: string) => new Date(`${local}+07:00`);
const due = async () => {
  invalidateWorkingCalendar(db());
  return computeDeadline(await loadWorkingCalendar(db()), at('2026-11-23T09:00:00'), 3).dueAt.toISOString();
};

/** Stores 2026 as it was before the correction: the reference days without 24/11. */
async function store2026WithoutCultureDay(): Promise<void> {
  await db().execute(sql`delete from calendar.years where year in (2026, 2027, 2029)`);
  await seedCalendar(db());
  await db().execute(sql`delete from calendar.days where day = '2026-11-24'`);
}

async function runCorrection(): Promise<void> {
  await db().execute(sql.raw(await readFile(CORRECTION, 'utf8')));
}

describe('24/11/2026 added to a stored 2026 (Resolution 80-NQ/TW, 30/NQ-CP; 28/2026/QH16 unconfirmed)', () => {
  it('loads 24/11/2026 with the reference schedule on a fresh database', async () => {
    await seedCalendar(db());
    expect(await repo.findDay(db(), '2026-11-24')).toMatchObject({ kind: 'holiday' });
  });

  it('adds the day once to a 2026 stored without it: a deadline spanning it is one working day later', async () => {
    await store2026WithoutCultureDay();
    expect(await due()).toBe(at('2026-11-26T17:00:00').toISOString());
    await runCorrection();
    expect(await due()).toBe(at('2026-11-27T17:00:00').toISOString());
    const day = await repo.findDay(db(), '2026-11-24');
    expect(day).toMatchObject({ kind: 'holiday', name: 'Ngày Văn hóa Việt Nam (24/11)' });
    expect(day!.source).toMatch(/80-NQ\/TW.*28\/2026\/QH16.*chưa đối chiếu/);
    const year = (await repo.listStoredYears(db())).find((y) => y.year === 2026)!;
    expect(year.source).toMatch(/Bổ sung ngày 24\/11\/2026.*05\/12\/2026$/);
    await runCorrection(); // idempotent: nothing added twice, the year's note not repeated
    const again = (await repo.listStoredYears(db())).find((y) => y.year === 2026)!;
    expect(again.source).toBe(year.source);
  });

  it('leaves a 24/11/2026 an administrator already entered as they entered it', async () => {
    await store2026WithoutCultureDay();
    await repo.insertDay(
      db(),
      { date: '2026-11-24', kind: 'swapped', name: 'Do quản trị nhập', source: 'Quyết định của tỉnh' },
      null,
    );
    await runCorrection();
    expect(await repo.findDay(db(), '2026-11-24')).toMatchObject({ kind: 'swapped', name: 'Do quản trị nhập' });
  });

  it('adds the weekday 24/11 to a later stored year (2027, provisional) but not a weekend one (2029)', async () => {
    await store2026WithoutCultureDay();
    for (const year of [2027, 2029])
      await repo.insertYearIfAbsent(db(), { year, provisional: true, source: 'Tạm tính', days: [] }, null);
    await runCorrection();
    expect((await repo.findDay(db(), '2027-11-24'))?.source).toMatch(/tạm tính/);
    expect(await repo.findDay(db(), '2029-11-24')).toBeUndefined();
  });
});
