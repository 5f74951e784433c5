import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InjectOptions } from 'fastify';
import { createTestApp, type Session, type TestApp } from '../../../../test/app';
import type { Batch } from '../../../contracts/sector-data';
import { DEFAULT_ROLES, type Action } from '../identity';
import { fileBody } from './test-support';

/**
 * Role × action: importing (upload, cancel, mappings) needs sector.import, reading batches and
 * error rows sector.read — within the caller's units and, for a grant with a sector, that sector.
 */
let t: TestApp;
let batch: Batch;
let n = 0;
const HEADER = 'STT,Mã thẻ BHYT,Họ và tên,Ngày sinh';
const csv = () => `${HEADER}\n1,AUTHZ${++n},Lò Văn A,1990\n`;

beforeAll(async () => {
  t = await createTestApp();
  const officer = await t.staff('sector_officer', '12', 'health_insurance');
  const res = await officer.inject({
    method: 'POST',
    url: '/api/v1/sector-data/batches?datasetType=health-insurance&unitCode=03388&wait=true',
    ...fileBody(csv()),
  });
  batch = res.json<{ batch: Batch }>().batch;
});
afterAll(async () => t?.close());

type Call = { name: string; action: Action; request: () => InjectOptions };
const calls: Call[] = [
  { name: 'GET types', action: 'sector.read', request: () => ({ method: 'GET', url: '/api/v1/sector-data/types' }) },
  {
    name: 'GET batches',
    action: 'sector.read',
    request: () => ({ method: 'GET', url: '/api/v1/sector-data/batches' }),
  },
  {
    name: 'GET a batch',
    action: 'sector.read',
    request: () => ({ method: 'GET', url: `/api/v1/sector-data/batches/${batch.id}` }),
  },
  {
    name: 'GET error rows',
    action: 'sector.read',
    request: () => ({ method: 'GET', url: `/api/v1/sector-data/batches/${batch.id}/errors.xlsx` }),
  },
  {
    name: 'POST batches',
    action: 'sector.import',
    request: () => ({
      method: 'POST',
      url: '/api/v1/sector-data/batches?datasetType=health-insurance&unitCode=03445&wait=true',
      ...fileBody(csv()),
    }),
  },
  {
    name: 'GET mappings',
    action: 'sector.import',
    request: () => ({ method: 'GET', url: '/api/v1/sector-data/mappings' }),
  },
  {
    name: 'PUT mappings',
    action: 'sector.import',
    request: () => ({
      method: 'PUT',
      url: '/api/v1/sector-data/mappings',
      payload: {
        datasetType: 'health-insurance',
        name: `m${++n}`,
        columns: { cardNumber: 'a', fullName: 'b', birthDate: 'c' },
      },
    }),
  },
];
/** Cancelling a finished batch answers 409 to whoever may import: authorised, refused for the state. */
const cancel: Call = {
  name: 'POST cancel',
  action: 'sector.import',
  request: () => ({ method: 'POST', url: `/api/v1/sector-data/batches/${batch.id}/cancel` }),
};

describe.each(DEFAULT_ROLES.filter((r) => r.staff).map((r) => [r.code, r] as const))(
  '%s with a province-wide grant',
  (code, role) => {
    let session: Session;
    beforeAll(async () => {
      session = await t.staff(code, '12', role.needsSector ? 'health_insurance' : undefined);
    });

    it.each(
      [...calls, cancel].map(
        (c) => [role.actions.includes(c.action) ? 'may' : 'may not', c.name, c.action, c] as const,
      ),
    )('%s %s (%s)', async (verdict, name, _action, call) => {
      const res = await session.inject(call.request());
      if (verdict === 'may' && name === 'POST cancel') expect(res.statusCode, res.body).toBe(409);
      else if (verdict === 'may') expect(res.statusCode, res.body).toBeLessThan(300);
      else {
        expect(res.statusCode, res.body).toBe(403);
        expect(res.json<{ error: { code: string } }>().error.code).toBe('AUTH.FORBIDDEN');
      }
    });
  },
);

describe('citizen and signed out', () => {
  it.each([...calls, cancel].map((c) => [c.name, c] as const))(
    'a citizen may not %s (403), nor anyone signed out (401)',
    async (_name, call) => {
      const citizen = await t.citizen({ nationalId: '012190000001', fullName: 'Lò Thị Thuỷ' });
      expect((await citizen.inject(call.request())).statusCode).toBe(403);
      expect((await t.app.inject(call.request())).statusCode).toBe(401);
    },
  );
});

