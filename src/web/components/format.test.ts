import { describe, expect, it } from 'vitest';
import { formatVnd as contractFormatVnd } from '../../contracts/fees';
import { formatDate, formatDateTime, formatVnd } from './format';

describe('formatVnd of the web app', () => {
  it("writes an amount as the contract's formatVnd does, in both languages", () => {
    for (const amount of [0, 7_000, 1_234_567, -15_000, 999.9])
      for (const lang of ['vi', 'en'] as const) expect(formatVnd(amount, lang)).toBe(contractFormatVnd(amount, lang));
  });
});

describe('dates and times of the web app', () => {
  it("writes an instant as Vietnam's day and time (UTC+7), whatever the device's zone", () => {
    expect(formatDateTime('2026-12-07T18:30:00Z')).toBe('08/12/2026 01:30');
    expect(formatDateTime('2026-12-07T08:05:00+07:00')).toBe('07/12/2026 08:05');
    expect(formatDate('2026-12-07T18:30:00.000Z')).toBe('08/12/2026');
  });

  it('writes a calendar day as it is, and leaves what is no date as it came', () => {
    expect(formatDate('2025-07-01')).toBe('01/07/2025');
    expect(formatDate(null)).toBe('—');
    expect(formatDateTime('hôm qua')).toBe('hôm qua');
  });
});
