import { useEffect, useState } from 'react';
import dayjs, { type Dayjs } from 'dayjs';
import { App, DatePicker, Form, Input, Modal } from 'antd';
import type { ApiError } from '../../api/client';
import { toApiError } from '../../api/use-api';
import { useI18n } from '../../shell/i18n';
import { ErrorAlert } from '../../components/ErrorAlert';
import { endFeeListMember, type FeeListMember } from './fees-api';
import { memberText } from './fee-labels';

interface Values {
  validTo: Dayjs;
  source: string;
}

const FIELDS = ['validTo', 'source'] as const;

/** Ends an entry of a list: its last day in force and the decision that ends it (the entry stays in the history). */
export function EndMemberModal({
  listCode,
  member,
  onClose,
  onSaved,
}: {
  listCode: string;
  member: FeeListMember | null;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t, pick } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();

  useEffect(() => {
    if (!member) return;
    setError(undefined);
    form.resetFields();
  }, [member, form]);

  const submit = async (v: Values) => {
    if (!member) return;
    setBusy(true);
    setError(undefined);
    try {
      await endFeeListMember(listCode, member.id, { validTo: v.validTo.format('YYYY-MM-DD'), source: v.source.trim() });
      void message.success(t('fees.saved'));
      onSaved();
    } catch (e) {
      const apiError = toApiError(e);
      const onFields = apiError.fields.filter((f) => (FIELDS as readonly string[]).includes(f.field));
      form.setFields(
        onFields.map((f) => ({ name: f.field as keyof Values, errors: [pick(f.messageVi, f.messageEn)] })),
      );
      if (onFields.length === 0) setError(apiError);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={member !== null}
      title={member ? t('fees.end.title', { member: memberText(t, member) }) : ''}
      okText={t('fees.save')}
      cancelText={t('fees.cancel')}
      okButtonProps={{ loading: busy, htmlType: 'submit', form: 'fee-end-form' }}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form<Values>
        id="fee-end-form"
        form={form}
        layout="vertical"
        requiredMark={false}
        initialValues={{ validTo: dayjs() }}
        onFinish={(v) => void submit(v)}
      >
        <Form.Item
          name="validTo"
          label={t('fees.end.validTo')}
          rules={[{ required: true, message: t('fees.required') }]}
        >
          <DatePicker
            format="DD/MM/YYYY"
            placeholder={t('common.datePlaceholder')}
            disabledDate={(d) => (member ? d.format('YYYY-MM-DD') < member.validFrom : false)}
          />
        </Form.Item>
        <Form.Item
          name="source"
          label={t('fees.end.source')}
          rules={[{ required: true, whitespace: true, min: 3, max: 500, message: t('fees.sourceRequired') }]}
        >
          <Input.TextArea rows={3} placeholder={t('fees.add.sourcePlaceholder')} />
        </Form.Item>
        {error && <ErrorAlert error={error} />}
      </Form>
    </Modal>
  );
}
