import type { IndicatorSource } from '../../platform/indicator-sources';
import { modelStatuses, onTrack } from './progress-figures';

/*
 * What the pilot models count for the plan's target 14 (kpi's source `pilots.on_track`, issue 15 §1):
 * per registering agency's unit (the province for departments, a commune for its People's
 * Committee), the models registered by the day described and, of them, those on track that day
 * (no plan overdue, no milestone overdue, not evaluated as poor). A unit without models has nothing
 * to count: no row, never a made-up zero.
 */
export const PILOTS_INDICATOR_SOURCES: readonly IndicatorSource[] = [
  {
    key: 'pilots.on_track',
    describe: {
      vi: 'Mô hình thí điểm đúng tiến độ (không kế hoạch, mốc nào quá hạn, không bị đánh giá kém) / mô hình đã đăng ký',
      en: 'Pilot models on track (no plan or milestone overdue, not evaluated as poor) / models registered',
    },
    count: async (db, q) => {
      const byUnit = new Map<string, { numerator: number; denominator: number }>();
      for (const s of await modelStatuses(db, q.asOf)) {
        const row = byUnit.get(s.unitCode) ?? { numerator: 0, denominator: 0 };
        row.denominator += 1;
        if (onTrack(s)) row.numerator += 1;
        byUnit.set(s.unitCode, row);
      }
      return [...byUnit].map(([unitCode, row]) => ({ unitCode, ...row }));
    },
  },
];
