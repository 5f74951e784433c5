import { Suspense, useState } from 'react';
import { Link, Outlet, useLocation } from 'react-router';
import { Drawer, Grid, Layout, Menu, Spin } from 'antd';
import type { MenuProps } from 'antd';
import { useSession } from '../api/session';
import { useI18n } from './i18n';
import { allows, HOME_ITEM, navItemFor, selectedNavKey, visibleGroups } from './navigation';
import { AppHeader } from './AppHeader';
import { ForbiddenPage } from './ForbiddenPage';
import { PageErrorBoundary } from '../components/PageErrorBoundary';

function useMenuItems(onNavigate: () => void): MenuProps['items'] {
  const { t } = useI18n();
  const { me } = useSession();
  const link = (path: string, label: string) => (
    <Link to={path} onClick={onNavigate}>
      {label}
    </Link>
  );
  return [
    ...(allows(me, HOME_ITEM) ? [{ key: HOME_ITEM.path, label: link(HOME_ITEM.path, t(HOME_ITEM.label)) }] : []),
    ...visibleGroups(me).map((group) => ({
      type: 'group' as const,
      key: group.audience,
      label: t(group.label),
      children: group.items.map((item) => ({ key: item.path, label: link(item.path, t(item.label)) })),
    })),
  ];
}

/**
 * The frame of every signed-in page: header (name, sign-out, language), the menu of the pages
 * this session may use (a drawer on phones), content; a page the session may not use shows 403.
 * A chunk of its own (AppLayout loads it for a signed-in session), so a visitor's first load of
 * the public pages does not carry the menu, the drawer and the sider.
 */
export default function SignedInFrame() {
  const { t } = useI18n();
  const { me } = useSession();
  const screens = Grid.useBreakpoint();
  const isDesktop = screens.lg ?? window.matchMedia('(min-width: 992px)').matches;
  const [drawerOpen, setDrawerOpen] = useState(false);
  const location = useLocation();
  const items = useMenuItems(() => setDrawerOpen(false));
  if (!me?.account) return null; // AppLayout renders this frame only for a signed-in account

  const navItem = navItemFor(location.pathname);
  const allowed = !navItem || allows(me, navItem);
  const selected = selectedNavKey(location.pathname);
  const menu = (
    <nav aria-label={t('nav.label')}>
      <Menu mode="inline" items={items} selectedKeys={selected ? [selected] : []} className="main-menu" />
    </nav>
  );

  return (
    <Layout className="app-shell">
      <a className="skip-link" href="#main">
        {t('layout.skipToContent')}
      </a>
      <AppHeader showMenuButton={!isDesktop} menuOpen={drawerOpen} onOpenMenu={() => setDrawerOpen(true)} />
      <Layout hasSider={isDesktop}>
        {isDesktop ? (
          <Layout.Sider width={264} className="app-sider" theme="light">
            {menu}
          </Layout.Sider>
        ) : (
          <Drawer
            open={drawerOpen}
            onClose={() => setDrawerOpen(false)}
            placement="left"
            size={290}
            title={t('layout.menu')}
            className="menu-drawer"
          >
            <p className="drawer-user">
              {t('layout.signedInAs')} <strong>{me.account.displayName}</strong>
            </p>
            {menu}
          </Drawer>
        )}
        <Layout className="app-body">
          <Layout.Content id="main" tabIndex={-1} className="app-content">
            <PageErrorBoundary
              resetKey={location.pathname}
              title={t('error.page.title')}
              text={t('error.page.text')}
              reloadLabel={t('error.page.reload')}
            >
              <Suspense fallback={<Spin size="large" className="page-spinner" description={t('common.loading')} />}>
                {allowed ? <Outlet /> : <ForbiddenPage />}
              </Suspense>
            </PageErrorBoundary>
          </Layout.Content>
          <Layout.Footer className="app-footer">{t('layout.footer')}</Layout.Footer>
        </Layout>
      </Layout>
    </Layout>
  );
}
