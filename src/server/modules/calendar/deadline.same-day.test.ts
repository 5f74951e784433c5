import { describe, expect, it } from 'vitest';
import { readReferenceSchedules } from './calendar.service';
import {
  addWorkingMinutes,
  computeDeadline,
  computeSameDayDeadline,
  deadlineOfRule,
  workingMinutesBetween,
} from './deadline';
import { at, useReferenceCalendar, vn } from './deadline.test-support';
import { buildWorkingCalendar, workingHoursFrom } from './working-calendar';

// "Settled the same working day; the next working day when received after 15:00": Civil Status
// Law 2014 Art. 16(2) (birth), 18(2) (marriage), 34(2) (death) settle at once, and Art. 5(3) moves a
// dossier received after 15:00 to the next working day. Real 2024–2026 schedules (reference/calendar),
// hours 07:30–11:30 and 13:30–17:00, Vietnam time.
const reference = useReferenceCalendar();
const LAW = 'Civil Status Law 2014 Art. 5(3), 16(2)/18(2)/34(2)';

describe(`same working day, next working day after 15:00 (${LAW})`, () => {
  it.each([
    ['Monday 09:00: the same day', '2025-03-10T09:00:00', '2025-03-10T09:00:00', '2025-03-10T17:00:00'],
    [
      'at 15:00 sharp: not after the cut-off, the same day',
      '2025-03-10T15:00:00',
      '2025-03-10T15:00:00',
      '2025-03-10T17:00:00',
    ],
    [
      'at 15:00:30: after the cut-off, the next working day',
      '2025-03-10T15:00:30',
      '2025-03-10T15:00:30',
      '2025-03-11T17:00:00',
    ],
    ['Monday 16:30: the next working day', '2025-03-10T16:30:00', '2025-03-10T16:30:00', '2025-03-11T17:00:00'],
    ['Friday 10:00: the same Friday', '2025-03-14T10:00:00', '2025-03-14T10:00:00', '2025-03-14T17:00:00'],
    [
      'Friday 15:30: the next working day is Monday',
      '2025-03-14T15:30:00',
      '2025-03-14T15:30:00',
      '2025-03-17T17:00:00',
    ],
    [
      'Friday 18:00 (after hours): Monday 07:30, so Monday',
      '2025-03-14T18:00:00',
      '2025-03-17T07:30:00',
      '2025-03-17T17:00:00',
    ],
    [
      'at 11:45 (lunch break): 13:30, the same day',
      '2025-03-10T11:45:00',
      '2025-03-10T13:30:00',
      '2025-03-10T17:00:00',
    ],
    [
      'Monday 06:00 (before opening): the same day',
      '2025-03-10T06:00:00',
      '2025-03-10T07:30:00',
      '2025-03-10T17:00:00',
    ],
    ['on a Sunday: Monday', '2025-03-09T10:00:00', '2025-03-10T07:30:00', '2025-03-10T17:00:00'],
    // Tết 2026: off Mon 16/02 – Fri 20/02 (reference/calendar/holidays-2024-2026.json).
    [
      'Friday 13/02/2026 09:00 before Tết: that Friday',
      '2026-02-13T09:00:00',
      '2026-02-13T09:00:00',
      '2026-02-13T17:00:00',
    ],
    [
      'Friday 13/02/2026 15:30 before Tết: Monday after Tết',
      '2026-02-13T15:30:00',
      '2026-02-13T15:30:00',
      '2026-02-23T17:00:00',
    ],
    [
      'Friday 13/02/2026 18:00 before Tết: Monday after Tết',
      '2026-02-13T18:00:00',
      '2026-02-23T07:30:00',
      '2026-02-23T17:00:00',
    ],
    [
      'online during Tết 2026 (Wed 18/02): Monday 23/02',
      '2026-02-18T10:00:00',
      '2026-02-23T07:30:00',
      '2026-02-23T17:00:00',
    ],
    // Swapped days of 2026: off Fri 02/01, working Saturday 10/01.
    [
      'on the working Saturday 10/01/2026 at 09:00: that Saturday',
      '2026-01-10T09:00:00',
      '2026-01-10T09:00:00',
      '2026-01-10T17:00:00',
    ],
    [
      'on the swapped Friday 02/01/2026: Monday 05/01',
      '2026-01-02T09:00:00',
      '2026-01-05T07:30:00',
      '2026-01-05T17:00:00',
    ],
    [
      'Thursday 31/12/2026 15:30 → 1/1 is off: Monday 04/01/2027',
      '2026-12-31T15:30:00',
      '2026-12-31T15:30:00',
      '2027-01-04T17:00:00',
    ],
  ])('%s', (_what, received, effective, due) => {
    const result = computeSameDayDeadline(reference(), at(received), '15:00');
    expect(vn(result.effectiveReceivedAt)).toBe(effective);
    expect(vn(result.dueAt)).toBe(due);
  });

  it(`was a day late as "0.5 working day" (${LAW}): Friday 13/02/2026 09:00 before Tết`, () => {
    expect(vn(computeDeadline(reference(), at('2026-02-13T09:00:00'), 0.5).dueAt)).toBe('2026-02-23T11:30:00');
    expect(vn(computeSameDayDeadline(reference(), at('2026-02-13T09:00:00'), '15:00').dueAt)).toBe(
      '2026-02-13T17:00:00',
    );
  });

  it('flags a due day in a provisional year', () => {
    expect(computeSameDayDeadline(reference(), at('2026-12-31T15:30:00'), '15:00')).toMatchObject({
      provisional: true,
      provisionalYears: [2027],
    });
    expect(computeSameDayDeadline(reference(), at('2026-12-30T15:30:00'), '15:00').provisional).toBe(false);
  });

  it('compares the cut-off with the effective receipt: lunch-break receipt after a 12:00 cut-off is the next day', () => {
    expect(vn(computeSameDayDeadline(reference(), at('2025-03-10T11:45:00'), '12:00').dueAt)).toBe(
      '2025-03-11T17:00:00',
    );
    expect(vn(computeSameDayDeadline(reference(), at('2025-03-10T11:15:00'), '12:00').dueAt)).toBe(
      '2025-03-10T17:00:00',
    );
  });

  it('ends the day at the configured end of the afternoon', async () => {
    const custom = buildWorkingCalendar(await readReferenceSchedules(), workingHoursFrom('08:00-12:00,13:00-17:30'));
    expect(vn(computeSameDayDeadline(custom, at('2025-03-10T14:00:00'), '15:00').dueAt)).toBe('2025-03-10T17:30:00');
  });

  it.each(['25:00', '3pm', '15:0', ''])('refuses the cut-off "%s" naming the field', (cutoff) => {
    expect(() => computeSameDayDeadline(reference(), at('2025-03-10T09:00:00'), cutoff)).toThrow(
      /CALENDAR.CUTOFF_INVALID/,
    );
  });
});

