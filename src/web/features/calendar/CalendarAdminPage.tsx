import { useState } from 'react';
import { Alert, App, Button, Card, InputNumber, Popconfirm, Space, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { formatDateVi } from '../../../contracts/common';
import { useSession } from '../../api/session';
import { toApiError, useApi } from '../../api/use-api';
import { useI18n } from '../../shell/i18n';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageTitle } from '../../components/PageTitle';
import { ScrollRegion } from '../../components/ScrollRegion';
import { StatusTag } from '../../components/StatusTag';
import { formatDateTime, todayInVietnam } from '../../components/format';
import { deleteDay, getYear, resetYear, type CalendarDay, type CalendarYear } from './calendar-api';
import { kindKey, kindTone, weekdayKey } from './calendar-labels';
import { CalendarDayModal } from './CalendarDayModal';
import { DeadlineCalculator } from './DeadlineCalculator';
import { YearSourceModal } from './YearSourceModal';

/** /admin/calendar — days off and working Saturdays of a year, with sources; provisional years marked "tạm tính". */
export default function CalendarAdminPage() {
  const { t, pick } = useI18n();
  const { message } = App.useApp();
  const { can } = useSession();
  const manage = can('calendar.manage');
  const [year, setYear] = useState(() => Number(todayInVietnam().slice(0, 4)));
  const schedule = useApi((signal) => getYear(year, { signal }), [year]);
  const [dayTarget, setDayTarget] = useState<{ year: number; day?: CalendarDay } | null>(null);
  const [editingYear, setEditingYear] = useState<CalendarYear | null>(null);

  const act = async (work: () => Promise<void>) => {
    try {
      await work();
    } catch (e) {
      const error = toApiError(e);
      void message.error(pick(error.messageVi, error.messageEn));
    }
  };

  const columns: TableColumnsType<CalendarDay> = [
    {
      title: t('calendar.col.date'),
      dataIndex: 'date',
      className: 'nowrap',
      render: (date: string) => (
        <>
          <strong>{formatDateVi(date)}</strong>
          <div className="me-muted">{t(weekdayKey(date))}</div>
        </>
      ),
    },
    {
      title: t('calendar.col.kind'),
      dataIndex: 'kind',
      render: (_: unknown, d) => (
        <Space size={[0, 4]} wrap>
          <StatusTag kind={kindTone(d.kind)}>{t(kindKey(d.kind))}</StatusTag>
          {d.provisional && <StatusTag kind="warn">{t('calendar.status.provisional')}</StatusTag>}
        </Space>
      ),
    },
    { title: t('calendar.col.name'), dataIndex: 'name' },
    {
      title: t('calendar.col.source'),
      dataIndex: 'source',
      render: (s: string) => <span className="calendar-source">{s}</span>,
    },
  ];
  if (manage) {
    columns.push({
      title: t('calendar.col.actions'),
      key: 'actions',
      render: (_: unknown, d) => (
        <Space size={[8, 8]} wrap>
          <Button
            size="small"
            onClick={() => setDayTarget({ year, day: d })}
            aria-label={t('calendar.editLabel', { date: formatDateVi(d.date) })}
          >
            {t('calendar.edit')}
          </Button>
          <Popconfirm
            title={t('calendar.delete.confirm', { date: formatDateVi(d.date) })}
            okText={t('calendar.delete')}
            cancelText={t('calendar.cancel')}
            onConfirm={() =>
              act(async () => {
                await deleteDay(d.date);
                void message.success(t('calendar.deleted'));
                schedule.reload();
              })
            }
          >
            <Button size="small" danger aria-label={t('calendar.deleteLabel', { date: formatDateVi(d.date) })}>
              {t('calendar.delete')}
            </Button>
          </Popconfirm>
        </Space>
      ),
    });
  }

  const data = schedule.data;
  return (
    <>
      <PageTitle
        title={t('calendar.title')}
        description={t('calendar.intro')}
        extra={
          manage && (
            <Button type="primary" size="large" onClick={() => setDayTarget({ year })}>
              {t('calendar.add')}
            </Button>
          )
        }
      />
      <Card className="section-card">
        <Space wrap align="center" className="calendar-year-bar">
          <Button onClick={() => setYear((y) => y - 1)} aria-label={t('calendar.prevYear')}>
            ‹
          </Button>
          <label htmlFor="calendar-year" className="field-label">
            {t('calendar.year')}
          </label>
          <InputNumber
            id="calendar-year"
            min={1990}
            max={2199}
            value={year}
            onChange={(v) => v && setYear(v)}
            controls={false}
            style={{ width: 90 }}
          />
          <Button onClick={() => setYear((y) => y + 1)} aria-label={t('calendar.nextYear')}>
            ›
          </Button>
          {data && (
            <>
              {data.provisional ? (
                <StatusTag kind="warn">{t('calendar.status.provisional')}</StatusTag>
              ) : (
                <StatusTag kind="ok">{t('calendar.status.announced')}</StatusTag>
              )}
              {!data.stored && <StatusTag kind="neutral">{t('calendar.status.derived')}</StatusTag>}
            </>
          )}
        </Space>
        {schedule.error && <ErrorAlert error={schedule.error} onRetry={schedule.reload} />}
        {data && (
          <div className="calendar-summary" data-testid="calendar-summary" style={{ margin: '12px 0' }}>
            <Typography.Paragraph>
              <strong>{t('calendar.source')}:</strong> {data.source}
            </Typography.Paragraph>
            <Typography.Paragraph type="secondary">
              {t('calendar.workingDays', { count: data.workingDays })} ·{' '}
              {t('calendar.workingHours', { hours: data.workingHours.replace(',', ', ') })}
              {data.updatedAt && ` · ${t('calendar.updatedAt', { when: formatDateTime(data.updatedAt) })}`}
            </Typography.Paragraph>
            {data.provisional && (
              <Alert
                type="warning"
                showIcon
                className="calendar-provisional-note"
                style={{ marginBottom: 12 }}
                title={t('calendar.provisionalNote', { year: data.year })}
              />
            )}
            {manage && !data.stored && (
              <Typography.Paragraph type="secondary">{t('calendar.derivedNote')}</Typography.Paragraph>
            )}
            {manage && (
              <Space wrap>
                <Button onClick={() => setEditingYear(data)}>{t('calendar.year.edit')}</Button>
                {data.stored && (
                  <Popconfirm
                    title={t('calendar.year.resetConfirm', { year: data.year })}
                    okText={t('calendar.year.reset')}
                    cancelText={t('calendar.cancel')}
                    onConfirm={() =>
                      act(async () => {
                        schedule.setData(await resetYear(data.year));
                        void message.success(t('calendar.year.resetDone'));
                      })
                    }
                  >
                    <Button danger>{t('calendar.year.reset')}</Button>
                  </Popconfirm>
                )}
              </Space>
            )}
          </div>
        )}
        <ScrollRegion label={t('calendar.title')}>
          <Table<CalendarDay>
            rowKey="date"
            columns={columns}
            dataSource={data?.days ?? []}
            loading={schedule.loading}
            size="middle"
            pagination={false}
            locale={{ emptyText: t('calendar.empty') }}
            data-testid="calendar-table"
          />
        </ScrollRegion>
      </Card>
      <DeadlineCalculator />
      <CalendarDayModal
        target={dayTarget}
        onClose={() => setDayTarget(null)}
        onSaved={() => {
          setDayTarget(null);
          void message.success(t('calendar.saved'));
          schedule.reload();
        }}
      />
      <YearSourceModal
        year={editingYear}
        onClose={() => setEditingYear(null)}
        onSaved={(saved) => {
          setEditingYear(null);
          schedule.setData(saved);
          void message.success(t('calendar.saved'));
        }}
      />
    </>
  );
}
