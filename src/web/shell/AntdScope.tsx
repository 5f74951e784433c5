import { lazy, Suspense, type ReactNode } from 'react';
import { PlainSpinner } from '../components/plain';
import { useT } from './i18n';

const AntdProviders = lazy(() => import('./AntdProviders'));

/**
 * Gives its content antd's theme, locale and App context (shell/AntdProviders.tsx), loading them
 * first: a spinner shows for that moment. Every signed-in page is inside one (AppLayout), and so
 * are the public pages that use antd; the public pages a visitor opens first (home, catalog, a
 * procedure, status lookup, sign-in) are drawn without antd and are not (issue 14 §6).
 */
export function AntdScope({ children }: { children: ReactNode }) {
  const t = useT();
  return (
    <Suspense fallback={<PlainSpinner label={t('common.loading')} />}>
      <AntdProviders>{children}</AntdProviders>
    </Suspense>
  );
}
