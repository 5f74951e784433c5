import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { App, Button, Card, Empty, Segmented, Select, Skeleton, Typography } from 'antd';
import type { KpiTable } from '../../../contracts/kpi';
import type { ApiError } from '../../api/client';
import { useSession } from '../../api/session';
import { toApiError, useApi, type ApiState } from '../../api/use-api';
import { useKpiText } from './kpi-text';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageTitle } from '../../components/PageTitle';
import { formatDate, formatDateTime, todayInVietnam } from '../../components/format';
import { withChanges } from '../../components/search-params';
import { CommuneRanking } from './CommuneRanking';
import { fetchCommuneShapes, fetchKpiTable, startKpiRun, type CommuneShapes } from './kpi-api';
import {
  defaultRankingIndicator,
  overviewUnit,
  periodKind,
  periodOf,
  PERIOD_KINDS,
  recentPeriods,
} from './kpi-figures';
import { KpiOverview } from './KpiOverview';
import { periodLabel } from './KpiParts';
import './kpi.css';

/**
 * The Project 06 dashboard (issue 15 §5): a period's latest run — each target's figures for the
 * province (or a commune-level leader's commune) with its traffic light, and the communes ranked by
 * a chosen indicator on a map and in a table. The Standing Agency (kpi.run) recomputes on demand.
 * The period (`ky`) and the ranked indicator (`chiTieu`) are in the address, to share or bookmark.
 */
export default function KpiPage() {
  const t = useKpiText();
  const { message } = App.useApp();
  const { can } = useSession();
  const [params, setParams] = useSearchParams();
  const today = todayInVietnam();
  const period = periodKind(params.get('ky')) ? params.get('ky')! : periodOf('quarter', today);
  // Kept with its period: after a change of period the previous one's figures are not shown as the new one's.
  const table = useApi((signal) => fetchKpiTable(period, { signal }).then((data) => ({ period, data })), [period]);
  const shown = table.data?.period === period ? table.data.data : undefined;
  const shapes = useApi((signal) => fetchCommuneShapes({ signal }), []);
  const [run, setRun] = useState<{ running: boolean; error?: ApiError }>({ running: false });
  const mayRun = can('kpi.run');

  const names = new Map((shapes.data?.features ?? []).map((f) => [f.properties.code, f.properties.fullName]));
  const nameOf = (code: string) => names.get(code) ?? code;
  const change = (changes: Record<string, string | undefined>) => {
    setRun((r) => ({ running: r.running }));
    setParams(withChanges(params, changes), { replace: true });
  };

  // The run answers once it is done; a refusal (409 while another run holds the lock) shows in the alert.
  const recompute = () => {
    setRun({ running: true });
    startKpiRun(period).then(
      () => {
        setRun({ running: false });
        table.reload();
        void message.success(t('kpi.run.done', { period: periodLabel(t, period) }));
      },
      (e: unknown) => setRun({ running: false, error: toApiError(e) }),
    );
  };

  const runButton = mayRun && (
    <Button type="primary" size="large" loading={run.running} onClick={recompute}>
      {run.running ? t('kpi.run.running') : t('kpi.run.button')}
    </Button>
  );

  return (
    <>
      <PageTitle title={t('kpi.title')} description={t('kpi.description')} extra={runButton} />
      <PeriodPicker period={period} today={today} onChange={(ky) => change({ ky })} />
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
          chosen={params.get('chiTieu') ?? undefined}
          onIndicator={(chiTieu) => change({ chiTieu })}
          shapes={shapes}
          nameOf={nameOf}
        />
      )}
    </>
  );
}

function PeriodPicker({ period, today, onChange }: { period: string; today: string; onChange: (p: string) => void }) {
  const t = useKpiText();
  const kind = periodKind(period)!;
  const options = recentPeriods(kind, today);
  // An address may name a period the list does not offer (older, or in the future: the API says why).
  if (!options.includes(period)) options.unshift(period);
  return (
    <Card className="section-card kpi-period" data-testid="kpi-period">
      <div className="kpi-period-row">
        <Segmented
          aria-label={t('kpi.period.kind')}
          value={kind}
          onChange={(k) => onChange(periodOf(k, today))}
          options={PERIOD_KINDS.map((k) => ({ value: k, label: t(`kpi.period.kind.${k}`) }))}
        />
        <label className="kpi-field">
          <span className="kpi-field-label">{t('kpi.period.label')}</span>
          <Select<string>
            value={period}
            onChange={onChange}
            className="kpi-period-select"
            options={options.map((p) => ({ value: p, label: periodLabel(t, p) }))}
          />
        </label>
      </div>
    </Card>
  );
}

function Dashboard(props: {
  table: KpiTable;
  chosen: string | undefined;
  onIndicator: (code: string) => void;
  shapes: ApiState<CommuneShapes>;
  nameOf: (code: string) => string;
}) {
  const { table, chosen, onIndicator, shapes, nameOf } = props;
  const t = useKpiText();
  const run = table.run!;
  const unit = overviewUnit(table.values);
  // An address naming no indicator computed for communes (or none) ranks by the default one.
  const rankable = table.indicators.some((i) => i.code === chosen && i.unitLevels.includes('commune'));
  const indicatorCode = rankable ? chosen : defaultRankingIndicator(table.indicators, table.values);
  const rank = (code: string) => {
    onIndicator(code);
    const heading = document.getElementById('kpi-ranking-title');
    heading?.scrollIntoView({ block: 'start' });
    heading?.focus({ preventScroll: true });
  };
  return (
    <>
      <Typography.Paragraph type="secondary" className="kpi-run-info" data-testid="kpi-run-info">
        {t('kpi.run.info', { at: formatDateTime(run.finishedAt), asOf: formatDate(run.asOf), run: run.id })}{' '}
        {t('kpi.run.structure')}
      </Typography.Paragraph>
      {unit ? (
        <KpiOverview
          table={table}
          unit={unit}
          unitName={nameOf(unit.code)}
          onRank={table.values.some((v) => v.unitLevel === 'commune') ? rank : undefined}
        />
      ) : (
        <Typography.Paragraph>{t('kpi.overview.several')}</Typography.Paragraph>
      )}
      <CommuneRanking
        table={table}
        indicatorCode={indicatorCode}
        onIndicator={onIndicator}
        shapes={shapes}
        nameOf={nameOf}
      />
    </>
  );
}
