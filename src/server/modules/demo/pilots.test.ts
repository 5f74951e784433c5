import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { createTestDatabase, type TestDatabase } from '../../../../test/db';
import { ensureProvinceUnits } from '../units';
import { pilotProgress } from '../pilots';
import { seedDemoPilots } from './pilots';

let database: TestDatabase;
const dataDir = join(process.cwd(), '.tmp', `demo-pilots-${randomUUID()}`);
beforeAll(async () => {
  database = await createTestDatabase();
  await ensureProvinceUnits(database.db, '12');
});
afterAll(async () => database?.dispose());

describe('the demo’s pilot models', () => {
  it('seeds one model per sector of the plan, in different states, once', async () => {
    expect(await seedDemoPilots(database.db, dataDir)).toBe(6);
    expect(await seedDemoPilots(database.db, dataDir)).toBe(0); // only into an empty register
    const rows = await database.rows<{ sector: string; state: string; title: string }>(
      (await import('drizzle-orm')).sql`select sector, state, title from pilots.models order by sector`,
    );
    expect(rows.map((r) => [r.sector, r.state])).toEqual([
      ['education', 'planned'],
      ['health', 'in_progress'],
      ['justice', 'registered'],
      ['labour_social', 'completed'],
      ['police', 'evaluated'],
      ['tax', 'registered'],
    ]);
    expect(rows.every((r) => r.title.endsWith('(demo)'))).toBe(true);
  });

  it('gives the dashboard an overdue plan, an evaluated model, and the 2023 figures from the history', async () => {
    const today = await pilotProgress(database.db);
    const sum = (k: 'planOverdue' | 'evaluated' | 'registered') => today.rows.reduce((n, r) => n + r[k], 0);
    expect(sum('registered')).toBe(6);
    expect(sum('planOverdue')).toBe(2); // tax and justice: registered in 2023, no plan by 30/6/2023
    expect(sum('evaluated')).toBe(1);
    const midway = await pilotProgress(database.db, { asOf: '2023-06-20' });
    expect(midway.rows.reduce((n, r) => n + r.planUploaded, 0)).toBe(2); // police 15/6, education 20/6
    expect(midway.rows.reduce((n, r) => n + r.planOverdue, 0)).toBe(0); // not due yet
  });
});
