import { describe, expect, it } from 'vitest';
import { buildWorkingCalendar, workingHoursFrom } from '../calendar';
import { deadlineAtReceipt, deadlineFlag, pauseDeadline, resumeDeadline } from './deadline';

// The announced 2026 schedule (DOMAIN.md §6), built without a database.
const DAYS_OFF_2026 = [
  '01-01',
  '01-02',
  '02-16',
  '02-17',
  '02-18',
  '02-19',
  '02-20',
  '04-27',
  '04-30',
  '05-01',
  '08-31',
  '09-01',
  '09-02',
  '11-24', // Vietnamese Culture Day (Resolution 80-NQ/TW, 30/NQ-CP; 28/2026/QH16 unconfirmed)
];
const cal = buildWorkingCalendar(
  [
    {
      year: 2026,
      provisional: false,
      source: 'Thông báo của Bộ Nội vụ về lịch nghỉ năm 2026',
      updatedAt: null,
      days: [
        ...DAYS_OFF_2026.map((d) => ({ date: `2026-${d}`, kind: 'holiday' as const, name: 'Nghỉ', source: 'test' })),
        ...['01-10', '08-22'].map((d) => ({
          date: `2026-${d}`,
          kind: 'working_saturday' as const,
          name: 'Làm bù',
          source: 'test',
        })),
      ],
    },
  ],
  workingHoursFrom('07:30-11:30,13:30-17:00'),
);

const at = (s: string) => new Date(s);

