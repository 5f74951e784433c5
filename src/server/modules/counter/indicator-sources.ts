import type { IndicatorSource } from '../../platform/indicator-sources';
import * as repo from './counter.repository';

/*
 * What the counter log counts for the plan's target 1 (kpi's source, issue 15 §1): visits at a
 * one-stop counter over the period, and those where the citizen was guided to file online (current
 * revisions). Visits at a district or provincial counter count in the province's figure.
 */
export const COUNTER_INDICATOR_SOURCES: readonly IndicatorSource[] = [
  {
    key: 'counter.guided_online',
    describe: {
      vi: 'Lượt tiếp tại bộ phận một cửa được hướng dẫn nộp hồ sơ trực tuyến / mọi lượt tiếp trong kỳ',
      en: 'One-stop counter visits where the citizen was guided to file online / all counter visits in the period',
    },
    // Each visit/payment carries the unit in force when it happened.
    formerUnits: 'as_recorded',
    count: async (db, q) => {
      const groups = await repo.summaryCounts(db, { from: q.period.from, to: q.asOf, unitCodes: null });
      const byUnit = new Map<string, { numerator: number; denominator: number }>();
      for (const g of groups) {
        const t = byUnit.get(g.unitCode) ?? { numerator: 0, denominator: 0 };
        t.denominator += g.visits;
        if (g.guidedOnline) t.numerator += g.visits;
        byUnit.set(g.unitCode, t);
      }
      return [...byUnit].map(([unitCode, t]) => ({ unitCode, ...t }));
    },
  },
];
