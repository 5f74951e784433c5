import { beforeAll, describe, expect, it } from 'vitest';
import { readReferenceSchedules } from './calendar.service';
import { CalendarYearError } from './calendar.errors';
import {
  addWorkingMinutes,
  computeDeadline,
  effectiveReceipt,
  isWorkingDay,
  workingDayMinutes,
  workingDaysBetween,
  workingMinutesBetween,
} from './deadline';
import { at, useReferenceCalendar, vn } from './deadline.test-support';
import { buildWorkingCalendar, workingHoursFrom, type WorkingCalendar } from './working-calendar';

// The real announced schedules of 2024–2026 (reference/calendar, DOMAIN.md §6), default hours
// 07:30–11:30 and 13:30–17:00. Every time below is Vietnam time.
let cal: WorkingCalendar;
const reference = useReferenceCalendar();
beforeAll(() => {
  cal = reference();
});

describe('effective receipt', () => {
  it.each([
    ['inside the morning', '2025-03-10T09:00:00', '2025-03-10T09:00:00'],
    ['at opening time', '2025-03-10T07:30:00', '2025-03-10T07:30:00'],
    ['before opening', '2025-03-10T06:00:00', '2025-03-10T07:30:00'],
    ['at 11:45, in the lunch break', '2025-03-10T11:45:00', '2025-03-10T13:30:00'],
    ['at 11:30 sharp (the morning has ended)', '2025-03-10T11:30:00', '2025-03-10T13:30:00'],
    ['at 17:00 sharp on a Friday', '2025-03-14T17:00:00', '2025-03-17T07:30:00'],
    ['on a Friday evening before Tết 2025', '2025-01-24T18:00:00', '2025-02-03T07:30:00'],
    ['on a Sunday', '2025-03-09T10:00:00', '2025-03-10T07:30:00'],
    ['on the working Saturday 2024-05-04', '2024-05-04T09:00:00', '2024-05-04T09:00:00'],
    ['on a Friday evening before the working Saturday 2025-04-26', '2025-04-25T17:30:00', '2025-04-26T07:30:00'],
    ['on an ordinary Saturday', '2025-04-19T09:00:00', '2025-04-21T07:30:00'],
    ['on the Hùng Kings compensatory day 2026-04-27', '2026-04-27T08:00:00', '2026-04-28T07:30:00'],
  ])('received %s (%s) counts from %s', (_what, received, expected) => {
    expect(vn(effectiveReceipt(cal, at(received)))).toBe(expected);
  });

  it('reads an instant given in UTC the same way', () => {
    expect(vn(effectiveReceipt(cal, new Date('2025-03-10T04:45:00Z')))).toBe('2025-03-10T13:30:00');
  });
});

