import type { ReactNode } from 'react';
import { AppHeader } from './AppHeader';
import { useI18n } from './i18n';
import { PageTitle } from '../components/PageTitle';
import '../components/plain.css';

/**
 * The frame of a page that works signed out (sign-in, status lookup, the checks of a receipt or a
 * result document opened from their QR codes): skip link, header, the page's title and its content.
 * Plain elements (no antd): a visitor's first load of these pages carries no antd.
 */
export function PublicFrame({
  title,
  description,
  className,
  children,
}: {
  title: string;
  description?: string;
  /** The content area's class (e.g. `lookup-content`, `login-content`). */
  className: string;
  children: ReactNode;
}) {
  const { t } = useI18n();
  return (
    <div className="app-shell plain-root">
      <a className="skip-link" href="#main">
        {t('layout.skipToContent')}
      </a>
      <AppHeader />
      <main id="main" tabIndex={-1} className={`app-content ${className}`}>
        <PageTitle title={title} description={description} />
        {children}
      </main>
    </div>
  );
}