describe('deadline of a dossier', () => {
  it('counts 3 working days from the day after receipt, ending at 17:00', () => {
    // Received Monday 2026-03-02 09:00 → Tue, Wed, Thu → due Thursday 2026-03-05 17:00.
    const d = deadlineAtReceipt(cal, at('2026-03-02T09:00:00+07:00'), 3);
    expect(d.startsAt.toISOString()).toBe(at('2026-03-02T09:00:00+07:00').toISOString());
    expect(d.dueAt.toISOString()).toBe(at('2026-03-05T17:00:00+07:00').toISOString());
  });

  it('skips 24/11/2026 Vietnamese Culture Day (Resolution 80-NQ/TW, 30/NQ-CP; 28/2026/QH16 unconfirmed): one working day later', () => {
    // Received Monday 2026-11-23 09:00 → Tue 24/11 off → Wed, Thu, Fri → due Friday 2026-11-27 17:00.
    const d = deadlineAtReceipt(cal, at('2026-11-23T09:00:00+07:00'), 3);
    expect(d.dueAt.toISOString()).toBe(at('2026-11-27T17:00:00+07:00').toISOString());
    const without = buildWorkingCalendar(
      [
        {
          ...cal.years.get(2026)!,
          updatedAt: null,
          days: cal.years.get(2026)!.days.filter((x) => x.date !== '2026-11-24'),
        },
      ],
      workingHoursFrom('07:30-11:30,13:30-17:00'),
    );
    expect(deadlineAtReceipt(without, at('2026-11-23T09:00:00+07:00'), 3).dueAt.toISOString()).toBe(
      at('2026-11-26T17:00:00+07:00').toISOString(),
    );
  });

  it.each([
    ['Friday 13/02/2026 10:00 before Tết: that Friday', '2026-02-13T10:00:00+07:00', '2026-02-13T17:00:00+07:00'],
    [
      'Friday 13/02/2026 15:30 before Tết: Monday 23/02 after Tết',
      '2026-02-13T15:30:00+07:00',
      '2026-02-23T17:00:00+07:00',
    ],
    [
      'Monday 23/11/2026 16:00: Wednesday 25/11 (24/11 is off)',
      '2026-11-23T16:00:00+07:00',
      '2026-11-25T17:00:00+07:00',
    ],
  ])(
    'civil status, same day or the next working day after 15:00 (Civil Status Law 2014 Art. 5(3)): %s',
    (_w, received, due) => {
      expect(deadlineAtReceipt(cal, at(received), 0, '15:00').dueAt.toISOString()).toBe(at(due).toISOString());
    },
  );

  it('moves a Friday-evening online filing to Monday morning and skips National Day 2026', () => {
    // Filed Friday 2026-08-28 20:00 → received Mon 08-31 07:30, but 08-31, 09-01 and 09-02 are days off:
    // effective receipt Thursday 09-03 07:30; 3 working days → Fri 09-04, Mon 09-07, Tue 09-08 17:00.
    const d = deadlineAtReceipt(cal, at('2026-08-28T20:00:00+07:00'), 3);
    expect(d.startsAt.toISOString()).toBe(at('2026-09-03T07:30:00+07:00').toISOString());
    expect(d.dueAt.toISOString()).toBe(at('2026-09-08T17:00:00+07:00').toISOString());
  });

  it('stops the clock while the citizen supplements and restarts it with what was left', () => {
    const { dueAt } = deadlineAtReceipt(cal, at('2026-11-23T09:00:00+07:00'), 3); // due Fri 11-27 17:00 (24/11 off)
    const left = pauseDeadline(cal, dueAt, at('2026-11-25T13:30:00+07:00')); // Wed afternoon: Wed pm + Thu + Fri
    expect(left).toBe(210 + 450 + 450);
    // The citizen resubmits on Saturday: the clock restarts Monday 07:30 with the same 1,110 working minutes left.
    const resumed = resumeDeadline(cal, at('2026-11-28T10:00:00+07:00'), left);
    expect(resumed.toISOString()).toBe(at('2026-12-02T11:00:00+07:00').toISOString()); // Mon 450 + Tue 450 + Wed 210 min from 07:30
  });

  it('colours a dossier: on time, due soon within one working day, overdue after, paused while waiting', () => {
    const dueAt = at('2026-11-26T17:00:00+07:00');
    const view = { state: 'in_processing' as const, dueAt, decidedAt: null, pausedRemainingMinutes: null, late: false };
    expect(deadlineFlag(cal, view, at('2026-11-24T09:00:00+07:00'))).toBe('on_time');
    expect(deadlineFlag(cal, view, at('2026-11-26T08:00:00+07:00'))).toBe('due_soon');
    expect(deadlineFlag(cal, view, at('2026-11-26T17:01:00+07:00'))).toBe('overdue');
    expect(
      deadlineFlag(
        cal,
        { ...view, state: 'supplement_requested', pausedRemainingMinutes: 300 },
        at('2026-11-30T09:00:00+07:00'),
      ),
    ).toBe('paused');
    expect(
      deadlineFlag(
        cal,
        { ...view, state: 'approved', decidedAt: at('2026-11-25T10:00:00+07:00') },
        at('2026-12-20T09:00:00+07:00'),
      ),
    ).toBe('done_on_time');
    expect(
      deadlineFlag(
        cal,
        { ...view, state: 'approved', decidedAt: at('2026-11-27T10:00:00+07:00') },
        at('2026-12-20T09:00:00+07:00'),
      ),
    ).toBe('done_late');
    expect(
      deadlineFlag(
        cal,
        { ...view, state: 'approved', decidedAt: at('2026-11-25T10:00:00+07:00'), late: true },
        at('2026-12-20T09:00:00+07:00'),
      ),
    ).toBe('done_late');
  });
});

describe('pausing and resuming at once', () => {
  it('gives back the same due time, whatever the second of the pause', () => {
    const dueAt = at('2026-11-26T17:00:00+07:00');
    for (const pause of [
      '2026-11-23T13:45:17.400+07:00',
      '2026-11-23T09:00:59.999+07:00',
      '2026-11-25T16:59:30+07:00',
    ]) {
      const left = pauseDeadline(cal, dueAt, at(pause));
      expect(Number.isInteger(left)).toBe(true);
      const minute = new Date(Math.floor(at(pause).getTime() / 60_000) * 60_000);
      expect(resumeDeadline(cal, minute, left).toISOString()).toBe(dueAt.toISOString());
    }
  });
});
