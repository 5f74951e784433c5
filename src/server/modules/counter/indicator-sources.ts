import type { Db } from '../../platform/db';
import type { IndicatorSource, ListPage, ListQuery } from '../../platform/indicator-sources';
import * as repo from './counter.repository';

/*
 * What the counter log counts for the plan's target 1 (kpi's source, issue 15 §1): visits at a
 * one-stop counter over the period, and those where the citizen was guided to file online (current
 * revisions). Visits at a district or provincial counter count in the province's figure. The list
 * behind a unit's figure (§2 drill-down) is its visits of the period, guided (side "counted") or
 * served without being guided ("missing"): counter, officer, procedure, outcome — no citizen, so
 * there is no one to write in the access log; reading it needs the counter's `counter.visit.read`.
 */

const COLUMNS = [
  { key: 'visitedAt', labelVi: 'Thời điểm tiếp', labelEn: 'Visited at' },
  { key: 'counterLabel', labelVi: 'Quầy', labelEn: 'Counter' },
  { key: 'officerName', labelVi: 'Cán bộ tiếp', labelEn: 'Officer' },
  { key: 'procedureCode', labelVi: 'Mã thủ tục', labelEn: 'Procedure code' },
  { key: 'typedBy', labelVi: 'Người nhập tờ khai', labelEn: 'Typed by' },
  { key: 'outcome', labelVi: 'Kết quả', labelEn: 'Outcome' },
  { key: 'dossierCode', labelVi: 'Mã hồ sơ', labelEn: 'Dossier code' },
];

async function visitsPage(db: Db, q: ListQuery): Promise<ListPage> {
  const page = await repo.guidedVisitsPage(db, {
    unitCode: q.unitCode,
    from: q.period.from,
    to: q.asOf,
    guided: q.side === 'counted',
    limit: q.limit,
    offset: q.offset,
  });
  return {
    columns: COLUMNS,
    total: page.total,
    items: page.rows.map((r) => ({
      visitedAt: r.visitedAt,
      counterLabel: r.counterLabel,
      officerName: r.officerName,
      procedureCode: r.procedureCode,
      typedBy: r.typedBy,
      outcome: r.outcome,
      dossierCode: r.dossierCode,
    })),
  };
}
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
    list: { action: 'counter.visit.read', page: visitsPage },
  },
];
