import type { Db } from '../../platform/db';
import type { OnlineShare, OnlineShareRow } from '../../../contracts/payments-reports';
import { onlinePaymentCounts } from '../payments';
import { periodInvalid } from './payment-reconciliation.errors';

/**
 * Share of DVC06's fee payments made online (target 7 of the plan): per unit and
 * month (Vietnam time), fee payments credited through the gateway or by VietQR transfer, against
 * fees paid in cash at the counter. A payment counts in the month it was paid, even if refunded
 * later (the citizen did pay online). Cash counts come from the dossiers module (dossiers with
 * fee_status 'cash'); until it publishes them the caller passes none and shares are null.
 */

/** Cash fee counts per unit and month (YYYY-MM), e.g. from the dossiers module. */
export type CashCounts = (
  db: Db,
  q: { from: Date; to: Date; unitCodes: string[] | null },
) => Promise<Array<{ unitCode: string; month: string; count: number }>>;

export interface OnlineShareOptions {
  /** First and last month, YYYY-MM, both included (at most 60 months). */
  from: string;
  to: string;
  /** null = every unit (the whole province). */
  unitCodes: string[] | null;
}

const monthIndex = (m: string) => Number(m.slice(0, 4)) * 12 + Number(m.slice(5, 7)) - 1;
const monthStart = (m: string) => new Date(`${m}-01T00:00:00+07:00`);
const nextMonth = (m: string) => {
  const i = monthIndex(m) + 1;
  return `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;
};

function share(online: number, cash: number | null): number | null {
  if (cash === null || online + cash === 0) return null;
  return online / (online + cash);
}

/**
 * `onlinePaymentShare(db, { from, to, unitCodes }, cashCounts?)` → per unit and month: gateway,
 * vietqr and online counts, cash (null without `cashCounts`), onlineShare; plus a total per month.
 * Throws PAYMENT.PERIOD_INVALID (400) for a reversed period or one over 60 months.
 */
export async function onlinePaymentShare(
  db: Db,
  options: OnlineShareOptions,
  cashCounts?: CashCounts,
): Promise<OnlineShare> {
  const span = monthIndex(options.to) - monthIndex(options.from);
  if (span < 0)
    throw periodInvalid(
      'Tháng bắt đầu phải trước hoặc bằng tháng kết thúc',
      'The first month must not be after the last',
    );
  if (span >= 60) throw periodInvalid('Khoảng thời gian tối đa 60 tháng', 'The period is at most 60 months');
  const from = monthStart(options.from);
  const to = monthStart(nextMonth(options.to));
  const rows = await onlinePaymentCounts(db, { from, to }, options.unitCodes);
  const cash = cashCounts ? await cashCounts(db, { from, to, unitCodes: options.unitCodes }) : null;
  const key = (u: string, m: string) => `${u}|${m}`;
  const table = new Map<string, OnlineShareRow>();
  const get = (unitCode: string, month: string) => {
    let r = table.get(key(unitCode, month));
    if (!r)
      table.set(
        key(unitCode, month),
        (r = { unitCode, month, gateway: 0, vietqr: 0, online: 0, cash: cash ? 0 : null, onlineShare: null }),
      );
    return r;
  };
  for (const r of rows)
    Object.assign(get(r.unitCode, r.month), { gateway: r.gateway, vietqr: r.vietqr, online: r.gateway + r.vietqr });
  for (const c of cash ?? []) get(c.unitCode, c.month).cash = c.count;
  const sorted = [...table.values()].sort(
    (a, b) => a.unitCode.localeCompare(b.unitCode) || a.month.localeCompare(b.month),
  );
  for (const r of sorted) r.onlineShare = share(r.online, r.cash);
  const total: OnlineShare['total'] = [];
  for (let m = options.from; monthIndex(m) <= monthIndex(options.to); m = nextMonth(m)) {
    const of = sorted.filter((r) => r.month === m);
    const sum = (f: 'gateway' | 'vietqr' | 'online') => of.reduce((s, r) => s + r[f], 0);
    const cashSum = cash ? of.reduce((s, r) => s + (r.cash ?? 0), 0) : null;
    total.push({
      month: m,
      gateway: sum('gateway'),
      vietqr: sum('vietqr'),
      online: sum('online'),
      cash: cashSum,
      onlineShare: share(sum('online'), cashSum),
    });
  }
  return { from: options.from, to: options.to, rows: sorted, total, cashKnown: !!cash };
}
