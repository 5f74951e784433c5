import type { Db } from '../../platform/db';
import { todayInVietnam } from '../../../contracts/common';
import type { Overview, OverviewCashless, OverviewFeePayments, OverviewQuality } from '../../../contracts/overview';
import type { AccessContext } from '../identity';
import { getUnit } from '../units';
import { getQualityReport } from '../population';
import { cashlessFacilityStats } from '../cashless';
import { onlinePaymentShare } from '../payment-reconciliation';
import { cashFeeCounts, dossierFigures } from '../dossiers';
import { overviewUnit, overviewUnits } from './overview.policy';

/** The dossiers' period: the last 30 days, today (Vietnam date) included. */
export const PERIOD_DAYS = 30;

const DAY = 86_400_000;
/** Midnight starting a Vietnam date (UTC+7). */
const vietnamMidnight = (date: string) => new Date(`${date}T00:00:00+07:00`);
const monthOf = (date: string) => date.slice(0, 7);
const monthsBack = (month: string, n: number) => {
  const i = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 - n;
  return `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;
};

/**
 * The figures a leader or the Standing Agency lands on (issue 14 §5), each from the module that
 * computes it: dossiers of the last 30 days (by state, channel, on time), the share of fees paid
 * online in the months of that period (payment-reconciliation), the latest month of cashless
 * payments in schools and health facilities (cashless), and the latest data-quality score
 * (population; the scheduled run keeps it at most a day old).
 */
export async function getOverview(
  db: Db,
  access: AccessContext,
  provinceCode: string,
  now: Date = new Date(),
): Promise<Overview> {
  const today = todayInVietnam(now);
  const from = todayInVietnam(new Date(now.getTime() - (PERIOD_DAYS - 1) * DAY));
  const unitCode = overviewUnit(access, provinceCode);
  const units = overviewUnits(access);
  const [unit, dossiers, feePayments, cashless, quality] = await Promise.all([
    getUnit(db, unitCode, today),
    dossierFigures(db, {
      from: vietnamMidnight(from),
      to: new Date(vietnamMidnight(today).getTime() + DAY),
      now,
      unitCodes: units,
    }),
    feePaymentFigures(db, monthOf(from), monthOf(today), units),
    cashlessFigures(db, unitCode, monthOf(today)),
    qualityFigures(db, unitCode, unitCode === provinceCode),
  ]);
  return {
    unit: { code: unit.code, name: unit.fullName },
    generatedAt: now.toISOString(),
    dossiers: { ...dossiers, period: { from, to: today }, asOf: now.toISOString() },
    feePayments,
    cashless,
    quality,
  };
}

async function feePaymentFigures(
  db: Db,
  fromMonth: string,
  toMonth: string,
  unitCodes: string[] | null,
): Promise<OverviewFeePayments> {
  const share = await onlinePaymentShare(db, { from: fromMonth, to: toMonth, unitCodes }, cashFeeCounts);
  const online = share.total.reduce((n, m) => n + m.online, 0);
  const cash = share.total.reduce((n, m) => n + (m.cash ?? 0), 0);
  return { fromMonth, toMonth, online, cash, onlineShare: online + cash === 0 ? null : online / (online + cash) };
}

/** The latest of the last 12 months in which a school or health facility of the unit reported figures. */
async function cashlessFigures(db: Db, unitCode: string, thisMonth: string): Promise<OverviewCashless> {
  const stats = await cashlessFacilityStats(db, {
    from: monthsBack(thisMonth, 11),
    to: thisMonth,
    unitCodes: [unitCode],
    monthly: true,
    period: false,
  });
  const latest = stats.rows
    .filter((r) => r.unitCode === unitCode && r.kind === 'all' && r.area === 'all' && r.month && r.reporting > 0)
    .sort((a, b) => b.month!.localeCompare(a.month!))[0];
  const registered =
    stats.rows.find((r) => r.unitCode === unitCode && r.kind === 'all' && r.area === 'all' && r.month === thisMonth)
      ?.registered ?? 0;
  return latest
    ? {
        month: latest.month,
        reporting: latest.reporting,
        registered: latest.registered,
        cashlessShare: latest.cashlessShare,
      }
    : { month: null, reporting: 0, registered, cashlessShare: null };
}

/** The latest run's score of the unit: the province row for the province, the commune's row for a commune. */
async function qualityFigures(db: Db, unitCode: string, province: boolean): Promise<OverviewQuality> {
  const report = await getQualityReport(db);
  if (!report) return { runId: null, asOf: null, finishedAt: null, score: null, persons: 0, personsWithFindings: 0 };
  const row = province ? report.province : report.communes.find((c) => c.unitCode === unitCode);
  return {
    runId: report.runId,
    asOf: report.asOf,
    finishedAt: report.finishedAt,
    score: row ? row.score : null,
    persons: row?.persons ?? 0,
    personsWithFindings: row?.personsWithFindings ?? 0,
  };
}
