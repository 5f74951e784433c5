import type { IndicatorPeriod } from '../../platform/indicator-sources';
import { periodInvalid } from './kpi.errors';

/*
 * Reporting periods (issue 15 §2): a month (2026-09), a quarter (2026-Q3) or a year (2026), as
 * Vietnam dates. A period not yet begun is refused; one under way is computed as of today.
 */

const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** The period a code names; throws KPI.PERIOD_INVALID for a malformed code. */
export function parsePeriod(code: string): IndicatorPeriod {
  const m = /^(20\d{2})(?:-Q([1-4])|-(0[1-9]|1[0-2]))?$/.exec(code);
  if (!m)
    throw periodInvalid(
      'Kỳ có dạng 2026, 2026-Q3 hoặc 2026-09 (năm từ 2000)',
      'A period is written 2026, 2026-Q3 or 2026-09 (a year from 2000)',
    );
  const year = Number(m[1]);
  if (m[2]) {
    const first = (Number(m[2]) - 1) * 3 + 1;
    return {
      code,
      type: 'quarter',
      from: `${year}-${pad(first)}-01`,
      to: `${year}-${pad(first + 2)}-${lastDay(year, first + 2)}`,
    };
  }
  if (m[3]) {
    const month = Number(m[3]);
    return {
      code,
      type: 'month',
      from: `${year}-${pad(month)}-01`,
      to: `${year}-${pad(month)}-${lastDay(year, month)}`,
    };
  }
  return { code, type: 'year', from: `${year}-01-01`, to: `${year}-12-31` };
}

/** The day a period's figures describe: its last day, or `today` while it runs; a future period is refused. */
export function asOfFor(period: IndicatorPeriod, today: string): string {
  if (period.from > today)
    throw periodInvalid(
      `Kỳ ${period.code} chưa bắt đầu (hôm nay ${today}); không có số liệu cho kỳ tương lai`,
      `The period ${period.code} has not begun (today is ${today}); there are no figures for a future period`,
    );
  return period.to < today ? period.to : today;
}

/** The month, quarter and year that contain `today` (what the schedule keeps current). */
export function currentPeriods(today: string): string[] {
  const [y, m] = [today.slice(0, 4), Number(today.slice(5, 7))];
  return [`${y}-${pad(m)}`, `${y}-Q${Math.ceil(m / 3)}`, y];
}

/** The `count` periods of `code`'s type that end with it, oldest first (2026-Q1 … 2026-Q3 for 2026-Q3, 3). */
export function periodsEndingWith(code: string, count: number): string[] {
  const period = parsePeriod(code);
  const months = period.type === 'year' ? 12 : period.type === 'quarter' ? 3 : 1;
  // The period's first month, counted in months from year 0.
  const start = Number(period.from.slice(0, 4)) * 12 + Number(period.from.slice(5, 7)) - 1;
  const out: string[] = [];
  for (let i = count - 1; i >= 0; i--) {
    const m = start - i * months;
    const [year, month] = [Math.floor(m / 12), (m % 12) + 1];
    if (year < 2000) continue; // periods are years from 2000
    out.push(
      period.type === 'year'
        ? String(year)
        : period.type === 'quarter'
          ? `${year}-Q${Math.ceil(month / 3)}`
          : `${year}-${pad(month)}`,
    );
  }
  return out;
}
