import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { App, Button, Card, Checkbox, Select, Space, Table } from 'antd';
import type { TableColumnsType } from 'antd';
import { PILOT_STATES, type PilotModelSummary, type PilotState } from '../../../contracts/pilots';
import { useSession } from '../../api/session';
import { useApi } from '../../api/use-api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageTitle } from '../../components/PageTitle';
import { ScrollRegion } from '../../components/ScrollRegion';
import { StatusTag } from '../../components/StatusTag';
import { formatDate } from '../../components/format';
import { fetchModels, type PilotFilters } from './pilots-api';
import { RegisterModelModal } from './RegisterModelModal';
import { PilotFlags } from './PilotFlags';
import { STATE_KIND, sectorKey, stateKey } from './pilot-labels';
import { usePilotsT } from './use-pilots-text';
import './pilots.css';

const PAGE_SIZE = 20;

/** /pilots — the pilot models of the reader's units with their state and overdue flags (target 14). */
export default function PilotsPage() {
  const t = usePilotsT();
  const { message } = App.useApp();
  const { can } = useSession();
  const navigate = useNavigate();
  const [filters, setFilters] = useState<PilotFilters>({ page: 1 });
  const [registering, setRegistering] = useState(false);
  const list = useApi(
    (signal) => fetchModels({ ...filters, pageSize: PAGE_SIZE }, { signal }),
    [JSON.stringify(filters)],
  );
  const set = (change: PilotFilters) => setFilters((f) => ({ ...f, ...change, page: change.page ?? 1 }));
  const dueOn = list.data?.items[0]?.planDueOn;

  const columns: TableColumnsType<PilotModelSummary> = [
    {
      title: t('pilots.col.model'),
      key: 'title',
      render: (_: unknown, m) => (
        <Space orientation="vertical" size={0}>
          <Link to={`/pilots/${m.id}`}>{m.title}</Link>
          <span className="pilots-muted">
            {t(sectorKey(m.sector))} · {t('pilots.targets', { list: m.targets.join(', ') })}
          </span>
        </Space>
      ),
    },
    {
      title: t('pilots.col.agency'),
      key: 'agency',
      responsive: ['md'],
      render: (_: unknown, m) => (
        <Space orientation="vertical" size={0}>
          {m.agencyName}
          <span className="pilots-muted">{m.unitName ?? m.unitCode}</span>
        </Space>
      ),
    },
    {
      title: t('pilots.col.state'),
      key: 'state',
      // The flags stay beside the state (one column), so a phone sees them without scrolling sideways.
      render: (_: unknown, m) => (
        <Space orientation="vertical" size={4}>
          <StatusTag kind={STATE_KIND[m.state]}>{t(stateKey(m.state))}</StatusTag>
          <PilotFlags model={m} />
        </Space>
      ),
    },
  ];

  return (
    <>
      <PageTitle
        title={t('pilots.title')}
        description={t('pilots.intro')}
        extra={
          can('pilots.manage') && (
            <Button type="primary" onClick={() => setRegistering(true)}>
              {t('pilots.register')}
            </Button>
          )
        }
      />
      <Card className="section-card">
        <Space wrap size={16} className="pilots-filters">
          <Select<PilotState | ''>
            aria-label={t('pilots.filter.state')}
            value={filters.state ?? ''}
            style={{ minWidth: 200 }}
            onChange={(state) => set({ state: state || undefined })}
            options={[
              { value: '', label: t('pilots.filter.allStates') },
              ...PILOT_STATES.map((s) => ({ value: s, label: t(stateKey(s)) })),
            ]}
          />
          <Checkbox
            checked={filters.overdue === 'true'}
            onChange={(e) => set({ overdue: e.target.checked ? 'true' : undefined })}
          >
            {t('pilots.filter.overdue')}
          </Checkbox>
          {dueOn && <span className="pilots-muted">{t('pilots.dueOn', { date: formatDate(dueOn) })}</span>}
        </Space>
        {list.error && <ErrorAlert error={list.error} />}
        <ScrollRegion label={t('pilots.title')}>
          <Table<PilotModelSummary>
            rowKey="id"
            size="middle"
            loading={list.loading}
            columns={columns}
            dataSource={list.data?.items ?? []}
            locale={{ emptyText: t('pilots.empty') }}
            pagination={{
              current: filters.page,
              pageSize: PAGE_SIZE,
              total: list.data?.total ?? 0,
              showSizeChanger: false,
              onChange: (page) => set({ page }),
            }}
          />
        </ScrollRegion>
      </Card>
      <RegisterModelModal
        open={registering}
        onClose={() => setRegistering(false)}
        onSaved={(model) => {
          setRegistering(false);
          void message.success(t('pilots.registered'));
          void navigate(`/pilots/${model.id}`);
        }}
      />
    </>
  );
}
