import { useCallback, useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { Alert, App, Button, Card, Empty, Skeleton, Space, Typography } from 'antd';
import type { KpiStructure, KpiTable } from '../../../contracts/kpi';
import type { ApiError } from '../../api/client';
import { useSession } from '../../api/session';
import { toApiError, useApi, type ApiState } from '../../api/use-api';
import { useKpiText } from './kpi-text';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageTitle } from '../../components/PageTitle';
import { formatDate, formatDateTime, todayInVietnam } from '../../components/format';
import { withChanges } from '../../components/search-params';
import { CommuneRanking } from './CommuneRanking';
import {
  fetchCommuneShapes,
  fetchKpiTable,
  fetchKpiTrend,
  fetchUnitsOn,
  startKpiRun,
  type CommuneShapes,
} from './kpi-api';
import {
  defaultRankingIndicator,
  FORMER_STRUCTURE_DAY,
  overviewUnit,
  periodKind,
  periodOf,
  structureOf,
  structureParam,
} from './kpi-figures';
import { TREND_COUNT } from './kpi-trend';
import { KpiFilters } from './KpiFilters';
import { mayDrill } from './kpi-list';
import { KpiListPanel } from './KpiListPanel';
import { KpiOverview } from './KpiOverview';
import { periodLabel } from './KpiParts';
import { KpiReport } from './KpiReport';
import './kpi.css';

/**
 * The Project 06 dashboard (issue 15 §5): a period's latest run on a unit structure — each target's
 * figures for the province (or a commune-level leader's commune) with its traffic light and its trend
 * over the last periods, the communes ranked by a chosen indicator on a map and in a table, the list
 * behind a commune's figure, and the periodic report to download. The Standing Agency (kpi.run)
 * recomputes on demand. The period (`ky`), the structure (`coCau=cu`: before 1/7/2025), the ranked
 * indicator (`chiTieu`) and the commune whose list is open (`ds`) are in the address.
 */
export default function KpiPage() {
  const t = useKpiText();
  const { message } = App.useApp();
  const { can } = useSession();
  const [params, setParams] = useSearchParams();
  const today = todayInVietnam();
  const period = periodKind(params.get('ky')) ? params.get('ky')! : periodOf('quarter', today);
  const structure = structureOf(params.get('coCau'));
  // Kept with what it was asked for: after a change the previous figures are not shown as the new ones.
  const table = useApi(
    (signal) => fetchKpiTable(period, structure, { signal }).then((data) => ({ period, structure, data })),
    [period, structure],
  );
  const shown = table.data?.period === period && table.data.structure === structure ? table.data.data : undefined;
  const shapes = useApi((signal) => fetchCommuneShapes({ signal }), []);
  const [run, setRun] = useState<{ running: boolean; error?: ApiError }>({ running: false });
  const mayRun = can('kpi.run');

  const change = (changes: Record<string, string | undefined>) => {
    setRun((r) => ({ running: r.running }));
    setParams(withChanges(params, changes), { replace: true });
  };

  // The run answers once it is done; a refusal (409 while another run holds the lock) shows in the alert.
  const recompute = () => {
    setRun({ running: true });
    startKpiRun(period, structure).then(
      () => {
        setRun({ running: false });
        table.reload();
        void message.success(t('kpi.run.done', { period: periodLabel(t, period) }));
      },
      (e: unknown) => setRun({ running: false, error: toApiError(e) }),
    );
  };

  // The values units report (T5.OFFICERS …): entering them, or approving them.
  const reportedLink = (can('kpi.report.submit') || can('kpi.report.approve')) && (
    <Link to="/chi-tieu/bao-cao">{t('kpi.reportedLink')}</Link>
  );
  const runButton = (mayRun || reportedLink) && (
    <Space wrap>
      {reportedLink}
      {mayRun && (
        <Button type="primary" size="large" loading={run.running} onClick={recompute}>
          {run.running ? t('kpi.run.running') : t('kpi.run.button')}
        </Button>
      )}
    </Space>
  );

  return (
    <>
      <PageTitle title={t('kpi.title')} description={t('kpi.description')} extra={runButton} />
      <KpiFilters
        period={period}
        structure={structure}
        today={today}
        onPeriod={(ky) => change({ ky, ds: undefined })}
        onStructure={(s) => change({ coCau: structureParam(s), ds: undefined })}
      />
      {run.error && <ErrorAlert error={run.error} />}
      {table.error && <ErrorAlert error={table.error} onRetry={table.reload} />}
      {!shown && table.loading && <Skeleton active paragraph={{ rows: 8 }} />}
      {shown?.run === null && (
        <Card className="section-card" data-testid="kpi-no-run">
          <Empty description={`${t('kpi.run.none', { period: periodLabel(t, period) })} ${t('kpi.run.noneWait')}`}>
            {runButton || <Button onClick={table.reload}>{t('kpi.run.reload')}</Button>}
          </Empty>
        </Card>
      )}
      {shown?.run && (
        <Dashboard
          table={shown}
          asked={structure}
          chosen={params.get('chiTieu') ?? undefined}
          listUnit={params.get('ds') ?? undefined}
          onChange={change}
          shapes={shapes}
        />
      )}
    </>
  );
}

