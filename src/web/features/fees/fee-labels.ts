import type { ExemptionStatus, FeeCalculation, FeeCalculationLine, FeeListMember } from '../../../contracts/fees';
import { formatDate, formatVnd } from '../../components/format';
import type { MessageKey } from '../../shell/dictionary';
import type { Lang, Translate } from '../../shell/i18n';
import type { StatusKind } from '../../components/StatusTag';

/** The label of an exemption's state. */
export function statusKey(status: ExemptionStatus): MessageKey {
  return `fees.status.${status}`;
}

/** The tag colour of an exemption's state: green when nothing is owed for it, amber while reviewed, red when refused. */
export function statusTone(status: ExemptionStatus): StatusKind {
  return status === 'rejected' ? 'danger' : status === 'pending' ? 'warn' : 'ok';
}

/** "10.000 đồng × 3 người" (the rate and the quantity of a line). */
export function lineDetail(t: Translate, lang: Lang, line: FeeCalculationLine): string {
  const unit = formatVnd(line.unit, lang);
  return t(line.basis === 'per_person' ? 'fees.summary.perPerson' : 'fees.summary.perDossier', {
    unit,
    quantity: line.quantity,
  });
}

/** Which rate the calculation used, in words. */
export function rateKey(calc: Pick<FeeCalculation, 'channel' | 'rate'>): MessageKey {
  if (calc.channel === 'assisted') return 'fees.summary.rate.assisted';
  return calc.rate === 'online' ? 'fees.summary.rate.online' : 'fees.summary.rate.direct';
}

/** A membership period: "Từ 01/07/2025" or "Từ 01/01/2026 đến 30/06/2026". */
export function periodText(t: Translate, m: Pick<FeeListMember, 'validFrom' | 'validTo'>): string {
  return m.validTo
    ? t('fees.period.closed', { from: formatDate(m.validFrom), to: formatDate(m.validTo) })
    : t('fees.period.open', { from: formatDate(m.validFrom) });
}

/** The member of an entry: "Xã Mù Cả (03451)" or "Hộ 1a2b…". */
export function memberText(t: Translate, m: Pick<FeeListMember, 'unitCode' | 'unitName' | 'householdId'>): string {
  if (m.unitCode) return m.unitName ? `${m.unitName} (${m.unitCode})` : m.unitCode;
  return t('fees.member.household', { id: m.householdId ?? '' });
}