describe('a procedure time limit (deadlineOfRule)', () => {
  it('uses the same-day rule when the limit has a cut-off, working days otherwise', () => {
    const received = at('2025-03-10T16:00:00');
    expect(vn(deadlineOfRule(reference(), received, { workingDays: 0, sameDayCutoff: '15:00' }).dueAt)).toBe(
      '2025-03-11T17:00:00',
    );
    expect(vn(deadlineOfRule(reference(), received, { workingDays: 3, sameDayCutoff: null }).dueAt)).toBe(
      '2025-03-13T17:00:00',
    );
    expect(vn(deadlineOfRule(reference(), received, { workingDays: 0 }).dueAt)).toBe('2025-03-10T16:00:00');
  });

  it('refuses a cut-off beside a limit in working days', () => {
    expect(() =>
      deadlineOfRule(reference(), at('2025-03-10T09:00:00'), { workingDays: 1, sameDayCutoff: '15:00' }),
    ).toThrow(/CALENDAR.WORKING_DAYS_INVALID/);
  });

  it('pauses and resumes a same-day due time like any other: Friday 15:30 paused at Monday 09:00, resumed Tuesday 09:00', () => {
    const { dueAt } = computeSameDayDeadline(reference(), at('2025-03-14T15:30:00'), '15:00'); // Mon 17/03 17:00
    const left = workingMinutesBetween(reference(), at('2025-03-17T09:00:00'), dueAt);
    expect(left).toBe(150 + 210);
    expect(vn(addWorkingMinutes(reference(), at('2025-03-18T09:00:00'), left))).toBe('2025-03-18T17:00:00');
  });
});
