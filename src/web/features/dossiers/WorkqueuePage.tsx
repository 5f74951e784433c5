import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { Alert, Button, Card, Form, Input, Select, Space, Table, Tabs, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import {
  DOSSIER_STATES,
  WORKQUEUES,
  type DossierState,
  type DossierSummary,
  type Workqueue,
} from '../../../contracts/dossiers';
import type { ProcedureList } from '../../../contracts/procedures';
import { apiGet } from '../../api/client';
import type { ApiError } from '../../api/client';
import { useSession } from '../../api/session';
import { toApiError, useApi } from '../../api/use-api';
import { useI18n } from '../../shell/i18n';
import { ErrorAlert } from '../../components/ErrorAlert';
import { withChanges } from '../../components/search-params';
import { PageTitle } from '../../components/PageTitle';
import { EMPTY, formatDateTime, formatNumber } from '../../components/format';
import { CHANNEL_LABEL, QUEUE_LABEL, STATE_LABEL } from './dossier-labels';
import { fetchWorkqueue, searchDossiersByPerson, type DossierPage } from './dossiers-api';
import { DeadlineTag, StateTag } from './DossierTags';
import './dossiers.css';
import './dossiers-office.css';

const PAGE_SIZE = 20;

function asQueue(v: string | null): Workqueue {
  return (WORKQUEUES as readonly string[]).includes(v ?? '') ? (v as Workqueue) : 'new';
}
function asState(v: string | null): DossierState | undefined {
  return (DOSSIER_STATES as readonly string[]).includes(v ?? '') ? (v as DossierState) : undefined;
}

/** Dossiers of one person, found by ID number or name (kept in the page, never in the URL). */
function PersonSearch({ onResult }: { onResult: (page: DossierPage | undefined, error?: ApiError) => void }) {
  const { t, pick } = useI18n();
  const [form] = Form.useForm<{ nationalId: string }>();
  const [busy, setBusy] = useState(false);
  const search = async ({ nationalId }: { nationalId?: string }): Promise<void> => {
    // An empty search is no error: it goes back to the queue.
    if (!nationalId?.trim()) return onResult(undefined);
    setBusy(true);
    try {
      onResult(await searchDossiersByPerson(nationalId.trim()));
    } catch (e) {
      const error = toApiError(e);
      const field = error.fields.find((f) => f.field === 'nationalId' || f.field === 'name');
      if (field) form.setFields([{ name: 'nationalId', errors: [pick(field.messageVi, field.messageEn)] }]);
      else onResult(undefined, error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Form form={form} layout="inline" onFinish={(v) => void search(v)} className="queue-person-search">
      <Form.Item
        name="nationalId"
        label={t('dossier.queue.byPerson')}
        extra={t('dossier.queue.byPersonHint')}
        rules={[{ min: 2, message: t('dossier.queue.byPersonRequired') }]}
      >
        <Input autoComplete="off" maxLength={100} className="queue-nid" />
      </Form.Item>
      <Space>
        <Button htmlType="submit" loading={busy}>
          {t('dossier.queue.searchPerson')}
        </Button>
        <Button
          onClick={() => {
            form.resetFields();
            onResult(undefined);
          }}
        >
          {t('dossier.queue.clearPerson')}
        </Button>
      </Space>
    </Form>
  );
}

/** How long a filing has waited, in working time; flagged past one working day. */
function Waited({ waiting }: { waiting: DossierSummary['waiting'] }) {
  const { t } = useI18n();
  if (!waiting) return <>{EMPTY}</>;
  const perDay = waiting.dayMinutes; // the working calendar's hours (450 by default)
  const days = Math.floor(waiting.minutes / perDay);
  const rest = waiting.minutes - days * perDay;
  const text = days
    ? t('dossier.queue.waitedDays', { days, hours: Math.floor(rest / 60) })
    : t('dossier.queue.waitedHours', { hours: Math.floor(rest / 60), minutes: rest % 60 });
  return (
    <span className="due-cell">
      <span className="tabular">{text}</span>
      {waiting.overDay && <Tag color="error">{t('dossier.queue.waitedLong')}</Tag>}
    </span>
  );
}

/** /dossiers — the back office's workqueues (new, mine, due soon, overdue, waiting for the citizen, all) with deadline colours. */
export default function WorkqueuePage() {
  const { t, pick, lang } = useI18n();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const queue = asQueue(params.get('queue'));
  const state = asState(params.get('state'));
  const procedureCode = params.get('procedureCode') ?? undefined;
  const code = params.get('code') ?? undefined;
  const page = Math.max(1, Number(params.get('page')) || 1);
  const [byPerson, setByPerson] = useState<DossierPage>();
  const [personError, setPersonError] = useState<ApiError>();
  const { me } = useSession();
  // Officers who may enter a citizen's paper filing in one of their units (the server checks the unit again).
  const canEnterPaper = (me?.actionUnits['dossiers.enter'] ?? []).length > 0;

  const list = useApi(
    (signal) => fetchWorkqueue({ queue, state, procedureCode, code, page, pageSize: PAGE_SIZE }, { signal }),
    [queue, state, procedureCode, code, page],
  );
  const procedures = useApi((signal) => apiGet<ProcedureList>('/api/v1/procedures', { signal }), []);

  const update = (changes: Record<string, string | undefined>) => setParams(withChanges(params, changes));

  const columns: TableColumnsType<DossierSummary> = [
    {
      title: t('dossier.code'),
      dataIndex: 'code',
      render: (v: string | null, d) => (
        <Link to={`/dossiers/${d.id}`} onClick={(e) => e.stopPropagation()} className="tabular queue-code">
          {v ?? t('dossier.noCode')}
        </Link>
      ),
    },
    {
      title: t('dossier.procedure'),
      key: 'procedure',
      render: (_: unknown, d) => pick(d.procedureNameVi, d.procedureNameEn),
    },
    { title: t('dossier.applicant'), dataIndex: 'applicantName', responsive: ['md'] },
    { title: t('dossier.state'), dataIndex: 'state', render: (s: DossierState) => <StateTag state={s} /> },
    ...(queue === 'new'
      ? [
          {
            title: t('dossier.submittedAt'),
            dataIndex: 'submittedAt',
            render: (v: string | null) => <span className="tabular">{formatDateTime(v ?? null)}</span>,
          },
          {
            title: t('dossier.queue.waited'),
            key: 'waited',
            render: (_: unknown, d: DossierSummary) => <Waited waiting={d.waiting} />,
          },
        ]
      : [
          {
            title: t('dossier.receivedAt'),
            dataIndex: 'receivedAt',
            responsive: ['lg' as const],
            render: (v: string | null) => formatDateTime(v ?? null),
          },
        ]),
    {
      title: t('dossier.dueAt'),
      key: 'due',
      render: (_: unknown, d) => (
        <span className="due-cell">
          <span className="tabular">{d.dueAt ? formatDateTime(d.dueAt) : EMPTY}</span>
          <DeadlineTag flag={d.flag} />
        </span>
      ),
    },
    {
      title: t('dossier.channel'),
      dataIndex: 'channel',
      responsive: ['xl'],
      render: (c: DossierSummary['channel']) => t(CHANNEL_LABEL[c]),
    },
  ];

  const table = (data: DossierPage, paging: boolean) => (
    <Table<DossierSummary>
      rowKey="id"
      columns={columns}
      dataSource={data.items}
      loading={list.loading}
      size="middle"
      rowClassName={(d) => `clickable-row flag-row-${d.flag}`}
      onRow={(d) => ({ onClick: () => void navigate(`/dossiers/${d.id}`) })}
      locale={{ emptyText: t('dossier.queue.empty') }}
      pagination={
        paging
          ? {
              current: data.page,
              pageSize: data.pageSize,
              total: data.total,
              showSizeChanger: false,
              showTotal: (total) => t('dossier.queue.total', { total: formatNumber(total, lang) }),
              onChange: (p) => update({ page: String(p) }),
            }
          : false
      }
    />
  );

  return (
    <>
      <PageTitle
        title={t('dossier.queue.title')}
        description={t('dossier.queue.intro')}
        extra={
          canEnterPaper && (
            <Button type="primary" size="large" onClick={() => void navigate('/dossiers/paper/new')}>
              {t('dossier.paper.open')}
            </Button>
          )
        }
      />
      <Card className="section-card">
        <PersonSearch
          onResult={(result, error) => {
            setByPerson(result);
            setPersonError(error);
          }}
        />
      </Card>
      {personError && <ErrorAlert error={personError} />}
      {byPerson ? (
        <Card className="section-card" title={t('dossier.queue.personResults')}>
          {byPerson.total === 0 ? (
            <Alert type="info" showIcon title={t('dossier.queue.personNone')} />
          ) : (
            table(byPerson, false)
          )}
        </Card>
      ) : (
        <Card className="section-card">
          <Tabs
            activeKey={queue}
            onChange={(key) => update({ queue: key })}
            items={WORKQUEUES.map((q) => ({ key: q, label: t(QUEUE_LABEL[q]) }))}
          />
          {queue === 'new' && <p className="queue-intro">{t('dossier.queue.newIntro')}</p>}
          <div className="queue-filters">
            <Select
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              aria-label={t('dossier.procedure')}
              placeholder={t('dossier.queue.filter.procedure')}
              value={procedureCode}
              onChange={(v?: string) => update({ procedureCode: v })}
              options={(procedures.data?.items ?? []).map((p) => ({
                value: p.code,
                label: `${p.code} – ${pick(p.nameVi, p.nameEn)}`,
              }))}
              className="queue-filter-procedure"
            />
            <Select
              allowClear
              aria-label={t('dossier.state')}
              placeholder={t('dossier.queue.filter.state')}
              value={state}
              onChange={(v?: string) => update({ state: v })}
              options={DOSSIER_STATES.map((s) => ({ value: s, label: t(STATE_LABEL[s]) }))}
              className="queue-filter-state"
            />
            <Input.Search
              allowClear
              aria-label={t('dossier.queue.filter.code')}
              placeholder={t('dossier.queue.filter.code')}
              defaultValue={code}
              onSearch={(v) => update({ code: v.trim() || undefined })}
              className="queue-filter-code"
            />
          </div>
          {list.error && <ErrorAlert error={list.error} onRetry={list.reload} />}
          {table(list.data ?? { items: [], total: 0, page, pageSize: PAGE_SIZE }, true)}
        </Card>
      )}
    </>
  );
}
