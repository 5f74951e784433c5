import { Button, Space, Table, Tag, Tooltip } from 'antd';
import type { TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import type { Visit, VisitPage } from '../../../contracts/counter';
import { useI18n } from '../../app/i18n';
import { formatNumber } from '../../components/format';
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

const OUTCOME_COLORS: Record<Visit['outcome'], string> = {
  filed_online: 'green',
  filed_paper: 'orange',
  information_only: 'blue',
  referred: 'purple',
  incomplete_documents: 'red',
};

/** The day's visits: time, citizen, procedure, guided online, who typed, outcome, officer; correct/history actions. */
export function VisitTable({ page, loading, showCounter, onPage, onCorrect, onHistory }: Props) {
  const { t, pick, lang } = useI18n();
  const columns: TableColumnsType<Visit> = [
    { title: t('counter.col.time'), dataIndex: 'visitedAt', width: 70, render: (v: string) => dayjs(v).format('HH:mm') },
    ...(showCounter ? [{ title: t('counter.col.counter'), dataIndex: 'counterLabel', responsive: ['lg' as const] }] : []),
    {
      title: t('counter.col.citizen'),
      key: 'citizen',
      render: (_: unknown, v) => (v.citizen.masked ? <Tooltip title={t('counter.maskedName')}>{v.citizen.name}</Tooltip> : v.citizen.name),
    },
    {
      title: t('counter.col.procedure'),
      key: 'procedure',
      responsive: ['md'],
      render: (_: unknown, v) => (v.procedureCode ? `${(v.procedureNameVi && pick(v.procedureNameVi, v.procedureNameEn ?? v.procedureNameVi)) || ''} (${v.procedureCode})` : '—'),
    },
    {
      title: t('counter.col.guided'),
      dataIndex: 'guidedOnline',
      render: (g: boolean) => (g ? <Tag color="green">{t('counter.yes')}</Tag> : <Tag>{t('counter.no')}</Tag>),
    },
    { title: t('counter.col.typedBy'), dataIndex: 'typedBy', responsive: ['lg'], render: (v: Visit['typedBy']) => typedByLabel(t, v) },
    { title: t('counter.col.outcome'), dataIndex: 'outcome', render: (v: Visit['outcome']) => <Tag color={OUTCOME_COLORS[v]}>{outcomeLabel(t, v)}</Tag> },
    { title: t('counter.col.officer'), dataIndex: 'officerName', responsive: ['xl'] },
    {
      title: t('counter.col.actions'),
      key: 'actions',
      render: (_: unknown, v) => (
        <Space size={4} wrap>
          {v.revision > 1 && <Tag>{t('counter.corrected', { n: v.revision - 1 })}</Tag>}
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
          ? { current: page.page, pageSize: page.pageSize, total: page.total, showSizeChanger: false, onChange: onPage, showTotal: (total) => t('counter.list.total', { total: formatNumber(total, lang) }) }
          : false
      }
    />
  );
}
