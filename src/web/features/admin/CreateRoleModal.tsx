import { useState } from 'react';
import { Checkbox, Form, Input, Modal, Typography } from 'antd';
import type { ApiError } from '../../api/client';
import { toApiError } from '../../api/use-api';
import { useI18n } from '../../shell/i18n';
import { useAdminT } from './use-admin-text';
import { ErrorAlert } from '../../components/ErrorAlert';
import { createRole, type Role } from './admin-api';

interface Values {
  code: string;
  nameVi: string;
  nameEn: string;
  needsSector?: boolean;
}

interface Props {
  open: boolean;
  onClose: () => void;
  onCreated: (role: Role) => void;
}

const FIELDS = new Set(['code', 'nameVi', 'nameEn']);

/** A new staff role: code and names; its actions are ticked in the matrix afterwards. */
export function CreateRoleModal({ open, onClose, onCreated }: Props) {
  const { pick } = useI18n();
  const t = useAdminT();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();

  const submit = async (values: Values) => {
    setBusy(true);
    setError(undefined);
    try {
      const role = await createRole({
        code: values.code.trim(),
        nameVi: values.nameVi.trim(),
        nameEn: values.nameEn.trim(),
        needsSector: values.needsSector ?? false,
      });
      form.resetFields();
      onCreated(role);
    } catch (e) {
      const apiError = toApiError(e);
      const onFields = apiError.fields.filter((f) => FIELDS.has(f.field));
      form.setFields(
        onFields.map((f) => ({ name: f.field as keyof Values, errors: [pick(f.messageVi, f.messageEn)] })),
      );
      if (onFields.length === 0) setError(apiError);
    } finally {
      setBusy(false);
    }
  };

  const nameRule = { required: true, min: 2, whitespace: true, message: t('roles.create.nameRequired') };
  return (
    <Modal
      open={open}
      title={t('roles.create.title')}
      okText={t('roles.create.submit')}
      cancelText={t('purpose.cancel')}
      okButtonProps={{ loading: busy, htmlType: 'submit', form: 'create-role-form' }}
      onCancel={onClose}
      destroyOnHidden
    >
      <Typography.Paragraph>{t('roles.create.explain')}</Typography.Paragraph>
      <Form<Values>
        id="create-role-form"
        form={form}
        layout="vertical"
        requiredMark={false}
        onFinish={(v) => void submit(v)}
      >
        <Form.Item
          name="code"
          label={t('roles.create.code')}
          extra={t('roles.create.codeHint')}
          rules={[{ required: true, pattern: /^\s*[a-z][a-z0-9_]{2,39}\s*$/, message: t('roles.create.codeInvalid') }]}
        >
          <Input autoComplete="off" autoCapitalize="none" spellCheck={false} />
        </Form.Item>
        <Form.Item name="nameVi" label={t('roles.create.nameVi')} rules={[nameRule]}>
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item name="nameEn" label={t('roles.create.nameEn')} rules={[nameRule]}>
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item name="needsSector" valuePropName="checked">
          <Checkbox>{t('roles.create.needsSector')}</Checkbox>
        </Form.Item>
        {error && <ErrorAlert error={error} />}
      </Form>
    </Modal>
  );
}
