import { useEffect, useState } from 'react';
import { Card, Select, Space, Pagination, Empty, Skeleton } from 'antd';
import { useApi } from '../../api/use-api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageTitle } from '../../components/PageTitle';
import { formatNumber } from '../../components/format';
import { useCurrentUnits } from '../../components/unit-names';
import { useI18n } from '../../shell/i18n';
import { ReviewCard } from './ReviewCard';
import { fetchBatch, fetchReview, type Batch } from './sector-api';
import { pageToShow } from './sector-labels';
import { useDatasetTypes } from './use-types';
import { useSectorT } from './use-sector-text';
import './sector-data.css';

const PAGE_SIZE = 10;

/** The mappings of the batches a page of the queue comes from (to mark the list's differing columns). */
function useMappings(batchIds: string[]): Record<string, Record<string, string>> {
  const key = [...new Set(batchIds)].sort().join(',');
  const batches = useApi(key ? (signal) => Promise.all(key.split(',').map((id) => fetchBatch(id, { signal }))) : null, [
    key,
  ]);
  return Object.fromEntries((batches.data ?? []).map((b: Batch) => [b.id, b.mapping]));
}

/**
 * /du-lieu-chuyen-nganh/ra-soat — the probable links of the current lists in the session's sectors
 * and units: each row beside the registry person, differences marked, to accept or reject (with a reason).
 */
export default function ReviewPage() {
  const t = useSectorT();
  const { lang } = useI18n();
  const types = useDatasetTypes();
  const units = useCurrentUnits();
  const [datasetType, setDatasetType] = useState<string>();
  const [page, setPage] = useState(1);
  const queue = useApi(
    (signal) => fetchReview({ datasetType, page, pageSize: PAGE_SIZE }, { signal }),
    [datasetType, page],
  );
  const items = queue.data?.items ?? [];
  const mappings = useMappings(items.map((i) => i.batch.id));
  // A decision on the last item of a later page empties it: go to the last page that still has items.
  const emptied = queue.data ? pageToShow(items.length, queue.data.total, page, PAGE_SIZE) : undefined;
  useEffect(() => {
    if (emptied) setPage(emptied);
  }, [emptied]);

  return (
    <>
      <PageTitle title={t('sector.review.title')} description={t('sector.review.intro')} />
      <Card className="section-card">
        <Space wrap size={16}>
          <Select<string>
            aria-label={t('sector.filter.type')}
            value={datasetType ?? ''}
            style={{ minWidth: 240 }}
            onChange={(v) => {
              setDatasetType(v || undefined);
              setPage(1);
            }}
            options={[
              { value: '', label: t('sector.filter.allTypes') },
              ...types.items.map((x) => ({ value: x.code, label: types.nameOf(x.code) })),
            ]}
          />
          {queue.data && (
            <span role="status">{t('sector.review.total', { n: formatNumber(queue.data.total, lang) })}</span>
          )}
        </Space>
      </Card>
      {queue.error && <ErrorAlert error={queue.error} onRetry={queue.reload} />}
      {queue.loading && !queue.data && <Skeleton active paragraph={{ rows: 6 }} />}
      {queue.data && items.length === 0 && !emptied && (
        <Card className="section-card">
          <Empty description={t('sector.review.empty')} />
        </Card>
      )}
      {items.map((item) => (
        <ReviewCard
          key={item.linkId}
          item={item}
          mapping={mappings[item.batch.id] ?? {}}
          typeName={types.nameOf(item.batch.datasetType)}
          unitName={units.nameOf}
          onDecided={queue.reload}
        />
      ))}
      {queue.data && queue.data.total > PAGE_SIZE && (
        <Pagination
          current={page}
          pageSize={PAGE_SIZE}
          total={queue.data.total}
          showSizeChanger={false}
          onChange={setPage}
        />
      )}
    </>
  );
}
