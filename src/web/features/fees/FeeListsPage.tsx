import { useState } from 'react';
import { Alert, Button, Card, Select, Space, Switch, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useSession } from '../../api/session';
import { useApi } from '../../api/use-api';
import { useI18n } from '../../shell/i18n';
import { DayPicker } from '../../components/DayPicker';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageTitle } from '../../components/PageTitle';
import { ScrollRegion } from '../../components/ScrollRegion';
import { StatusTag } from '../../components/StatusTag';
import { formatDate, todayInVietnam } from '../../components/format';
import { getFeeListMembers, getFeeLists, type FeeList, type FeeListMember } from './fees-api';
import { memberText, periodText } from './fee-labels';
import { AddMemberModal } from './AddMemberModal';
import { EndMemberModal } from './EndMemberModal';
import './fees.css';

/**
 * /admin/fee-lists — the lists fee exemptions are checked against (border communes, extremely
 * difficult communes, poor households): members on a date or the whole history, each with its
 * period and source; administrators add a member from a date and end one with the decision.
 */
export default function FeeListsPage() {
  const { t, pick } = useI18n();
  const { can } = useSession();
  const manage = can('fees.lists.manage');
  const [asOf, setAsOf] = useState(todayInVietnam);
  const [showAll, setShowAll] = useState(false);
  const [code, setCode] = useState<string>();
  const [adding, setAdding] = useState(false);
  const [ending, setEnding] = useState<FeeListMember | null>(null);
  const lists = useApi((signal) => getFeeLists(asOf, { signal }), [asOf]);
  const selected = code ?? lists.data?.items[0]?.code;
  const members = useApi(
    selected ? (signal) => getFeeListMembers(selected, { asOf, show: showAll ? 'all' : 'active' }, { signal }) : null,
    [selected, asOf, showAll],
  );
  const list: FeeList | undefined = members.data?.list ?? lists.data?.items.find((l) => l.code === selected);

  const reload = () => {
    members.reload();
    lists.reload();
  };

  const columns: TableColumnsType<FeeListMember> = [
    { title: t('fees.col.member'), key: 'member', render: (_: unknown, m) => <strong>{memberText(t, m)}</strong> },
    { title: t('fees.col.period'), key: 'period', className: 'nowrap', render: (_: unknown, m) => periodText(t, m) },
    {
      title: t('fees.col.source'),
      key: 'source',
      render: (_: unknown, m) => (
        <div className="fee-lists-source">
          {m.provisional && <StatusTag kind="warn">{t('fees.member.provisional')}</StatusTag>} {m.source}
          {m.endSource && <div className="me-muted">{t('fees.member.endSource', { source: m.endSource })}</div>}
        </div>
      ),
    },
    {
      title: t('fees.col.status'),
      key: 'status',
      render: (_: unknown, m) =>
        m.active ? (
          <StatusTag kind="ok">{t('fees.member.active')}</StatusTag>
        ) : (
          <StatusTag kind="neutral">{t('fees.member.ended')}</StatusTag>
        ),
    },
  ];
  if (manage) {
    columns.push({
      title: t('fees.col.actions'),
      key: 'actions',
      render: (_: unknown, m) =>
        m.validTo === null && (
          <Button
            size="small"
            onClick={() => setEnding(m)}
            aria-label={t('fees.endLabel', { member: memberText(t, m) })}
          >
            {t('fees.end')}
          </Button>
        ),
    });
  }

  return (
    <>
      <PageTitle
        title={t('fees.lists.title')}
        description={t('fees.lists.intro')}
        extra={
          manage &&
          list && (
            <Button type="primary" size="large" onClick={() => setAdding(true)}>
              {t(list.kind === 'unit' ? 'fees.lists.addUnit' : 'fees.lists.addHousehold')}
            </Button>
          )
        }
      />
      <Card className="section-card">
        {lists.error && <ErrorAlert error={lists.error} onRetry={lists.reload} />}
        <Space wrap align="center" size={[16, 8]} style={{ marginBottom: 12 }}>
          <label htmlFor="fee-list" className="field-label">
            {t('fees.lists.pick')}
          </label>
          <Select
            id="fee-list"
            style={{ minWidth: 320 }}
            value={selected}
            onChange={(v: string) => setCode(v)}
            loading={lists.loading}
            options={(lists.data?.items ?? []).map((l) => ({ value: l.code, label: pick(l.nameVi, l.nameEn) }))}
          />
          <DayPicker id="fee-as-of" label={t('fees.lists.asOf')} value={asOf} onChange={setAsOf} />
          <Switch id="fee-show-all" checked={showAll} onChange={setShowAll} />
          <label htmlFor="fee-show-all">{t('fees.lists.showAll')}</label>
        </Space>
        {list && (
          <div style={{ marginBottom: 12 }}>
            <Typography.Paragraph>
              <StatusTag kind="info">
                {t(list.kind === 'unit' ? 'fees.lists.kind.unit' : 'fees.lists.kind.household')}
              </StatusTag>{' '}
              {t('fees.lists.counts', { active: list.activeMembers, date: formatDate(asOf) })}
              {list.provisionalMembers > 0 && (
                <>
                  {' · '}
                  <StatusTag kind="warn">
                    {t('fees.lists.provisionalCount', { count: list.provisionalMembers })}
                  </StatusTag>
                </>
              )}
            </Typography.Paragraph>
            {(list.descriptionVi || list.descriptionEn) && (
              <Typography.Paragraph type="secondary">
                {pick(list.descriptionVi ?? '', list.descriptionEn ?? list.descriptionVi ?? '')}
              </Typography.Paragraph>
            )}
            {list.provisionalMembers > 0 && <Alert type="warning" showIcon title={t('fees.lists.provisionalNote')} />}
          </div>
        )}
        {members.error && <ErrorAlert error={members.error} onRetry={members.reload} />}
        <ScrollRegion label={t('fees.lists.title')}>
          <Table<FeeListMember>
            rowKey="id"
            columns={columns}
            dataSource={members.data?.items ?? []}
            loading={members.loading}
            size="middle"
            pagination={{ pageSize: 50, hideOnSinglePage: true }}
            locale={{ emptyText: t('fees.lists.empty') }}
            data-testid="fee-list-table"
          />
        </ScrollRegion>
      </Card>
      <AddMemberModal
        list={adding ? (list ?? null) : null}
        onClose={() => setAdding(false)}
        onSaved={() => {
          setAdding(false);
          reload();
        }}
      />
      <EndMemberModal
        listCode={selected ?? ''}
        member={ending}
        onClose={() => setEnding(null)}
        onSaved={() => {
          setEnding(null);
          reload();
        }}
      />
    </>
  );
}
