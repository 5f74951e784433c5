import { Suspense } from 'react';
import { Link, Outlet, useLocation } from 'react-router';
import { PageErrorBoundary } from '../components/PageErrorBoundary';
import { PlainSpinner } from '../components/plain';
import { useT } from './i18n';
import { PlainShell } from './PlainShell';

/**
 * The light signed-in frame of a citizen's page drawn without antd (the route's `handle.plainFrame`:
 * the filing form, issue 14 §6, ADR 0023): the header with the account's name and "Đăng xuất", a
 * bar to "Hồ sơ của tôi", "Thông tin của tôi" and the catalog, the page. No menu, drawer or sider
 * (the signed-in frame's, with antd): on a phone's first visit the page carries only what it shows.
 */
export function CitizenFrame() {
  const t = useT();
  const location = useLocation();
  const bar = (
    <nav className="public-bar" aria-label={t('nav.label')}>
      <Link to="/me/dossiers">{t('nav.myDossiers')}</Link>
      <Link to="/me">{t('nav.myRecord')}</Link>
      <Link to="/procedures">{t('procedures.catalog.title')}</Link>
    </nav>
  );
  return (
    <PlainShell bar={bar} className="public-content" footer>
      <PageErrorBoundary
        resetKey={location.pathname}
        title={t('error.page.title')}
        text={t('error.page.text')}
        reloadLabel={t('error.page.reload')}
      >
        <Suspense fallback={<PlainSpinner label={t('common.loading')} />}>
          <Outlet />
        </Suspense>
      </PageErrorBoundary>
    </PlainShell>
  );
}
