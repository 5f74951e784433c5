import { useEffect, useState } from 'react';
import { Alert, App, Form, Input, Modal } from 'antd';
import { REASON_MAX, type CitizenLookup, type Visit } from '../../../contracts/counter';
import type { ApiError } from '../../api/client';
import { toApiError } from '../../api/use-api';
import { useI18n } from '../../shell/i18n';
import { ErrorAlert } from '../../components/ErrorAlert';
import { correctVisit } from './counter-api';
import { CitizenLookupField } from './CitizenLookupField';
import { VisitFactsFields } from './VisitFactsFields';
import {
  correctionChanges,
  FORM_FIELDS,
  formProblems,
  toFormValues,
  toVisitInput,
  type VisitFormValues,
} from './visit-form-model';

interface Props {
  visit: Visit | undefined;
  onClose: () => void;
  onSaved: (visit: Visit) => void;
}

/** Corrects one's own visit of today: the old facts stay in the history, with the reason. */
export function CorrectionModal({ visit, onClose, onSaved }: Props) {
  const { t, pick } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<VisitFormValues>();
  const [found, setFound] = useState<CitizenLookup>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<ApiError>();

  useEffect(() => {
    if (!visit) return;
    form.resetFields();
    form.setFieldsValue(toFormValues(visit));
    setFound(undefined);
    setError(undefined);
  }, [visit, form]);

  const showProblems = (problems: Array<{ field: string; messageVi: string; messageEn: string }>) => {
    const own = problems.filter((p) => (FORM_FIELDS as readonly string[]).includes(p.field));
    form.setFields(
      own.map((p) => ({ name: p.field as keyof VisitFormValues, errors: [pick(p.messageVi, p.messageEn)] })),
    );
    return own.length;
  };

  const save = async () => {
    if (!visit) return;
    const values = await form.validateFields();
    if (values.nationalId?.trim() && (!found || found.deceased)) {
      form.setFields([
        { name: 'nationalId', errors: [t(found?.deceased ? 'counter.lookupDeceased' : 'counter.lookupFirst')] },
      ]);
      return;
    }
    const changes = correctionChanges(visit, values);
    if (Object.keys(changes).length === 0) {
      void message.info(t('counter.correction.nothing'));
      return;
    }
    if (showProblems(formProblems({ ...toVisitInput(values), nationalId: '' })) > 0) return;
    setSaving(true);
    setError(undefined);
    try {
      const saved = await correctVisit(visit.id, {
        ...changes,
        reason: values.reason?.trim() || null,
        revision: visit.revision,
      });
      void message.success(t('counter.correction.saved'));
      onSaved(saved);
    } catch (e) {
      const apiError = toApiError(e);
      if (showProblems(apiError.fields) < Math.max(1, apiError.fields.length)) setError(apiError);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={visit !== undefined}
      title={t('counter.correction.title')}
      okText={t('counter.correction.save')}
      cancelText={t('counter.cancel')}
      onOk={() => void save().catch(() => undefined)}
      onCancel={onClose}
      confirmLoading={saving}
      width={820}
      destroyOnHidden
    >
      <Alert type="info" showIcon title={t('counter.correction.rule')} className="counter-found" />
      {visit && (
        <Form form={form} layout="vertical" requiredMark={false} preserve={false}>
          <p>
            {t('counter.col.citizen')}: <strong>{visit.citizen.name}</strong>
          </p>
          <CitizenLookupField
            found={found}
            onFound={setFound}
            label={t('counter.correction.changeCitizen')}
            required={false}
          />
          <VisitFactsFields />
          <Form.Item name="reason" label={t('counter.correction.reason')}>
            <Input maxLength={REASON_MAX} autoComplete="off" />
          </Form.Item>
          {error && <ErrorAlert error={error} />}
        </Form>
      )}
    </Modal>
  );
}
