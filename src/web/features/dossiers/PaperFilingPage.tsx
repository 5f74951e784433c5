import { useEffect, useMemo, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { Alert, App, Card, Col, Form, Input, Row, Select, Skeleton, Typography, type FormInstance } from 'antd';
import type { DossierDetail } from '../../../contracts/dossiers';
import type { FieldProblem } from '../../../contracts/messages';
import type { ProcedureSummary, ProcedureVersion } from '../../../contracts/procedures';
import type { ApiError } from '../../api/client';
import { useSession } from '../../api/session';
import { toApiError, useApi } from '../../api/use-api';
import { ForbiddenPage } from '../../shell/ForbiddenPage';
import { useI18n } from '../../shell/i18n';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatNumber } from '../../components/format';
import { PageTitle } from '../../components/PageTitle';
import { useCurrentUnits } from '../../components/unit-names';
import { foldVietnamese } from '../../components/vietnamese';
import { lookupCitizen } from '../counter';
import { fetchCatalog, fetchProcedure, ProcedureForm } from '../procedures';
import { AttachmentPicker } from './AttachmentPicker';
import { missingDocuments, splitFieldProblems } from './attachments';
import { submitDossier, type FilesByDocument } from './dossiers-api';
import {
  counterFeeItems,
  intakeProblems,
  NATIONAL_ID_PATTERN,
  normalizeNationalId,
  paperDocuments,
  receivingUnits,
  type PaperIntake,
} from './paper-filing';
import './dossiers.css';

const STEP1 = 'paper-step1';
const ATTACHMENTS = 'paper-attachments';

const scrollToHeading = (id: string) =>
  document.getElementById(id)?.scrollIntoView({ block: 'start', behavior: 'smooth' });

/** A catalog line as a select option, searchable by name or code without diacritics. */
function procedureOption(p: ProcedureSummary, pick: (vi: string, en: string) => string) {
  return {
    value: p.code,
    label: `${p.code} – ${pick(p.nameVi, p.nameEn)}`,
    folded: foldVietnamese(`${p.code} ${p.nameVi} ${p.nameEn}`),
  };
}

interface IntakeProps {
  form: FormInstance<PaperIntake>;
  units: Array<{ code: string; name: string }>;
  unitsLoading: boolean;
}

/**
 * Who the registry says holds the typed ID number — name, birth year, permanent residence — to
 * confirm with the citizen before the form is typed. The lookup is the counter's (logged with the
 * purpose "at the citizen's request at the one-stop counter"); an unknown number, or a deceased
 * person's, is said at once rather than after the whole form is typed (the server refuses both).
 */
function ApplicantConfirmation({ nationalId }: { nationalId: string }) {
  const { t, pick } = useI18n();
  const found = useApi((signal) => lookupCitizen(nationalId, { signal }), [nationalId]);
  if (found.error)
    return <Alert type="error" showIcon role="alert" title={pick(found.error.messageVi, found.error.messageEn)} />;
  if (!found.data) return null;
  const person = found.data;
  if (person.deceased) return <Alert type="error" showIcon role="alert" title={t('dossier.paper.applicantDeceased')} />;
  return (
    <Alert
      type="success"
      showIcon
      role="status"
      title={t('dossier.paper.applicantFound', { name: person.fullName, year: person.birthYear })}
      description={
        person.residenceUnitName
          ? t('dossier.paper.applicantResidence', { unit: person.residenceUnitName })
          : t('dossier.paper.applicantConfirm')
      }
    />
  );
}

