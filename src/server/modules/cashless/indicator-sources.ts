import type { Db } from '../../platform/db';
import type { IndicatorSource, ListPage, ListQuery } from '../../platform/indicator-sources';
import { listFacilitiesIn } from './facilities.repository';
import { communeIndex } from './facilities.service';
import { figuresInForce } from './imports.repository';
import { cashlessFacilityStats } from './stats.service';

/*
 * What the cashless register counts for the plan's target 7 (kpi's source, issue 15 §1): schools
 * and health facilities in wards (phường) that took no cash over the period's months, among those
 * that reported transactions — the register's own "fully cashless" share (stats.ts). A commune
 * (xã) has no ward facilities: nothing to count there. The list behind a ward's figure (§2
 * drill-down): its facilities that transacted over those months, without cash (side "counted") or
 * with some ("missing"), with their transaction counts — institutions, no people
 * (`cashless.stats.read`, as the register's statistics).
 */

const monthOf = (iso: string) => iso.slice(0, 7);

const COLUMNS = [
  { key: 'code', labelVi: 'Mã cơ sở', labelEn: 'Facility code' },
  { key: 'name', labelVi: 'Tên cơ sở', labelEn: 'Facility' },
  { key: 'type', labelVi: 'Loại cơ sở', labelEn: 'Type' },
  { key: 'months', labelVi: 'Số tháng báo cáo', labelEn: 'Months reported' },
  { key: 'cashlessCount', labelVi: 'Giao dịch không dùng tiền mặt', labelEn: 'Cashless transactions' },
  { key: 'cashCount', labelVi: 'Giao dịch tiền mặt', labelEn: 'Cash transactions' },
];

/**
 * A ward's facilities that transacted over the period's months (as stats.ts counts them: the figures
 * in force, summed over the months each reported), fully cashless or not, by name.
 */
async function facilitiesPage(db: Db, q: ListQuery): Promise<ListPage> {
  if (!(await communeIndex(db, q.asOf)).isWard(q.unitCode)) return { columns: COLUMNS, items: [], total: 0 };
  const from = monthOf(q.period.from);
  const to = monthOf(q.asOf);
  // In turn: a kpi list may be read in a transaction, one connection.
  const facilities = await listFacilitiesIn(db, [q.unitCode]);
  const figures = await figuresInForce(db, from, to, [q.unitCode]);
  const rows = facilities
    .map((f) => {
      const own = figures.filter((x) => x.facilityId === f.id);
      const cashlessCount = own.reduce((n, x) => n + x.cashlessCount, 0);
      const cashCount = own.reduce((n, x) => n + x.cashCount, 0);
      return { code: f.code, name: f.name, type: f.typeNameVi, months: own.length, cashlessCount, cashCount };
    })
    .filter((r) => r.cashlessCount + r.cashCount > 0 && (q.side === 'counted') === (r.cashCount === 0))
    .sort((a, b) => a.name.localeCompare(b.name, 'vi') || a.code.localeCompare(b.code));
  return { columns: COLUMNS, total: rows.length, items: rows.slice(q.offset, q.offset + q.limit) };
}

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
    list: { action: 'cashless.stats.read', page: facilitiesPage },
  },
];
