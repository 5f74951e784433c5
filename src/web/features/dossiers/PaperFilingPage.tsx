import { useEffect, useMemo } from 'react';
import { Link, useNavigate } from 'react-router';
import { Alert, App, Form, Skeleton, Typography } from 'antd';
import type { DossierDetail } from '../../../contracts/dossiers';
import { useSession } from '../../api/session';
import { useApi } from '../../api/use-api';
import { ForbiddenPage } from '../../shell/ForbiddenPage';
import { useI18n } from '../../shell/i18n';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageTitle } from '../../components/PageTitle';
import { useCurrentUnits } from '../../components/unit-names';
import { fetchProcedure } from '../procedures';
import { receivingUnits, type PaperIntake } from './paper-filing';
import { IntakeCard } from './PaperIntakeCard';
import { PaperForm } from './PaperForm';
import './dossiers.css';
import './dossiers-office.css';

/**
 * /dossiers/paper/new — an officer enters the paper filing of a citizen at the counter (the
 * channel "paper"): step 1 the procedure, the receiving commune and the applicant's ID number (the
 * server finds the person in the registry and logs that read); step 2 the form typed from the
 * paper, the scanned documents and the fee paid in cash. Then the dossier's page, to receive it
 * and print the receipt slip.
 */
export default function PaperFilingPage() {
  const { t, pick } = useI18n();
  const { me, can } = useSession();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [intake] = Form.useForm<PaperIntake>();
  const code = Form.useWatch('procedureCode', intake);
  const current = useCurrentUnits();
  const units = useMemo(
    () => receivingUnits(me?.actionUnits['dossiers.enter'] ?? [], current.units),
    [me, current.units],
  );
  const procedure = useApi(code ? (signal) => fetchProcedure(code, { signal }) : null, [code]);
  const p = code && procedure.data?.code === code ? procedure.data : undefined;

  // One commune (the usual counter): chosen already.
  useEffect(() => {
    const only = units.length === 1 ? units[0] : undefined;
    if (only && !intake.getFieldValue('unitCode')) intake.setFieldsValue({ unitCode: only.code });
  }, [units, intake]);

  if (!can('dossiers.enter')) return <ForbiddenPage />;
  const filed = (d: DossierDetail) => {
    void message.success(t('dossier.paper.done', { code: d.code ?? t('dossier.noCode') }));
    void navigate(`/dossiers/${d.id}`);
  };

  return (
    <>
      <Link to="/dossiers" className="back-link-plain">
        ← {t('dossier.queue.back')}
      </Link>
      <PageTitle title={t('dossier.paper.title')} description={t('dossier.paper.intro')} />
      {current.error && <ErrorAlert error={current.error} />}
      {!current.loading && !current.error && units.length === 0 && (
        <Alert type="warning" showIcon className="section-card" title={t('dossier.paper.noUnit')} />
      )}
      <IntakeCard form={intake} units={units} unitsLoading={current.loading} />
      {!code && <Alert type="info" showIcon className="section-card" title={t('dossier.paper.pickProcedure')} />}
      {procedure.error && <ErrorAlert error={procedure.error} onRetry={procedure.reload} />}
      {code && !p && procedure.loading && <Skeleton active paragraph={{ rows: 8 }} />}
      {p && (
        <section aria-labelledby="paper-step2">
          <Typography.Title level={2} id="paper-step2" className="card-heading">
            {t('dossier.paper.step2', { name: pick(p.nameVi, p.nameEn) })}
          </Typography.Title>
          <Alert type="info" showIcon className="section-card" title={t('dossier.paper.typeAll')} />
          <PaperForm key={p.id} procedure={p} intake={intake} onFiled={filed} onStale={procedure.reload} />
        </section>
      )}
    </>
  );
}
