import { Link, useNavigate, useSearchParams } from 'react-router';
import { Button, Card, Select, Space, Table } from 'antd';
import type { TableColumnsType } from 'antd';
import { useSession } from '../../api/session';
import { useApi } from '../../api/use-api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageTitle } from '../../components/PageTitle';
import { ScrollRegion } from '../../components/ScrollRegion';
import { StatusTag } from '../../components/StatusTag';
import { formatDateTime, formatNumber } from '../../components/format';
import { withChanges } from '../../components/search-params';
import { useCurrentUnits } from '../../components/unit-names';
import { useI18n } from '../../shell/i18n';
import { fetchBatches, type Batch } from './sector-api';
import { BATCH_STATES, LINK_STATE_KIND, STATE_KIND, stateKey, type BatchStateCode } from './sector-labels';
import { useDatasetTypes } from './use-types';
import { useSectorT } from './use-sector-text';
import './sector-data.css';

const PAGE_SIZE = 20;

/** /du-lieu-chuyen-nganh — the lists imported in the session's sectors and units, newest first. */
export default function BatchesPage() {
  const t = useSectorT();
  const { lang } = useI18n();
  const { can } = useSession();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const datasetType = params.get('loai') ?? undefined;
  const state = (params.get('trang-thai') ?? undefined) as BatchStateCode | undefined;
  const page = Number(params.get('page') ?? '1') || 1;
  const types = useDatasetTypes();
  const units = useCurrentUnits();
  const list = useApi(
    (signal) => fetchBatches({ datasetType, state, page, pageSize: PAGE_SIZE }, { signal }),
    [datasetType, state, page],
  );
  const n = (v: number) => formatNumber(v, lang);
  const change = (c: Record<string, string | undefined>) => setParams(withChanges(params, c));

  const columns: TableColumnsType<Batch> = [
    { title: t('sector.col.date'), dataIndex: 'createdAt', width: 150, render: (v: string) => formatDateTime(v) },
    {
      title: t('sector.col.file'),
      key: 'file',
      render: (_: unknown, b) => (
        <Space orientation="vertical" size={0}>
          <Link to={`/du-lieu-chuyen-nganh/${b.id}`}>{b.fileName}</Link>
          <span className="sector-muted">
            {types.nameOf(b.datasetType)} · {units.nameOf(b.unitCode)}
          </span>
        </Space>
      ),
    },
    {
      title: t('sector.col.state'),
      key: 'state',
      render: (_: unknown, b) => (
        <Space orientation="vertical" size={4}>
          <StatusTag kind={STATE_KIND[b.state]}>{t(stateKey(b.state))}</StatusTag>
          {b.state === 'committed' && (
            <StatusTag kind={LINK_STATE_KIND[b.link.state]}>{t(`sector.linkState.${b.link.state}`)}</StatusTag>
          )}
          {b.supersededBy && <span className="sector-muted">{t('sector.superseded')}</span>}
        </Space>
      ),
    },
    {
      title: t('sector.col.counts'),
      key: 'counts',
      responsive: ['md'],
      render: (_: unknown, b) => (
        <Space orientation="vertical" size={0}>
          <span>{t('sector.counts', { rows: n(b.rowCount), valid: n(b.validCount), errors: n(b.errorCount) })}</span>
          {b.diff && (
            <span className="sector-muted">
              {t('sector.diff', { added: n(b.diff.added), removed: n(b.diff.removed), changed: n(b.diff.changed) })}
            </span>
          )}
        </Space>
      ),
    },
  ];

  return (
    <>
      <PageTitle
        title={t('sector.title')}
        description={t('sector.intro')}
        extra={
          <Space wrap>
            <Button onClick={() => void navigate('/du-lieu-chuyen-nganh/ra-soat')}>{t('sector.toReview')}</Button>
            {can('sector.import') && (
              <Button type="primary" onClick={() => void navigate('/du-lieu-chuyen-nganh/nhap')}>
                {t('sector.newImport')}
              </Button>
            )}
          </Space>
        }
      />
      <Card className="section-card">
        <Space wrap size={16} className="sector-filters">
          <Select<string>
            aria-label={t('sector.filter.type')}
            value={datasetType ?? ''}
            style={{ minWidth: 240 }}
            onChange={(v) => change({ loai: v || undefined })}
            options={[
              { value: '', label: t('sector.filter.allTypes') },
              ...types.items.map((x) => ({ value: x.code, label: types.nameOf(x.code) })),
            ]}
          />
          <Select<string>
            aria-label={t('sector.filter.state')}
            value={state ?? ''}
            style={{ minWidth: 180 }}
            onChange={(v) => change({ 'trang-thai': v || undefined })}
            options={[
              { value: '', label: t('sector.filter.allStates') },
              ...BATCH_STATES.map((s) => ({ value: s, label: t(stateKey(s)) })),
            ]}
          />
        </Space>
        {list.error && <ErrorAlert error={list.error} onRetry={list.reload} />}
        <ScrollRegion label={t('sector.title')}>
          <Table<Batch>
            rowKey="id"
            size="middle"
            loading={list.loading}
            columns={columns}
            dataSource={list.data?.items ?? []}
            locale={{ emptyText: t('sector.empty') }}
            pagination={{
              current: page,
              pageSize: PAGE_SIZE,
              total: list.data?.total ?? 0,
              showSizeChanger: false,
              onChange: (p) => change({ page: String(p) }),
            }}
          />
        </ScrollRegion>
      </Card>
    </>
  );
}