describe('deadlines against the real 2024–2026 schedule', () => {
  it.each([
    // Tết 2025: off Mon 27/01 – Fri 31/01, weekends either side.
    ['Friday evening before Tết 2025, 1 day', '2025-01-24T18:00:00', 1, '2025-02-03T07:30:00', '2025-02-04T17:00:00'],
    ['Thursday before Tết 2025, 2 days', '2025-01-23T10:00:00', 2, '2025-01-23T10:00:00', '2025-02-03T17:00:00'],
    [
      'Friday morning before Tết 2025, half a day',
      '2025-01-24T09:00:00',
      0.5,
      '2025-01-24T09:00:00',
      '2025-02-03T11:30:00',
    ],
    [
      'Friday evening before Tết 2025, immediate',
      '2025-01-24T18:00:00',
      0,
      '2025-02-03T07:30:00',
      '2025-02-03T07:30:00',
    ],
    // Tết 2026: off Mon 16/02 – Fri 20/02.
    ['Friday 13/02/2026 at 16:59, 3 days', '2026-02-13T16:59:00', 3, '2026-02-13T16:59:00', '2026-02-25T17:00:00'],
    ['Friday 13/02/2026 at 17:00, 1 day', '2026-02-13T17:00:00', 1, '2026-02-23T07:30:00', '2026-02-24T17:00:00'],
    // Swap 2024: Mon 29/04 off, Sat 04/05 a working day; 30/04 and 01/05 holidays.
    [
      'Friday 26/04/2024, 2 days (across the 29/04 swap)',
      '2024-04-26T15:00:00',
      2,
      '2024-04-26T15:00:00',
      '2024-05-03T17:00:00',
    ],
    [
      'Friday 26/04/2024, 3 days (ends on the working Saturday)',
      '2024-04-26T15:00:00',
      3,
      '2024-04-26T15:00:00',
      '2024-05-04T17:00:00',
    ],
    [
      'on the working Saturday 04/05/2024, 1 day',
      '2024-05-04T09:00:00',
      1,
      '2024-05-04T09:00:00',
      '2024-05-06T17:00:00',
    ],
    // Swap 2025: Sat 26/04 a working day, Fri 02/05 off.
    [
      'on the working Saturday 26/04/2025, 1 day',
      '2025-04-26T10:00:00',
      1,
      '2025-04-26T10:00:00',
      '2025-04-28T17:00:00',
    ],
    [
      'Friday evening 25/04/2025, 1 day (received on the working Saturday)',
      '2025-04-25T17:30:00',
      1,
      '2025-04-26T07:30:00',
      '2025-04-28T17:00:00',
    ],
    [
      'Tuesday 29/04/2025, 1 day (30/04, 01/05 and the swapped 02/05 off)',
      '2025-04-29T14:00:00',
      1,
      '2025-04-29T14:00:00',
      '2025-05-05T17:00:00',
    ],
    // Swaps 2026: Fri 02/01 off for Sat 10/01; Mon 31/08 off for Sat 22/08.
    [
      '31/12/2025 afternoon, 1 day (01/01 and the swapped 02/01 off)',
      '2025-12-31T16:00:00',
      1,
      '2025-12-31T16:00:00',
      '2026-01-05T17:00:00',
    ],
    [
      'Friday 09/01/2026, 1 day (ends on the working Saturday 10/01)',
      '2026-01-09T10:00:00',
      1,
      '2026-01-09T10:00:00',
      '2026-01-10T17:00:00',
    ],
    [
      'Friday 21/08/2026, half a day (the working Saturday 22/08 morning)',
      '2026-08-21T09:00:00',
      0.5,
      '2026-08-21T09:00:00',
      '2026-08-22T11:30:00',
    ],
    // National Day 2025: Mon 01/09 and Tue 02/09 off; 2026: Mon 31/08 (swap), Tue 01/09, Wed 02/09 off.
    [
      'Friday 29/08/2025, 1 day (National Day 2025)',
      '2025-08-29T10:00:00',
      1,
      '2025-08-29T10:00:00',
      '2025-09-03T17:00:00',
    ],
    ['Friday 29/08/2025, 1.5 days', '2025-08-29T10:00:00', 1.5, '2025-08-29T10:00:00', '2025-09-04T11:30:00'],
    [
      'Friday 28/08/2026, 1 day (National Day 2026)',
      '2026-08-28T10:00:00',
      1,
      '2026-08-28T10:00:00',
      '2026-09-03T17:00:00',
    ],
    // The lunch break, half days.
    ['at 11:45 (lunch break), 1 day', '2025-03-10T11:45:00', 1, '2025-03-10T13:30:00', '2025-03-11T17:00:00'],
    ['at 11:45 (lunch break), half a day', '2025-03-10T11:45:00', 0.5, '2025-03-10T13:30:00', '2025-03-11T11:30:00'],
    ['at 11:45 (lunch break), immediate', '2025-03-10T11:45:00', 0, '2025-03-10T13:30:00', '2025-03-10T13:30:00'],
    [
      'Monday evening, 1 day (the receipt day becomes Tuesday)',
      '2025-03-10T18:00:00',
      1,
      '2025-03-11T07:30:00',
      '2025-03-12T17:00:00',
    ],
    ['Monday morning, 2.5 days', '2025-03-10T09:00:00', 2.5, '2025-03-10T09:00:00', '2025-03-13T11:30:00'],
    [
      'Monday afternoon, 15 days (three weeks)',
      '2025-03-10T14:00:00',
      15,
      '2025-03-10T14:00:00',
      '2025-03-31T17:00:00',
    ],
  ])('%s', (_what, received, days, effective, due) => {
    const result = computeDeadline(cal, at(received), days);
    expect(vn(result.effectiveReceivedAt)).toBe(effective);
    expect(vn(result.dueAt)).toBe(due);
    expect(result.provisional).toBe(false);
  });

  it('flags a deadline that runs into a year without an announced schedule as provisional', () => {
    const inside = computeDeadline(cal, at('2026-12-28T09:00:00'), 2);
    expect(inside.provisional).toBe(false);
    const across = computeDeadline(cal, at('2026-12-28T09:00:00'), 5);
    expect(vn(across.dueAt)).toBe('2027-01-05T17:00:00'); // 29, 30, 31/12; 01/01/2027 a (provisional) holiday; 04/01, 05/01
    expect(across).toMatchObject({ provisional: true, provisionalYears: [2027] });
  });

  it.each([-1, 0.25, 1.3, Number.NaN, Number.POSITIVE_INFINITY])('refuses %s working days', (days) => {
    expect(() => computeDeadline(cal, at('2025-03-10T09:00:00'), days)).toThrow(/CALENDAR.WORKING_DAYS_INVALID/);
  });

  it('refuses years outside the stored and derivable range rather than guessing', () => {
    expect(() => computeDeadline(cal, at('2019-06-03T09:00:00'), 1)).toThrow(CalendarYearError);
    expect(() => computeDeadline(cal, at('2100-12-29T09:00:00'), 5)).toThrow(/2101/);
    expect(() => isWorkingDay(cal, '2150-01-02')).toThrow(CalendarYearError);
  });
});

