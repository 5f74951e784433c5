import { CheckCircleFilled, CloseCircleFilled, MinusCircleFilled } from '@ant-design/icons';
import type { Indicator } from '../../../contracts/kpi';
import { StatusTag, type StatusKind } from '../../components/StatusTag';
import type { KpiTranslate as Translate } from './kpi-text';
import { periodParts, type Light, type NoDataReason } from './kpi-figures';

const LOOK: Record<Light, { kind: StatusKind; icon: typeof CheckCircleFilled }> = {
  met: { kind: 'ok', icon: CheckCircleFilled },
  not_met: { kind: 'danger', icon: CloseCircleFilled },
  no_data: { kind: 'neutral', icon: MinusCircleFilled },
};

/** The traffic light as a tag: colour, an icon and the word (colour is never the only signal). */
export function LightTag({ light, t }: { light: Light; t: Translate }) {
  const { kind, icon: Icon } = LOOK[light];
  return (
    <StatusTag kind={kind} className={`kpi-light kpi-light-${light}`}>
      <Icon aria-hidden />
      {t(`kpi.light.${light}`)}
    </StatusTag>
  );
}

/** Why there is no figure, in plain words. */
export function reasonText(t: Translate, reason: NoDataReason): string {
  return t(`kpi.reason.${reason}`);
}

/** "Quý 4/2026", "Tháng 09/2026", "Năm 2026" (the code itself when it is not a period). */
export function periodLabel(t: Translate, code: string): string {
  const parts = periodParts(code);
  return parts ? t(`kpi.period.${parts.kind}`, { part: parts.part, year: parts.year }) : code;
}

/** "Mục tiêu 2" or the service index's name for an indicator without a target. */
export function targetLabel(t: Translate, target: Indicator['target']): string {
  return target === null ? t('kpi.target.serviceIndex') : t('kpi.target', { target });
}
