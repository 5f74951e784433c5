import { describe, expect, it } from 'vitest';
import { createTestApp } from '../../../../test/app';
import type { DeadlineResult, WorkingDaysResult } from '../../../contracts/calendar';
import { loadConfig } from '../../platform/config';
import { loadWorkingCalendar, seedCalendar } from './index';
import { deadline, expectFieldError, get, t, useCalendarApp } from './calendar.routes.test-support';

useCalendarApp();

describe('computations (public)', () => {
  it('computes a deadline across Tết 2025 for a dossier received on a Friday evening, without signing in', async () => {
    expect(await deadline('2025-01-24T18:00:00+07:00', 1)).toEqual({
      receivedAt: '2025-01-24T18:00:00+07:00',
      effectiveReceivedAt: '2025-02-03T07:30:00+07:00',
      dueAt: '2025-02-04T17:00:00+07:00',
      workingDays: 1,
      sameDayCutoff: null,
      provisional: false,
      provisionalYears: [],
    });
  });

  it('computes the same-day rule with a 15:00 cut-off (Civil Status Law 2014 Art. 5(3)) and refuses a bad one', async () => {
    const sameDay = (at: string, cutoff: string, days = 0) =>
      get(`/api/v1/calendar/deadline?receivedAt=${encodeURIComponent(at)}&workingDays=${days}&sameDayCutoff=${cutoff}`);
    expect((await sameDay('2026-02-13T10:00:00+07:00', '15:00')).json<DeadlineResult>()).toMatchObject({
      dueAt: '2026-02-13T17:00:00+07:00',
      sameDayCutoff: '15:00',
    });
    expect((await sameDay('2026-02-13T15:30:00+07:00', '15:00')).json<DeadlineResult>().dueAt).toBe(
      '2026-02-23T17:00:00+07:00',
    );
    expectFieldError(await sameDay('2026-02-13T10:00:00+07:00', '3pm'), 400, 'sameDayCutoff');
    expectFieldError(await sameDay('2026-02-13T10:00:00+07:00', '15:00', 1), 400, 'workingDays');
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
