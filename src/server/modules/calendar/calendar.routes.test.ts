import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { createTestApp, type Session, type TestApp } from '../../../../test/app';
import { makeHousehold, makePerson } from '../../../../test/factories';
import type { ApiErrorBody } from '../../../contracts/messages';
import type { CalendarDay, CalendarYear, DeadlineResult, WorkingDaysResult } from '../../../contracts/calendar';
import { loadConfig } from '../../platform/config';
import { copyRegistryBatch } from '../population';
import { Browser, formAction, freePort } from '../eid-sandbox/test-support';
import { computeDeadline, loadWorkingCalendar, seedCalendar } from './index';

let t: TestApp;
let base: string;
let admin: Session;
let officer: Session;
let police: Session;
let citizen: { cookie: string; csrfToken: string };
const person = makePerson({
  id: randomUUID(),
  nationalId: '012190000077',
  idCardNumber: '012190000077',
  fullName: 'Lò Văn Tính',
  eIdLevel: 2,
});

/** Signs a citizen in through the sandbox e-ID; returns the session cookie and its CSRF token. */
async function citizenSession(nationalId: string): Promise<{ cookie: string; csrfToken: string }> {
  const browser = new Browser();
  const stopAt = `${base}/me`;
  let page = await browser.follow(
    await browser.request(`${base}/api/v1/auth/eid/login?returnTo=/me`),
    `${base}/api/v1/auth/eid/login`,
    stopAt,
  );
  let res = await browser.request(new URL(formAction(await page.response.text(), '/login'), page.url).href, {
    form: { nationalId, passcode: '123456' },
  });
  page = await browser.follow(res, page.url, stopAt);
  if (!page.url.startsWith(stopAt)) {
    res = await browser.request(new URL(formAction(await page.response.text(), '/consent'), page.url).href, {
      form: {},
    });
    page = await browser.follow(res, page.url, stopAt);
  }
  const me = (await (await browser.request(`${base}/api/v1/auth/me`)).json()) as {
    account: { kind: string } | null;
    csrfToken: string;
  };
  if (me.account?.kind !== 'citizen') throw new Error('citizen sign-in failed');
  // The test browser keeps its cookies private; read the header it would send.
  const cookie = (browser as unknown as { cookieHeader(url: URL): string }).cookieHeader(
    new URL(`${base}/api/v1/calendar/days`),
  );
  return { cookie, csrfToken: me.csrfToken };
}

beforeAll(async () => {
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  t = await createTestApp({ PUBLIC_URL: base });
  await t.app.listen({ port, host: '127.0.0.1' });
  await seedCalendar(t.database.db);
  await copyRegistryBatch(t.database, makeHousehold('03445', [person]));
  [admin, officer, police] = await Promise.all([
    t.staff('admin', '12'),
    t.staff('one_stop_officer', '03445'),
    t.staff('commune_police', '03445'),
  ]);
  citizen = await citizenSession(person.nationalId!);
});
afterAll(async () => t?.close());

const get = (url: string) => t.app.inject({ method: 'GET', url });
const deadline = async (receivedAt: string, workingDays: number | string) =>
  (
    await get(`/api/v1/calendar/deadline?receivedAt=${encodeURIComponent(receivedAt)}&workingDays=${workingDays}`)
  ).json<DeadlineResult>();

function expectFieldError(res: LightMyRequestResponse, status: number, field: string): ApiErrorBody['error'] {
  expect(res.statusCode, res.body).toBe(status);
  const { error } = res.json<ApiErrorBody>();
  expect(error.fields?.map((f) => f.field)).toContain(field);
  const problem = error.fields!.find((f) => f.field === field)!;
  expect(problem.messageVi).toMatch(/[À-ỹ]/); // Vietnamese first (diacritics)…
  expect(problem.messageEn).not.toBe(problem.messageVi); // …and English
  return error;
}

