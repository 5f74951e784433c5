import { useState } from 'react';
import { Button, Card, Input, Space, Table } from 'antd';
import type { TableColumnsType } from 'antd';
import type { PlanDueDate } from '../../../contracts/pilots';
import { useApi } from '../../api/use-api';
import { DayPicker } from '../../components/DayPicker';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageTitle } from '../../components/PageTitle';
import { ScrollRegion } from '../../components/ScrollRegion';
import { StatusTag } from '../../components/StatusTag';
import { formatDate, formatDateTime, todayInVietnam } from '../../components/format';
import { fetchDueDates, setDueDate } from './pilots-api';
import type { ApiError } from '../../api/client';
import { toApiError } from '../../api/use-api';
import { Field } from './Field';
import { usePilotsT } from './use-pilots-text';
import './pilots.css';

/** /admin/pilot-due-dates — the plan due date as dated data (administrators, the Standing Agency). */
export default function PilotDueDatesPage() {
  const t = usePilotsT();
  const list = useApi((signal) => fetchDueDates({ signal }), []);
  const [dueOn, setDue] = useState(todayInVietnam());
  const [effectiveFrom, setFrom] = useState(todayInVietnam());
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();
  const [saved, setSaved] = useState(false);

  const save = async () => {
    setBusy(true);
    setError(undefined);
    setSaved(false);
    try {
      list.setData(await setDueDate({ dueOn, effectiveFrom, note }));
      setNote('');
      setSaved(true);
    } catch (e) {
      setError(toApiError(e));
    } finally {
      setBusy(false);
    }
  };

  const columns: TableColumnsType<PlanDueDate> = [
    { title: t('pilots.due.dueOn'), dataIndex: 'dueOn', render: (d: string) => formatDate(d) },
    { title: t('pilots.due.effectiveFrom'), dataIndex: 'effectiveFrom', render: (d: string) => formatDate(d) },
    { title: t('pilots.due.note'), dataIndex: 'note' },
    {
      title: t('pilots.due.setBy'),
      key: 'by',
      responsive: ['md'],
      render: (_: unknown, d) => `${d.setByName ?? ''} · ${formatDateTime(d.setAt)}`,
    },
    {
      title: '',
      key: 'inForce',
      render: (_: unknown, d) => d.inForce && <StatusTag kind="ok">{t('pilots.due.inForce')}</StatusTag>,
    },
  ];

  return (
    <>
      <PageTitle title={t('pilots.due.title')} description={t('pilots.due.intro')} />
      <Card className="section-card">
        {list.error && <ErrorAlert error={list.error} />}
        <ScrollRegion label={t('pilots.due.title')}>
          <Table<PlanDueDate>
            rowKey="id"
            size="small"
            pagination={false}
            loading={list.loading}
            columns={columns}
            dataSource={list.data?.items ?? []}
          />
        </ScrollRegion>
        <Space wrap align="end" className="pilots-form-row">
          <div className="pilots-field">
            <DayPicker id="pilot-due-on" label={t('pilots.due.dueOn')} value={dueOn} onChange={setDue} />
          </div>
          <div className="pilots-field">
            <DayPicker
              id="pilot-due-from"
              label={t('pilots.due.effectiveFrom')}
              value={effectiveFrom}
              onChange={setFrom}
            />
          </div>
          <Field id="pilot-due-note" label={t('pilots.due.note')} wide>
            <Input id="pilot-due-note" value={note} maxLength={500} onChange={(e) => setNote(e.target.value)} />
          </Field>
          <Button type="primary" disabled={note.trim().length < 3} loading={busy} onClick={() => void save()}>
            {t('pilots.due.save')}
          </Button>
        </Space>
        {saved && <p role="status">{t('pilots.due.saved')}</p>}
        {error && <ErrorAlert error={error} />}
      </Card>
    </>
  );
}
