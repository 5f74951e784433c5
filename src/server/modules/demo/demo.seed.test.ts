import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestDatabase, type TestDatabase } from '../../../../test/db';
import { queryRows } from '../../platform/db';
import { copyRegistryBatch, countPersons, runQualityCheck } from '../population';
import { listCommunes } from '../units';
import { generateProvince } from './generator';
import { seedDemoProvince } from './demo.seed';
import type { DefectManifest, InjectedDefect } from './types';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database?.dispose());

const referenceDate = '2026-11-27';

describe('the demo province in the database', () => {
  it('seeds the requested number of people into the real communes', async () => {
    const result = await seedDemoProvince(database, { people: 1500, provinceCode: '12', seed: 's1', referenceDate });
    expect(await countPersons(database.db)).toBe(result.people);
    expect(Math.abs(result.people - 1500)).toBeLessThan(60);
    const units = await queryRows<{ n: number | string }>(
      database.db,
      sql`select count(distinct residence_unit_code) as n from population.persons`,
    );
    expect(Number(units[0]?.n)).toBe(38);
  });

  it('adds a few help desks, obviously synthetic, once: "(demo)" names, unassignable numbers, example.org', async () => {
    const desks = await queryRows<{ name: string; phone: string | null; email: string | null }>(
      database.db,
      sql`select name, phone, email from units.help_desks`,
    );
    expect(desks.length).toBeGreaterThan(0);
    for (const d of desks) {
      expect(d.name).toMatch(/\(demo\)$/);
      expect(d.phone ?? '02130000').toMatch(/^02130000\d{3}$/); // a subscriber number beginning with 0: never issued
      expect(d.email ?? 'x@example.org').toMatch(/@example\.org$/);
    }
    const again = await seedDemoProvince(database, { people: 100, provinceCode: '12', seed: 's2', referenceDate });
    expect(again.helpDesks).toBe(0);
  });

  it('lets the quality engine find exactly the injected defects, person by person', async () => {
    const communes = (await listCommunes(database.db, referenceDate)).map((c) => ({
      code: c.code,
      name: c.name,
      type: c.type,
    }));
    await database.db.execute(
      sql`truncate population.persons, population.households, population.residences, population.temporary_absences`,
    );
    const injected: InjectedDefect[] = [];
    const gen = generateProvince({
      seed: 'quality-truth',
      people: 6000,
      communes,
      referenceDate,
      provinceIdCode: '012',
    });
    let manifest: DefectManifest | undefined;
    for (let next = gen.next(); ; next = gen.next()) {
      if (next.done) {
        manifest = next.value;
        break;
      }
      injected.push(...next.value.injected);
      await copyRegistryBatch(database, next.value);
    }
    const runId = await runQualityCheck(database, referenceDate);
    const findings = await queryRows<{ rule_code: string; person_id: string }>(
      database.db,
      sql`select rule_code, person_id from population.quality_findings where run_id = ${runId}`,
    );
    const heads = await queryRows<{ id: string; household_id: string }>(
      database.db,
      sql`select id, household_id from population.persons where relation_to_head = 'head'`,
    );

    for (const entry of manifest.defects) {
      const expected = new Set<string>();
      for (const d of injected.filter((x) => x.code === entry.code)) {
        if (d.code === 'CLEAN.HOUSEHOLD_CONFLICT')
          heads.filter((h) => h.household_id === d.householdId).forEach((h) => expected.add(h.id));
        else expected.add(d.personId);
        if (d.originalPersonId) expected.add(d.originalPersonId);
      }
      const flagged = new Set(findings.filter((f) => f.rule_code === entry.code).map((f) => f.person_id));
      expect({ code: entry.code, flagged: [...flagged].sort() }).toEqual({
        code: entry.code,
        flagged: [...expected].sort(),
      });
      expect(flagged.size).toBe(entry.persons);
      expect(entry.persons).toBeGreaterThan(0);
    }
    // No record triggers any rule other than the one injected into it (natural records: none).
    const others = findings.filter((f) => !manifest.defects.some((d) => d.code === f.rule_code));
    expect(others).toEqual([]);
  });
});
