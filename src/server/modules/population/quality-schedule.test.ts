import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestDatabase, type TestDatabase } from '../../../../test/db';
import { makeHousehold, makePerson } from '../../../../test/factories';
import { copyRegistryBatch } from './index';
import { runScheduledQuality } from './quality-schedule';
import { latestRun } from './quality/engine';

let database: TestDatabase;
const runs = async () =>
  Number((await database.rows<{ n: number | string }>(sql`select count(*) as n from population.quality_runs`))[0]?.n);

beforeAll(async () => {
  database = await createTestDatabase();
  await copyRegistryBatch(database, makeHousehold('03445', [makePerson()]));
});
afterAll(async () => database?.close());

describe('the scheduled quality run', () => {
  // 06/12/2026 23:30 UTC is already 07/12 in Vietnam (UTC+7).
  const lateEvening = new Date('2026-12-06T16:30:00Z'); // 23:30 on 06/12 in Vietnam
  const afterMidnight = new Date('2026-12-06T17:30:00Z'); // 00:30 on 07/12 in Vietnam

  it('runs at start when no run exists, dated the Vietnam day', async () => {
    expect(await runs()).toBe(0);
    const id = await runScheduledQuality(database, lateEvening);
    expect(id).toEqual(expect.any(Number));
    expect((await latestRun(database.db))?.asOf).toBe('2026-12-06');
  });

  it('does not run again the same day (a restart, the next hourly pass)', async () => {
    expect(await runScheduledQuality(database, lateEvening)).toBeNull();
    expect(await runs()).toBe(1);
  });

  it('runs once on the first pass of the next Vietnam day, even from several processes at once', async () => {
    const results = await Promise.all([
      runScheduledQuality(database, afterMidnight),
      runScheduledQuality(database, afterMidnight),
      runScheduledQuality(database, afterMidnight),
    ]);
    expect(results.filter((r) => r !== null)).toHaveLength(1);
    expect(await runs()).toBe(2);
    expect((await latestRun(database.db))?.asOf).toBe('2026-12-07');
  });
});
