import type { Db } from '../../platform/db';
import type { IndicatorSource, ListPage, ListQuery } from '../../platform/indicator-sources';
import { getUnitHierarchy } from '../units';
import { modelStatuses, onTrack, type ModelStatus } from './progress-figures';

/*
 * What the pilot models count for the plan's target 14 (kpi's source `pilots.on_track`, issue 15 §1):
 * per registering agency's unit (the province for departments, a commune for its People's
 * Committee), the models registered by the day described and, of them, those on track that day
 * (no plan overdue, no milestone overdue, not evaluated as poor). A unit without models has nothing
 * to count: no row, never a made-up zero. The list behind a unit's figure (§2 drill-down) is its
 * models and those of the units below it — the province's figure counts every model — on track
 * (side "counted") or not ("missing"), each with why; agencies and titles, no personal data.
 */

const COLUMNS = [
  { key: 'title', labelVi: 'Tên mô hình', labelEn: 'Pilot model' },
  { key: 'agencyName', labelVi: 'Cơ quan đăng ký', labelEn: 'Registering agency' },
  { key: 'unitCode', labelVi: 'Mã đơn vị', labelEn: 'Unit code' },
  { key: 'state', labelVi: 'Trạng thái', labelEn: 'State' },
  { key: 'planUploaded', labelVi: 'Đã nộp kế hoạch', labelEn: 'Plan uploaded' },
  { key: 'planOverdue', labelVi: 'Kế hoạch quá hạn', labelEn: 'Plan overdue' },
  { key: 'milestonesOverdue', labelVi: 'Mốc quá hạn', labelEn: 'Milestones overdue' },
  { key: 'rating', labelVi: 'Xếp loại đánh giá', labelEn: 'Evaluation rating' },
];

const yesNo = (b: boolean) => (b ? 'Có' : 'Không');

/** One page of the models of the unit and below, as they stood on the as-of day, by agency and title. */
async function modelsPage(db: Db, q: ListQuery): Promise<ListPage> {
  const units = (await getUnitHierarchy(db, q.asOf)).descendants(q.unitCode);
  const side = (s: ModelStatus) => (q.side === 'counted' ? onTrack(s) : !onTrack(s));
  const all = (await modelStatuses(db, q.asOf, units))
    .filter(side)
    .sort((a, b) => a.agencyName.localeCompare(b.agencyName, 'vi') || a.title.localeCompare(b.title, 'vi'));
  return {
    columns: COLUMNS,
    total: all.length,
    items: all.slice(q.offset, q.offset + q.limit).map((s) => ({
      title: s.title,
      agencyName: s.agencyName,
      unitCode: s.unitCode,
      state: s.state,
      planUploaded: yesNo(s.planUploaded),
      planOverdue: yesNo(s.planOverdue),
      milestonesOverdue: s.milestonesOverdue,
      rating: s.rating,
    })),
  };
}

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
    list: { action: 'pilots.read', page: modelsPage },
  },
];