describe('computations (public)', () => {
  it('computes a deadline across Tết 2025 for a dossier received on a Friday evening, without signing in', async () => {
    expect(await deadline('2025-01-24T18:00:00+07:00', 1)).toEqual({
      receivedAt: '2025-01-24T18:00:00+07:00',
      effectiveReceivedAt: '2025-02-03T07:30:00+07:00',
      dueAt: '2025-02-04T17:00:00+07:00',
      workingDays: 1,
      provisional: false,
      provisionalYears: [],
    });
  });

  it('answers in Vietnam time for an instant given in UTC, and reads an unencoded "+" of the offset', async () => {
    expect((await deadline('2025-03-10T04:45:00Z', 0.5)).dueAt).toBe('2025-03-11T11:30:00+07:00');
    const res = await get('/api/v1/calendar/deadline?receivedAt=2025-03-10T11:45:00+07:00&workingDays=0');
    expect(res.json<DeadlineResult>().effectiveReceivedAt).toBe('2025-03-10T13:30:00+07:00');
  });

  it('flags a deadline reaching a year without an announced schedule as provisional', async () => {
    expect(await deadline('2026-12-28T09:00:00+07:00', 5)).toMatchObject({
      dueAt: '2027-01-05T17:00:00+07:00',
      provisional: true,
      provisionalYears: [2027],
    });
  });

  it('counts working days of 2025 and of a range reaching 2027', async () => {
    expect(
      (await get('/api/v1/calendar/working-days?from=2025-01-01&to=2025-12-31')).json<WorkingDaysResult>(),
    ).toEqual({
      from: '2025-01-01',
      to: '2025-12-31',
      workingDays: 250,
      provisional: false,
      provisionalYears: [],
    });
    expect(
      (await get('/api/v1/calendar/working-days?from=2026-12-31&to=2027-01-04')).json<WorkingDaysResult>(),
    ).toMatchObject({ workingDays: 2, provisional: true });
  });

  it.each([
    [
      'receivedAt without an offset',
      '/api/v1/calendar/deadline?receivedAt=2025-01-24T18:00:00&workingDays=1',
      'receivedAt',
    ],
    ['receivedAt that is no date', '/api/v1/calendar/deadline?receivedAt=yesterday&workingDays=1', 'receivedAt'],
    [
      'receivedAt on 30 February',
      '/api/v1/calendar/deadline?receivedAt=2025-02-30T09:00:00%2B07:00&workingDays=1',
      'receivedAt',
    ],
    ['receivedAt missing', '/api/v1/calendar/deadline?workingDays=1', 'receivedAt'],
    [
      'workingDays not a multiple of 0.5',
      '/api/v1/calendar/deadline?receivedAt=2025-01-24T18:00:00%2B07:00&workingDays=0.3',
      'workingDays',
    ],
    [
      'workingDays negative',
      '/api/v1/calendar/deadline?receivedAt=2025-01-24T18:00:00%2B07:00&workingDays=-1',
      'workingDays',
    ],
    [
      'workingDays not a number',
      '/api/v1/calendar/deadline?receivedAt=2025-01-24T18:00:00%2B07:00&workingDays=abc',
      'workingDays',
    ],
    [
      'workingDays too large',
      '/api/v1/calendar/deadline?receivedAt=2025-01-24T18:00:00%2B07:00&workingDays=1000',
      'workingDays',
    ],
    ['from after to', '/api/v1/calendar/working-days?from=2025-03-10&to=2025-03-01', 'to'],
    ['a range of more than 3 years', '/api/v1/calendar/working-days?from=2024-01-01&to=2027-01-01', 'to'],
    ['from not a real date', '/api/v1/calendar/working-days?from=2025-02-30&to=2025-03-01', 'from'],
    ['to missing', '/api/v1/calendar/working-days?from=2025-02-01', 'to'],
  ])('answers %s with a bilingual 400 naming the field', async (_what, url, field) => {
    expectFieldError(await get(url), 400, field);
  });

  it.each([
    [
      'a receipt in a year the calendar cannot cover',
      '/api/v1/calendar/deadline?receivedAt=2150-01-02T09:00:00%2B07:00&workingDays=1',
      'receivedAt',
    ],
    [
      'a period running past the covered years',
      '/api/v1/calendar/deadline?receivedAt=2100-06-01T09:00:00%2B07:00&workingDays=365',
      'workingDays',
    ],
    [
      'a range starting before 2021 with no stored schedule',
      '/api/v1/calendar/working-days?from=2019-12-01&to=2020-01-10',
      'from',
    ],
  ])('refuses %s with CALENDAR.YEAR_INVALID instead of guessing', async (_what, url, field) => {
    expect(expectFieldError(await get(url), 400, field).code).toBe('CALENDAR.YEAR_INVALID');
  });

  it('makes only the two computations public', () => {
    const open = t.app.routeActions
      .filter((r) => r.url.startsWith('/api/v1/calendar') && r.action === 'public' && r.method === 'GET')
      .map((r) => r.url);
    expect(open.sort()).toEqual(['/api/v1/calendar/deadline', '/api/v1/calendar/working-days']);
  });

  it('documents the calendar endpoints in the OpenAPI description', async () => {
    const doc = (await get('/api/openapi.json')).json<{ paths: Record<string, unknown> }>();
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/calendar/deadline',
        '/api/v1/calendar/working-days',
        '/api/v1/calendar/years/{year}',
        '/api/v1/calendar/days/{date}',
      ]),
    );
  });
});

