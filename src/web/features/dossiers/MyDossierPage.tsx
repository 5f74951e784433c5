import { Link, useParams, useSearchParams } from 'react-router';
import { Alert, App, Button, Card, Collapse, Descriptions, Skeleton, Space, Typography } from 'antd';
import type { DossierDetail } from '../../../contracts/dossiers';
import type { ProcedureVersion } from '../../../contracts/procedures';
import { useI18n } from '../../shell/i18n';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageTitle } from '../../components/PageTitle';
import { EMPTY, formatDateTime } from '../../components/format';
import { channelText, deliveryText, SLIP_LABEL } from './dossier-labels';
import { slipUrl } from './dossiers-api';
import { DossierAttachments } from './DossierAttachments';
import { isResultDocument, RegistryOutcomeCard, ResultDocumentsCard } from './ResultDocumentsCard';
import { DossierProgress } from './DossierProgress';
import { DossierTimeline } from './DossierTimeline';
import { GroupStepsCard } from './GroupStepsCard';
import { DeadlineTag, FeeText, StateTag } from './DossierTags';
import { FormDataView } from './FormDataView';
import { PayFeeCard, receiptUrl } from '../payments';
import { RatingCard } from '../ratings';
import { DossierFee } from './DossierFee';
import { SupplementCard } from './SupplementCard';
import { DossierCode } from './FilingParts';
import { useDossier } from './use-dossier';
import './dossiers.css';
import './dossiers-office.css';

/** The due time in words: the appointment, or "paused while waiting for you". */
function DueLine({ d }: { d: DossierDetail }) {
  const { t } = useI18n();
  if (d.state === 'supplement_requested') return <>{t('dossier.due.paused')}</>;
  if (!d.dueAt) return <>{d.state === 'submitted' ? t('dossier.due.afterReceipt') : EMPTY}</>;
  return (
    <span className="due-line">
      <span className="tabular">{formatDateTime(d.dueAt)}</span> <DeadlineTag flag={d.flag} />
    </span>
  );
}

/** The end of the road in plain words: a result to collect, or a refusal whose reason is in the history. */
function Outcome({ d }: { d: DossierDetail }) {
  const { t } = useI18n();
  if (d.state === 'result_issued' || d.state === 'returned')
    return <Alert type="success" showIcon className="section-card" title={t('dossier.outcome.result')} />;
  if (d.state === 'refused')
    return <Alert type="error" showIcon className="section-card" title={t('dossier.outcome.refused')} />;
  if (d.state === 'not_accepted')
    return <Alert type="error" showIcon className="section-card" title={t('dossier.outcome.notAccepted')} />;
  return null;
}

function Details({ d, version }: { d: DossierDetail; version: ProcedureVersion | undefined }) {
  const { t } = useI18n();
  return (
    <>
      <Card title={t('dossier.section.status')} className="section-card">
        <div className="status-now">
          <StateTag state={d.state} />
        </div>
        <Descriptions
          column={1}
          size="small"
          layout="vertical"
          className="status-facts"
          items={[
            { key: 'due', label: t('dossier.dueAt'), children: <DueLine d={d} /> },
            { key: 'unit', label: t('dossier.unit'), children: d.unitName ?? d.unitCode },
            { key: 'submitted', label: t('dossier.submittedAt'), children: formatDateTime(d.submittedAt) },
            { key: 'channel', label: t('dossier.channel'), children: channelText(d, t) },
            { key: 'fee', label: t('dossier.fee'), children: <FeeText d={d} /> },
            { key: 'delivery', label: t('dossier.delivery.chosen'), children: deliveryText(d, t) },
          ]}
        />
        <DossierProgress dossier={d} />
      </Card>
      <Card title={t('dossier.section.timeline')} className="section-card">
        <DossierTimeline timeline={d.timeline} unitCode={d.unitCode} unitName={d.unitName} />
      </Card>
      <Card title={t('dossier.section.attachments')} className="section-card">
        <DossierAttachments
          dossierId={d.id}
          attachments={d.attachments.filter((a) => !isResultDocument(a))}
          documents={version?.documents}
        />
      </Card>
      <Collapse
        className="section-card"
        items={[
          {
            key: 'form',
            label: t('dossier.section.form'),
            children: <FormDataView form={version?.form} values={d.form} sources={d.sources} />,
          },
        ]}
      />
    </>
  );
}

