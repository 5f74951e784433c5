import type { IndicatorSource } from '../../platform/indicator-sources';
import { communeIndex } from './facilities.service';
import { cashlessFacilityStats } from './stats.service';

/*
 * What the cashless register counts for the plan's target 7 (kpi's source, issue 15 §1): schools
 * and health facilities in wards (phường) that took no cash over the period's months, among those
 * that reported transactions — the register's own "fully cashless" share (stats.ts). A commune
 * (xã) has no ward facilities: nothing to count there.
 */

const monthOf = (iso: string) => iso.slice(0, 7);

export const CASHLESS_INDICATOR_SOURCES: readonly IndicatorSource[] = [
  {
    key: 'cashless.ward_facilities_cashless',
    describe: {
      vi: 'Trường học, cơ sở y tế ở phường không thu tiền mặt trong kỳ / các cơ sở ở phường có phát sinh giao dịch',
      en: 'Schools and health facilities in wards that took no cash over the period / those in wards that reported transactions',
    },
    count: async (db, q) => {
      const wards = (await communeIndex(db, q.asOf)).wardCodes.filter((c) => q.communeCodes.includes(c));
      if (wards.length === 0) return [];
      const stats = await cashlessFacilityStats(db, {
        from: monthOf(q.period.from),
        to: monthOf(q.asOf),
        unitCodes: wards,
        monthly: false,
        period: true,
        asOf: q.asOf,
      });
      return stats.rows
        .filter((r) => r.month === null && r.kind === 'all' && r.area === 'all')
        .map((r) => ({ unitCode: r.unitCode, numerator: r.fullyCashless, denominator: r.transacting }));
    },
  },
];
