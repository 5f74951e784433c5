import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../../test/app';
import { todayInVietnam } from '../../../contracts/common';
import type { CounterSummary, Visit, VisitPage } from '../../../contracts/counter';
import { DEFAULT_ROLES } from '../identity';
import { citizenAccountFor } from '../identity/auth.service';
import { openSession, SESSION_COOKIE } from '../identity/sessions';
import {
  DOAN_KET,
  MUONG_TE,
  PEOPLE,
  patch,
  post,
  seedCounterFixtures,
  visitBody,
  type Caller,
  type ErrorBody,
} from './test-support';

let t: TestApp;
const sessions = new Map<string, Caller>();
let citizen: Caller;
const today = todayInVietnam();

beforeAll(async () => {
  t = await createTestApp();
  await seedCounterFixtures(t);
  // Every staff role at the province (its grant covers every commune), like identity's matrix test.
  for (const r of DEFAULT_ROLES.filter((x) => x.staff))
    sessions.set(r.code, await t.staff(r.code, '12', r.needsSector ? 'health_insurance' : undefined));
  // A citizen signed in with e-ID level 2 (the account and session as the e-ID callback makes them).
  const account = await citizenAccountFor(t.database.db, 'https://eid.test', {
    subject: 'sub-thuy',
    nationalId: PEOPLE.thuy.nationalId,
    name: 'Lò Thị Thuỷ',
    level: 2,
    idToken: 'x',
  });
  const { token, csrfToken } = await openSession(t.database.db, account.id, { acr: 2 });
  citizen = {
    inject: (o) => {
      const opts = typeof o === 'string' ? { url: o } : o;
      return t.app.inject({ ...opts, headers: { cookie: `${SESSION_COOKIE}=${token}`, 'x-csrf-token': csrfToken } });
    },
  };
  sessions.set('citizen', citizen);
});
afterAll(async () => t?.close());

/** One request per action: recording at a Mường Tè counter, reading the Mường Tè list. */
const probes = {
  'counter.visit.record': (s: Caller) => post(s, '/api/v1/counter/visits', visitBody({ unitCode: MUONG_TE })),
  'counter.visit.read': (s: Caller) => s.inject(`/api/v1/counter/visits?unitCode=${MUONG_TE}&date=${today}`),
} as const;

describe('every role × the two counter actions', () => {
  const cases = DEFAULT_ROLES.flatMap((r) =>
    (Object.keys(probes) as Array<keyof typeof probes>).map(
      (action) => [r.code, action, r.actions.includes(action)] as const,
    ),
  );

  it('gives the counter actions to the officers who serve citizens and the readers of the figures, and never to a citizen', () => {
    const holders = (action: string) =>
      DEFAULT_ROLES.filter((r) => r.actions.includes(action as never))
        .map((r) => r.code)
        .sort();
    expect(holders('counter.visit.record')).toEqual(['civil_status_officer', 'commune_police', 'one_stop_officer']);
    expect(holders('counter.visit.read')).toEqual([
      'civil_status_officer',
      'commune_police',
      'leader',
      'one_stop_officer',
      'standing_agency',
    ]);
  });

  it.each(cases)('%s → %s allowed: %s', async (role, action, allowed) => {
    const res = await probes[action](sessions.get(role)!);
    if (allowed) expect(res.statusCode, res.body).toBe(action === 'counter.visit.record' ? 201 : 200);
    else expect(res.statusCode, res.body).toBe(403);
  });

  it.each(Object.entries(probes))('answers %s with 401 when not signed in', async (_action, probe) => {
    const res = await probe(t.app);
    expect(res.statusCode).toBe(401);
  });

  it('refuses the lookup, a correction and the summary to a citizen', async () => {
    expect((await post(citizen, '/api/v1/counter/lookup', { nationalId: PEOPLE.thuy.nationalId! })).statusCode).toBe(
      403,
    );
    expect(
      (await patch(citizen, '/api/v1/counter/visits/6f1c1c52-7a4e-4d2b-9a59-0d5f1b0f0a11', { outcome: 'filed_paper' }))
        .statusCode,
    ).toBe(403);
    expect((await citizen.inject(`/api/v1/counter/summary?from=${today}&to=${today}`)).statusCode).toBe(403);
  });
});

