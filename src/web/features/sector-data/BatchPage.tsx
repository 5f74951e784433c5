import { useEffect, useRef, useState } from 'react';
import { useParams, useSearchParams } from 'react-router';
import { Alert, App, Button, Card, Progress, Space, Table, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import type { ApiError } from '../../api/client';
import { useSession } from '../../api/session';
import { toApiError, useApi } from '../../api/use-api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageTitle } from '../../components/PageTitle';
import { ScrollRegion } from '../../components/ScrollRegion';
import { StatusTag } from '../../components/StatusTag';
import { formatDateTime, formatNumber } from '../../components/format';
import { withChanges } from '../../components/search-params';
import { useCurrentUnits } from '../../components/unit-names';
import { useI18n } from '../../shell/i18n';
import { ProposeCorrection } from './ProposeCorrection';
import { OutcomeCell, PersonFacts, RowCells } from './RowParts';
import { errorsXlsxUrl, fetchBatch, fetchLinks, linkBatch, linksXlsxUrl, type LinkedRow } from './sector-api';
import { ROW_OUTCOMES, STATE_KIND, outcomeKey, pollDelay, stateKey } from './sector-labels';
import { useDatasetTypes } from './use-types';
import { useSectorT } from './use-sector-text';
import './sector-data.css';

const PAGE_SIZE = 20;

/**
 * /du-lieu-chuyen-nganh/:id — one list: linking to the registry (a job on the server: its progress
 * asked for every second while it runs, then the outcomes; a failure in words with a retry), the rows per
 * outcome as filter tags with their counts, a page of rows beside the registry person (differing
 * fields marked; a row matched with discrepancies offers a correction to the commune police), and
 * the XLSX exports. The server writes every person shown in the access log.
 */
export default function BatchPage() {
  const { id = '' } = useParams();
  const t = useSectorT();
  const { lang, pick } = useI18n();
  const { message } = App.useApp();
  const { can } = useSession();
  const [params, setParams] = useSearchParams();
  const outcome = params.get('ket-qua') ?? undefined;
  const page = Number(params.get('page') ?? '1') || 1;
  const types = useDatasetTypes();
  const units = useCurrentUnits();
  const batch = useApi((signal) => fetchBatch(id, { signal }), [id]);
  const committed = batch.data?.state === 'committed';
  const [starting, setStarting] = useState(false);
  const [linkError, setLinkError] = useState<ApiError>();
  const [linkedAt, setLinkedAt] = useState(0);
  const links = useApi(
    committed ? (signal) => fetchLinks(id, { outcome, page, pageSize: PAGE_SIZE }, { signal }) : null,
    [id, committed, outcome, page, linkedAt],
  );
  const n = (v: number) => formatNumber(v, lang);
  const change = (c: Record<string, string | undefined>) => setParams(withChanges(params, c));

  // A batch importing or being linked is asked for again every second until it is done (later after
  // a failed ask, shown as a warning; the batch shown stays as it was).
  const { setData: showBatch } = batch;
  const [pollFailures, setPollFailures] = useState(0);
  const [pollError, setPollError] = useState<ApiError>();
  const running = batch.data?.state === 'importing' || batch.data?.link.state === 'linking';
  useEffect(() => {
    if (!running) return;
    const controller = new AbortController();
    const timer = setTimeout(() => {
      fetchBatch(id, { signal: controller.signal })
        .then((next) => {
          if (controller.signal.aborted) return;
          setPollFailures(0);
          setPollError(undefined);
          showBatch(next);
        })
        .catch((e: unknown) => {
          if (controller.signal.aborted) return;
          setPollError(toApiError(e));
          setPollFailures((f) => f + 1);
        });
    }, pollDelay(pollFailures));
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [id, running, batch.data, pollFailures, showBatch]);

  // The linking has just ended: its outcomes are read again (and a success said once).
  const linkState = batch.data?.link.state;
  const linkedRows = batch.data?.link.linked ?? 0;
  const lastLinkState = useRef(linkState);
  useEffect(() => {
    const before = lastLinkState.current;
    lastLinkState.current = linkState;
    if (before !== 'linking' || linkState === 'linking' || linkState === undefined) return;
    setLinkedAt(Date.now());
    if (linkState === 'linked')
      void message.success(t('sector.batch.linked', { linked: formatNumber(linkedRows, lang) }));
  }, [linkState, linkedRows, message, t, lang]);

  const link = async () => {
    setStarting(true);
    setLinkError(undefined);
    try {
      showBatch(await linkBatch(id));
    } catch (e) {
      const error = toApiError(e);
      setLinkError(error);
      if (error.status === 409) batch.reload(); // linked from elsewhere meanwhile: show its progress
    } finally {
      setStarting(false);
    }
  };

  const b = batch.data;
  const linking = starting || b?.link.state === 'linking';
  const counts = links.data?.counts ?? {};
  const total = b ? b.validCount + b.errorCount : 0;
  const linkedCount = ROW_OUTCOMES.filter((o) => o !== 'invalid' && o !== 'unlinked').reduce(
    (sum, o) => sum + (counts[o] ?? 0),
    0,
  );
  const mapping = b?.mapping ?? {};
  const header = links.data?.header ?? [];

  const columns: TableColumnsType<LinkedRow> = [
    { title: t('sector.col.row'), dataIndex: 'row', width: 70 },
    {
      title: t('sector.col.cells'),
      key: 'cells',
      render: (_: unknown, r) => <RowCells header={header} mapping={mapping} row={r} />,
    },
    {
      title: t('sector.col.outcome'),
      key: 'outcome',
      width: 220,
      render: (_: unknown, r) => (
        <Space orientation="vertical" size={8}>
          <OutcomeCell row={r} />
          {can('sector.import') && <ProposeCorrection row={r} header={header} mapping={mapping} />}
        </Space>
      ),
    },
    {
      title: t('sector.col.person'),
      key: 'person',
      render: (_: unknown, r) =>
        r.person ? (
          <Space orientation="vertical" size={4}>
            {r.outcome === 'id_belongs_to_someone_else' && <strong>{t('sector.holder')}</strong>}
            <PersonFacts person={r.person} disagreements={r.disagreements} unitName={units.nameOf} />
            {r.actualPerson && (
              <>
                <strong>{t('sector.actualPerson')}</strong>
                <PersonFacts person={r.actualPerson} disagreements={[]} unitName={units.nameOf} />
              </>
            )}
          </Space>
        ) : (
          <span className="sector-muted">{t('sector.noPerson')}</span>
        ),
    },
  ];

  return (
    <>
      <PageTitle
        title={t('sector.batch.title', { file: b?.fileName ?? '…' })}
        description={
          b &&
          t('sector.batch.facts', {
            type: types.nameOf(b.datasetType),
            unit: units.nameOf(b.unitCode),
            date: formatDateTime(b.createdAt),
          })
        }
      />
      {batch.error && <ErrorAlert error={batch.error} onRetry={batch.reload} />}
      {b && (
        <Card className="section-card">
          <Space orientation="vertical" size={12} style={{ width: '100%' }}>
            <Space wrap>
              <StatusTag kind={STATE_KIND[b.state]}>{t(stateKey(b.state))}</StatusTag>
              <span>
                {t('sector.counts', { rows: n(b.rowCount), valid: n(b.validCount), errors: n(b.errorCount) })}
              </span>
              {b.diff && (
                <span className="sector-muted">
                  {t('sector.diff', { added: n(b.diff.added), removed: n(b.diff.removed), changed: n(b.diff.changed) })}
                </span>
              )}
              {b.supersededBy && <span className="sector-muted">{t('sector.superseded')}</span>}
            </Space>
            {!committed && <Alert type="info" showIcon title={t('sector.batch.notCommitted')} />}
            {committed && (
              <Space wrap>
                {can('sector.import') && (
                  <Button type="primary" loading={linking} onClick={() => void link()}>
                    {linking
                      ? t('sector.batch.linking')
                      : linkedCount > 0
                        ? t('sector.batch.relink')
                        : t('sector.batch.link')}
                  </Button>
                )}
                <Button href={linksXlsxUrl(id)} download>
                  {t('sector.batch.exportLinks')}
                </Button>
                {b.errorCount > 0 && (
                  <Button href={errorsXlsxUrl(id)} download>
                    {t('sector.batch.exportErrors')}
                  </Button>
                )}
              </Space>
            )}
            {b.link.state === 'linking' && (
              <div role="status" aria-live="polite">
                <div className="sector-progress">
                  {t('sector.batch.linkProgress', { linked: n(b.link.linked), total: n(b.link.total) })}
                </div>
                <Progress
                  percent={b.link.total > 0 ? Math.floor((b.link.linked * 100) / b.link.total) : 0}
                  status="active"
                  aria-label={t('sector.batch.linking')}
                />
                <span className="sector-muted">{t('sector.batch.linkHint')}</span>
              </div>
            )}
            {pollError && (
              <Alert
                type="warning"
                showIcon
                title={t('sector.batch.pollFailed')}
                description={pick(pollError.messageVi, pollError.messageEn)}
              />
            )}
            {b.link.state === 'failed' && b.link.failure && (
              <Alert
                type="error"
                showIcon
                role="alert"
                title={t('sector.batch.linkFailed')}
                description={
                  <Space orientation="vertical" size={8}>
                    <span>{pick(b.link.failure.vi, b.link.failure.en)}</span>
                    {can('sector.import') && (
                      <Button onClick={() => void link()} loading={starting}>
                        {t('sector.batch.retryLink')}
                      </Button>
                    )}
                  </Space>
                }
              />
            )}
            {b.link.state === 'linked' && b.link.finishedAt && (
              <span className="sector-muted">
                {t('sector.batch.linkedOn', { date: formatDateTime(b.link.finishedAt) })}
              </span>
            )}
            {linkError && <ErrorAlert error={linkError} />}
            {committed && !linking && links.data && linkedCount === 0 && b.validCount > 0 && (
              <Alert type="info" showIcon title={t('sector.batch.notLinked')} />
            )}
          </Space>
        </Card>
      )}
      {committed && (
        <Card className="section-card" title={t('sector.batch.rowsTitle')}>
          <div role="group" aria-label={t('sector.batch.outcomes')} className="sector-outcome-tags">
            <Tag.CheckableTag checked={!outcome} onChange={() => change({ 'ket-qua': undefined })}>
              {t('sector.batch.all', { n: n(total) })}
            </Tag.CheckableTag>
            {ROW_OUTCOMES.filter((o) => (counts[o] ?? 0) > 0 || o === outcome).map((o) => (
              <Tag.CheckableTag
                key={o}
                checked={outcome === o}
                onChange={(on) => change({ 'ket-qua': on ? o : undefined })}
              >
                {t(outcomeKey(o))} ({n(counts[o] ?? 0)})
              </Tag.CheckableTag>
            ))}
          </div>
          <p className="sector-muted">{t('sector.batch.accessNote')}</p>
          {links.error && <ErrorAlert error={links.error} onRetry={links.reload} />}
          <ScrollRegion label={t('sector.batch.rowsTitle')}>
            <Table<LinkedRow>
              rowKey="row"
              size="small"
              loading={links.loading}
              columns={columns}
              dataSource={links.data?.items ?? []}
              pagination={{
                current: page,
                pageSize: PAGE_SIZE,
                total: links.data?.total ?? 0,
                showSizeChanger: false,
                onChange: (p) => change({ page: String(p) }),
              }}
            />
          </ScrollRegion>
        </Card>
      )}
    </>
  );
}
