import { Drawer, Empty, Skeleton, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { FiguresRevision } from '../../../contracts/cashless';
import { useApi } from '../../api/use-api';
import { useI18n } from '../../shell/i18n';
import { ErrorAlert } from '../../components/ErrorAlert';
import { StatusTag } from '../../components/StatusTag';
import { formatDateTime, formatNumber } from '../../components/format';
import { fetchFacilityMonths, type Facility } from './cashless-api';
import { monthLabel } from './cashless-labels';

interface Line extends FiguresRevision {
  key: string;
  month: string;
  inForce: boolean;
}

/** A facility's figures month by month, each month with the versions later imports replaced. */
export function FacilityMonthsDrawer({ facility, onClose }: { facility: Facility | null; onClose: () => void }) {
  const { t, lang } = useI18n();
  const months = useApi(facility ? (signal) => fetchFacilityMonths(facility.id, { signal }) : null, [facility?.id]);
  const lines: Line[] = (months.data?.months ?? []).flatMap((m) => [
    { ...m.current, key: `${m.month}-${m.current.revision}`, month: m.month, inForce: true },
    ...m.history.map((h) => ({ ...h, key: `${m.month}-${h.revision}`, month: m.month, inForce: false })),
  ]);
  const n = (v: number) => formatNumber(v, lang);
  const columns: TableColumnsType<Line> = [
    {
      title: t('cashless.col.month'),
      key: 'month',
      render: (_: unknown, l) => (l.inForce ? <strong>{monthLabel(l.month)}</strong> : ''),
    },
    {
      title: t('cashless.months.transactions'),
      key: 'tx',
      render: (_: unknown, l) => (
        <span className={`cashless-figures${l.inForce ? '' : ' cashless-history'}`}>
          {t('cashless.months.figures', { cashless: n(l.cashlessCount), cash: n(l.cashCount) })}
        </span>
      ),
    },
    {
      title: t('cashless.months.amounts'),
      key: 'amounts',
      render: (_: unknown, l) => (
        <span className={`cashless-figures${l.inForce ? '' : ' cashless-history'}`}>
          {t('cashless.months.figures', { cashless: n(l.cashlessAmount), cash: n(l.cashAmount) })}
        </span>
      ),
    },
    {
      title: t('cashless.months.version'),
      key: 'version',
      render: (_: unknown, l) => (
        <>
          {l.inForce ? (
            <StatusTag kind="ok">{t('cashless.months.inForce', { n: l.revision })}</StatusTag>
          ) : (
            <Typography.Text type="secondary">
              {t('cashless.months.replaced', {
                n: l.revision,
                when: formatDateTime(l.replacedAt),
                who: l.replacedBy ?? '—',
              })}
            </Typography.Text>
          )}
          <div className="me-muted">
            {t('cashless.months.recorded', { when: formatDateTime(l.recordedAt), who: l.recordedBy ?? '—' })}
          </div>
        </>
      ),
    },
  ];
  return (
    <Drawer
      open={facility !== null}
      onClose={onClose}
      size="large"
      title={facility ? t('cashless.months.title', { name: facility.name }) : ''}
      destroyOnHidden
    >
      {months.error && <ErrorAlert error={months.error} onRetry={months.reload} />}
      {months.loading && !months.data && <Skeleton active />}
      {months.data && lines.length === 0 && <Empty description={t('cashless.months.empty')} />}
      {lines.length > 0 && (
        <Table<Line> rowKey="key" columns={columns} dataSource={lines} pagination={false} size="small" />
      )}
    </Drawer>
  );
}