describe('a year’s schedule (staff)', () => {
  it('shows the announced 2025 schedule with its sources to an officer', async () => {
    const res = await officer.inject('/api/v1/calendar/years/2025');
    expect(res.statusCode).toBe(200);
    const year = res.json<CalendarYear>();
    expect(year).toMatchObject({
      year: 2025,
      provisional: false,
      stored: true,
      workingDays: 250,
      workingHours: '07:30-11:30,13:30-17:00',
    });
    expect(year.days).toHaveLength(13);
    expect(year.days.find((d) => d.date === '2025-04-26')).toMatchObject({
      kind: 'working_saturday',
      provisional: false,
    });
    expect(year.days.every((d) => d.source.length > 10)).toBe(true);
  });

  it('shows 2027, which has no announcement, as provisional from the law', async () => {
    const year = (await police.inject('/api/v1/calendar/years/2027')).json<CalendarYear>();
    expect(year).toMatchObject({ provisional: true, stored: false });
    expect(year.days).toHaveLength(11);
    expect(year.days.every((d) => d.provisional && d.source.includes('Bộ luật Lao động 2019'))).toBe(true);
  });

  it('refuses a year outside the covered range and a year that is no number', async () => {
    expect(expectFieldError(await officer.inject('/api/v1/calendar/years/2150'), 400, 'year').code).toBe(
      'CALENDAR.YEAR_INVALID',
    );
    expectFieldError(await officer.inject('/api/v1/calendar/years/abc'), 400, 'year');
  });

  it('keeps the schedule from anonymous visitors (401) and citizens (403)', async () => {
    expect((await get('/api/v1/calendar/years/2025')).statusCode).toBe(401);
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/v1/calendar/years/2025',
      headers: { cookie: citizen.cookie },
    });
    expect(res.statusCode).toBe(403);
  });
});

