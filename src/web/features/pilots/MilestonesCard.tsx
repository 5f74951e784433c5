import { useState } from 'react';
import { Button, Card, Input, Space, Table } from 'antd';
import type { TableColumnsType } from 'antd';
import type { Milestone, PilotModel } from '../../../contracts/pilots';
import { DayPicker } from '../../components/DayPicker';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ScrollRegion } from '../../components/ScrollRegion';
import { StatusTag } from '../../components/StatusTag';
import { EMPTY, formatDate, todayInVietnam } from '../../components/format';
import { addMilestone, markMilestone } from './pilots-api';
import { useCommand } from './use-command';
import { Field } from './Field';
import { usePilotsT } from './use-pilots-text';

/** The milestones in order, with due and done dates; the agency adds them and records them done. */
export function MilestonesCard({ model, onChange }: { model: PilotModel; onChange: (m: PilotModel) => void }) {
  const t = usePilotsT();
  const [title, setTitle] = useState('');
  const [dueOn, setDueOn] = useState(todayInVietnam());
  const { busy, error, run } = useCommand(onChange);
  const editable = model.may.manage && model.state !== 'evaluated';

  const columns: TableColumnsType<Milestone> = [
    { title: t('pilots.milestones.name'), dataIndex: 'title' },
    {
      title: t('pilots.milestones.dueOn'),
      dataIndex: 'dueOn',
      className: 'nowrap',
      render: (d: string) => formatDate(d),
    },
    {
      title: t('pilots.milestones.doneOn'),
      key: 'done',
      render: (_: unknown, m) =>
        m.doneOn ? (
          formatDate(m.doneOn)
        ) : m.overdue ? (
          <StatusTag kind="danger">{t('pilots.milestones.overdue')}</StatusTag>
        ) : editable ? (
          <Button
            size="small"
            onClick={() =>
              void run(() => markMilestone(model.id, m.id, todayInVietnam()), t('pilots.milestones.markDone'))
            }
          >
            {t('pilots.milestones.markDone')}
          </Button>
        ) : (
          EMPTY
        ),
    },
  ];

  return (
    <Card className="section-card" title={t('pilots.milestones.title')}>
      <ScrollRegion label={t('pilots.milestones.title')}>
        <Table<Milestone>
          rowKey="id"
          size="small"
          pagination={false}
          columns={columns}
          dataSource={model.milestones}
          locale={{ emptyText: t('pilots.milestones.none') }}
        />
      </ScrollRegion>
      {editable && (
        <Space wrap align="end" className="pilots-form-row">
          <Field id="pilot-milestone-title" label={t('pilots.milestones.name')}>
            <Input
              id="pilot-milestone-title"
              value={title}
              maxLength={300}
              onChange={(e) => setTitle(e.target.value)}
            />
          </Field>
          <div className="pilots-field">
            <DayPicker
              id="pilot-milestone-due"
              label={t('pilots.milestones.dueOn')}
              value={dueOn}
              onChange={setDueOn}
            />
          </div>
          <Button
            disabled={title.trim().length < 3}
            loading={busy}
            onClick={() =>
              void run(() => addMilestone(model.id, { title, dueOn }), t('pilots.milestones.add')).then(
                (ok) => ok && setTitle(''),
              )
            }
          >
            {t('pilots.milestones.add')}
          </Button>
        </Space>
      )}
      {error && <ErrorAlert error={error} />}
    </Card>
  );
}
