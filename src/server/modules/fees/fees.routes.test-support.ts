import { afterAll, beforeAll, expect } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { createTestApp, type Session, type TestApp } from '../../../../test/app';
import { makeHousehold, makePerson } from '../../../../test/factories';
import { todayInVietnam } from '../../../contracts/common';
import type { FeeQuote } from '../../../contracts/fees';
import type { ApiErrorBody } from '../../../contracts/messages';
import { copyRegistryBatch, type PersonImport } from '../population';
import { seedProcedures } from '../procedures';
import { seedFeeLists } from './index';

/* Shared setup of the fees HTTP tests (fees.*routes*.test.ts): one app per test file, its sessions and helpers. */
export let t: TestApp;
export let admin: Session;
export let communeAdmin: Session;
export let officer: Session;
export const sessions = new Map<string, Session>();

export const dayBefore = (iso: string) =>
  new Date(Date.parse(`${iso}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
export const today = todayInVietnam();

/** Synthetic citizens, each in a household of their own commune. */
export const people: Array<[key: string, unit: string, person: Partial<PersonImport>]> = [
  [
    'border',
    '03451',
    {
      nationalId: '012085000301',
      fullName: 'Nguyễn Văn Biên',
      ethnicityCode: '01',
      birthDate: '1985-04-02',
      birthYear: 1985,
    },
  ], // Xã Mù Cả
  [
    'plain',
    '03388',
    {
      nationalId: '012085000302',
      fullName: 'Trần Văn Phường',
      ethnicityCode: '01',
      birthDate: '1985-04-02',
      birthYear: 1985,
    },
  ], // Phường Đoàn Kết
  [
    'mong',
    '03517',
    {
      nationalId: '012085000303',
      fullName: 'Giàng A Páo',
      ethnicityCode: '08',
      birthDate: '1985-04-02',
      birthYear: 1985,
    },
  ], // Xã Nậm Tăm
  [
    'kinh',
    '03517',
    {
      nationalId: '012085000304',
      fullName: 'Lê Văn Kinh',
      ethnicityCode: '01',
      birthDate: '1985-04-02',
      birthYear: 1985,
    },
  ],
  [
    'poor',
    '03390',
    {
      nationalId: '012085000305',
      fullName: 'Lò Văn Nghèo',
      ethnicityCode: '01',
      birthDate: '1985-04-02',
      birthYear: 1985,
    },
  ], // Xã Bình Lư
];
export const households = new Map<string, string>();

/** One app and database per test file: the citizens, administrators and officer above. */
export function useFeesApp(): void {
  beforeAll(async () => {
    t = await createTestApp();
    await seedProcedures(t.database.db);
    await seedFeeLists(t.database.db);
    for (const [key, unit, overrides] of people) {
      const batch = makeHousehold(unit, [makePerson({ ...overrides, idCardNumber: overrides.nationalId })]);
      households.set(key, batch.households[0]!.id);
      await copyRegistryBatch(t.database, batch);
      // Level-1 e-ID sessions: the temporary online waiver (level 2 only, Circular 117/2026) stays out of the
      // exemption tests whatever today is; a level-2 session of the same citizen is `${key}@2`.
      const person = { nationalId: overrides.nationalId!, fullName: overrides.fullName! };
      sessions.set(key, await t.citizen(person, 1));
      sessions.set(`${key}@2`, await t.citizen(person, 2));
    }
    sessions.set('stranger', await t.citizen({ nationalId: '001090000399', fullName: 'Người Ngoài Tỉnh' }, 1));
    [admin, communeAdmin, officer] = await Promise.all([
      t.staff('admin', '12'),
      t.staff('admin', '03388'),
      t.staff('one_stop_officer', '03445'),
    ]);
  });
  afterAll(async () => t?.close());
}

export const as = (key: string) => sessions.get(key)!;
export const quote = async (key: string, params: string) => {
  const res = await as(key).inject(`/api/v1/fees/quote?${params}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<FeeQuote>();
};
export const post = (s: Session, url: string, payload: unknown) =>
  s.inject({ method: 'POST', url, payload: payload as Record<string, unknown> });

export function expectFieldError(res: LightMyRequestResponse, status: number, field: string): ApiErrorBody['error'] {
  expect(res.statusCode, res.body).toBe(status);
  const { error } = res.json<ApiErrorBody>();
  expect(error.fields?.map((f) => f.field)).toContain(field);
  const problem = error.fields!.find((f) => f.field === field)!;
  expect(problem.messageVi).toMatch(/[À-ỹ]/);
  expect(problem.messageEn).not.toBe(problem.messageVi);
  return error;
}
