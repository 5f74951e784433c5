import { Space } from 'antd';
import type { Indicator } from '../../../../contracts/kpi';
import { StatusTag } from '../../../components/StatusTag';
import { formatDate } from '../../../components/format';
import { useIndicatorsText, type IndicatorsTranslate } from './indicators-text';

/* Parts of an indicator's row the page's table and the drawer's history both show. */

/** "Tỉnh, Xã": an indicator's unit levels in words. */
export function levelsText(t: IndicatorsTranslate, levels: Indicator['unitLevels']): string {
  return levels.map((l) => t(`kpiInd.level.${l}`)).join(', ');
}

/** "01/01/2023 – 31/12/2027" or "Từ 01/01/2023": a version's days in force. */
export function validText(t: IndicatorsTranslate, v: Pick<Indicator, 'validFrom' | 'validTo'>): string {
  return v.validTo
    ? t('kpiInd.validRange', { from: formatDate(v.validFrom), to: formatDate(v.validTo) })
    : t('kpiInd.validFrom', { from: formatDate(v.validFrom) });
}

/** The method, with the source and whether a module publishes it (computed indicators). */
export function MethodCell({ indicator }: { indicator: Indicator }) {
  const t = useIndicatorsText();
  if (indicator.method === 'reported') return <>{t('kpiInd.method.reported')}</>;
  return (
    <Space orientation="vertical" size={0}>
      {t('kpiInd.method.computed')}
      <span className="kpiind-muted kpiind-source">{t('kpiInd.source', { source: indicator.source ?? '—' })}</span>
      <StatusTag kind={indicator.sourceAvailable ? 'ok' : 'warn'}>
        {t(indicator.sourceAvailable ? 'kpiInd.sourceOn' : 'kpiInd.sourceOff')}
      </StatusTag>
    </Space>
  );
}