describe('working days', () => {
  it.each([
    // weekdays − weekdays off + working Saturdays
    ['2024', '2024-01-01', '2024-12-31', 262 - 12 + 1],
    ['2025', '2025-01-01', '2025-12-31', 261 - 12 + 1],
    ['2026 (with 24/11 Vietnamese Culture Day)', '2026-01-01', '2026-12-31', 261 - 14 + 2],
    ['the week of Tết 2025', '2025-01-27', '2025-01-31', 0],
    ['the working Saturday 2024-05-04 alone', '2024-05-04', '2024-05-04', 1],
    ['a range ending before it starts', '2025-03-10', '2025-03-09', 0],
  ])('counts %s', (_what, from, to, expected) => {
    expect(workingDaysBetween(cal, from, to)).toBe(expected);
  });

  it.each([
    ['2024-05-04', true],
    ['2024-05-05', false],
    ['2024-04-29', false],
    ['2025-04-07', false],
    ['2025-04-26', true],
    ['2026-04-26', false],
    ['2026-04-27', false],
    ['2026-04-28', true],
    ['2026-08-22', true],
    ['2026-08-29', false],
  ])('knows whether %s is a working day (%s)', (day, expected) => {
    expect(isWorkingDay(cal, day)).toBe(expected);
  });
});

describe('working minutes (pausing and resuming a deadline)', () => {
  it.each([
    ['within one day across the lunch break', '2025-03-10T09:00:00', '2025-03-10T15:00:00', 240],
    ['across Tết 2025', '2025-01-24T16:00:00', '2025-02-03T08:00:00', 90],
    ['over a weekend', '2025-03-14T16:30:00', '2025-03-17T07:45:00', 45],
    ['when the end is before the start', '2025-03-10T15:00:00', '2025-03-10T09:00:00', 0],
  ])('measures %s', (_what, from, to, minutes) => {
    expect(workingMinutesBetween(cal, at(from), at(to))).toBe(minutes);
  });

  it.each([
    ['ends at the end of the morning, not at 13:30', '2025-03-10T09:00:00', 150, '2025-03-10T11:30:00'],
    ['crosses Tết 2025', '2025-01-24T16:00:00', 90, '2025-02-03T08:00:00'],
    ['starts from a weekend at the next opening', '2025-03-08T10:00:00', 30, '2025-03-10T08:00:00'],
    ['adds nothing for 0 minutes', '2025-03-08T10:00:00', 0, '2025-03-08T10:00:00'],
  ])('adds working time: %s', (_what, from, minutes, expected) => {
    expect(vn(addWorkingMinutes(cal, at(from), minutes))).toBe(expected);
  });

  it('resumes a paused deadline at the same due time when no time passed, for pauses all over 2025', () => {
    const received = at('2025-01-20T10:00:00');
    const { dueAt } = computeDeadline(cal, received, 12);
    for (let t = received.getTime(); t < dueAt.getTime(); t += 97 * 60_000) {
      const left = workingMinutesBetween(cal, new Date(t), dueAt);
      expect(addWorkingMinutes(cal, new Date(t), left).getTime()).toBe(dueAt.getTime());
    }
  });

  it('shifts the due time by the working days a supplement request lasted', () => {
    const { dueAt } = computeDeadline(cal, at('2025-03-03T09:00:00'), 5); // due Mon 10/03 17:00
    const pausedAt = at('2025-03-05T10:00:00');
    const left = workingMinutesBetween(cal, pausedAt, dueAt);
    expect(left).toBe(90 + 210 + 3 * workingDayMinutes(cal)); // rest of Wed morning + afternoon + Thu, Fri, Mon
    const resumed = addWorkingMinutes(cal, at('2025-03-12T10:00:00'), left); // resubmitted a week (5 working days) later
    expect(vn(resumed)).toBe('2025-03-17T17:00:00');
  });

  it('rejects a negative number of minutes', () => {
    expect(() => addWorkingMinutes(cal, at('2025-03-10T09:00:00'), -5)).toThrow(RangeError);
  });
});

describe('configured working hours', () => {
  it('uses the configured periods for receipt, half days and full days', async () => {
    const custom = buildWorkingCalendar(await readReferenceSchedules(), workingHoursFrom('08:00-12:00,13:00-17:30'));
    expect(workingDayMinutes(custom)).toBe(510);
    expect(vn(effectiveReceipt(custom, at('2025-03-10T12:30:00')))).toBe('2025-03-10T13:00:00');
    expect(vn(computeDeadline(custom, at('2025-03-10T07:45:00'), 0.5).dueAt)).toBe('2025-03-11T12:00:00');
    expect(vn(computeDeadline(custom, at('2025-03-10T07:45:00'), 1).dueAt)).toBe('2025-03-11T17:30:00');
  });

  it.each([
    '07:30-11:30',
    '07:30-11:30,11:00-17:00',
    '7:30-11:30,13:30-17:00',
    '11:30-07:30,13:30-17:00',
    '07:30-11:30,13:30-25:00',
  ])('refuses working hours "%s"', (text) => {
    expect(() => workingHoursFrom(text)).toThrow(/WORKING_HOURS/);
  });
});
