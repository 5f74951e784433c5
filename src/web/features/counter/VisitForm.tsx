import { useEffect, useState } from 'react';
import { App, Button, Form, Space } from 'antd';
import type { CitizenLookup, Visit } from '../../../contracts/counter';
import type { ApiError } from '../../api/client';
import { toApiError } from '../../api/use-api';
import { useI18n } from '../../shell/i18n';
import { ErrorAlert } from '../../components/ErrorAlert';
import { recordVisit } from './counter-api';
import { CitizenLookupField } from './CitizenLookupField';
import { VisitFactsFields } from './VisitFactsFields';
import { FORM_FIELDS, formProblems, toVisitInput, type CounterChoice, type VisitFormValues } from './visit-form-model';

interface Props {
  counter: CounterChoice;
  onRecorded: (visit: Visit) => void;
  /** Facts to start from (e.g. a filing on the counter device); a new `key` applies them again. */
  prefill?: { key: number; values: VisitFormValues };
}

const INITIAL: VisitFormValues = { guidedOnline: true };

/** The quick form of the counter: who (ID lookup), for what, guided online or not, who typed, outcome. */
export function VisitForm({ counter, onRecorded, prefill }: Props) {
  const { t, pick } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<VisitFormValues>();
  const [found, setFound] = useState<CitizenLookup>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<ApiError>();

  // A filing picked from the counter device's list: its facts in the form, the ID number still to look up.
  useEffect(() => {
    if (!prefill) return;
    form.resetFields();
    setFound(undefined);
    setError(undefined);
    form.setFieldsValue(prefill.values);
    document.querySelector<HTMLInputElement>('.counter-form input[aria-label]')?.focus();
  }, [prefill?.key]);

  const showProblems = (problems: Array<{ field: string; messageVi: string; messageEn: string }>) => {
    const own = problems.filter((p) => (FORM_FIELDS as readonly string[]).includes(p.field));
    form.setFields(
      own.map((p) => ({ name: p.field as keyof VisitFormValues, errors: [pick(p.messageVi, p.messageEn)] })),
    );
    return own.length;
  };

  const submit = async (values: VisitFormValues) => {
    setError(undefined);
    if (!counter.counterLabel.trim()) {
      void message.warning(t('counter.counterLabelRequired'));
      return;
    }
    if (!found || found.deceased) {
      form.setFields([
        { name: 'nationalId', errors: [t(found?.deceased ? 'counter.lookupDeceased' : 'counter.lookupFirst')] },
      ]);
      return;
    }
    const input = toVisitInput(values);
    if (showProblems(formProblems(input)) > 0) return;
    setSaving(true);
    try {
      const visit = await recordVisit({ unitCode: counter.unitCode, counterLabel: counter.counterLabel.trim() }, input);
      void message.success(t('counter.saved', { name: visit.citizen.name }));
      form.resetFields();
      setFound(undefined);
      onRecorded(visit);
    } catch (e) {
      const apiError = toApiError(e);
      if (showProblems(apiError.fields) < Math.max(1, apiError.fields.length)) setError(apiError);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Form
      form={form}
      layout="vertical"
      initialValues={INITIAL}
      onFinish={(v) => void submit(v)}
      requiredMark={false}
      className="counter-form"
    >
      <CitizenLookupField found={found} onFound={setFound} label={t('counter.nationalId')} />
      <VisitFactsFields />
      {error && <ErrorAlert error={error} />}
      <Space className="counter-actions">
        <Button type="primary" htmlType="submit" size="large" loading={saving}>
          {t('counter.submit')}
        </Button>
        <Button
          size="large"
          onClick={() => {
            form.resetFields();
            setFound(undefined);
            setError(undefined);
          }}
        >
          {t('counter.reset')}
        </Button>
      </Space>
    </Form>
  );
}
