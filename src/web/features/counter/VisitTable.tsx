import { Button, Space, Table, Tooltip } from 'antd';
import type { TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import type { Visit, VisitPage } from '../../../contracts/counter';
import { useI18n } from '../../shell/i18n';
import { formatNumber } from '../../components/format';
import { StatusTag, type StatusKind } from '../../components/StatusTag';
import { outcomeLabel, typedByLabel } from './counter-labels';

interface Props {
  page: VisitPage | undefined;
  loading: boolean;
  /** Show the counter column (the list covers several counters). */
  showCounter: boolean;
  onPage: (page: number) => void;
  onCorrect: (visit: Visit) => void;
  onHistory: (visit: Visit) => void;
}

/** Outcome colours (contrast-safe tags): online green, paper orange, incomplete red, the rest neutral/blue. */
const OUTCOME_KINDS: Record<Visit['outcome'], StatusKind> = {
  filed_online: 'ok',
  filed_paper: 'warn',
  information_only: 'info',
  referred: 'neutral',
  incomplete_documents: 'danger',
};

/** The day's visits: time, citizen, procedure, guided online, who typed, outcome, officer; correct/history actions. */
export function VisitTable({ page, loading, showCounter, onPage, onCorrect, onHistory }: Props) {
  const { t, pick, lang } = useI18n();
  const columns: TableColumnsType<Visit> = [
    {
      title: t('counter.col.time'),
      dataIndex: 'visitedAt',
      width: 70,
      render: (v: string) => dayjs(v).format('HH:mm'),
    },
    ...(showCounter
      ? [{ title: t('counter.col.counter'), dataIndex: 'counterLabel', responsive: ['lg' as const] }]
      : []),
    {
      title: t('counter.col.citizen'),
      key: 'citizen',
      render: (_: unknown, v) =>
        v.citizen.masked ? <Tooltip title={t('counter.maskedName')}>{v.citizen.name}</Tooltip> : v.citizen.name,
    },
    {
      title: t('counter.col.procedure'),
      key: 'procedure',
      responsive: ['md'],
      render: (_: unknown, v) =>
        v.procedureCode
          ? `${(v.procedureNameVi && pick(v.procedureNameVi, v.procedureNameEn ?? v.procedureNameVi)) || ''} (${v.procedureCode})`
          : '—',
    },
    {
      title: t('counter.col.guided'),
      dataIndex: 'guidedOnline',
      render: (g: boolean) => (
        <StatusTag kind={g ? 'ok' : 'neutral'}>{g ? t('counter.yes') : t('counter.no')}</StatusTag>
      ),
    },
    {
      title: t('counter.col.typedBy'),
      dataIndex: 'typedBy',
      responsive: ['lg'],
      render: (v: Visit['typedBy']) => typedByLabel(t, v),
    },
    {
      title: t('counter.col.outcome'),
      dataIndex: 'outcome',
      render: (v: Visit['outcome']) => <StatusTag kind={OUTCOME_KINDS[v]}>{outcomeLabel(t, v)}</StatusTag>,
    },
    { title: t('counter.col.officer'), dataIndex: 'officerName', responsive: ['xl'] },
    {
      title: t('counter.col.actions'),
      key: 'actions',
      render: (_: unknown, v) => (
        <Space size={4} wrap>
          {v.revision > 1 && <StatusTag kind="neutral">{t('counter.corrected', { n: v.revision - 1 })}</StatusTag>}
          {v.canCorrect && (
            <Button size="small" onClick={() => onCorrect(v)}>
              {t('counter.correct')}
            </Button>
          )}
          <Button size="small" type="link" onClick={() => onHistory(v)}>
            {t('counter.history')}
          </Button>
        </Space>
      ),
    },
  ];
  return (
    <Table<Visit>
      rowKey="id"
      size="small"
      columns={columns}
      dataSource={page?.items ?? []}
      loading={loading}
      locale={{ emptyText: t('counter.list.empty') }}
      pagination={
        page && page.total > page.pageSize
          ? {
              current: page.page,
              pageSize: page.pageSize,
              total: page.total,
              showSizeChanger: false,
              onChange: onPage,
              showTotal: (total) => t('counter.list.total', { total: formatNumber(total, lang) }),
            }
          : false
      }
    />
  );
}
