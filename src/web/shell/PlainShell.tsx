import type { ReactNode } from 'react';
import { AppHeader } from './AppHeader';
import { useT } from './i18n';
import '../components/plain.css';

/**
 * The page frame drawn without antd (components/plain.css): skip link, the blue header (with the
 * account's name and "Đăng xuất" when signed in), an optional bar under it, the content, an
 * optional footer. The public frames and the citizen's light signed-in frame are made of it.
 */
export function PlainShell({
  bar,
  className,
  footer = false,
  children,
}: {
  /** A navigation bar under the header. */
  bar?: ReactNode;
  /** The content area's class (e.g. `public-content`, `lookup-content`). */
  className: string;
  footer?: boolean;
  children: ReactNode;
}) {
  const t = useT();
  return (
    <div className="app-shell plain-root">
      <a className="skip-link" href="#main">
        {t('layout.skipToContent')}
      </a>
      <AppHeader />
      {bar}
      <main id="main" tabIndex={-1} className={`app-content ${className}`}>
        {children}
      </main>
      {footer && <footer className="app-footer">{t('layout.footer')}</footer>}
    </div>
  );
}