describe('unit scope: an officer of commune A and commune B’s counter', () => {
  let a: Session;
  let b: Session;
  let bVisit: Visit;
  beforeAll(async () => {
    a = await t.staff('one_stop_officer', MUONG_TE);
    b = await t.staff('commune_police', DOAN_KET);
    bVisit = (
      await post(
        b,
        '/api/v1/counter/visits',
        visitBody({ nationalId: PEOPLE.pao.nationalId, counterLabel: 'Quầy công an' }),
      )
    ).json<Visit>();
  });

  it('records at the officer’s own unit when none is given', async () => {
    const res = await post(a, '/api/v1/counter/visits', visitBody());
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json<Visit>().unitCode).toBe(MUONG_TE);
    expect(bVisit.unitCode).toBe(DOAN_KET);
  });

  it('cannot record at B’s counter (403 naming unitCode), and nothing is written', async () => {
    const res = await post(a, '/api/v1/counter/visits', visitBody({ unitCode: DOAN_KET }));
    expect(res.statusCode).toBe(403);
    expect(res.json<ErrorBody>().error).toMatchObject({
      code: 'COUNTER.UNIT_FORBIDDEN',
      fields: [expect.objectContaining({ field: 'unitCode' })],
    });
    const list = (await b.inject(`/api/v1/counter/visits?unitCode=${DOAN_KET}`)).json<VisitPage>();
    expect(list.items.map((v) => v.id)).toEqual([bVisit.id]);
  });

  it('cannot read B’s list, visit or summary; its own list and summary leave B out', async () => {
    expect((await a.inject(`/api/v1/counter/visits?unitCode=${DOAN_KET}`)).statusCode).toBe(403);
    expect((await a.inject(`/api/v1/counter/visits/${bVisit.id}`)).statusCode).toBe(404);
    expect((await a.inject(`/api/v1/counter/summary?from=${today}&to=${today}&unitCode=${DOAN_KET}`)).statusCode).toBe(
      403,
    );
    const own = (await a.inject(`/api/v1/counter/visits?date=${today}`)).json<VisitPage>();
    expect(own.items.length).toBeGreaterThan(0);
    expect(own.items.every((v) => v.unitCode === MUONG_TE)).toBe(true);
    const summary = (await a.inject(`/api/v1/counter/summary?from=${today}&to=${today}`)).json<CounterSummary>();
    expect(summary.rows.map((r) => r.unitCode)).toEqual([MUONG_TE]);
  });

  it('cannot correct B’s visit (404: outside its units)', async () => {
    const res = await patch(a, `/api/v1/counter/visits/${bVisit.id}`, { outcome: 'filed_paper' });
    expect(res.statusCode).toBe(404);
  });

  it('lets a province reader see both communes', async () => {
    const summary = (
      await sessions.get('standing_agency')!.inject(`/api/v1/counter/summary?from=${today}&to=${today}`)
    ).json<CounterSummary>();
    expect(summary.rows.map((r) => r.unitCode).sort()).toEqual([DOAN_KET, MUONG_TE]);
  });

  it('makes an officer assigned in two communes choose the unit', async () => {
    const both = await t.staff('one_stop_officer', MUONG_TE);
    const { assignRole } = await import('../identity');
    await assignRole(t.database.db, null, both.accountId, { role: 'one_stop_officer', unitCode: DOAN_KET });
    const res = await post(both, '/api/v1/counter/visits', visitBody());
    expect(res.statusCode).toBe(400);
    expect(res.json<ErrorBody>().error.fields?.[0]?.field).toBe('unitCode');
    expect((await post(both, '/api/v1/counter/visits', visitBody({ unitCode: DOAN_KET }))).statusCode).toBe(201);
  });
});
