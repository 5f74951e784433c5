import { useEffect } from 'react';
import { useSearchParams } from 'react-router';
import { Card, Empty, Pagination, Select, Skeleton, Space } from 'antd';
import { useApi } from '../../api/use-api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageTitle } from '../../components/PageTitle';
import { formatNumber } from '../../components/format';
import { withChanges } from '../../components/search-params';
import { useCurrentUnits } from '../../components/unit-names';
import { useI18n } from '../../shell/i18n';
import { ChangeRequestCard } from './ChangeRequestCard';
import { REQUEST_STATES, requestStateKey, type RequestStateCode } from './correction-labels';
import { fetchChangeRequests } from './corrections-api';
import { pageToShow } from './sector-labels';
import { useSectorT } from './use-sector-text';
import './sector-data.css';

const PAGE_SIZE = 10;

const asState = (s: string | null): RequestStateCode | undefined =>
  (REQUEST_STATES as readonly string[]).includes(s ?? '') ? (s as RequestStateCode) : undefined;

/**
 * /du-lieu-chuyen-nganh/dieu-chinh — the change requests the session sees (the server decides: the
 * commune police those of their communes' residents, the sector side those of its lists), open ones
 * first, filtered by state (`?trang-thai=`), a page at a time. The server writes every person shown
 * in the access log.
 */
export default function ChangeRequestsPage() {
  const t = useSectorT();
  const { lang } = useI18n();
  const units = useCurrentUnits();
  const [params, setParams] = useSearchParams();
  const state = asState(params.get('trang-thai'));
  const page = Number(params.get('page') ?? '1') || 1;
  const list = useApi((signal) => fetchChangeRequests({ state, page, pageSize: PAGE_SIZE }, { signal }), [state, page]);
  const change = (c: Record<string, string | undefined>) => setParams(withChanges(params, c));
  const items = list.data?.items ?? [];
  // A decision on the last item of a later page empties it: go to the last page that still has items.
  const emptied = list.data ? pageToShow(items.length, list.data.total, page, PAGE_SIZE) : undefined;
  useEffect(() => {
    if (emptied) setParams((p) => withChanges(p, { page: String(emptied) }), { replace: true });
  }, [emptied, setParams]);

  return (
    <>
      <PageTitle title={t('sector.cr.title')} description={t('sector.cr.intro')} />
      <Card className="section-card">
        <Space wrap size={16}>
          <Select<string>
            aria-label={t('sector.cr.filter.state')}
            value={state ?? ''}
            style={{ minWidth: 220 }}
            onChange={(v) => change({ 'trang-thai': v || undefined })}
            options={[
              { value: '', label: t('sector.cr.filter.allStates') },
              ...REQUEST_STATES.map((s) => ({ value: s, label: t(requestStateKey(s)) })),
            ]}
          />
          {list.data && <span role="status">{t('sector.cr.total', { n: formatNumber(list.data.total, lang) })}</span>}
        </Space>
      </Card>
      {list.error && <ErrorAlert error={list.error} onRetry={list.reload} />}
      {list.loading && !list.data && <Skeleton active paragraph={{ rows: 6 }} />}
      {list.data && items.length === 0 && !emptied && (
        <Card className="section-card">
          <Empty description={t('sector.cr.empty')} />
        </Card>
      )}
      {items.map((r) => (
        <ChangeRequestCard key={r.id} request={r} unitName={units.nameOf} onChanged={list.reload} />
      ))}
      {list.data && list.data.total > PAGE_SIZE && (
        <Pagination
          current={page}
          pageSize={PAGE_SIZE}
          total={list.data.total}
          showSizeChanger={false}
          onChange={(p) => change({ page: String(p) })}
        />
      )}
    </>
  );
}