/** Step 1: the procedure in force, the receiving commune (one of the officer's) and the applicant's ID number. */
function IntakeCard({ form, units, unitsLoading }: IntakeProps) {
  const { t, pick } = useI18n();
  const { can } = useSession();
  const typedId = normalizeNationalId(Form.useWatch('nationalId', form));
  const catalog = useApi((signal) => fetchCatalog({}, { signal }), []);
  const options = useMemo(() => (catalog.data?.items ?? []).map((p) => procedureOption(p, pick)), [catalog.data, pick]);
  const idRule = {
    validator: (_: unknown, v?: string) =>
      !v || NATIONAL_ID_PATTERN.test(v)
        ? Promise.resolve()
        : Promise.reject(new Error(t('dossier.paper.nationalIdInvalid'))),
  };
  return (
    <Card className="section-card" role="region" aria-labelledby={STEP1}>
      <Typography.Title level={2} id={STEP1} className="card-heading">
        {t('dossier.paper.step1')}
      </Typography.Title>
      {catalog.error && <ErrorAlert error={catalog.error} onRetry={catalog.reload} />}
      <Form form={form} name="paperIntake" layout="vertical" requiredMark>
        <Row gutter={16}>
          <Col xs={24}>
            <Form.Item
              name="procedureCode"
              label={t('dossier.paper.procedure')}
              rules={[{ required: true, message: t('dossier.paper.procedureRequired') }]}
            >
              <Select
                size="large"
                showSearch={{ filterOption: (input, option) => (option?.folded ?? '').includes(foldVietnamese(input)) }}
                loading={catalog.loading}
                placeholder={t('dossier.paper.procedurePlaceholder')}
                notFoundContent={t('dossier.paper.procedureNotFound')}
                options={options}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name="unitCode"
              label={t('dossier.paper.unit')}
              rules={[{ required: true, message: t('dossier.paper.unitRequired') }]}
            >
              <Select
                size="large"
                loading={unitsLoading}
                options={units.map((u) => ({ value: u.code, label: u.name }))}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name="nationalId"
              label={t('dossier.paper.nationalId')}
              extra={t('dossier.paper.nationalIdHint')}
              normalize={normalizeNationalId}
              validateTrigger="onBlur"
              rules={[{ required: true, message: t('dossier.paper.nationalIdRequired') }, idRule]}
            >
              <Input size="large" inputMode="numeric" autoComplete="off" maxLength={15} className="tabular" />
            </Form.Item>
          </Col>
          {can('counter.visit.record') && NATIONAL_ID_PATTERN.test(typedId) && (
            <Col xs={24}>
              <ApplicantConfirmation key={typedId} nationalId={typedId} />
            </Col>
          )}
        </Row>
      </Form>
    </Card>
  );
}

/** The direct fee of the version: what the officer collects in cash at the counter (exemptions are applied on filing). */
function CounterFee({ procedure }: { procedure: ProcedureVersion }) {
  const { t, pick, lang } = useI18n();
  const items = counterFeeItems(procedure.fees.items);
  return (
    <Card size="small" className="section-card" title={t('dossier.paper.fee')}>
      {items.length === 0 ? (
        <p>{t('dossier.paper.free')}</p>
      ) : (
        <ul className="plain-list filing-facts">
          {items.map((f) => (
            <li key={f.code}>
              {t(f.basis === 'per_person' ? 'dossier.file.feePerPerson' : 'dossier.file.feeLine', {
                label: pick(f.labelVi, f.labelEn),
                amount: formatNumber(f.amount, lang),
              })}
            </li>
          ))}
        </ul>
      )}
      {items.length > 0 && <div className="attach-doc-note">{t('dossier.paper.feeNote')}</div>}
    </Card>
  );
}

/** Problems shown in place: the form's fields, each document, and whether required files are missing. */
interface Problems {
  form: FieldProblem[];
  documents: Record<string, string[]>;
  missing: boolean;
}
const NO_PROBLEMS: Problems = { form: [], documents: {}, missing: false };

interface PaperFormProps {
  procedure: ProcedureVersion;
  intake: FormInstance<PaperIntake>;
  onFiled: (dossier: DossierDetail) => void;
  onStale: () => void;
}

