import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { Alert, Button, Card, Descriptions, Result, Space, Typography } from 'antd';
import type { DossierDetail } from '../../../contracts/dossiers';
import type { ProcedureVersion } from '../../../contracts/procedures';
import { useSession } from '../../api/session';
import { useI18n } from '../../shell/i18n';
import { formatDateTime, formatNumber } from '../../components/format';
import { PayFeeCard } from '../payments';
import { timeLimitText } from '../procedures';

/**
 * A dossier code that may break only after its hyphens, never inside a number: line-breaking rules
 * give no break between a hyphen and a digit, so each hyphen is followed by a break opportunity.
 */
export function DossierCode({ code }: { code: string }) {
  const parts = code.split('-');
  return (
    <>
      {parts.map((part, i) => (
        <span key={i}>
          {part}
          {i < parts.length - 1 && (
            <>
              -<wbr />
            </>
          )}
        </span>
      ))}
    </>
  );
}

/** Filed on a shared counter PC: sign out before the next citizen sits down. */
function SharedDeviceSignOut() {
  const { t } = useI18n();
  const { signOut } = useSession();
  const [leaving, setLeaving] = useState(false);
  return (
    <Alert
      type="warning"
      showIcon
      title={t('dossier.file.done.sharedDevice')}
      action={
        <Button
          danger
          size="large"
          loading={leaving}
          onClick={() => {
            setLeaving(true);
            void signOut().finally(() => setLeaving(false));
          }}
        >
          {t('dossier.file.done.signOut')}
        </Button>
      }
    />
  );
}

/**
 * A dossier filed with a fee to pay: payment comes first — the dossier is not sent to the officer
 * until it is paid, and is withdrawn if still unpaid at `paymentDueAt` (issue 14 §3).
 */
function AwaitingPayment({ dossier }: { dossier: DossierDetail }) {
  const { t, pick } = useI18n();
  return (
    <>
      <Alert
        type="warning"
        showIcon
        role="status"
        className="section-card pay-first"
        title={<h2 className="card-heading">{t('dossier.file.pay.title')}</h2>}
        description={
          <>
            <p>{pick(dossier.procedureNameVi, dossier.procedureNameEn)}</p>
            <p>
              {t('dossier.file.done.code')}{' '}
              <strong className="filing-done-code tabular" data-testid="filed-code">
                {dossier.code ? <DossierCode code={dossier.code} /> : t('dossier.noCode')}
              </strong>
            </p>
            <p>{t('dossier.file.pay.notSent')}</p>
            {dossier.paymentDueAt && (
              <p>
                <strong>{t('dossier.file.pay.dueBy', { at: formatDateTime(dossier.paymentDueAt) })}</strong>
              </p>
            )}
          </>
        }
      />
      <PayFeeCard dossier={dossier} />
      <p className="pay-later">
        <Link to={`/me/dossiers/${dossier.id}`}>{t('dossier.file.pay.later')}</Link>
      </p>
      {dossier.assistedBy && <SharedDeviceSignOut />}
    </>
  );
}

/** The fee lines of online filing, in the reader's language; empty when nothing is charged. */
export function onlineFeeLines(
  p: Pick<ProcedureVersion, 'fees'>,
  t: ReturnType<typeof useI18n>['t'],
  pick: (vi: string, en: string) => string,
  lang: 'vi' | 'en',
): string[] {
  return p.fees.items
    .filter((f) => f.online > 0)
    .map((f) =>
      t(f.basis === 'per_person' ? 'dossier.file.feePerPerson' : 'dossier.file.feeLine', {
        label: pick(f.labelVi, f.labelEn),
        amount: formatNumber(f.online, lang),
      }),
    );
}

