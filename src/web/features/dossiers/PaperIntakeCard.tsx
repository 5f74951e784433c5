import { useMemo } from 'react';
import { Alert, Card, Col, Form, Input, Row, Select, Typography, type FormInstance } from 'antd';
import type { ProcedureSummary } from '../../../contracts/procedures';
import { useSession } from '../../api/session';
import { useApi } from '../../api/use-api';
import { useI18n } from '../../shell/i18n';
import { ErrorAlert } from '../../components/ErrorAlert';
import { foldVietnamese } from '../../components/vietnamese';
import { lookupCitizen } from '../counter';
import { fetchCatalog } from '../procedures';
import { NATIONAL_ID_PATTERN, normalizeNationalId, type PaperIntake } from './paper-filing';

/** The id of step 1's heading: the page scrolls back to it when the intake has a problem. */
export const STEP1 = 'paper-step1';

export const scrollToHeading = (id: string) =>
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
export function IntakeCard({ form, units, unitsLoading }: IntakeProps) {
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
