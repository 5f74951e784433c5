import type { ProcedureField, ProcedureSummary } from '../../../contracts/procedures';
import type { Lang, Translate } from '../../shell/i18n';
import type { MessageKey } from '../../shell/dictionary';
import { formatNumber } from '../../components/format';

/** Dictionary key of a procedure field (lĩnh vực). */
export const FIELD_LABEL: Record<ProcedureField, MessageKey> = {
  residence: 'procedures.field.residence',
  civil_status: 'procedures.field.civil_status',
  interlinked: 'procedures.field.interlinked',
};

/**
 * "7 ngày làm việc", "Nửa ngày làm việc", "Ngay khi tiếp nhận", or with a same-day cut-off "Trong ngày
 * làm việc; nhận sau 15:00 thì trả ngày làm việc tiếp theo" — the legal time limit in plain words.
 */
export function timeLimitText(t: Translate, lang: Lang, days: number, sameDayCutoff?: string | null): string {
  if (sameDayCutoff) return t('procedures.limit.sameDay', { cutoff: sameDayCutoff });
  if (days === 0) return t('procedures.limit.immediate');
  if (days === 0.5) return t('procedures.limit.halfDay');
  const n = Number.isInteger(days)
    ? formatNumber(days, lang)
    : new Intl.NumberFormat(lang === 'vi' ? 'vi-VN' : 'en-GB').format(days);
  return t('procedures.limit.days', { n });
}

/** An amount in VND as "10.000 đồng", or "Miễn phí" for 0. */
export function moneyText(t: Translate, lang: Lang, amount: number): string {
  return amount === 0 ? t('procedures.fee.free') : t('procedures.fee.amount', { amount: formatNumber(amount, lang) });
}

/** The fee of a catalog line: "Trực tuyến 10.000 đồng · Trực tiếp 20.000 đồng" or "Miễn phí". */
export function feeSummary(t: Translate, lang: Lang, p: Pick<ProcedureSummary, 'feeDirect' | 'feeOnline'>): string {
  if (p.feeDirect === 0 && p.feeOnline === 0) return t('procedures.fee.free');
  return t('procedures.fee.both', { online: moneyText(t, lang, p.feeOnline), direct: moneyText(t, lang, p.feeDirect) });
}