describe('sector and unit scope', () => {
  it('refuses an officer of another sector the import (403) and the batch (404)', async () => {
    const other = await t.staff('sector_officer', '12', 'social_protection');
    const res = await other.inject({
      method: 'POST',
      url: '/api/v1/sector-data/batches?datasetType=health-insurance&unitCode=03388&wait=true',
      ...fileBody(csv()),
    });
    expect(res.statusCode).toBe(403);
    expect(res.json<{ error: { code: string } }>().error.code).toBe('SECTOR.SCOPE_FORBIDDEN');
    expect((await other.inject(`/api/v1/sector-data/batches/${batch.id}`)).statusCode).toBe(404);
    expect((await other.inject('/api/v1/sector-data/batches')).json<{ total: number }>().total).toBe(0);
  });

  it('refuses an officer of another commune the import there and the batch of it', async () => {
    const commune = await t.staff('sector_officer', '03445', 'health_insurance');
    const res = await commune.inject({
      method: 'POST',
      url: '/api/v1/sector-data/batches?datasetType=health-insurance&unitCode=03388&wait=true',
      ...fileBody(csv()),
    });
    expect(res.statusCode).toBe(403);
    expect((await commune.inject(`/api/v1/sector-data/batches/${batch.id}`)).statusCode).toBe(404);
  });
});

/**
 * Change requests (corrections/): proposing and withdrawing need sector.import, accepting and
 * rejecting population.person.correct (the commune police); the list is open to whoever holds either
 * side's action (checked by the service, 403 AUTH.FORBIDDEN otherwise). Unknown ids: 404 once authorised.
 */
describe('change requests: role × action', () => {
  const missing = '00000000-0000-4000-8000-000000000000';
  const sees = (actions: readonly Action[]) =>
    actions.some((a) => a === 'population.person.correct' || a === 'sector.read' || a === 'sector.import');
  const correctionCalls: Array<Call & { allowed: (actions: readonly Action[]) => boolean; status: number }> = [
    {
      name: 'POST corrections',
      action: 'sector.import',
      request: () => ({
        method: 'POST',
        url: `/api/v1/sector-data/links/${missing}/corrections`,
        payload: { field: 'birthDate', evidence: 'x' },
      }),
      allowed: (a) => a.includes('sector.import'),
      status: 404,
    },
    {
      name: 'GET change-requests',
      action: 'authenticated',
      request: () => ({ method: 'GET', url: '/api/v1/sector-data/change-requests' }),
      allowed: sees,
      status: 200,
    },
    {
      name: 'GET a change request',
      action: 'authenticated',
      request: () => ({ method: 'GET', url: `/api/v1/sector-data/change-requests/${missing}` }),
      allowed: sees,
      status: 404,
    },
    {
      name: 'POST accept',
      action: 'population.person.correct',
      request: () => ({
        method: 'POST',
        url: `/api/v1/sector-data/change-requests/${missing}/accept`,
        payload: { version: 0 },
      }),
      allowed: (a) => a.includes('population.person.correct'),
      status: 404,
    },
    {
      name: 'POST reject',
      action: 'population.person.correct',
      request: () => ({
        method: 'POST',
        url: `/api/v1/sector-data/change-requests/${missing}/reject`,
        payload: { reason: 'không đúng' },
      }),
      allowed: (a) => a.includes('population.person.correct'),
      status: 404,
    },
    {
      name: 'POST withdraw',
      action: 'sector.import',
      request: () => ({ method: 'POST', url: `/api/v1/sector-data/change-requests/${missing}/withdraw`, payload: {} }),
      allowed: (a) => a.includes('sector.import'),
      status: 404,
    },
  ];

  describe.each(DEFAULT_ROLES.filter((r) => r.staff).map((r) => [r.code, r] as const))(
    '%s with a province-wide grant',
    (code, role) => {
      let session: Session;
      beforeAll(async () => {
        session = await t.staff(code, '12', role.needsSector ? 'health_insurance' : undefined);
      });
      it.each(correctionCalls.map((c) => [c.allowed(role.actions) ? 'may' : 'may not', c.name, c] as const))(
        '%s %s',
        async (verdict, _name, call) => {
          const res = await session.inject(call.request());
          if (verdict === 'may') expect(res.statusCode, res.body).toBe(call.status);
          else {
            expect(res.statusCode, res.body).toBe(403);
            expect(res.json<{ error: { code: string } }>().error.code).toBe('AUTH.FORBIDDEN');
          }
        },
      );
    },
  );

  it.each(correctionCalls.map((c) => [c.name, c] as const))(
    'a citizen may not %s (403), nor anyone signed out (401)',
    async (_name, call) => {
      const citizen = await t.citizen({ nationalId: '012190000001', fullName: 'Lò Thị Thuỷ' });
      expect((await citizen.inject(call.request())).statusCode).toBe(403);
      expect((await t.app.inject(call.request())).statusCode).toBe(401);
    },
  );
});
