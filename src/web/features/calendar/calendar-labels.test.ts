import { describe, expect, it } from 'vitest';
import { CALENDAR_DAY_KINDS } from '../../../contracts/calendar';
import { en, vi } from '../../shell/dictionary';
import { NAV_GROUPS } from '../../shell/navigation';
import { formatVietnamDateTime, kindKey, vietnamInstant, weekdayKey } from './calendar-labels';

describe('calendar labels', () => {
  it.each([...CALENDAR_DAY_KINDS])('names the kind %s in Vietnamese and English', (kind) => {
    expect(vi[kindKey(kind)]).toMatch(/\S/);
    expect(en[kindKey(kind)]).not.toBe(vi[kindKey(kind)]);
  });

  it.each([
    ['2024-05-04', 'Thứ Bảy'],
    ['2026-04-26', 'Chủ nhật'],
    ['2025-01-29', 'Thứ Tư'],
  ])('gives the weekday of %s: %s', (date, name) => {
    expect(vi[weekdayKey(date)]).toBe(name);
  });

  it('shows Vietnam wall time whatever the browser’s zone, and sends picked times with +07:00', () => {
    expect(formatVietnamDateTime('2025-02-04T17:00:00+07:00')).toBe('17:00 04/02/2025');
    expect(vietnamInstant('2025-01-24T18:00')).toBe('2025-01-24T18:00:00+07:00');
  });

  it('lists the page under the admin menu for calendar.manage', () => {
    const admin = NAV_GROUPS.find((g) => g.audience === 'admin')!;
    expect(admin.items.find((i) => i.path === '/admin/calendar')?.requires).toEqual(['calendar.manage']);
  });
});
