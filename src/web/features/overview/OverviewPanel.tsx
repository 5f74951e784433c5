import { useId, type ReactNode } from 'react';
import { Link } from 'react-router';
import { Card, Col, Row, Skeleton, Typography } from 'antd';
import type { Overview } from '../../../contracts/overview';
import { useApi } from '../../api/use-api';
import { useSession } from '../../api/session';
import { useI18n, type Translate } from '../../shell/i18n';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDate, formatDateTime, formatNumber, formatPercent } from '../../components/format';
import { fetchOverview } from './overview-api';
import './overview.css';

/** YYYY-MM as mm/yyyy. */
const month = (m: string) => `${m.slice(5, 7)}/${m.slice(0, 4)}`;

/**
 * The figures a leader or the Standing Agency lands on (issue 14 §5), on the home page: dossiers of
 * the last 30 days by channel and state, the on-time share, fees paid online, cashless payments of
 * schools and health facilities, the latest data-quality score — each with its period, and a link
 * to its detailed page when the session may open it.
 */
export default function OverviewPanel() {
  const { t } = useI18n();
  const { can } = useSession();
  const overview = useApi((signal) => fetchOverview({ signal }), []);
  if (overview.error) return <ErrorAlert error={overview.error} onRetry={overview.reload} />;
  if (!overview.data) return <Skeleton active paragraph={{ rows: 4 }} />;
  const o = overview.data;
  return (
    <section className="overview" data-testid="overview" aria-labelledby="overview-title">
      <Typography.Title level={2} id="overview-title" className="overview-title">
        {t('overview.title', { unit: o.unit.name })}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('overview.intro')}</Typography.Paragraph>
      {can('kpi.read') && (
        <Typography.Paragraph className="overview-kpi-link">
          <Link to="/chi-tieu">{t('nav.kpi')}</Link>
        </Typography.Paragraph>
      )}
      <Figures o={o} />
    </section>
  );
}

function Figures({ o }: { o: Overview }) {
  const { t, lang } = useI18n();
  const { can } = useSession();
  const share = (value: number | null) => (value === null ? t('overview.noData') : formatPercent(value, lang));
  const num = (value: number) => formatNumber(value, lang);
  const { dossiers: d, feePayments: f, cashless: c, quality: q } = o;
  const period = t('overview.period', { from: formatDate(d.period.from), to: formatDate(d.period.to) });
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={12} xl={8}>
        <Figure
          id="dossiers"
          title={t('overview.dossiers.title')}
          to={can('dossiers.read') ? '/dossiers' : undefined}
          value={num(d.submitted)}
          period={period}
        >
          {d.submitted === 0 ? (
            <Typography.Text type="secondary">{t('overview.dossiers.none')}</Typography.Text>
          ) : (
            <>
              <Breakdown
                label={t('overview.dossiers.byChannel')}
                rows={d.byChannel.map((r) => [t(`dossier.channel.${r.channel}`), num(r.count)])}
              />
              <Breakdown
                label={t('overview.dossiers.byState')}
                rows={d.byState.map((r) => [t(`dossier.state.${r.state}`), num(r.count)])}
              />
            </>
          )}
        </Figure>
      </Col>
      <Col xs={24} lg={12} xl={8}>
        <Figure
          id="on-time"
          title={t('overview.onTime.title')}
          to={can('dossiers.read') ? '/dossiers' : undefined}
          value={share(d.onTimeShare)}
          period={period}
        >
          <Typography.Paragraph className="overview-detail">
            {t('overview.onTime.detail', { onTime: num(d.decidedOnTime), decided: num(d.decided) })}
          </Typography.Paragraph>
          <Typography.Text type={d.overdueNow > 0 ? 'danger' : 'secondary'}>
            {t('overview.onTime.overdue', { count: num(d.overdueNow) })}
          </Typography.Text>
        </Figure>
      </Col>
      <Col xs={24} lg={12} xl={8}>
        <Figure
          id="quality"
          title={t('overview.quality.title')}
          to={can('population.quality.read') ? '/quality' : undefined}
          value={q.runId === null ? t('overview.noData') : share(q.score)}
          period={
            q.runId === null
              ? t('overview.quality.none')
              : t('overview.quality.asOf', { date: formatDate(q.asOf), at: formatDateTime(q.finishedAt) })
          }
        >
          {q.runId !== null && (
            <Typography.Text type="secondary">
              {t('overview.quality.detail', { withFindings: num(q.personsWithFindings), persons: num(q.persons) })}
            </Typography.Text>
          )}
        </Figure>
      </Col>
      <Col xs={24} lg={12} xl={8}>
        <Figure
          id="fees"
          title={t('overview.fees.title')}
          to={can('dossiers.read') ? '/fees/payments' : undefined}
          value={share(f.onlineShare)}
          period={monthsLabel(t, f.fromMonth, f.toMonth)}
        >
          <Typography.Text type="secondary">
            {t('overview.fees.detail', { online: num(f.online), cash: num(f.cash) })}
          </Typography.Text>
        </Figure>
      </Col>
      <Col xs={24} lg={12} xl={8}>
        <Figure
          id="cashless"
          title={t('overview.cashless.title')}
          to={can('cashless.stats.read') ? '/cashless' : undefined}
          value={share(c.cashlessShare)}
          period={c.month ? t('overview.month', { month: month(c.month) }) : t('overview.cashless.none')}
        >
          {c.month && (
            <Typography.Text type="secondary">
              {t('overview.cashless.detail', { reporting: num(c.reporting), registered: num(c.registered) })}
            </Typography.Text>
          )}
        </Figure>
      </Col>
    </Row>
  );
}

function monthsLabel(t: Translate, from: string, to: string): string {
  return from === to
    ? t('overview.month', { month: month(from) })
    : t('overview.months', { from: month(from), to: month(to) });
}

/** One figure: its title (a link to the detailed page when the session may open it), value, period and details. */
function Figure(props: {
  id: string;
  title: string;
  to?: string;
  value: string;
  period: string;
  children?: ReactNode;
}) {
  const { t } = useI18n();
  return (
    <Card className="section-card overview-figure" data-testid={`overview-${props.id}`}>
      <Typography.Title level={3} className="overview-figure-title">
        {props.to ? <Link to={props.to}>{props.title}</Link> : props.title}
      </Typography.Title>
      <div
        className={props.value === t('overview.noData') ? 'overview-value overview-value-none' : 'overview-value'}
        data-testid={`overview-${props.id}-value`}
      >
        {props.value}
      </div>
      <Typography.Paragraph type="secondary" className="overview-period">
        {props.period}
      </Typography.Paragraph>
      {props.children}
      {props.to && (
        <Typography.Paragraph className="overview-link">
          <Link to={props.to} aria-label={`${t('overview.link')}: ${props.title}`}>
            {t('overview.link')}
          </Link>
        </Typography.Paragraph>
      )}
    </Card>
  );
}

function Breakdown({ label, rows }: { label: string; rows: Array<[string, string]> }) {
  const id = useId();
  return (
    <div className="overview-breakdown">
      <Typography.Text strong id={id} className="overview-breakdown-label">
        {label}
      </Typography.Text>
      <dl aria-labelledby={id}>
        {rows.map(([name, value]) => (
          <div key={name} className="overview-breakdown-row">
            <dt>{name}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
