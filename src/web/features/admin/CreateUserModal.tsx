import { useState } from 'react';
import { Form, Input, Modal } from 'antd';
import type { ApiError } from '../../api/client';
import { toApiError } from '../../api/use-api';
import { useI18n } from '../../shell/i18n';
import { useAdminT } from './use-admin-text';
import { ErrorAlert } from '../../components/ErrorAlert';
import { createUser, type StaffUser } from './admin-api';

interface Values {
  username: string;
  displayName: string;
  jobTitle?: string;
}

interface Props {
  open: boolean;
  onClose: () => void;
  onCreated: (user: StaffUser, temporaryPassword: string | undefined) => void;
}

/** New staff account: username and name; the server sets a temporary password to be changed at first sign-in. */
export function CreateUserModal({ open, onClose, onCreated }: Props) {
  const { pick } = useI18n();
  const t = useAdminT();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();

  const submit = async (values: Values) => {
    setBusy(true);
    setError(undefined);
    try {
      const result = await createUser({
        username: values.username.trim(),
        displayName: values.displayName.trim(),
        ...(values.jobTitle?.trim() && { jobTitle: values.jobTitle.trim() }),
      });
      form.resetFields();
      onCreated(result.user, result.temporaryPassword);
    } catch (e) {
      const apiError = toApiError(e);
      const onFields = apiError.fields.filter((f) => ['username', 'displayName', 'jobTitle'].includes(f.field));
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
      open={open}
      title={t('users.create.title')}
      okText={t('users.create.submit')}
      cancelText={t('purpose.cancel')}
      okButtonProps={{ loading: busy, htmlType: 'submit', form: 'create-user-form' }}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form<Values>
        id="create-user-form"
        form={form}
        layout="vertical"
        requiredMark={false}
        onFinish={(v) => void submit(v)}
      >
        <Form.Item
          name="username"
          label={t('login.username')}
          extra={t('users.create.usernameHint')}
          rules={[
            { required: true, pattern: /^\s*[a-zA-Z0-9._-]{3,40}\s*$/, message: t('users.create.usernameInvalid') },
          ]}
        >
          <Input autoComplete="off" autoCapitalize="none" spellCheck={false} />
        </Form.Item>
        <Form.Item
          name="displayName"
          label={t('users.create.displayName')}
          rules={[{ required: true, min: 2, whitespace: true, message: t('users.create.displayNameRequired') }]}
        >
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item name="jobTitle" label={t('users.create.jobTitle')} extra={t('users.create.jobTitleHint')}>
          <Input autoComplete="off" maxLength={120} />
        </Form.Item>
        {error && <ErrorAlert error={error} />}
      </Form>
    </Modal>
  );
}
