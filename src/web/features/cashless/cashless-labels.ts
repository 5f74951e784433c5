import { addMonths, type StatsKind, type StatsRow } from '../../../contracts/cashless';
import type { MessageKey } from '../../shell/dictionary';
import type { Lang } from '../../shell/i18n';
import { EMPTY, formatPercent } from '../../components/format';

export const KIND_LABEL: Record<StatsKind, MessageKey> = {
  school: 'cashless.kind.school',
  health_facility: 'cashless.kind.health_facility',
  all: 'cashless.kind.all',
};

/** "2026-10" → "10/2026", the way Vietnamese forms write a month. */
export function monthLabel(month: string | null): string {
  return month ? `${month.slice(5, 7)}/${month.slice(0, 4)}` : EMPTY;
}

/** A share 0..1 as a percentage; "—" when there is nothing to divide. */
export function shareText(share: number | null, lang: Lang): string {
  return share === null ? EMPTY : formatPercent(share, lang);
}

/** The default period: the six complete months before the current one. */
export function defaultPeriod(today: string): { from: string; to: string } {
  const to = addMonths(today.slice(0, 7), -1);
  return { from: addMonths(to, -5), to };
}

/** The row of a unit, month (null = period), kind and area, if the answer has it. */
export function findRow(
  rows: readonly StatsRow[],
  unitCode: string,
  month: string | null,
  kind: StatsKind,
  area: StatsRow['area'],
): StatsRow | undefined {
  return rows.find((r) => r.unitCode === unitCode && r.month === month && r.kind === kind && r.area === area);
}

/** Chart series: per month, the cashless share of transactions (bars) and of fully cashless facilities (lines), in percent. */
export function chartSeries(
  rows: readonly StatsRow[],
  unitCode: string,
  months: readonly string[],
  area: StatsRow['area'],
) {
  const value = (kind: StatsKind, pick: (r: StatsRow) => number | null) =>
    months.map((m) => {
      const row = findRow(rows, unitCode, m, kind, area);
      const v = row ? pick(row) : null;
      return v === null ? null : Math.round(v * 1000) / 10;
    });
  return {
    schoolShare: value('school', (r) => r.cashlessShare),
    healthShare: value('health_facility', (r) => r.cashlessShare),
    schoolFully: value('school', (r) => r.fullyCashlessShare),
    healthFully: value('health_facility', (r) => r.fullyCashlessShare),
  };
}
