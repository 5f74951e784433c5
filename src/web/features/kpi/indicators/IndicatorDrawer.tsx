import { useState } from 'react';
import { Alert, Button, Descriptions, Drawer, Skeleton, Space, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { Indicator } from '../../../../contracts/kpi';
import { useSession } from '../../../api/session';
import { useApi } from '../../../api/use-api';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { ScrollRegion } from '../../../components/ScrollRegion';
import { StatusTag, type StatusKind } from '../../../components/StatusTag';
import { todayInVietnam } from '../../../components/format';
import { useI18n } from '../../../shell/i18n';
import { fetchVersions } from './indicators-api';
import { formatThreshold, latestStart } from './indicator-labels';
import { useIndicatorsText } from './indicators-text';
import { levelsText, MethodCell, validText } from './IndicatorParts';
import { VersionForm } from './VersionForm';

type Phase = 'current' | 'future' | 'past';
const PHASE_KIND: Record<Phase, StatusKind> = { current: 'ok', future: 'info', past: 'neutral' };

function phaseOf(v: Pick<Indicator, 'validFrom' | 'validTo'>, today: string): Phase {
  if (v.validFrom > today) return 'future';
  return v.validTo && v.validTo < today ? 'past' : 'current';
}

/**
 * One indicator: what it counts (the version shown in the table), every version newest first with
 * its days in force, and — for a province administrator — the form of a new version prefilled from
 * the one shown. After a new version the history and the page's table reload.
 */
export function IndicatorDrawer(props: {
  indicator: Indicator;
  title: string;
  onChanged: () => void;
  onClose: () => void;
}) {
  const { indicator, title, onChanged, onClose } = props;
  const t = useIndicatorsText();
  const { lang, pick } = useI18n();
  const { can } = useSession();
  const today = todayInVietnam();
  const versions = useApi((signal) => fetchVersions(indicator.code, { signal }), [indicator.code]);
  const [editing, setEditing] = useState(false);
  const mayManage = can('kpi.indicators.manage');
  const latest = versions.data ? latestStart(versions.data) : undefined;

  const columns: TableColumnsType<Indicator> = [
    { title: t('kpiInd.col.valid'), key: 'valid', render: (_: unknown, v) => validText(t, v) },
    {
      title: t('kpiInd.col.threshold'),
      key: 'threshold',
      className: 'kpiind-nowrap',
      render: (_: unknown, v) => formatThreshold(v.comparison, v.threshold, lang),
    },
    { title: t('kpiInd.col.levels'), key: 'levels', render: (_: unknown, v) => levelsText(t, v.unitLevels) },
    { title: t('kpiInd.col.period'), key: 'period', render: (_: unknown, v) => t(`kpiInd.period.${v.periodType}`) },
    { title: t('kpiInd.col.method'), key: 'method', render: (_: unknown, v) => <MethodCell indicator={v} /> },
    {
      title: t('kpiInd.col.name'),
      key: 'name',
      render: (_: unknown, v) => (
        <Space orientation="vertical" size={4}>
          {pick(v.nameVi, v.nameEn)}
          <StatusTag kind={PHASE_KIND[phaseOf(v, today)]}>{t(`kpiInd.history.${phaseOf(v, today)}`)}</StatusTag>
        </Space>
      ),
    },
  ];

  return (
    <Drawer
      open
      onClose={onClose}
      size="large"
      title={title}
      closable={{ 'aria-label': t('kpiInd.close') }}
      className="kpiind-drawer"
    >
      <Space orientation="vertical" size={16} className="kpiind-drawer-body" data-testid="kpiind-drawer">
        <Typography.Paragraph strong>{pick(indicator.nameVi, indicator.nameEn)}</Typography.Paragraph>
        <Descriptions size="small" column={1} bordered>
          <Descriptions.Item label={t('kpiInd.numerator')}>
            {pick(indicator.numeratorVi, indicator.numeratorEn)}
          </Descriptions.Item>
          <Descriptions.Item label={t('kpiInd.denominator')}>
            {pick(indicator.denominatorVi, indicator.denominatorEn)}
          </Descriptions.Item>
          <Descriptions.Item label={t('kpiInd.col.threshold')}>
            {formatThreshold(indicator.comparison, indicator.threshold, lang)}
          </Descriptions.Item>
        </Descriptions>

        <section aria-labelledby="kpiind-history-title">
          <Typography.Title level={3} id="kpiind-history-title" className="kpiind-h">
            {t('kpiInd.history.title')}
          </Typography.Title>
          {versions.error && <ErrorAlert error={versions.error} onRetry={versions.reload} />}
          {!versions.data && versions.loading && <Skeleton active paragraph={{ rows: 3 }} />}
          {versions.data && (
            <ScrollRegion label={t('kpiInd.history.table', { code: indicator.code })}>
              <Table<Indicator>
                rowKey="id"
                size="small"
                loading={versions.loading}
                columns={columns}
                dataSource={versions.data}
                pagination={false}
                data-testid="kpiind-history"
              />
            </ScrollRegion>
          )}
        </section>

        {!mayManage && <Alert type="info" showIcon title={t('kpiInd.readOnly')} />}
        {mayManage && latest && !editing && (
          <Button type="primary" onClick={() => setEditing(true)}>
            {t('kpiInd.new')}
          </Button>
        )}
        {mayManage && latest && editing && versions.data && (
          <VersionForm
            from={indicator}
            versions={versions.data}
            onCancel={() => setEditing(false)}
            onSaved={() => {
              setEditing(false);
              versions.reload();
              onChanged();
            }}
          />
        )}
      </Space>
    </Drawer>
  );
}
