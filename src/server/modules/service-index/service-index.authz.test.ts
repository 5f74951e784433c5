import { beforeAll, describe, expect, it } from 'vitest';
import type { InjectOptions } from 'fastify';
import { todayInVietnam } from '../../../contracts/common';
import type { Session } from '../../../../test/app';
import { testConfig } from '../../../../test/db';
import { DEFAULT_ROLES, type Action } from '../identity';
import { citizen, t, useDossierApp } from '../dossiers/dossiers.routes.test-support';
import { ratingLinkToken } from './rating-link';
import { returnedDossier } from './test-support';

/*
 * Role × action for ratings and the service index: every default role, granted province-wide, may
 * call exactly the routes its actions allow (403 AUTH.FORBIDDEN otherwise); signed out: 401.
 * Ownership and unit scope beyond the role are tested in service-index.routes.test.ts.
 */
useDossierApp();

const today = todayInVietnam();
const quarter = `${today.slice(0, 4)}-Q${Math.ceil(Number(today.slice(5, 7)) / 3)}`;
const secret = testConfig().SESSION_SECRET!;

type Call = { name: string; action: Action; request: () => Promise<InjectOptions> };
const calls: Call[] = [
  {
    name: 'read my rating of a dossier',
    action: 'ratings.own.rate',
    request: async () => ({ method: 'GET', url: `/api/v1/ratings/my/${(await returnedDossier(citizen)).id}` }),
  },
  {
    name: 'rate a returned dossier',
    action: 'ratings.own.rate',
    request: async () => ({
      method: 'POST',
      url: `/api/v1/ratings/my/${(await returnedDossier(citizen)).id}`,
      payload: { value: 'satisfied' },
    }),
  },
  {
    name: 'follow a rating link',
    action: 'ratings.own.rate',
    request: async () => ({
      method: 'GET',
      url: `/api/v1/ratings/links/${ratingLinkToken(secret, (await returnedDossier(citizen)).id)}`,
    }),
  },
  {
    name: 'read a dossier’s rating as an officer',
    action: 'ratings.read',
    request: async () => ({ method: 'GET', url: `/api/v1/ratings/dossiers/${(await returnedDossier(citizen)).id}` }),
  },
  {
    name: 'read the service index',
    action: 'service_index.read',
    request: async () => ({ method: 'GET', url: `/api/v1/service-index?period=${quarter}` }),
  },
];

const staffRoles = DEFAULT_ROLES.filter((r) => r.staff);

describe.each(staffRoles.map((r) => [r.code, r] as const))('%s with a province-wide grant', (code, role) => {
  let session: Session;
  beforeAll(async () => {
    session = await t.staff(code, '12', role.needsSector ? 'health_insurance' : undefined);
  });
  it.each(calls.map((c) => [role.actions.includes(c.action) ? 'may' : 'may not', c.name, c.action, c] as const))(
    '%s %s (%s)',
    async (verdict, _name, _action, call) => {
      const res = await session.inject(await call.request());
      if (verdict === 'may') expect(res.statusCode, res.body).toBeLessThan(300);
      else {
        expect(res.statusCode, res.body).toBe(403);
        expect(res.json<{ error: { code: string } }>().error.code).toBe('AUTH.FORBIDDEN');
      }
    },
  );
});

describe('the citizen, the dossier’s owner', () => {
  const role = DEFAULT_ROLES.find((r) => r.code === 'citizen')!;
  it.each(calls.map((c) => [role.actions.includes(c.action) ? 'may' : 'may not', c.name, c.action, c] as const))(
    '%s %s (%s)',
    async (verdict, _name, _action, call) => {
      const res = await citizen.inject(await call.request());
      if (verdict === 'may') expect(res.statusCode, res.body).toBeLessThan(300);
      else expect(res.statusCode, res.body).toBe(403);
    },
  );
});

describe('signed out', () => {
  it.each(calls.map((c) => [c.name, c] as const))('no one signed out may %s (401)', async (_name, call) => {
    expect((await t.app.inject(await call.request())).statusCode).toBe(401);
  });
});
