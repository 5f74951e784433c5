import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Ajv2020 from 'ajv/dist/2020';
import Fastify from 'fastify';
import swagger from '@fastify/swagger';
import { z } from 'zod';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { createTestApp, type TestApp } from '../../../test/app';
import { lintOpenApi } from '../../../test/openapi-lint';
import { API_ERROR_SCHEMA, openApiOptions, operationIdFor, singular } from './openapi';

type Operation = { operationId: string; security: Array<Record<string, string[]>>; responses: Record<string, unknown> };
type Doc = {
  servers: Array<{ url: string }>;
  paths: Record<string, Record<string, Operation>>;
  components: { securitySchemes: Record<string, { type: string; in: string; name: string }> };
};

describe('operation names from method and path', () => {
  it.each([
    ['get', '/api/v1/dossiers', true, 'listDossiers'],
    ['get', '/api/v1/dossiers/{id}', false, 'getDossier'],
    ['post', '/api/v1/dossiers', false, 'postDossier'],
    ['post', '/api/v1/dossiers/{id}/commands/{command}', false, 'postDossierCommand'],
    ['get', '/api/v1/units/tree', false, 'getUnitsTree'],
    ['patch', '/api/v1/cashless/facility-types/{code}', false, 'patchCashlessFacilityType'],
    ['get', '/api/v1/payments/{id}/receipt.pdf', false, 'getPaymentReceiptPdf'],
    ['delete', '/api/v1/identity/users/{id}/assignments/{assignmentId}', false, 'deleteIdentityUserAssignment'],
  ])('%s %s (page: %s) is %s', (method, path, page, id) => {
    expect(operationIdFor(method, path, page)).toBe(id);
  });

  it.each([
    ['dossiers', 'dossier'],
    ['facilities', 'facility'],
    ['statuses', 'status'],
    ['status', 'status'],
    ['access', 'access'],
    ['matches', 'match'],
  ])('the singular of %s is %s', (plural, one) => {
    expect(singular(plural)).toBe(one);
  });
});

describe('openApiOptions on a bare app', () => {
  it('names each method of a route declared for several, and documents a free-form query as one object', async () => {
    const app = Fastify();
    app.setValidatorCompiler(validatorCompiler);
    app.setSerializerCompiler(serializerCompiler);
    await app.register(
      swagger,
      openApiOptions({
        publicUrl: 'https://dvc.example.vn/',
        securitySchemes: {},
        describeAccess: () => ({ security: [], errors: [] }),
      }),
    );
    app.route({ method: ['GET', 'POST'], url: '/api/v1/things/', handler: async () => ({}) });
    app.get('/api/v1/echo', { schema: { querystring: z.record(z.string(), z.string()) } }, async () => ({}));
    await app.ready();
    const doc = app.swagger() as unknown as Doc & {
      paths: Record<string, Record<string, { parameters?: Array<{ name: string; in: string; schema: object }> }>>;
    };
    expect(doc.servers.map((s) => s.url)).toEqual(['https://dvc.example.vn']);
    expect(Object.keys(doc.paths)).toEqual(['/api/v1/things', '/api/v1/echo']);
    expect([doc.paths['/api/v1/things']?.get?.operationId, doc.paths['/api/v1/things']?.post?.operationId]).toEqual([
      'getThings',
      'postThing',
    ]);
    const [query, ...more] = doc.paths['/api/v1/echo']?.get?.parameters ?? [];
    expect([query?.name, query?.in, (query?.schema as { type?: string } | undefined)?.type, more]).toEqual([
      'query',
      'query',
      'object',
      [],
    ]);
    await app.close();
  });
});

