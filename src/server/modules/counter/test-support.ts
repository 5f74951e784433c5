import { randomUUID } from 'node:crypto';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { todayInVietnam } from '../../../contracts/common';
import type { TestApp } from '../../../../test/app';
import { makeHousehold, makePerson } from '../../../../test/factories';
import { copyRegistryBatch, type PersonImport } from '../population';
import { seedProcedures } from '../procedures';
import type { Db } from '../../platform/db';
import * as repo from './counter.repository';

/** Synthetic people of the counter tests: one in Xã Mường Tè (03445), one in Phường Đoàn Kết (03388), one deceased. */
export const PEOPLE = {
  thuy: makePerson({
    id: randomUUID(),
    nationalId: '012190000001',
    idCardNumber: '012190000001',
    fullName: 'Lò Thị Thuỷ',
  }),
  pao: makePerson({
    id: randomUUID(),
    nationalId: '012085000123',
    idCardNumber: '012085000123',
    fullName: 'Giàng A Páo',
    birthDate: '1985-07-02',
    birthYear: 1985,
    sex: 'male',
    ethnicityCode: '08',
  }),
  late: makePerson({
    id: randomUUID(),
    nationalId: '012040000555',
    idCardNumber: null,
    idCardKind: null,
    idCardIssuedOn: null,
    idCardExpiresOn: null,
    fullName: 'Lò Văn Khăm',
    birthDate: '1940-01-01',
    birthYear: 1940,
    sex: 'male',
    status: 'deceased',
    deathDate: '2025-12-01',
    eIdLevel: 0,
    eIdActivatedOn: null,
  }),
} satisfies Record<string, PersonImport>;

export const MUONG_TE = '03445';
export const DOAN_KET = '03388';
/** Temporary residence registration (DOMAIN.md §3): in the seeded catalog. */
export const TAM_TRU = '1.004194';
export const THUONG_TRU = '1.004222';

/** Loads the people and the procedure catalog into a test app's database. */
export async function seedCounterFixtures(t: TestApp): Promise<void> {
  await copyRegistryBatch(t.database, makeHousehold(MUONG_TE, [PEOPLE.thuy, PEOPLE.late]));
  await copyRegistryBatch(t.database, makeHousehold(DOAN_KET, [PEOPLE.pao]));
  await seedProcedures(t.database.db);
}

/** A valid visit body: Thuỷ filed her temporary residence online herself. */
export function visitBody(over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    nationalId: PEOPLE.thuy.nationalId,
    counterLabel: 'Quầy 1',
    procedureCode: TAM_TRU,
    guidedOnline: true,
    typedBy: 'citizen_alone',
    outcome: 'filed_online',
    ...over,
  };
}

/** Something that can send requests as one signed-in account. */
export interface Caller {
  inject(options: InjectOptions | string): Promise<LightMyRequestResponse>;
}

export const post = (s: Caller, url: string, payload: object) => s.inject({ method: 'POST', url, payload });
export const patch = (s: Caller, url: string, payload: object) => s.inject({ method: 'PATCH', url, payload });

/** The error body of a refusal. */
export interface ErrorBody {
  error: {
    code: string;
    messageVi: string;
    messageEn: string;
    fields?: Array<{ field: string; messageVi: string; messageEn: string }>;
  };
}

/** Writes a visit of an earlier day directly (the API only records today's). */
export async function insertPastVisit(
  db: Db,
  officerAccountId: string,
  personId: string,
  daysAgo: number,
): Promise<string> {
  const at = new Date(Date.now() - daysAgo * 86_400_000);
  const row = await db.transaction(async (tx) =>
    repo.insertVisit(
      tx,
      {
        unitCode: MUONG_TE,
        counterLabel: 'Quầy 1',
        officerAccountId,
        officerRole: 'one_stop_officer',
        officerName: 'Test',
        visitedAt: at,
        visitDate: todayInVietnam(at),
      },
      {
        personId,
        citizenName: 'Lò Thị Thuỷ',
        procedureCode: TAM_TRU,
        guidedOnline: true,
        typedBy: 'citizen_alone',
        outcome: 'filed_online',
        dossierCode: null,
        note: null,
        reason: null,
        recordedByAccountId: officerAccountId,
      },
    ),
  );
  return row.id;
}
