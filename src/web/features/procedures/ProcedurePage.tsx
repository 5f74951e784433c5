import { Link, useParams } from 'react-router';
import { Alert, Card, Descriptions, Skeleton, Table, Tag, Typography } from 'antd';
import type { ProcedureVersion } from '../../../contracts/procedures';
import { useApi } from '../../api/use-api';
import { useSession } from '../../api/session';
import { useI18n } from '../../shell/i18n';
import type { MessageKey } from '../../shell/dictionary';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageTitle } from '../../components/PageTitle';
import { formatDate } from '../../components/format';
import { FIELD_LABEL, moneyText, timeLimitText } from './procedure-labels';
import { fetchPrefillStats, fetchProcedure } from './procedures-api';
import { PublicShell } from './PublicShell';

/** Names of facts that may be marked "not checked against the gazette". */
const UNCONFIRMED: Record<string, MessageKey> = {
  code: 'procedures.unconfirmed.code',
  timeLimit: 'procedures.timeLimit',
  requiredEidLevel: 'procedures.eidLevel',
  fees: 'procedures.fee',
};

function FeesCard({ v }: { v: ProcedureVersion }) {
  const { t, lang, pick } = useI18n();
  if (v.fees.items.length === 0) {
    return (
      <Card title={t('procedures.fee')} className="section-card">
        <p className="big-fact">{t('procedures.fee.free')}</p>
        {v.fees.noteVi && <p className="muted">{pick(v.fees.noteVi, v.fees.noteEn ?? v.fees.noteVi)}</p>}
      </Card>
    );
  }
  return (
    <Card title={t('procedures.fee')} className="section-card">
      <Table
        size="small"
        pagination={false}
        rowKey="code"
        dataSource={v.fees.items}
        columns={[
          {
            key: 'label',
            title: t('procedures.fee.item'),
            render: (_: unknown, i) => (
              <>
                {pick(i.labelVi, i.labelEn)}
                <div className="muted">
                  {t(i.basis === 'per_person' ? 'procedures.fee.perPerson' : 'procedures.fee.perDossier')}
                </div>
              </>
            ),
          },
          {
            key: 'online',
            title: t('procedures.fee.online'),
            render: (_: unknown, i) => <strong>{moneyText(t, lang, i.online)}</strong>,
          },
          { key: 'direct', title: t('procedures.fee.direct'), render: (_: unknown, i) => moneyText(t, lang, i.direct) },
        ]}
      />
      {v.fees.noteVi && <p className="muted">{pick(v.fees.noteVi, v.fees.noteEn ?? v.fees.noteVi)}</p>}
      {v.fees.exemptions.length > 0 && (
        <>
          <Typography.Title level={3} className="procedures-subheading">
            {t('procedures.exemptions')}
          </Typography.Title>
          <ul className="exemption-list">
            {v.fees.exemptions.map((e) => (
              <li key={e.code}>
                {pick(e.labelVi, e.labelEn)}{' '}
                {e.check === 'registry' ? (
                  <Tag color="blue">{t('procedures.exemption.registry')}</Tag>
                ) : (
                  <div className="muted">
                    {t('procedures.exemption.proof', { proof: pick(e.proofVi ?? '', e.proofEn ?? '') })}
                  </div>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
    </Card>
  );
}

function DocumentsCard({ v }: { v: ProcedureVersion }) {
  const { t, pick } = useI18n();
  return (
    <Card title={t('procedures.documents')} className="section-card">
      {v.documents.length === 0 ? (
        <p>{t('procedures.documents.none')}</p>
      ) : (
        <ol className="document-list">
          {v.documents.map((d) => (
            <li key={d.code}>
              <strong>{pick(d.nameVi, d.nameEn)}</strong>{' '}
              {!d.required && <Tag>{t('procedures.documents.ifApplicable')}</Tag>}
              {d.replaceableByRegistry && <Tag color="green">{t('procedures.documents.replaceable')}</Tag>}
              {d.noteVi && <div className="muted">{pick(d.noteVi, d.noteEn ?? d.noteVi)}</div>}
            </li>
          ))}
        </ol>
      )}
    </Card>
  );
}

function FactsCard({ v, typed }: { v: ProcedureVersion; typed?: { before: number; after: number } }) {
  const { t, lang, pick } = useI18n();
  return (
    <Card className="section-card">
      <Descriptions
        column={1}
        layout="vertical"
        size="small"
        items={[
          {
            key: 'limit',
            label: t('procedures.timeLimit'),
            children: (
              <>
                <span className="big-fact">{timeLimitText(t, lang, v.timeLimitWorkingDays, v.sameDayCutoff)}</span>
                {v.timeLimitNote && (
                  <div className="muted">{pick(v.timeLimitNote, v.timeLimitNoteEn ?? v.timeLimitNote)}</div>
                )}
              </>
            ),
          },
          {
            key: 'online',
            label: t('procedures.onlineLevel'),
            children: t(v.onlineLevel === 'full' ? 'procedures.online.full' : 'procedures.online.partial'),
          },
          {
            key: 'eid',
            label: t('procedures.eidLevel'),
            children: t('procedures.eidLevel.value', { level: v.requiredEidLevel }),
          },
          {
            key: 'agency',
            label: t('procedures.agency'),
            children: t(
              v.handledByRole === 'commune_police' ? 'procedures.agency.police' : 'procedures.agency.committee',
            ),
          },
          ...(typed
            ? [
                {
                  key: 'typed',
                  label: t('procedures.prefill'),
                  children: t('procedures.prefill.value', { after: typed.after, before: typed.before }),
                },
              ]
            : []),
          {
            key: 'from',
            label: t('procedures.effective'),
            children: `${formatDate(v.effectiveFrom)}${v.effectiveTo ? ` – ${formatDate(v.effectiveTo)}` : ''} · ${t('procedures.versionN', { n: v.version })}`,
          },
        ]}
      />
    </Card>
  );
}

/** /procedures/:code — what a procedure needs: documents, fee, time limit, levels; "Nộp trực tuyến". Public. */
export default function ProcedurePage() {
  const { code = '' } = useParams();
  const { t, pick, lang } = useI18n();
  const { me } = useSession();
  const version = useApi((signal) => fetchProcedure(code, { signal }), [code]);
  const stats = useApi((signal) => fetchPrefillStats(code, { signal }), [code]);
  const v = version.data;
  const citizenLevel = me?.account?.kind === 'citizen' ? (me.account.eIdLevel ?? 0) : null;
  return (
    <PublicShell>
      <div className="citizen-page">
        {version.error && <ErrorAlert error={version.error} onRetry={version.reload} />}
        {version.loading && !v && <Skeleton active paragraph={{ rows: 10 }} />}
        {v && (
          <>
            <PageTitle
              title={pick(v.nameVi, v.nameEn)}
              description={
                <>
                  <Tag>{t(FIELD_LABEL[v.field])}</Tag> {t('procedures.code', { code: v.nationalCode ?? v.code })}
                </>
              }
            />
            {citizenLevel !== null && citizenLevel < v.requiredEidLevel && (
              <Alert
                type="warning"
                showIcon
                className="section-alert"
                title={t('procedures.eidTooLow', { level: v.requiredEidLevel })}
              />
            )}
            <Link to={`/procedures/${encodeURIComponent(v.code)}/file`} className="file-link">
              {t('procedures.fileOnline')}
            </Link>
            <FactsCard
              v={v}
              typed={stats.data ? { before: stats.data.typedBefore, after: stats.data.typedAfter } : undefined}
            />
            <DocumentsCard v={v} />
            <FeesCard v={v} />
            {v.components.length > 0 && (
              <Card title={t('procedures.components')} className="section-card">
                <ol className="document-list">
                  {v.components.map((c, i) => (
                    <li key={`${c.code ?? 'x'}-${i}`}>
                      <strong>{pick(c.nameVi, c.nameEn)}</strong>
                      <div className="muted">{pick(c.agencyVi, c.agencyEn)}</div>
                      {c.producesVi && (
                        <div>
                          {t('procedures.step.produces', { what: pick(c.producesVi, c.producesEn ?? c.producesVi) })}
                        </div>
                      )}
                      {c.timeLimitWorkingDays != null && (
                        <div>
                          {t('procedures.timeLimit')}: {timeLimitText(t, lang, c.timeLimitWorkingDays, c.sameDayCutoff)}
                        </div>
                      )}
                    </li>
                  ))}
                </ol>
              </Card>
            )}
            <Card title={t('procedures.legalBasis')} className="section-card">
              <ul className="plain-list muted">
                {v.legalBasis.map((l) => (
                  <li key={l}>{l}</li>
                ))}
              </ul>
              {v.unconfirmed.length > 0 && (
                <Alert
                  type="info"
                  showIcon
                  title={t('procedures.unconfirmed', {
                    what: v.unconfirmed.map((u) => (u in UNCONFIRMED ? t(UNCONFIRMED[u]!) : u)).join(', '),
                  })}
                />
              )}
            </Card>
          </>
        )}
      </div>
    </PublicShell>
  );
}
