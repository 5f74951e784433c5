import { afterAll, beforeAll } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestApp, type Session, type TestApp } from '../../../../test/app';
import { todayInVietnam } from '../../../contracts/common';
import { DOAN_KET, MUONG_TE, post, seedCounterFixtures, visitBody } from './test-support';

/**
 * Shared setup of the counter route tests: an app with the counter fixtures, two officers of
 * Mường Tè, one of Đoàn Kết and a province-wide leader.
 */
export let t: TestApp;
export let officer: Session; // one-stop officer of Mường Tè
export let colleague: Session; // another one-stop officer of Mường Tè
export let doanKet: Session; // one-stop officer of Đoàn Kết
export let leader: Session; // province-wide reader
export const today = todayInVietnam();

export const record = async (s: Session, over: Record<string, unknown> = {}) =>
  post(s, '/api/v1/counter/visits', visitBody(over));
export const visitCount = async () =>
  Number((await t.database.rows<{ n: string | number }>(sql`select count(*) as n from counter.visits`))[0]!.n);

/** Starts the shared setup for the calling test file and ends it afterwards. */
export function useCounterApp(): void {
  beforeAll(async () => {
    t = await createTestApp();
    await seedCounterFixtures(t);
    officer = await t.staff('one_stop_officer', MUONG_TE);
    colleague = await t.staff('one_stop_officer', MUONG_TE);
    doanKet = await t.staff('one_stop_officer', DOAN_KET);
    leader = await t.staff('leader', '12');
  });
  afterAll(async () => t?.close());
}