describe('the API document (/api/openapi.json)', () => {
  let t: TestApp;
  let doc: Doc;
  const operations = () =>
    Object.entries(doc.paths).flatMap(([path, item]) =>
      Object.entries(item).map(([method, operation]) => ({ path, method, operation })),
    );
  beforeAll(async () => {
    t = await createTestApp();
    doc = (await t.app.inject('/api/openapi.json')).json<Doc>();
  });
  afterAll(async () => t?.close());

  it("passes Redocly's recommended rules without an error", async () => {
    const { problems, errors } = await lintOpenApi(doc);
    expect(problems.filter((p) => p.severity === 'error').map((p) => `${p.ruleId}: ${p.message}`)).toEqual([]);
    expect(errors).toBe(0);
  });

  it('names every operation, each name once, and lists PUBLIC_URL as its server', () => {
    const ids = operations().map((o) => o.operation.operationId);
    expect(ids.length).toBeGreaterThan(90);
    expect(ids.every((id) => /^[a-z][A-Za-z0-9]+$/.test(id))).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    expect(doc.paths['/api/v1/dossiers/{id}/commands/{command}']?.post?.operationId).toBe('postDossierCommand');
    expect(doc.servers).toEqual([expect.objectContaining({ url: 'http://localhost:3000' })]);
  });

  it('describes the session cookie and the CSRF header, required as the request hooks require them', () => {
    const schemes = Object.entries(doc.components.securitySchemes).map(([key, s]) => [key, s.type, s.in, s.name]);
    expect(schemes).toEqual([
      ['session', 'apiKey', 'cookie', 'dvc06_sid'],
      ['csrf', 'apiKey', 'header', 'X-CSRF-Token'],
    ]);
    expect(doc.paths['/api/v1/units']?.get?.security).toEqual([]);
    expect(doc.paths['/api/v1/dossiers/{id}']?.get?.security).toEqual([{ session: [] }]);
    expect(doc.paths['/api/v1/dossiers']?.post?.security).toEqual([{ session: [], csrf: [] }]);
    // Public but state-changing: anonymous, or with a session its CSRF token.
    expect(doc.paths['/api/v1/dossiers/status-lookup']?.post?.security).toEqual([{}, { session: [], csrf: [] }]);
  });

  it('a GET documented without security answers without a session, and one that needs the session answers 401 without it', async () => {
    const gets = operations().filter((o) => o.method === 'get' && !o.path.includes('{'));
    expect(gets.length).toBeGreaterThan(20);
    for (const { path, operation } of gets) {
      const res = await t.app.inject({ method: 'GET', url: path });
      if (operation.security.length === 0) expect([path, res.statusCode]).not.toEqual([path, 401]);
      else expect([path, res.statusCode]).toEqual([path, 401]);
    }
  });

  it('documents the refusals that apply: 401/403 when signed in, 404 on a resource, 409/413 on a change, 429 where throttled', () => {
    const get = doc.paths['/api/v1/dossiers/{id}']?.get?.responses ?? {};
    expect(Object.keys(get)).toEqual(expect.arrayContaining(['200', '400', '401', '403', '404', '503']));
    expect(Object.keys(get)).not.toContain('413');
    const command = doc.paths['/api/v1/dossiers/{id}/commands/{command}']?.post?.responses ?? {};
    expect(Object.keys(command)).toEqual(expect.arrayContaining(['400', '401', '403', '404', '409', '413']));
    expect(command['409']).toEqual({ $ref: '#/components/responses/Conflict' });
    expect(Object.keys(doc.paths['/api/v1/units/tree']?.get?.responses ?? {})).not.toContain('401');
    expect(Object.keys(doc.paths['/api/v1/dossiers/status-lookup']?.post?.responses ?? {})).toContain('429');
    expect(Object.keys(doc.paths['/api/v1/auth/login']?.post?.responses ?? {})).toEqual(
      expect.arrayContaining(['401', '429']),
    );
  });

  it('real error answers (400, 401, 404) have the documented bilingual body', async () => {
    const validate = new Ajv2020({ strict: false }).compile(API_ERROR_SCHEMA);
    const answers = [
      await t.app.inject({ method: 'POST', url: '/api/v1/population/validate-id', payload: { nationalId: 12 } }),
      await t.app.inject({ method: 'GET', url: '/api/v1/dossiers/mine' }),
      await t.app.inject({ method: 'GET', url: '/api/v1/units/99999' }),
    ];
    expect(answers.map((r) => r.statusCode)).toEqual([400, 401, 404]);
    for (const answer of answers) {
      const body: unknown = answer.json();
      expect([validate(body), validate.errors]).toEqual([true, null]);
    }
  });

  it('has no path ending in a slash, and the path without it answers', async () => {
    expect(Object.keys(doc.paths).filter((p) => p.endsWith('/'))).toEqual([]);
    expect((await t.app.inject('/api/v1/units')).statusCode).toBe(200);
    expect((await t.app.inject('/api/v1/procedures')).statusCode).toBe(200);
  });

  it('serves the docs UI under a policy with no inline style or script, and leaves the app its own', async () => {
    const ui = await t.app.inject('/api/docs/');
    expect(ui.statusCode).toBe(200);
    const csp = String(ui.headers['content-security-policy']);
    expect(csp).toContain("style-src 'self';");
    expect(csp).toContain("script-src 'self';");
    expect(csp).not.toContain('unsafe-inline');
    const app = String((await t.app.inject('/healthz')).headers['content-security-policy']);
    expect(app).toContain("frame-ancestors 'none'");
    expect(app).not.toBe(csp);
  });
});