/** Fee, time limit and handling agency of the procedure, in plain words (top of the filing page). */
export function ProcedureFacts({ p }: { p: ProcedureVersion }) {
  const { t, pick, lang } = useI18n();
  const fees = onlineFeeLines(p, t, pick, lang);
  const limit = p.sameDayCutoff
    ? timeLimitText(t, lang, 0, p.sameDayCutoff)
    : p.timeLimitWorkingDays === 0
      ? t('dossier.file.immediate')
      : t('dossier.file.days', { days: formatNumber(p.timeLimitWorkingDays, lang) });
  const limitNote = p.timeLimitNote ? pick(p.timeLimitNote, p.timeLimitNoteEn ?? p.timeLimitNote) : null;
  return (
    <Card className="section-card">
      <Descriptions
        column={1}
        size="small"
        layout="vertical"
        items={[
          {
            key: 'fee',
            label: t('dossier.file.fee'),
            children: (
              <div>
                {fees.length === 0 ? (
                  t('dossier.file.free')
                ) : (
                  <ul className="plain-list filing-facts">
                    {fees.map((f) => (
                      <li key={f}>{f}</li>
                    ))}
                  </ul>
                )}
                {fees.length > 0 && p.fees.exemptions.length > 0 && (
                  <div className="attach-doc-note">{t('dossier.file.exemptions')}</div>
                )}
              </div>
            ),
          },
          { key: 'limit', label: t('dossier.file.timeLimit'), children: limitNote ? `${limit}. ${limitNote}` : limit },
          { key: 'agency', label: t('dossier.file.agency'), children: t(`dossier.file.agency.${p.handledByRole}`) },
        ]}
      />
    </Card>
  );
}

/** Why a level-1 e-ID citizen cannot file a level-2 procedure online, and exactly what to do. */
export function LevelBlock({ required, current }: { required: number; current: number }) {
  const { t } = useI18n();
  return (
    <Alert
      type="warning"
      showIcon
      role="alert"
      className="section-card filing-level"
      title={<strong>{t('dossier.file.level.title')}</strong>}
      description={
        <>
          <Typography.Paragraph>{t('dossier.file.level.text', { required, current })}</Typography.Paragraph>
          <Typography.Paragraph strong>{t('dossier.file.level.how')}</Typography.Paragraph>
          <ol>
            <li>{t('dossier.file.level.step1')}</li>
            <li>{t('dossier.file.level.step2')}</li>
            <li>{t('dossier.file.level.step3')}</li>
          </ol>
          <Typography.Paragraph>{t('dossier.file.level.paper')}</Typography.Paragraph>
        </>
      }
    />
  );
}

/** After a successful submission: the dossier code, large, and where to follow it. */
export function FiledResult({ dossier }: { dossier: DossierDetail }) {
  const { t, pick } = useI18n();
  const navigate = useNavigate();
  const unpaid = dossier.state === 'awaiting_payment' && dossier.feeStatus === 'unpaid';
  if (unpaid) return <AwaitingPayment dossier={dossier} />;
  return (
    <Card className="section-card">
      <Result
        status="success"
        title={<h2 className="card-heading">{t('dossier.file.done.title')}</h2>}
        subTitle={pick(dossier.procedureNameVi, dossier.procedureNameEn)}
        extra={
          <Space orientation="vertical" size={16} className="full-width">
            <div role="status">
              {t('dossier.file.done.code')}
              <strong className="filing-done-code tabular" data-testid="filed-code">
                {dossier.code ? <DossierCode code={dossier.code} /> : t('dossier.noCode')}
              </strong>
            </div>
            <Typography.Paragraph>{t('dossier.file.done.text')}</Typography.Paragraph>
            {dossier.assistedBy && <SharedDeviceSignOut />}
            <Space wrap>
              <Button type="primary" size="large" onClick={() => void navigate(`/me/dossiers/${dossier.id}`)}>
                {t('dossier.file.done.open')}
              </Button>
              <Link to="/me/dossiers">{t('dossier.file.done.mine')}</Link>
            </Space>
          </Space>
        }
      />
    </Card>
  );
}
