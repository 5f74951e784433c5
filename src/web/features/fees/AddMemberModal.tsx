import { useEffect, useState } from 'react';
import dayjs, { type Dayjs } from 'dayjs';
import { App, Checkbox, DatePicker, Form, Input, Modal } from 'antd';
import type { ApiError } from '../../api/client';
import { toApiError } from '../../api/use-api';
import { useI18n } from '../../shell/i18n';
import { CommuneSelect } from '../../components/CommuneSelect';
import { ErrorAlert } from '../../components/ErrorAlert';
import { addFeeListMember, type FeeList } from './fees-api';

interface Values {
  unitCode?: string;
  householdId?: string;
  validFrom: Dayjs;
  source: string;
  provisional: boolean;
}

const FIELDS = ['unitCode', 'householdId', 'validFrom', 'source'] as const;

/** Adds a commune (unit lists) or a household (household lists) to a list from a date, with its source. */
export function AddMemberModal({
  list,
  onClose,
  onSaved,
}: {
  list: FeeList | null;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t, pick } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();
  const validFrom = Form.useWatch('validFrom', form);

  useEffect(() => {
    if (!list) return;
    setError(undefined);
    form.resetFields();
  }, [list, form]);

  const submit = async (v: Values) => {
    if (!list) return;
    setBusy(true);
    setError(undefined);
    try {
      const member = list.kind === 'unit' ? { unitCode: v.unitCode } : { householdId: v.householdId?.trim() };
      await addFeeListMember(list.code, {
        ...member,
        validFrom: v.validFrom.format('YYYY-MM-DD'),
        source: v.source.trim(),
        provisional: v.provisional,
      });
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
      open={list !== null}
      title={list ? t('fees.add.title', { list: pick(list.nameVi, list.nameEn) }) : ''}
      okText={t('fees.save')}
      cancelText={t('fees.cancel')}
      okButtonProps={{ loading: busy, htmlType: 'submit', form: 'fee-member-form' }}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form<Values>
        id="fee-member-form"
        form={form}
        layout="vertical"
        requiredMark={false}
        initialValues={{ validFrom: dayjs(), provisional: false }}
        onFinish={(v) => void submit(v)}
      >
        <Form.Item
          name="validFrom"
          label={t('fees.add.validFrom')}
          rules={[{ required: true, message: t('fees.required') }]}
        >
          <DatePicker format="DD/MM/YYYY" placeholder={t('common.datePlaceholder')} />
        </Form.Item>
        {list?.kind === 'unit' ? (
          <Form.Item
            name="unitCode"
            label={t('fees.add.unit')}
            rules={[{ required: true, message: t('fees.required') }]}
          >
            <CommuneSelect asOf={validFrom ? validFrom.format('YYYY-MM-DD') : undefined} />
          </Form.Item>
        ) : (
          <Form.Item
            name="householdId"
            label={t('fees.add.household')}
            extra={t('fees.add.householdHint')}
            rules={[{ required: true, whitespace: true, message: t('fees.required') }]}
          >
            <Input autoComplete="off" spellCheck={false} />
          </Form.Item>
        )}
        <Form.Item
          name="source"
          label={t('fees.add.source')}
          rules={[{ required: true, whitespace: true, min: 3, max: 500, message: t('fees.sourceRequired') }]}
        >
          <Input.TextArea rows={3} placeholder={t('fees.add.sourcePlaceholder')} />
        </Form.Item>
        <Form.Item name="provisional" valuePropName="checked">
          <Checkbox>{t('fees.add.provisional')}</Checkbox>
        </Form.Item>
        {error && <ErrorAlert error={error} />}
      </Form>
    </Modal>
  );
}
