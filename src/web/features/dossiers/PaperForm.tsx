import { useMemo, useState } from 'react';
import { Alert, Card, Typography, type FormInstance } from 'antd';
import type { DossierDetail } from '../../../contracts/dossiers';
import type { FieldProblem } from '../../../contracts/messages';
import type { ProcedureVersion } from '../../../contracts/procedures';
import type { ApiError } from '../../api/client';
import { toApiError } from '../../api/use-api';
import { useI18n } from '../../shell/i18n';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatNumber } from '../../components/format';
import { ProcedureForm } from '../procedures';
import { AttachmentPicker } from './AttachmentPicker';
import { missingDocuments, splitFieldProblems } from './attachments';
import { submitDossier, type FilesByDocument } from './dossiers-api';
import { counterFeeItems, intakeProblems, paperDocuments, type PaperIntake } from './paper-filing';
import { scrollToHeading, STEP1 } from './PaperIntakeCard';

const ATTACHMENTS = 'paper-attachments';

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
export function PaperForm({ procedure, intake, onFiled, onStale }: PaperFormProps) {
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
