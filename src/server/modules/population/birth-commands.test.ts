import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { createTestDatabase, type TestDatabase } from '../../../../test/db';
import { todayInVietnam } from '../../../contracts/common';
import { demoIdNumberIssuer, registerBirth, type IdNumberIssuer } from './birth-commands';
import { checkNationalId } from './id-number';
import { ID_PROVINCE_CODES } from './id-province-codes';

/*
 * Issue 13 §2: a birth registration gives the newborn a new personal ID number. Two hundred
 * registrations at once never get the same number, and each number is valid for the child
 * (DOMAIN.md §2: province where registered, century and sex, year of birth).
 */

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database?.dispose());

const decision = (n: number) => ({
  dossierCode: `TEST-BIRTH-${n}`,
  on: todayInVietnam(),
  seen: {},
  writer: { accountId: null, role: 'civil_status_officer', unitCode: '03445', requestId: randomUUID() },
});

async function registerMany(count: number, issuer: IdNumberIssuer, birthDate: string) {
  return Promise.all(
    Array.from({ length: count }, (_, i) =>
      database.db.transaction((tx) =>
        registerBirth(
          tx,
          decision(i),
          {
            fullName: `Trẻ Thử Nghiệm ${i}`,
            birthDate,
            sex: i % 2 ? 'female' : 'male',
            ethnicityCode: '03',
            nationality: 'VN',
            registeredProvinceCode: '012',
            unitCode: '03445',
          },
          issuer,
        ),
      ),
    ),
  );
}

describe('registerBirth with 200 registrations at once', () => {
  it('gives 200 distinct numbers, each valid for the child’s sex and year and starting with the province', async () => {
    const born = await registerMany(200, demoIdNumberIssuer, '2026-11-20');
    const numbers = born.map((b) => b.nationalId);
    expect(new Set(numbers).size).toBe(200);
    numbers.forEach((id, i) => {
      expect(id.slice(0, 3)).toBe('012');
      const check = checkNationalId({ id, birthYear: 2026, sex: i % 2 ? 'female' : 'male' }, ID_PROVINCE_CODES);
      expect(check.problems).toEqual([]);
    });
  });

  it('retries a number already taken: 200 at once from an issuer with only 400 serials per prefix still never repeat', async () => {
    // Forces collisions (100 children per sex-and-year prefix among 400 serials: many draws hit a taken
    // number), while keeping a free one likely enough that 20 tries never run out (≤ 0.25^20 per birth).
    const crowded: IdNumberIssuer = {
      propose: async (facts) => {
        const n = await demoIdNumberIssuer.propose(facts);
        return `${n.slice(0, 6)}000${String(Math.floor(Math.random() * 400)).padStart(3, '0')}`;
      },
    };
    const born = await registerMany(200, crowded, '2025-06-01');
    expect(new Set(born.map((b) => b.nationalId)).size).toBe(200);
    const [{ n }] = (await database.rows<{ n: string }>(
      sql`select count(*)::text as n from population.persons where birth_year = 2025 and source = 'birth_registration'`,
    )) as [{ n: string }];
    expect(n).toBe('200');
    const [{ lines }] = (await database.rows<{ lines: string }>(
      sql`select count(*)::text as lines from population.registry_changes where kind = 'birth_registered'`,
    )) as [{ lines: string }];
    expect(lines).toBe('400');
  });
});