/** Step 2: the whole form typed from the paper (nothing prefilled), the scans, the cash fee; files with channel `paper`. */
function PaperForm({ procedure, intake, onFiled, onStale }: PaperFormProps) {
  const { t, pick } = useI18n();
  const [files, setFiles] = useState<FilesByDocument>({});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();
  const [problems, setProblems] = useState<Problems>(NO_PROBLEMS);
  const documents = useMemo(
    () => paperDocuments(procedure.documents, procedure.form.formCode, t('dossier.paper.formDocNote')),
    [procedure, t],
  );

  /** The server's refusal, each problem on its input: step 1, the form, a document, or above the button. */
  const showRefusal = (e: unknown) => {
    const apiError = toApiError(e);
    const split = splitFieldProblems(
      apiError.fields,
      documents.map((d) => d.code),
    );
    const step1 = intakeProblems(split.other);
    intake.setFields(step1.map((p) => ({ name: p.input, errors: [pick(p.messageVi, p.messageEn)] })));
    const byDocument = Object.entries(split.documents).map(
      ([code, list]) => [code, list.map((p) => pick(p.messageVi, p.messageEn))] as const,
    );
    setProblems({ form: split.form, documents: Object.fromEntries(byDocument), missing: false });
    setError(apiError);
    if (step1.length > 0) scrollToHeading(STEP1);
  };

  const submit = async (values: Record<string, unknown>) => {
    const chosen = await intake.validateFields().catch(() => undefined);
    if (!chosen) return scrollToHeading(STEP1);
    const missing = missingDocuments(documents, files);
    setError(undefined);
    if (missing.length > 0) {
      setProblems({
        form: [],
        documents: Object.fromEntries(missing.map((code) => [code, [t('dossier.file.missingOne')]])),
        missing: true,
      });
      return scrollToHeading(ATTACHMENTS);
    }
    setProblems(NO_PROBLEMS);
    setBusy(true);
    try {
      const body = {
        procedureCode: procedure.code,
        procedureVersionId: procedure.id,
        form: values,
        channel: 'paper' as const,
        unitCode: chosen.unitCode,
        applicantNationalId: chosen.nationalId,
      };
      onFiled(await submitDossier(body, files));
    } catch (e) {
      showRefusal(e);
    } finally {
      setBusy(false);
    }
  };

  /** New files clear the "missing" message of the documents that now have one. */
  const chooseFiles = (next: FilesByDocument) => {
    setFiles(next);
    setProblems((p) => ({
      ...p,
      documents: Object.fromEntries(Object.entries(p.documents).filter(([code]) => !next[code]?.length)),
    }));
  };

  return (
    <ProcedureForm
      form={procedure.form}
      serverErrors={problems.form}
      submitting={busy}
      submitLabel={t('dossier.paper.submit')}
      onSubmit={submit}
      registryHints={false}
    >
      <Card className="section-card" role="region" aria-labelledby={ATTACHMENTS}>
        <Typography.Title level={2} id={ATTACHMENTS} className="card-heading">
          {t('dossier.paper.attachments')}
        </Typography.Title>
        <AttachmentPicker documents={documents} files={files} onChange={chooseFiles} problems={problems.documents} />
      </Card>
      <CounterFee procedure={procedure} />
      {problems.missing && missingDocuments(documents, files).length > 0 && (
        <Alert type="error" showIcon role="alert" className="form-problem" title={t('dossier.paper.missingTitle')} />
      )}
      {error && (
        <div className="form-problem">
          {(problems.form.length > 0 || Object.keys(problems.documents).length > 0) && (
            <Alert type="error" showIcon role="alert" className="form-problem" title={t('dossier.paper.fixErrors')} />
          )}
          <ErrorAlert error={error} onRetry={error.status === 409 ? onStale : undefined} />
        </div>
      )}
    </ProcedureForm>
  );
}

/**
 * /dossiers/paper/new — an officer enters the paper filing of a citizen at the counter (issue #4 §3,
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
