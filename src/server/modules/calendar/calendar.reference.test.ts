import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { CALENDAR_REFERENCE_FILE, readReferenceSchedules } from './calendar.service';

// DOMAIN.md §6, copied verbatim: weekdays off and working Saturdays of State offices; plus, from
// 2026, 24/11 Vietnamese Culture Day (Resolution 80-NQ/TW, 30/NQ-CP; 28/2026/QH16 unconfirmed).
const DOMAIN = {
  2024: {
    off: ['01-01', '02-08', '02-09', '02-12', '02-13', '02-14', '04-18', '04-29', '04-30', '05-01', '09-02', '09-03'],
    saturdays: ['05-04'],
  },
  2025: {
    off: ['01-01', '01-27', '01-28', '01-29', '01-30', '01-31', '04-07', '04-30', '05-01', '05-02', '09-01', '09-02'],
    saturdays: ['04-26'],
  },
  2026: {
    off: [
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
      '11-24',
    ],
    saturdays: ['01-10', '08-22'],
  },
} as const;

describe('reference/calendar/holidays-2024-2026.json', () => {
  it.each([2024, 2025, 2026] as const)(
    'holds exactly the days of %i listed in DOMAIN.md §6 (and 24/11/2026)',
    async (year) => {
      const schedule = (await readReferenceSchedules()).find((y) => y.year === year)!;
      const off = schedule.days.filter((d) => d.kind !== 'working_saturday').map((d) => d.date.slice(5));
      const saturdays = schedule.days.filter((d) => d.kind === 'working_saturday').map((d) => d.date.slice(5));
      expect(off).toEqual(DOMAIN[year].off);
      expect(saturdays).toEqual(DOMAIN[year].saturdays);
      expect(schedule.provisional).toBe(false);
    },
  );

  it('gives every day a name and a source, and pairs every swapped day with a working Saturday', async () => {
    for (const y of await readReferenceSchedules()) {
      expect(y.source.length).toBeGreaterThan(20);
      for (const d of y.days) expect(d.name.length * d.source.length, d.date).toBeGreaterThan(0);
      expect(y.days.filter((d) => d.kind === 'swapped').length).toBe(
        y.days.filter((d) => d.kind === 'working_saturday').length,
      );
    }
  });

  it('credits the Government announcements it was compiled from', async () => {
    const file = JSON.parse(await readFile(CALENDAR_REFERENCE_FILE, 'utf8')) as { attribution: string };
    expect(file.attribution).toMatch(/announcements/);
    expect(file.attribution).toMatch(/Labour Code 2019/);
  });

  it('marks 24/11/2026 Vietnamese Culture Day with its source, unconfirmed (Resolution 80-NQ/TW, 30/NQ-CP, 28/2026/QH16)', async () => {
    const y2026 = (await readReferenceSchedules()).find((y) => y.year === 2026)!;
    const day = y2026.days.find((d) => d.date === '2026-11-24')!;
    expect(day).toMatchObject({ kind: 'holiday', name: 'Ngày Văn hóa Việt Nam (24/11)' });
    expect(day.source).toMatch(/80-NQ\/TW.*30\/NQ-CP.*28\/2026\/QH16.*chưa đối chiếu/);
  });
});
