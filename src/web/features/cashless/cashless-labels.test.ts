import { describe, expect, it } from 'vitest';
import type { StatsRow } from '../../../contracts/cashless';
import { en, vi } from '../../shell/dictionary';
import { NAV_GROUPS } from '../../shell/navigation';
import { chartSeries, defaultPeriod, monthLabel, shareText } from './cashless-labels';

const row = (
  month: string,
  kind: StatsRow['kind'],
  cashlessShare: number | null,
  fullyCashlessShare: number | null,
): StatsRow => ({
  unitCode: '12',
  month,
  kind,
  area: 'all',
  registered: 1,
  reporting: 1,
  transacting: 1,
  fullyCashless: 0,
  cashlessCount: 0,
  cashCount: 0,
  cashlessAmount: 0,
  cashAmount: 0,
  cashlessShare,
  cashlessAmountShare: null,
  fullyCashlessShare,
});

describe('cashless labels', () => {
  it('writes months the Vietnamese way', () => {
    expect(monthLabel('2026-03')).toBe('03/2026');
    expect(monthLabel(null)).toBe('—');
  });

  it('shows a share with one decimal, or a dash when there is nothing to divide', () => {
    expect(shareText(2 / 3, 'vi')).toBe('66,7%');
    expect(shareText(2 / 3, 'en')).toBe('66.7%');
    expect(shareText(null, 'vi')).toBe('—');
  });

  it('defaults to the six complete months before the current one, across a year end', () => {
    expect(defaultPeriod('2026-11-27')).toEqual({ from: '2026-05', to: '2026-10' });
    expect(defaultPeriod('2026-02-01')).toEqual({ from: '2025-08', to: '2026-01' });
  });

  it('builds chart series in percent, with gaps where no figures exist', () => {
    const series = chartSeries(
      [
        row('2026-09', 'school', 0.5, 0.25),
        row('2026-10', 'school', 2 / 3, null),
        row('2026-10', 'health_facility', 1, 1),
      ],
      '12',
      ['2026-09', '2026-10'],
      'all',
    );
    expect(series).toEqual({
      schoolShare: [50, 66.7],
      healthShare: [null, 100],
      schoolFully: [25, null],
      healthFully: [null, 100],
    });
  });
});

describe('cashless pages in the menu', () => {
  it('lists the statistics, the register and the import under their own actions, with their names in both languages', () => {
    const items = NAV_GROUPS.flatMap((g) => g.items);
    expect(items.find((i) => i.path === '/cashless')?.requires).toEqual(['cashless.stats.read']);
    expect(items.find((i) => i.path === '/admin/facilities')?.requires).toEqual(['cashless.facilities.manage']);
    expect(items.find((i) => i.path === '/cashless/import')?.requires).toEqual(['cashless.figures.import']);
    for (const key of ['nav.cashless', 'nav.facilities', 'nav.cashlessImport'] as const)
      expect(en[key]).not.toBe(vi[key]);
  });
});
