import { useEffect, useRef, useState, type FormEvent, type Ref } from 'react';
import type { Me } from '../../../contracts/identity';
import type { ApiError } from '../../api/client';
import { toApiError } from '../../api/use-api';
import { useI18n } from '../../shell/i18n';
import { Notice } from '../../components/plain';
import { login, loginProblem } from './auth-api';

interface Values {
  username: string;
  password: string;
  totp: string;
}

type Problems = Partial<Record<keyof Values, string>>;

/**
 * Username and password; the 6-digit code field appears when the server asks for it. Plain elements
 * (components/plain.css): the sign-in page is public and its first load carries no antd.
 */
export function StaffLoginForm({ onSignedIn }: { onSignedIn: (me: Me) => void }) {
  const { t, pick } = useI18n();
  const [values, setValues] = useState<Values>({ username: '', password: '', totp: '' });
  const [problems, setProblems] = useState<Problems>({});
  const [busy, setBusy] = useState(false);
  const [needTotp, setNeedTotp] = useState(false);
  const [error, setError] = useState<ApiError>();
  const totpRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (needTotp) totpRef.current?.focus();
  }, [needTotp]);

  const check = (v: Values): Problems => ({
    ...(v.username.trim() ? {} : { username: t('login.usernameRequired') }),
    ...(v.password ? {} : { password: t('login.passwordRequired') }),
    ...(!needTotp || /^\d{6}$/.test(v.totp) ? {} : { totp: t('login.totpInvalid') }),
  });

  const change = (name: keyof Values, value: string) => {
    setValues((v) => ({ ...v, [name]: value }));
    setProblems((p) => ({ ...p, [name]: undefined }));
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = check(values);
    setProblems(found);
    if (Object.values(found).some(Boolean)) return;
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
      setValues((v) => ({ ...v, totp: '' }));
    } finally {
      setBusy(false);
    }
  };

  const field = (
    name: keyof Values,
    label: string,
    input: Record<string, unknown>,
    hint?: string,
    ref?: Ref<HTMLInputElement>,
  ) => {
    const id = `login-${name}`;
    const problem = problems[name];
    const describedBy = [hint && `${id}-hint`, problem && `${id}-error`].filter(Boolean).join(' ');
    return (
      <div className="plain-field">
        <label htmlFor={id}>{label}</label>
        <input
          id={id}
          ref={ref}
          name={name}
          className="plain-input plain-input-lg"
          value={values[name]}
          onChange={(e) => change(name, e.target.value)}
          aria-invalid={problem ? true : undefined}
          aria-describedby={describedBy || undefined}
          {...input}
        />
        {problem && (
          <div id={`${id}-error`} className="plain-field-error" role="alert">
            {problem}
          </div>
        )}
        {hint && (
          <div id={`${id}-hint`} className="plain-field-hint">
            {hint}
          </div>
        )}
      </div>
    );
  };

  return (
    <form className="login-form" noValidate onSubmit={(e) => void submit(e)}>
      {field('username', t('login.username'), { autoComplete: 'username', autoCapitalize: 'none', spellCheck: false })}
      {field('password', t('login.password'), { type: 'password', autoComplete: 'current-password' })}
      {needTotp &&
        field(
          'totp',
          t('login.totp'),
          {
            inputMode: 'numeric',
            autoComplete: 'one-time-code',
            maxLength: 6,
            className: 'plain-input plain-input-lg totp-input',
          },
          t('login.totpHint'),
          totpRef,
        )}
      {error && (
        <Notice
          type="error"
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
      <button type="submit" className="btn btn-primary btn-lg btn-block" disabled={busy} aria-busy={busy}>
        {t('login.staffSubmit')}
      </button>
    </form>
  );
}