function Dashboard(props: {
  table: KpiTable;
  /** The structure asked for (the run's may differ while the server has no run of it). */
  asked: KpiStructure;
  chosen: string | undefined;
  listUnit: string | undefined;
  onChange: (changes: Record<string, string | undefined>) => void;
  shapes: ApiState<CommuneShapes>;
}) {
  const { table, asked, chosen, listUnit, onChange, shapes } = props;
  const t = useKpiText();
  const run = table.run!;
  const nameOf = useUnitNames(run.structure, shapes);
  const unit = overviewUnit(table.values);
  const [noList, setNoList] = useState<ReadonlySet<string>>(new Set());
  const addNoList = useCallback((code: string) => setNoList((s) => (s.has(code) ? s : new Set([...s, code]))), []);
  const trend = useApi(
    unit
      ? (signal) =>
          fetchKpiTrend(
            { period: run.period, unitCode: unit.code, structure: run.structure, count: TREND_COUNT },
            { signal },
          )
      : null,
    [run.period, run.id, unit?.code, run.structure],
  );
  // An address naming no indicator computed for communes (or none) ranks by the default one.
  const rankable = table.indicators.some((i) => i.code === chosen && i.unitLevels.includes('commune'));
  const indicatorCode = rankable ? chosen : defaultRankingIndicator(table.indicators, table.values);
  // The list open: of the ranked indicator (a commune's), or of one followed at the province alone
  // (T14), opened from the province's overview.
  const chosenIndicator = table.indicators.find((i) => i.code === chosen);
  const listIndicator =
    !rankable && listUnit && chosenIndicator ? chosenIndicator : table.indicators.find((i) => i.code === indicatorCode);
  const hasCommunes = table.values.some((v) => v.unitLevel === 'commune');
  const rank = (code: string) => {
    onChange({ chiTieu: code, ds: undefined });
    const heading = document.getElementById('kpi-ranking-title');
    heading?.scrollIntoView({ block: 'start' });
    heading?.focus({ preventScroll: true });
  };
  const drill = useCallback((unitCode: string) => onChange({ ds: unitCode }), [onChange]);
  return (
    <>
      {asked !== run.structure && (
        <Alert type="warning" showIcon className="kpi-alert" title={t('kpi.structure.notFormer')} />
      )}
      <Typography.Paragraph type="secondary" className="kpi-run-info" data-testid="kpi-run-info">
        {t('kpi.run.info', { at: formatDateTime(run.finishedAt), asOf: formatDate(run.asOf), run: run.id })}{' '}
        <span data-testid="kpi-run-structure">
          {run.structure === 'current' ? t('kpi.run.structure') : t('kpi.run.structureFormer')}
        </span>
      </Typography.Paragraph>
      {unit?.level === 'province' && <KpiReport run={run} />}
      {unit ? (
        <KpiOverview
          table={table}
          unit={unit}
          unitName={nameOf(unit.code)}
          onRank={hasCommunes ? rank : undefined}
          trend={trend}
          onDrill={(code) => onChange({ chiTieu: code, ds: unit.code })}
          noList={noList}
        />
      ) : (
        <Typography.Paragraph>{t('kpi.overview.several')}</Typography.Paragraph>
      )}
      <CommuneRanking
        table={table}
        indicatorCode={indicatorCode}
        onIndicator={(chiTieu) => onChange({ chiTieu, ds: undefined })}
        shapes={shapes}
        nameOf={nameOf}
        onDrill={drill}
        noList={noList}
      />
      {listIndicator &&
        listUnit &&
        table.values.some(
          (v) =>
            v.unitCode === listUnit &&
            v.indicatorCode === listIndicator.code &&
            mayDrill(listIndicator, v, run.structure),
        ) && (
          <KpiListPanel
            key={`${run.period}|${listIndicator.code}|${listUnit}`}
            period={run.period}
            indicator={listIndicator}
            unitCode={listUnit}
            unitName={unit?.level === 'province' && listUnit === unit.code ? t('kpi.list.province') : nameOf(listUnit)}
            onClose={() => onChange({ ds: undefined })}
            onNoList={addNoList}
          />
        )}
    </>
  );
}

/**
 * Names units as the figures' structure names them: today's communes from the map's GeoJSON; the
 * former districts and communes from the units in force on 30/6/2025 (codes were reused after the merger).
 */
function useUnitNames(structure: KpiStructure, shapes: ApiState<CommuneShapes>): (code: string) => string {
  const former = useApi(structure === 'former' ? (signal) => fetchUnitsOn(FORMER_STRUCTURE_DAY, { signal }) : null, [
    structure,
  ]);
  const names = useMemo(
    () =>
      structure === 'former'
        ? new Map((former.data?.items ?? []).map((u) => [u.code, u.fullName]))
        : new Map((shapes.data?.features ?? []).map((f) => [f.properties.code, f.properties.fullName])),
    [structure, former.data, shapes.data],
  );
  return useCallback((code: string) => names.get(code) ?? code, [names]);
}
