import { expect } from 'vitest';
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { DossierDetail } from '../../../contracts/dossiers';
import { makeHousehold, makePerson } from '../../../../test/factories';
import { copyRegistryBatch } from '../population';
import { multipart } from '../../../../test/multipart';
import type { Session } from '../../../../test/app';
import { command, PDF, policeElsewhere, t } from './dossiers.routes.test-support';

/** Shared by the registry-effect tests: synthetic people, filing a prefilled dossier, deciding it, reading the registry. */

export const DOAN_KET = '03388';
export const MUONG_TE = '03445';

/** A synthetic person born in `year`, numbered `n` (distinct ID numbers per test file by `n`). */
export const person = (n: number, fullName: string, sex: 'male' | 'female', year: number) =>
  makePerson({
    id: randomUUID(),
    nationalId: `0121${String(year % 100).padStart(2, '0')}0003${String(n).padStart(2, '0')}`.slice(0, 12),
    idCardNumber: null,
    fullName,
    birthYear: year,
    birthDate: `${year}-05-0${(n % 9) + 1}`,
    sex,
  });

const LAWFUL_DWELLING = [{ field: 'file:lawful_dwelling', name: 'giay-to.pdf', type: 'application/pdf', data: PDF }];

type Upload = { field: string; name: string; type: string; data: Buffer };

/** Files a dossier with the prefilled form; household members are moved only with `withMembers` (all the offered rows). */
export async function fileAs(
  session: Session,
  code: string,
  answers: Record<string, unknown>,
  withMembers = false,
  files: readonly Upload[] = LAWFUL_DWELLING,
): Promise<DossierDetail> {
  const res = await submitPrefilled(session, code, answers, withMembers, files);
  expect(res.statusCode, res.body).toBe(201);
  return res.json<DossierDetail>();
}

/** Submits the prefilled form with these answers; the raw response. */
export async function submitPrefilled(
  session: Session,
  code: string,
  answers: Record<string, unknown>,
  withMembers = false,
  files: readonly Upload[] = [],
) {
  const version = (await t.app.inject(`/api/v1/procedures/${code}`)).json<{ id: string }>();
  const { values, choices } = (await session.inject(`/api/v1/procedures/${code}/prefill`)).json<{
    values: Record<string, unknown>;
    choices: Record<string, unknown[]>;
  }>();
  const { members: _none, ...prefilled } = values;
  const members = choices.members; // the citizen picks every member offered
  const body = {
    procedureCode: code,
    procedureVersionId: version.id,
    channel: 'online',
    form: {
      ...prefilled,
      ...(withMembers ? { members } : {}),
      requestContent: 'Đăng ký cư trú tại nơi ở mới',
      ...answers,
    },
  };
  return session.inject({
    method: 'POST',
    url: '/api/v1/dossiers',
    ...multipart('dossier', body, [...files]),
  });
}

/** Receives and starts processing a dossier (by default at Đoàn Kết's police); returns the approve response. */
export async function decide(id: string, officer = policeElsewhere) {
  for (const c of ['receive', 'start_processing']) expect((await command(officer, id, c)).statusCode).toBe(200);
  return command(officer, id, 'approve');
}

/** A person's residences, oldest first. */
export async function residencesOf(personId: string) {
  return t.database.rows<{
    kind: string;
    unit_code: string;
    address_line: string;
    valid_from: string;
    valid_to: string | null;
    dossier_code: string | null;
    ended_by_dossier_code: string | null;
  }>(
    sql`select kind, unit_code, address_line, valid_from::text, valid_to::text, dossier_code, ended_by_dossier_code
        from population.residences where person_id = ${personId} order by valid_from, kind`,
  );
}

/** A person's household, relation, commune and registry version. */
export async function personRow(personId: string) {
  const [row] = await t.database.rows<{
    household_id: string | null;
    relation_to_head: string | null;
    residence_unit_code: string | null;
    registry_version: number;
  }>(
    sql`select household_id, relation_to_head, residence_unit_code, registry_version from population.persons where id = ${personId}`,
  );
  return row!;
}

export const dayBefore = (iso: string) =>
  new Date(Date.parse(`${iso}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

/** Loads a one-person household in Mường Tè whose member also has a temporary residence in Đoàn Kết. */
export async function loadWithTemporaryResidence(
  p: ReturnType<typeof person>,
  temporary: { addressLine: string; validFrom: string; validTo: string },
): Promise<void> {
  const batch = makeHousehold(MUONG_TE, [p], 'Bản Nà Hừ');
  await copyRegistryBatch(t.database, {
    ...batch,
    residences: [
      ...batch.residences,
      { id: randomUUID(), personId: p.id, kind: 'temporary' as const, unitCode: DOAN_KET, ...temporary },
    ],
  });
}
