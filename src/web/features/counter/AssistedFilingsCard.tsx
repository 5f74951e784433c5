import dayjs from 'dayjs';
import { Button, Card, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { AssistedFiling } from '../../../contracts/dossiers';
import { useApi } from '../../api/use-api';
import { useI18n } from '../../shell/i18n';
import { ErrorAlert } from '../../components/ErrorAlert';
import { fetchAssistedFilings } from './counter-api';

interface Props {
  unitCode: string | undefined;
  /** Only this counter's filings when set. */
  counterLabel: string | undefined;
  /** Bumped after each record, so the list is read again. */
  version: number;
  onRecord: (filing: AssistedFiling) => void;
}

/**
 * Today's filings on the unit's counter devices (citizens who filed themselves with an officer's
 * guidance): "Ghi lượt tiếp" puts the filing's facts in the visit form, so the log of target 1 and
 * the dossiers tell the same story without typing the code again.
 */
export function AssistedFilingsCard({ unitCode, counterLabel, version, onRecord }: Props) {
  const { t, pick } = useI18n();
  const filings = useApi((signal) => fetchAssistedFilings({ unitCode }, { signal }), [unitCode, version]);
  const items = (filings.data?.items ?? []).filter((f) => !counterLabel || f.counterLabel === counterLabel);
  const columns: TableColumnsType<AssistedFiling> = [
    {
      title: t('counter.assisted.time'),
      dataIndex: 'submittedAt',
      width: 80,
      render: (v: string) => <span className="tabular">{dayjs(v).format('HH:mm')}</span>,
    },
    {
      title: t('counter.assisted.code'),
      dataIndex: 'code',
      render: (v: string | null) => <span className="tabular">{v ?? '—'}</span>,
    },
    { title: t('counter.assisted.citizen'), dataIndex: 'applicantName' },
    {
      title: t('counter.assisted.procedure'),
      key: 'procedure',
      render: (_: unknown, f) => pick(f.procedureNameVi, f.procedureNameEn),
    },
    {
      title: t('counter.assisted.counter'),
      key: 'counter',
      render: (_: unknown, f) => `${f.counterLabel} – ${f.officerName}`,
    },
    {
      title: t('counter.assisted.action'),
      key: 'action',
      render: (_: unknown, f) => (
        <Button
          size="small"
          onClick={() => onRecord(f)}
          aria-label={t('counter.assisted.recordFor', { code: f.code ?? '', name: f.applicantName })}
        >
          {t('counter.assisted.record')}
        </Button>
      ),
    },
  ];
  return (
    <Card className="section-card" title={t('counter.assisted.title')}>
      <Typography.Paragraph type="secondary">{t('counter.assisted.intro')}</Typography.Paragraph>
      {filings.error && <ErrorAlert error={filings.error} onRetry={filings.reload} />}
      <Table<AssistedFiling>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={items}
        loading={filings.loading}
        pagination={false}
        scroll={{ x: true }}
        locale={{ emptyText: t('counter.assisted.none') }}
      />
    </Card>
  );
}
