import { useEffect, useRef, useState } from 'react';
import { Alert, Button, Form, Input } from 'antd';
import type { InputRef } from 'antd';
import type { Me } from '../../../contracts/identity';
import type { ApiError } from '../../api/client';
import { toApiError } from '../../api/use-api';
import { useI18n } from '../../shell/i18n';
import { login, loginProblem } from './auth-api';

interface Values {
  username: string;
  password: string;
  totp?: string;
}

/** Username and password; the 6-digit code field appears when the server asks for it. */
export function StaffLoginForm({ onSignedIn }: { onSignedIn: (me: Me) => void }) {
  const { t, pick } = useI18n();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [needTotp, setNeedTotp] = useState(false);
  const [error, setError] = useState<ApiError>();
  const totpRef = useRef<InputRef>(null);

  useEffect(() => {
    if (needTotp) totpRef.current?.focus();
  }, [needTotp]);

  const submit = async (values: Values) => {
    setBusy(true);
    setError(undefined);
    try {
      onSignedIn(
        await login({ username: values.username.trim(), password: values.password, totp: values.totp || undefined }),
      );
    } catch (e) {
      const problem = loginProblem(toApiError(e));
      if (problem.needTotp) setNeedTotp(true);
      // The first "enter your code" is a step, not a mistake: no red message for it.
      if (!(problem.needTotp && !needTotp)) setError(problem.error);
      form.setFieldValue('totp', undefined);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      size="large"
      requiredMark={false}
      onFinish={(v) => void submit(v)}
      className="login-form"
    >
      <Form.Item
        name="username"
        label={t('login.username')}
        rules={[{ required: true, whitespace: true, message: t('login.usernameRequired') }]}
      >
        <Input autoComplete="username" autoCapitalize="none" spellCheck={false} />
      </Form.Item>
      <Form.Item
        name="password"
        label={t('login.password')}
        rules={[{ required: true, message: t('login.passwordRequired') }]}
      >
        <Input.Password autoComplete="current-password" />
      </Form.Item>
      {needTotp && (
        <Form.Item
          name="totp"
          label={t('login.totp')}
          extra={t('login.totpHint')}
          rules={[{ required: true, pattern: /^\d{6}$/, message: t('login.totpInvalid') }]}
        >
          <Input ref={totpRef} inputMode="numeric" autoComplete="one-time-code" maxLength={6} className="totp-input" />
        </Form.Item>
      )}
      {error && (
        <Alert
          type="error"
          showIcon
          role="alert"
          className="login-error"
          title={pick(error.messageVi, error.messageEn)}
          // A wrong password is the user's to fix; the request id only helps the help desk with server faults.
          description={
            error.requestId && (error.status >= 500 || error.status === 0)
              ? t('error.requestId', { id: error.requestId })
              : undefined
          }
        />
      )}
      <Button type="primary" htmlType="submit" block loading={busy}>
        {t('login.staffSubmit')}
      </Button>
    </Form>
  );
}
