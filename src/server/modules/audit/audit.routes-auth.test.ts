import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Fastify, { type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { createTestDatabase, testConfig, type TestDatabase } from '../../../../test/db';
import { registerErrorHandler } from '../../platform/http-errors';
import { DEFAULT_ROLES, ensureDefaultRoles, registerAuthHooks } from '../identity';
import { auditRoutes } from './index';

// The wiring proposed for app.ts, under identity's real hooks: every route declares an action
// identity knows (otherwise the app refuses to start) and nothing is served without a session.
let database: TestDatabase;
let app: FastifyInstance;

beforeAll(async () => {
  database = await createTestDatabase();
  await ensureDefaultRoles(database.db);
  const deps = { config: testConfig(), database };
  app = Fastify().withTypeProvider();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandler(app);
  await registerAuthHooks(app, deps);
  const roleNames = new Map(DEFAULT_ROLES.map((r) => [r.code, { vi: r.nameVi, en: r.nameEn }]));
  await app.register(
    auditRoutes(deps, {
      citizenOf: (req) => {
        const actor = req.access.actor;
        return actor?.kind === 'citizen'
          ? { accountId: actor.accountId, nationalId: actor.nationalId, personId: actor.personId }
          : null;
      },
      roleName: (code) => roleNames.get(code),
    }),
    { prefix: '/api/v1/audit' },
  );
  await app.ready();
});
afterAll(async () => {
  await app?.close();
  await database?.dispose();
});

describe('audit routes under identity’s hooks', () => {
  it.each([
    ['GET', '/api/v1/audit/purposes'],
    ['GET', '/api/v1/audit/me/access-log'],
    ['GET', '/api/v1/audit/me/consents'],
    ['POST', '/api/v1/audit/me/consents'],
    ['POST', '/api/v1/audit/me/consents/sms_notifications/withdraw'],
    ['POST', '/api/v1/audit/chain/verify'],
  ] as const)('%s %s answers 401 without a session', async (method, url) => {
    const res = await app.inject({ method, url, payload: method === 'POST' ? {} : undefined });
    expect(res.statusCode).toBe(401);
  });
});
