import { beforeAll, describe, expect, it } from 'vitest';
import type { InjectOptions } from 'fastify';
import type { Session } from '../../../../test/app';
import { DEFAULT_ROLES, type Action } from '../identity';
import { citizen, t, useDossierApp } from '../dossiers/dossiers.routes.test-support';
import { storedConfirmation } from './test-support';

/*
 * Role × action for the document store: every default role, granted province-wide, may call exactly
 * the routes its actions allow (403 AUTH.FORBIDDEN otherwise); signed out: 401. Ownership beyond the
 * role (another citizen's document: 404) is tested in documents.routes.test.ts.
 */
useDossierApp();

let documentId: string;
beforeAll(async () => {
  documentId = (await storedConfirmation(citizen)).documentId;
});

type Call = { name: string; action: Action; request: () => InjectOptions };
const calls: Call[] = [
  { name: 'list my document store', action: 'documents.own.read', request: () => ({ url: '/api/v1/documents/mine' }) },
  {
    name: 'download a document of my store',
    action: 'documents.own.read',
    request: () => ({ url: `/api/v1/documents/${documentId}/file` }),
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
      const res = await session.inject(call.request());
      if (verdict === 'may') expect(res.statusCode, res.body).toBeLessThan(300);
      else {
        expect(res.statusCode, res.body).toBe(403);
        expect(res.json<{ error: { code: string } }>().error.code).toBe('AUTH.FORBIDDEN');
      }
    },
  );
});

describe('the citizen, the store’s owner', () => {
  const role = DEFAULT_ROLES.find((r) => r.code === 'citizen')!;
  it.each(calls.map((c) => [role.actions.includes(c.action) ? 'may' : 'may not', c.name, c.action, c] as const))(
    '%s %s (%s)',
    async (verdict, _name, _action, call) => {
      const res = await citizen.inject(call.request());
      if (verdict === 'may') expect(res.statusCode, res.body).toBeLessThan(300);
      else expect(res.statusCode, res.body).toBe(403);
    },
  );
});

describe('signed out', () => {
  it.each(calls.map((c) => [c.name, c] as const))('no one signed out may %s (401)', async (_name, call) => {
    expect((await t.app.inject(call.request())).statusCode).toBe(401);
  });
});