describe('administrators edit the calendar', () => {
  const add = (s: Session, payload: object) => s.inject({ method: 'POST', url: '/api/v1/calendar/days', payload });
  const sudden = {
    date: '2025-03-11',
    kind: 'holiday',
    name: 'Nghỉ đột xuất (thử nghiệm)',
    source: 'Quyết định thử nghiệm số 01/QĐ-TEST',
  };

  it('lets neither a citizen nor an officer add a day; an administrator can', async () => {
    const asCitizen = await t.app.inject({
      method: 'POST',
      url: '/api/v1/calendar/days',
      payload: sudden,
      headers: { cookie: citizen.cookie, 'x-csrf-token': citizen.csrfToken },
    });
    expect(asCitizen.statusCode).toBe(403);
    expect(asCitizen.json<ApiErrorBody>().error.code).toBe('AUTH.FORBIDDEN');
    for (const s of [officer, police]) expect((await add(s, sudden)).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/calendar/days', payload: sudden })).statusCode).toBe(
      401,
    );
    expect((await officer.inject({ method: 'DELETE', url: '/api/v1/calendar/days/2025-01-01' })).statusCode).toBe(403);
    expect((await deadline('2025-03-10T09:00:00+07:00', 1)).dueAt).toBe('2025-03-11T17:00:00+07:00');

    const res = await add(admin, sudden);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json<CalendarDay>()).toMatchObject({ ...sudden, provisional: false });
  });

  it('moves a computed deadline at once, in the API and for other modules, and back when the day is deleted', async () => {
    expect((await deadline('2025-03-10T09:00:00+07:00', 1)).dueAt).toBe('2025-03-12T17:00:00+07:00');
    const cal = await loadWorkingCalendar(t.database.db);
    expect(computeDeadline(cal, new Date('2025-03-10T09:00:00+07:00'), 1).dueAt.toISOString()).toBe(
      '2025-03-12T10:00:00.000Z',
    );
    expect(await loadWorkingCalendar(t.database.db)).toBe(cal); // cached

    const changed = await admin.inject({
      method: 'POST',
      url: '/api/v1/calendar/days/2025-03-11',
      payload: { kind: 'swapped', name: 'Nghỉ hoán đổi (thử)', source: 'Quyết định thử nghiệm số 02/QĐ-TEST' },
    });
    expect(changed.json<CalendarDay>()).toMatchObject({ kind: 'swapped' });
    expect((await admin.inject({ method: 'DELETE', url: '/api/v1/calendar/days/2025-03-11' })).json()).toEqual({
      deleted: '2025-03-11',
    });
    expect((await deadline('2025-03-10T09:00:00+07:00', 1)).dueAt).toBe('2025-03-11T17:00:00+07:00');
    expect(await loadWorkingCalendar(t.database.db)).not.toBe(cal);
  });

  it('turns a provisional year into a stored one on the first edit, confirms it, and can drop it again', async () => {
    const saturday = await add(admin, {
      date: '2027-01-09',
      kind: 'working_saturday',
      name: 'Làm bù (thử)',
      source: 'Thông báo thử nghiệm 2027',
    });
    expect(saturday.statusCode, saturday.body).toBe(201);
    let year = (await admin.inject('/api/v1/calendar/years/2027')).json<CalendarYear>();
    expect(year).toMatchObject({ stored: true, provisional: true });
    expect(year.days).toHaveLength(12);
    expect(await deadline('2027-01-08T09:00:00+07:00', 1)).toMatchObject({
      dueAt: '2027-01-09T17:00:00+07:00',
      provisional: true,
    });

    const confirmed = await admin.inject({
      method: 'POST',
      url: '/api/v1/calendar/years/2027',
      payload: { source: 'Thông báo lịch nghỉ năm 2027 (thử nghiệm)', provisional: false },
    });
    expect(confirmed.json<CalendarYear>()).toMatchObject({
      stored: true,
      provisional: false,
      source: 'Thông báo lịch nghỉ năm 2027 (thử nghiệm)',
    });
    expect((await deadline('2027-01-08T09:00:00+07:00', 1)).provisional).toBe(false);

    year = (await admin.inject({ method: 'DELETE', url: '/api/v1/calendar/years/2027' })).json<CalendarYear>();
    expect(year).toMatchObject({ stored: false, provisional: true });
    expect(year.days).toHaveLength(11);
    expect((await deadline('2027-01-08T09:00:00+07:00', 1)).dueAt).toBe('2027-01-11T17:00:00+07:00');
    expect((await admin.inject({ method: 'DELETE', url: '/api/v1/calendar/years/2027' })).statusCode).toBe(404);
  });

  it.each([
    [
      'a working Saturday that is a Tuesday',
      { date: '2025-03-11', kind: 'working_saturday', name: 'x', source: 'Thông báo thử' },
      400,
      'kind',
    ],
    ['a day off on a Sunday', { date: '2025-03-09', kind: 'holiday', name: 'x', source: 'Thông báo thử' }, 400, 'date'],
    ['an unknown kind', { date: '2025-03-11', kind: 'party', name: 'x', source: 'Thông báo thử' }, 400, 'kind'],
    ['no source', { date: '2025-03-11', kind: 'holiday', name: 'x', source: '' }, 400, 'source'],
    ['no name', { date: '2025-03-11', kind: 'holiday', source: 'Thông báo thử' }, 400, 'name'],
    [
      'a date that does not exist',
      { date: '2025-02-29', kind: 'holiday', name: 'x', source: 'Thông báo thử' },
      400,
      'date',
    ],
    [
      'a year the calendar does not keep',
      { date: '2250-01-05', kind: 'holiday', name: 'x', source: 'Thông báo thử' },
      400,
      'date',
    ],
    [
      'a day already in the calendar',
      { date: '2025-01-01', kind: 'holiday', name: 'x', source: 'Thông báo thử' },
      409,
      'date',
    ],
    [
      'an unknown field',
      { date: '2025-03-11', kind: 'holiday', name: 'x', source: 'Thông báo thử', colour: 'red' },
      400,
      'colour',
    ],
  ])('refuses %s', async (_what, payload, status, field) => {
    expectFieldError(await add(admin, payload), status, field);
  });

  it('answers 404 for changing or deleting a day that is not in the calendar', async () => {
    const change = await admin.inject({
      method: 'POST',
      url: '/api/v1/calendar/days/2025-03-12',
      payload: { kind: 'holiday', name: 'x', source: 'Thông báo thử' },
    });
    expect(change.statusCode).toBe(404);
    expect((await admin.inject({ method: 'DELETE', url: '/api/v1/calendar/days/2025-03-12' })).statusCode).toBe(404);
    expect((await deadline('2025-03-11T09:00:00+07:00', 1)).dueAt).toBe('2025-03-12T17:00:00+07:00'); // nothing half-written
  });

  it('seeds idempotently and never overwrites an administrator’s edit', async () => {
    expect((await admin.inject({ method: 'DELETE', url: '/api/v1/calendar/days/2026-01-10' })).statusCode).toBe(200);
    await seedCalendar(t.database.db);
    await seedCalendar(t.database.db);
    const year = (await admin.inject('/api/v1/calendar/years/2026')).json<CalendarYear>();
    expect(year.days.map((d) => d.date)).not.toContain('2026-01-10');
    expect(year.days).toHaveLength(14);
  });
});

describe('configuration', () => {
  it('refuses working hours that are not two ordered periods', () => {
    expect(() => loadConfig({ WORKING_HOURS: '07:30-17:00' })).toThrow(/WORKING_HOURS/);
    expect(() => loadConfig({ WORKING_HOURS: '13:30-17:00,07:30-11:30' })).toThrow(/WORKING_HOURS/);
    expect(loadConfig({}).WORKING_HOURS).toBe('07:30-11:30,13:30-17:00');
  });

  it('computes with the configured working hours', async () => {
    const other = await createTestApp({ WORKING_HOURS: '08:00-12:00,13:00-17:30' });
    try {
      await seedCalendar(other.database.db);
      const res = await other.app.inject(
        `/api/v1/calendar/deadline?receivedAt=${encodeURIComponent('2025-01-24T12:30:00+07:00')}&workingDays=0.5`,
      );
      expect(res.json<DeadlineResult>()).toMatchObject({
        effectiveReceivedAt: '2025-01-24T13:00:00+07:00',
        dueAt: '2025-02-03T12:00:00+07:00',
      });
      expect((await loadWorkingCalendar(other.database.db)).workingHours.text).toBe('08:00-12:00,13:00-17:30');
    } finally {
      await other.close();
    }
  });
});
