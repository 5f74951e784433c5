import { useEffect, useState } from 'react';
import { Checkbox, Form, Input, Modal } from 'antd';
import type { ApiError } from '../../api/client';
import { toApiError } from '../../api/use-api';
import { useI18n } from '../../shell/i18n';
import { ErrorAlert } from '../../components/ErrorAlert';
import { setYearSource, type CalendarYear } from './calendar-api';

interface Values {
  source: string;
  announced: boolean;
}

interface Props {
  year: CalendarYear | null;
  onClose: () => void;
  onSaved: (year: CalendarYear) => void;
}

/** The announcement a year's schedule comes from, and whether it is confirmed (no longer provisional). */
export function YearSourceModal({ year, onClose, onSaved }: Props) {
  const { t, pick } = useI18n();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();

  useEffect(() => {
    if (!year) return;
    setError(undefined);
    form.setFieldsValue({ source: year.stored ? year.source : '', announced: !year.provisional });
  }, [year, form]);

  const submit = async (values: Values) => {
    if (!year) return;
    setBusy(true);
    setError(undefined);
    try {
      onSaved(await setYearSource(year.year, { source: values.source.trim(), provisional: !values.announced }));
    } catch (e) {
      const apiError = toApiError(e);
      const onSource = apiError.fields.filter((f) => f.field === 'source');
      form.setFields(onSource.map((f) => ({ name: 'source' as const, errors: [pick(f.messageVi, f.messageEn)] })));
      if (onSource.length === 0) setError(apiError);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={year !== null}
      title={year ? t('calendar.year.editTitle', { year: year.year }) : ''}
      okText={t('calendar.save')}
      cancelText={t('calendar.cancel')}
      okButtonProps={{ loading: busy, htmlType: 'submit', form: 'calendar-year-form' }}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form<Values>
        id="calendar-year-form"
        form={form}
        layout="vertical"
        requiredMark={false}
        onFinish={(v) => void submit(v)}
      >
        <Form.Item
          name="source"
          label={t('calendar.field.source')}
          rules={[{ required: true, whitespace: true, min: 3, max: 500, message: t('calendar.field.sourceRequired') }]}
        >
          <Input.TextArea rows={3} placeholder={t('calendar.field.sourcePlaceholder')} />
        </Form.Item>
        <Form.Item name="announced" valuePropName="checked">
          <Checkbox>{t('calendar.year.announced')}</Checkbox>
        </Form.Item>
        {error && <ErrorAlert error={error} />}
      </Form>
    </Modal>
  );
}
