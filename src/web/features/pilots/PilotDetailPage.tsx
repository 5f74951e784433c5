import { Link, useParams } from 'react-router';
import { Card, Descriptions, Skeleton, Space } from 'antd';
import { useApi } from '../../api/use-api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageTitle } from '../../components/PageTitle';
import { StatusTag } from '../../components/StatusTag';
import { formatDate, formatDateTime } from '../../components/format';
import { fetchModel } from './pilots-api';
import { STATE_KIND, sectorKey, stateKey } from './pilot-labels';
import { PilotFlags } from './PilotFlags';
import { PlanCard } from './PlanCard';
import { MilestonesCard } from './MilestonesCard';
import { ReportsCard } from './ReportsCard';
import { HistoryCard } from './HistoryCard';
import { EvaluationCard } from './EvaluationCard';
import { usePilotsT } from './use-pilots-text';
import './pilots.css';

/** /pilots/:id — a pilot model: registration, plan, milestones, progress reports, transitions and the evaluation. */
export default function PilotDetailPage() {
  const t = usePilotsT();
  const { id = '' } = useParams();
  const model = useApi((signal) => fetchModel(id, { signal }), [id]);
  const m = model.data;

  return (
    <>
      <p>
        <Link to="/pilots">← {t('pilots.detail.back')}</Link>
      </p>
      {model.error && <ErrorAlert error={model.error} />}
      {!m && !model.error && <Skeleton active />}
      {m && (
        <>
          <PageTitle
            title={m.title}
            extra={
              <Space wrap size={4} data-testid="pilot-state">
                <StatusTag kind={STATE_KIND[m.state]}>{t(stateKey(m.state))}</StatusTag>
                <PilotFlags model={m} />
              </Space>
            }
          />
          <Card className="section-card" title={t('pilots.detail.facts')}>
            <Descriptions column={{ xs: 1, md: 2 }} size="small">
              <Descriptions.Item label={t('pilots.col.agency')}>
                {m.agencyName}
                {m.agencyCode ? ` (${m.agencyCode})` : ''} — {m.unitName ?? m.unitCode}
              </Descriptions.Item>
              <Descriptions.Item label={t('pilots.form.sector')}>{t(sectorKey(m.sector))}</Descriptions.Item>
              <Descriptions.Item label={t('pilots.col.targets')}>{m.targets.join(', ')}</Descriptions.Item>
              <Descriptions.Item label={t('pilots.detail.letter')}>
                {t('pilots.detail.letterValue', { number: m.letterNumber, date: formatDate(m.letterDate) })}
              </Descriptions.Item>
              <Descriptions.Item label={t('pilots.detail.registeredAt')}>
                {formatDateTime(m.registeredAt)}
              </Descriptions.Item>
              {m.planDueOn && (
                <Descriptions.Item label={t('pilots.due.dueOn')}>{formatDate(m.planDueOn)}</Descriptions.Item>
              )}
              <Descriptions.Item label={t('pilots.form.description')} span={2}>
                <span className="pilots-text">{m.description}</span>
              </Descriptions.Item>
            </Descriptions>
          </Card>
          <PlanCard model={m} onChange={model.setData} />
          <MilestonesCard model={m} onChange={model.setData} />
          <ReportsCard model={m} onChange={model.setData} />
          <HistoryCard model={m} onChange={model.setData} />
          <EvaluationCard model={m} onChange={model.setData} />
        </>
      )}
    </>
  );
}
