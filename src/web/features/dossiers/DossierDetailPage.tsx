import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { App, Button, Card, Col, Descriptions, Row, Skeleton, Space } from 'antd';
import type { DossierCommand, DossierDetail } from '../../../contracts/dossiers';
import { useI18n } from '../../shell/i18n';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageTitle } from '../../components/PageTitle';
import { EMPTY, formatDateTime } from '../../components/format';
import { ApplicantCard } from './ApplicantCard';
import { CommandModal } from './CommandModal';
import { channelText, COMMAND_LABEL, deadlineStartItem, deliveryText, SLIP_LABEL } from './dossier-labels';
import { slipUrl } from './dossiers-api';
import { DossierAttachments } from './DossierAttachments';
import { DossierTimeline } from './DossierTimeline';
import { GroupStepsCard } from './GroupStepsCard';
import { DeadlineTag, FeeText, StateTag } from './DossierTags';
import { FormDataView } from './FormDataView';
import { useDossier } from './use-dossier';
import './dossiers.css';
import './dossiers-office.css';
import { DossierFee } from './DossierFee';
import { RegistryChecksCard } from './RegistryChecksCard';
import { RegistryOutcomeCard } from './ResultDocumentsCard';
import { DossierRatingCard } from '../ratings';

/** Commands that are never buttons of the back office: the citizen's withdrawal, the payment (settled by the payment system). */
const NOT_STAFF_BUTTONS: ReadonlySet<DossierCommand> = new Set(['withdraw', 'pay']);
/** Commands whose dialog asks for something beyond a note. */
const DANGEROUS: ReadonlySet<DossierCommand> = new Set(['refuse', 'refuse_intake', 'reject_exemption']);

/** Working minutes left on a paused deadline as working days and hours ("2 ngày 3 giờ"), counting the default 7.5-hour working day. */
function remainingText(minutes: number, t: ReturnType<typeof useI18n>['t']): string {
  const perDay = 450; // 07:30–11:30 + 13:30–17:00 (the default working hours)
  const days = Math.floor(minutes / perDay);
  const hours = Math.round((minutes - days * perDay) / 60);
  return t('dossier.remaining', { days, hours });
}

function Facts({ d }: { d: DossierDetail }) {
  const { t, pick } = useI18n();
  return (
    <Descriptions
      bordered
      size="small"
      column={{ xs: 1, md: 2 }}
      items={[
        {
          key: 'procedure',
          label: t('dossier.procedure'),
          children: `${d.procedureCode} – ${pick(d.procedureNameVi, d.procedureNameEn)}`,
        },
        { key: 'applicant', label: t('dossier.applicant'), children: d.applicantName },
        { key: 'unit', label: t('dossier.unit'), children: d.unitName ?? d.unitCode },
        { key: 'channel', label: t('dossier.channel'), children: channelText(d, t) },
        { key: 'fee', label: t('dossier.fee'), children: <FeeText d={d} /> },
        { key: 'delivery', label: t('dossier.delivery.chosen'), children: deliveryText(d, t) },
        { key: 'submitted', label: t('dossier.submittedAt'), children: formatDateTime(d.submittedAt) },
        { key: 'received', label: t('dossier.receivedAt'), children: formatDateTime(d.receivedAt) },
        ...deadlineStartItem(d, t),
        {
          key: 'due',
          label: t('dossier.dueAt'),
          children: (
            <span className="due-line">
              <span className="tabular">{d.dueAt ? formatDateTime(d.dueAt) : EMPTY}</span> <DeadlineTag flag={d.flag} />
              {d.late && <span className="late-note">{t('dossier.late')}</span>}
            </span>
          ),
        },
        ...(d.pausedRemainingMinutes !== null
          ? [
              {
                key: 'remaining',
                label: t('dossier.pausedRemaining'),
                children: remainingText(d.pausedRemainingMinutes, t),
              },
            ]
          : []),
        { key: 'decided', label: t('dossier.decidedAt'), children: formatDateTime(d.decidedAt) },
      ]}
    />
  );
}