/** /me/dossiers/:id — one of the citizen's dossiers: where it is, when it is due, what is asked of them. */
export default function MyDossierPage() {
  const { t, pick } = useI18n();
  const { message, modal } = App.useApp();
  const { id = '' } = useParams();
  // The link of the result message (/danh-gia/<token>) lands here with its token, to rate the service.
  const [search] = useSearchParams();
  const { dossier, version, run, busy } = useDossier(id);
  const d = dossier.data;

  const tellConflict = () => void message.warning(t('dossier.conflict'));

  const withdraw = () =>
    modal.confirm({
      title: t('dossier.withdraw.confirmTitle'),
      content: t('dossier.withdraw.confirmText'),
      okText: t('dossier.withdraw.ok'),
      okButtonProps: { danger: true, size: 'large' },
      cancelButtonProps: { size: 'large' },
      cancelText: t('dossier.withdraw.cancel'),
      onOk: async () => {
        const outcome = await run('withdraw');
        if (outcome.ok) void message.success(t('dossier.withdraw.done'));
        else if (outcome.conflict) tellConflict();
        else void message.error(pick(outcome.error.messageVi, outcome.error.messageEn));
      },
    });

  return (
    <div className="citizen-page">
      <Link to="/me/dossiers" className="back-link-plain">
        ← {t('dossier.mine.back')}
      </Link>
      {dossier.error && (
        <>
          <PageTitle title={t('dossier.mine.title')} />
          <ErrorAlert error={dossier.error} onRetry={dossier.reload} />
        </>
      )}
      {!d && !dossier.error && <Skeleton active paragraph={{ rows: 8 }} />}
      {d && (
        <>
          <PageTitle
            title={pick(d.procedureNameVi, d.procedureNameEn)}
            description={
              <span className="dossier-code-line">
                {t('dossier.code')}:{' '}
                <strong className="tabular">{d.code ? <DossierCode code={d.code} /> : t('dossier.noCode')}</strong>
              </span>
            }
          />
          {d.state === 'supplement_requested' && (
            <SupplementCard
              dossier={d}
              documents={version.data?.documents ?? []}
              canResubmit={d.allowedCommands.includes('resubmit')}
              busy={busy === 'resubmit'}
              onResubmit={async (note, files) => {
                const outcome = await run('resubmit', note ? { note } : {}, files);
                if (outcome.ok) void message.success(t('dossier.supp.done'));
                else if (outcome.conflict) tellConflict();
                return outcome;
              }}
            />
          )}
          {d.state === 'draft' && (
            <Alert
              type="info"
              showIcon
              className="section-card"
              title={t('dossier.draft.explain')}
              action={
                <Button
                  type="primary"
                  size="large"
                  href={`/procedures/${encodeURIComponent(d.procedureCode)}/file?draft=${d.id}`}
                >
                  {t('dossier.draft.continue')}
                </Button>
              }
            />
          )}
          {d.state === 'awaiting_payment' && d.paymentDueAt && (
            <Alert
              type="warning"
              showIcon
              className="section-card"
              title={t('dossier.mine.payDue', { at: formatDateTime(d.paymentDueAt) })}
            />
          )}
          {d.state === 'withdrawn' && d.timeline.at(-1)?.command === 'expire_unpaid' && (
            <Alert type="error" showIcon className="section-card" title={t('dossier.mine.expiredUnpaid')} />
          )}
          {d.state === 'awaiting_payment' && d.feeStatus === 'unpaid' ? (
            <PayFeeCard dossier={d} />
          ) : (
            <DossierFee fee={d.fee} />
          )}
          <Outcome d={d} />
          {d.state === 'returned' && <RatingCard dossierId={d.id} linkToken={search.get('danh-gia') ?? undefined} />}
          <RegistryOutcomeCard outcome={d.registryOutcome} />
          <GroupStepsCard steps={d.steps} />
          <ResultDocumentsCard dossierId={d.id} attachments={d.attachments} />
          {(d.slips.length > 0 || d.feePaymentId) && (
            <Card className="section-card" title={t('dossier.mine.slips')}>
              <Space wrap>
                {d.feePaymentId && (d.feeStatus === 'paid' || d.feeStatus === 'refunded') && (
                  <Button size="large" href={receiptUrl(d.feePaymentId)} target="_blank" rel="noopener noreferrer">
                    {t('dossier.delivery.receipt')}
                  </Button>
                )}
                {d.slips.map((kind) => (
                  <Button key={kind} size="large" href={slipUrl(d.id, kind)} target="_blank" rel="noopener noreferrer">
                    {t(SLIP_LABEL[kind])}
                  </Button>
                ))}
              </Space>
            </Card>
          )}
          <Details d={d} version={version.data} />
          {d.allowedCommands.includes('withdraw') && (
            <Card className="section-card">
              <Typography.Paragraph>{t('dossier.withdraw.explain')}</Typography.Paragraph>
              <Button danger size="large" onClick={withdraw} loading={busy === 'withdraw'}>
                {t('dossier.withdraw.button')}
              </Button>
            </Card>
          )}
        </>
      )}
    </div>
  );
}
