import type { IndicatorSource } from '../../platform/indicator-sources';
import { onlinePaymentShare, type CashCounts } from './online-share';

/*
 * What payments count for the plan's target 7 (kpi's source, issue 15 §1): fee payments made
 * online (gateway, VietQR) against those made in cash at the counter, over the period's months, per
 * unit — the same figures as the online-share report. Cash counts come from the dossiers module,
 * handed in by the composition root as the report's are.
 */
export function paymentIndicatorSources(cashCounts: CashCounts): readonly IndicatorSource[] {
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
    },
  ];
}
