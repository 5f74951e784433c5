import { useState } from 'react';
import { Alert, Card, Empty, Grid, Pagination, Skeleton, Table, Tag, Tooltip } from 'antd';
import type { TableColumnsType } from 'antd';
import type { SubjectAccessItem } from '../../../contracts/audit';
import { useApi } from '../../api/use-api';
import { useI18n, type Translate } from '../../shell/i18n';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageTitle } from '../../components/PageTitle';
import { formatDateTime, formatNumber } from '../../components/format';
import { ScrollRegion } from '../../components/ScrollRegion';
import { fetchAccessLog } from './citizen-api';

const PAGE_SIZE = 20;
type Pick = (vi: string, en: string) => string;

/** "Who": the role and the unit (the server never sends an officer's name). */
function who(item: SubjectAccessItem, pick: Pick, t: Translate): string {
  if (item.actorRole === 'citizen') return t('accessLog.yourself');
  const role = item.actorRoleNameVi
    ? pick(item.actorRoleNameVi, item.actorRoleNameEn ?? item.actorRoleNameVi)
    : item.actorRole;
  const unit = item.actorUnitName ?? item.actorUnitCode;
  return unit ? `${role} – ${unit}` : role;
}

function why(item: SubjectAccessItem, pick: Pick, t: Translate): string {
  if (!item.purposeCode) return t('accessLog.noPurpose');
  return item.purposeNameVi ? pick(item.purposeNameVi, item.purposeNameEn ?? item.purposeNameVi) : item.purposeCode;
}

/** What was accessed: the dossier's code, or the registry record (and the dossier it was opened for). */
function target(item: SubjectAccessItem, t: Translate): string | null {
  const code = item.target?.code;
  if (item.target?.kind === 'dossier' && code) return t('accessLog.dossier', { code });
  if (item.target?.kind === 'person_record')
    return code ? t('accessLog.recordForDossier', { code }) : t('accessLog.record');
  return null;
}

/** "What": the action, what it was done to, and how many times (repeated reads are one line). */
function What({ item, pick, t }: { item: SubjectAccessItem; pick: Pick; t: Translate }) {
  const on = target(item, t);
  return (
    <>
      {pick(item.actionNameVi, item.actionNameEn)}
      {item.count > 1 && (
        <Tooltip title={t('accessLog.timesHint')}>
          <Tag className="access-times">{t('accessLog.times', { count: item.count })}</Tag>
        </Tooltip>
      )}
      {on && <div className="access-target">{on}</div>}
    </>
  );
}

/** When: the time, or the first and the last time of a collapsed line. */
function when(item: SubjectAccessItem): string {
  return item.count > 1 && item.firstAt !== item.at
    ? `${formatDateTime(item.firstAt)} – ${formatDateTime(item.at)}`
    : formatDateTime(item.at);
}

/** Cards on phones: one entry per card, label above value. */
function AccessCards({ items, pick, t }: { items: SubjectAccessItem[]; pick: Pick; t: Translate }) {
  return (
    <ul className="plain-list access-cards">
      {items.map((item, i) => (
        <li key={`${item.at}-${i}`}>
          <dl className="access-card">
            <dt>{t('accessLog.when')}</dt>
            <dd className="tabular">{when(item)}</dd>
            <dt>{t('accessLog.who')}</dt>
            <dd>{who(item, pick, t)}</dd>
            <dt>{t('accessLog.why')}</dt>
            <dd>{why(item, pick, t)}</dd>
            <dt>{t('accessLog.what')}</dt>
            <dd>
              <What item={item} pick={pick} t={t} />
            </dd>
          </dl>
        </li>
      ))}
    </ul>
  );
}

/** /me/access-log — "Ai đã xem dữ liệu của tôi": when, which role in which unit, why, what. */
export default function AccessLogPage() {
  const { t, pick, lang } = useI18n();
  const [page, setPage] = useState(1);
  const phone = Grid.useBreakpoint().md === false;
  const log = useApi((signal) => fetchAccessLog(page, PAGE_SIZE, { signal }), [page]);

  const columns: TableColumnsType<SubjectAccessItem> = [
    { title: t('accessLog.when'), key: 'when', className: 'tabular', render: (_: unknown, item) => when(item) },
    { title: t('accessLog.who'), key: 'who', render: (_: unknown, item) => who(item, pick, t) },
    { title: t('accessLog.why'), key: 'why', render: (_: unknown, item) => why(item, pick, t) },
    { title: t('accessLog.what'), key: 'what', render: (_: unknown, item) => <What item={item} pick={pick} t={t} /> },
  ];
  const data = log.data;

  return (
    <div className="citizen-page">
      <PageTitle title={t('accessLog.title')} description={t('accessLog.intro')} />
      <Alert type="info" showIcon className="section-card" title={t('accessLog.privacy')} />
      {log.error && <ErrorAlert error={log.error} onRetry={log.reload} />}
      {!data && log.loading && <Skeleton active paragraph={{ rows: 6 }} />}
      {data && (
        <Card className="section-card" title={t('accessLog.total', { total: formatNumber(data.total, lang) })}>
          {data.total === 0 ? (
            <Empty description={t('accessLog.empty')} image={Empty.PRESENTED_IMAGE_SIMPLE} />
          ) : phone ? (
            <>
              <AccessCards items={data.items} pick={pick} t={t} />
              {data.total > data.pageSize && (
                <Pagination
                  className="access-pagination"
                  current={data.page}
                  pageSize={data.pageSize}
                  total={data.total}
                  onChange={setPage}
                  showSizeChanger={false}
                  simple
                />
              )}
            </>
          ) : (
            <ScrollRegion label={t('accessLog.title')}>
              <Table<SubjectAccessItem>
                rowKey="key"
                columns={columns}
                dataSource={data.items.map((item, i) => ({ ...item, key: `${data.page}-${i}` }))}
                loading={log.loading}
                size="middle"
                data-testid="access-log-table"
                pagination={{
                  current: data.page,
                  pageSize: data.pageSize,
                  total: data.total,
                  showSizeChanger: false,
                  onChange: setPage,
                }}
              />
            </ScrollRegion>
          )}
        </Card>
      )}
    </div>
  );
}