/** /dossiers/:id — an officer's view of one dossier: facts, actions allowed now, slips, form, files, registry data, history. */
export default function DossierDetailPage() {
  const { t, pick } = useI18n();
  const { message } = App.useApp();
  const { id = '' } = useParams();
  const { dossier, version, run, busy } = useDossier(id);
  const [command, setCommand] = useState<DossierCommand | null>(null);
  const d = dossier.data;
  const commands = (d?.allowedCommands ?? []).filter((c) => !NOT_STAFF_BUTTONS.has(c));

  const onRun: Parameters<typeof CommandModal>[0]['onRun'] = async (c, body, files) => {
    const outcome = await run(c, body, files);
    if (outcome.ok) void message.success(t('dossier.cmd.done', { command: t(COMMAND_LABEL[c]) }));
    else if (outcome.conflict) void message.warning(t('dossier.conflict'));
    return outcome;
  };

  return (
    <>
      <Link to="/dossiers" className="back-link-plain">
        ← {t('dossier.queue.back')}
      </Link>
      {dossier.error && (
        <>
          <PageTitle title={t('dossier.queue.title')} />
          <ErrorAlert error={dossier.error} onRetry={dossier.reload} />
        </>
      )}
      {!d && !dossier.error && <Skeleton active paragraph={{ rows: 10 }} />}
      {d && (
        <>
          <PageTitle
            title={t('dossier.titleWithCode', { code: d.code ?? t('dossier.noCode') })}
            description={
              <Space wrap>
                <span>{pick(d.procedureNameVi, d.procedureNameEn)}</span>
                <StateTag state={d.state} />
                <DeadlineTag flag={d.flag} />
              </Space>
            }
          />
          <Card className="section-card action-bar" role="region" aria-label={t('dossier.actions')}>
            <Space wrap>
              {commands.map((c) => (
                <Button
                  key={c}
                  type={DANGEROUS.has(c) ? 'default' : 'primary'}
                  danger={DANGEROUS.has(c)}
                  onClick={() => setCommand(c)}
                  loading={busy === c}
                >
                  {t(COMMAND_LABEL[c])}
                </Button>
              ))}
              {commands.length === 0 && <span>{t('dossier.noActions')}</span>}
              {d.slips.map((kind) => (
                <Button key={kind} href={slipUrl(d.id, kind)} target="_blank" rel="noopener noreferrer">
                  {t(SLIP_LABEL[kind])}
                </Button>
              ))}
            </Space>
          </Card>
          {d.supplement && (
            <Card
              title={t('dossier.supp.staffTitle', { at: formatDateTime(d.supplement.requestedAt) })}
              className="section-card supplement-card"
            >
              <ol className="supplement-items">
                {d.supplement.items.map((it, i) => (
                  <li key={i}>
                    <strong>{it.item}</strong>: {it.reason}
                  </li>
                ))}
              </ol>
            </Card>
          )}
          <Row gutter={[16, 0]}>
            <Col xs={24} xl={14}>
              <Card title={t('dossier.section.facts')} className="section-card">
                <Facts d={d} />
              </Card>
              <DossierFee fee={d.fee} />
              <RegistryOutcomeCard outcome={d.registryOutcome} />
              <DossierRatingCard dossierId={d.id} returned={d.state === 'returned'} />
              <GroupStepsCard steps={d.steps} />
              <RegistryChecksCard checks={d.registryChecks} />
              <Card title={t('dossier.section.form')} className="section-card">
                {version.error && <ErrorAlert error={version.error} onRetry={version.reload} />}
                <FormDataView form={version.data?.form} values={d.form} sources={d.sources} />
              </Card>
              <Card title={t('dossier.section.attachments')} className="section-card">
                <DossierAttachments dossierId={d.id} attachments={d.attachments} documents={version.data?.documents} />
              </Card>
            </Col>
            <Col xs={24} xl={10}>
              <Card title={t('dossier.section.timeline')} className="section-card">
                <DossierTimeline timeline={d.timeline} unitCode={d.unitCode} unitName={d.unitName} />
              </Card>
            </Col>
          </Row>
          {d.applicantPersonId && <ApplicantCard dossierId={d.id} applicantName={d.applicantName} />}
          <CommandModal
            command={command}
            documents={version.data?.documents ?? []}
            stepInput={d.stepInput}
            busy={busy !== null}
            onClose={() => setCommand(null)}
            onRun={onRun}
          />
        </>
      )}
    </>
  );
}
