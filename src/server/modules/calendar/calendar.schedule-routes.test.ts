import { describe, expect, it } from 'vitest';
import type { Session } from '../../../../test/app';
import type { ApiErrorBody } from '../../../contracts/messages';
import type { CalendarDay, CalendarYear } from '../../../contracts/calendar';
import { computeDeadline, loadWorkingCalendar, seedCalendar } from './index';
import {
  admin,
  citizen,
  deadline,
  expectFieldError,
  get,
  officer,
  police,
  t,
  useCalendarApp,
} from './calendar.routes.test-support';

useCalendarApp();

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
    expect(year.days).toHaveLength(12); // the Labour Code's eleven and 24/11 Vietnamese Culture Day (from 2026)
    expect(year.days.find((d) => d.date === '2027-11-24')?.source).toMatch(/80-NQ\/TW/);
    expect(year.days.every((d) => d.provisional && /Bộ luật Lao động 2019|80-NQ\/TW/.test(d.source))).toBe(true);
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
    expect(year.days).toHaveLength(13);
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
    expect(year.days).toHaveLength(12);
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
    expect(year.days).toHaveLength(15); // 16 announced with 24/11, less the deleted working Saturday
  });
});
