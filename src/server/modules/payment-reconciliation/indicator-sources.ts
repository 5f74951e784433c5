import type { Db } from '../../platform/db';
import type { IndicatorSource, ListPage, ListQuery } from '../../platform/indicator-sources';
import { onlinePaymentsPage } from '../payments';
import { onlinePaymentShare, type CashCounts } from './online-share';

/*
 * What payments count for the plan's target 7 (kpi's source, issue 15 §1): fee payments made
 * online (gateway, VietQR) against those made in cash at the counter, over the period's months, per
 * unit — the same figures as the online-share report. Cash counts come from the dossiers module,
 * handed in by the composition root as the report's are. The list behind a unit's figure (§2
 * drill-down): the payments credited online (side "counted") or the dossiers whose fee was paid in
 * cash (side "missing") over the same months — codes, procedures, amounts and times, no payer, so
 * no one to write in the access log; reading it needs `dossiers.read`, as the online-share report.
 */

/** A page of the dossiers whose fee was paid in cash at the counter (the dossiers module's `cashFeePage`). */
export type CashPage = (
  db: Db,
  q: { from: Date; to: Date; unitCode: string; limit: number; offset: number },
) => Promise<{
  rows: Array<{ dossierCode: string | null; procedureCode: string; amount: number; submittedAt: string }>;
  total: number;
}>;

const monthStart = (month: string) => new Date(`${month}-01T00:00:00+07:00`);
/** The period's whole months, as the count reads them: from its first month to the as-of day's month. */
function months(q: ListQuery): { from: Date; to: Date } {
  const [y, m] = q.asOf.slice(0, 7).split('-').map(Number) as [number, number];
  const next = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
  return { from: monthStart(q.period.from.slice(0, 7)), to: monthStart(next) };
}

const COMMON = [
  { key: 'dossierCode', labelVi: 'Mã hồ sơ', labelEn: 'Dossier code' },
  { key: 'procedureCode', labelVi: 'Mã thủ tục', labelEn: 'Procedure code' },
  { key: 'amount', labelVi: 'Số tiền (đồng)', labelEn: 'Amount (VND)' },
];

function feePage(cashPage: CashPage) {
  return async (db: Db, q: ListQuery): Promise<ListPage> => {
    const page = { ...months(q), unitCode: q.unitCode, limit: q.limit, offset: q.offset };
    if (q.side === 'counted') {
      const online = await onlinePaymentsPage(db, page);
      return {
        columns: [
          ...COMMON,
          { key: 'method', labelVi: 'Hình thức', labelEn: 'Method' },
          { key: 'paidAt', labelVi: 'Thời điểm thanh toán', labelEn: 'Paid at' },
          { key: 'state', labelVi: 'Trạng thái', labelEn: 'State' },
        ],
        total: online.total,
        items: online.rows.map((r) => ({ ...r })),
      };
    }
    const cash = await cashPage(db, page);
    return {
      columns: [...COMMON, { key: 'submittedAt', labelVi: 'Thời điểm nộp hồ sơ', labelEn: 'Submitted at' }],
      total: cash.total,
      items: cash.rows.map((r) => ({ ...r })),
    };
  };
}

export function paymentIndicatorSources(cashCounts: CashCounts, cashPage?: CashPage): readonly IndicatorSource[] {
  return [
    {
      key: 'payments.online_fee_share',
      describe: {
        vi: 'Khoản phí, lệ phí nộp trực tuyến (cổng thanh toán, VietQR) / các khoản nộp trực tuyến và bằng tiền mặt tại quầy trong kỳ',
        en: 'Fee payments made online (gateway, VietQR) / payments made online and in cash at the counter in the period',
      },
      // Each visit/payment carries the unit in force when it happened.
      formerUnits: 'as_recorded',
      count: async (db, q) => {
        const share = await onlinePaymentShare(
          db,
          { from: q.period.from.slice(0, 7), to: q.asOf.slice(0, 7), unitCodes: null },
          cashCounts,
        );
        const byUnit = new Map<string, { numerator: number; denominator: number }>();
        for (const r of share.rows) {
          const t = byUnit.get(r.unitCode) ?? { numerator: 0, denominator: 0 };
          t.numerator += r.online;
          t.denominator += r.online + (r.cash ?? 0);
          byUnit.set(r.unitCode, t);
        }
        return [...byUnit].map(([unitCode, t]) => ({ unitCode, ...t }));
      },
      ...(cashPage && { list: { action: 'dossiers.read', page: feePage(cashPage) } }),
    },
  ];
}
