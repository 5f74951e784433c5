import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { createTestApp, type Session, type TestApp } from './app';
import { makeHousehold, makePerson } from './factories';
import { copyRegistryBatch } from '../src/server/modules/population';
import { seedProcedures } from '../src/server/modules/procedures';
import { seedCalendar } from '../src/server/modules/calendar';
import { DEFAULT_ROLES } from '../src/server/modules/identity';
import { deepJson, MALFORMED_MULTIPART } from './malformed-input';

/**
 * "Bad input gets a clear error, never a 500": every route of the app, called by every kind of
 * caller with malformed path parameters, query strings and bodies, answers below 500.
 */
let t: TestApp;
const callers = new Map<string, Session | null>();
const person = makePerson({
  id: randomUUID(),
  nationalId: '012190099001',
  idCardNumber: '012190099001',
  fullName: 'Lò Thị Thử',
});

beforeAll(async () => {
  t = await createTestApp({ LOG_LEVEL: 'fatal' });
  await seedProcedures(t.database.db);
  await seedCalendar(t.database.db);
  await copyRegistryBatch(t.database, makeHousehold('03445', [person]));
  callers.set('anonymous', null);
  callers.set('citizen', await t.citizen({ nationalId: person.nationalId!, fullName: person.fullName }, 2));
  for (const r of DEFAULT_ROLES.filter((x) => x.staff))
    callers.set(
      r.code,
      await t.staff(
        r.code,
        r.code === 'commune_police' || r.code === 'one_stop_officer' ? '03445' : '12',
        r.needsSector ? 'health_insurance' : undefined,
      ),
    );
}, 180_000);
afterAll(async () => t?.close());

/** Path parameters filled with a well-formed unknown id, or with junk. */
const fill = (url: string, junk: boolean) => url.replace(/:[A-Za-z]+/g, () => (junk ? '%E2%80%AE%00x' : randomUUID()));
const JUNK_QUERY = `page=-1&pageSize=abc&from=2026-13-45&to=x&date=yesterday&unitCode=%3Cscript%3E&code=${'9'.repeat(300)}&month=99&purpose=%00&queue=everything&state=flying&kind=x`;
const BODIES: Array<[string, string]> = [
  ['{}', 'application/json'],
  ['{"x":1,"page":"a","nationalId":12,"name":[],"from":"soon"}', 'application/json'],
  ['[]', 'application/json'],
  ['"text"', 'application/json'],
  ['{"a":', 'application/json'],
  ['x=1', 'application/x-www-form-urlencoded'],
];
/** Shapes that once reached a 500: JSON nested 10,000 deep, and multipart the parser cannot read. Sent on the first URL of each route. */
const HOSTILE_BODIES: Array<[string, string]> = [
  [deepJson(10_000), 'application/json'],
  ...Object.values(MALFORMED_MULTIPART).map(({ body, contentType }): [string, string] => [body, contentType]),
];
/** The path spelled as the router decodes it but a prefix check on the raw URL would not see (/%61pi/…). */
const encodedPath = (url: string) => url.replace(/^\/(\w)/, (_, c: string) => `/%${c.charCodeAt(0).toString(16)}`);

describe('no route answers 500 to bad input', () => {
  it('holds for every route, caller and malformed request', async () => {
    const routes = t.app.routeActions
      .filter((r) => r.method !== 'HEAD' && r.method !== 'OPTIONS' && !r.url.includes('*'))
      .filter((r) => !/\/auth\/logout$|^\/api\/docs|^\/api\/openapi/.test(r.url));
    expect(routes.length).toBeGreaterThan(60);
    const failures: string[] = [];
    const statuses = new Map<number, number>();
    for (const [who, session] of callers) {
      const inject = (o: Parameters<Session['inject']>[0]) => (session ? session.inject(o) : t.app.inject(o));
      for (const route of routes) {
        // The path alone wrong (an unknown id, or junk), then the query alone: each reaches further in.
        // The same path spelled with an encoded first letter: the router decodes it and the route runs with every guard.
        const urls = [
          fill(route.url, false),
          fill(route.url, true),
          `${fill(route.url, false)}?${JUNK_QUERY}`,
          encodedPath(fill(route.url, false)),
        ];
        for (const url of urls) {
          const bodies = url === urls[0] ? [...BODIES, ...HOSTILE_BODIES] : BODIES;
          const requests =
            route.method === 'GET'
              ? [{ method: 'GET' as const, url }]
              : bodies.map(([payload, type]) => ({
                  method: route.method as 'POST',
                  url,
                  payload,
                  headers: { 'content-type': type },
                }));
          for (const request of requests) {
            const res = await inject(request);
            statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
            if (res.statusCode >= 500 && res.statusCode !== 503)
              failures.push(
                `${who} ${request.method} ${request.url.slice(0, 80)} ${'payload' in request ? request.payload.slice(0, 80) : ''} → ${res.statusCode} ${res.body.slice(0, 160)}`,
              );
          }
        }
      }
    }
    expect(failures).toEqual([]);
    // The requests got past the guards into the handlers too: unknown ids found missing, plain reads answered.
    expect(statuses.get(404) ?? 0).toBeGreaterThan(50);
    expect(statuses.get(200) ?? 0).toBeGreaterThan(100);
    expect(statuses.get(400) ?? 0).toBeGreaterThan(1000);
  }, 600_000);
});
