import { Suspense, useState } from 'react';
import { Link, Outlet, useLocation } from 'react-router';
import { Button, Drawer, Grid, Layout, Menu, Segmented, Spin } from 'antd';
import type { MenuProps } from 'antd';
import { useI18n, type Lang } from './i18n';
import { HOME_ITEM, NAV_GROUPS, selectedNavKey } from './navigation';
import { PageErrorBoundary } from '../components/PageErrorBoundary';

function useMenuItems(onNavigate: () => void): MenuProps['items'] {
  const { t } = useI18n();
  const link = (path: string, label: string) => (
    <Link to={path} onClick={onNavigate}>
      {label}
    </Link>
  );
  return [
    { key: HOME_ITEM.path, label: link(HOME_ITEM.path, t(HOME_ITEM.label)) },
    ...NAV_GROUPS.map((group) => ({
      type: 'group' as const,
      key: group.audience,
      label: t(group.label),
      children: group.items.map((item) => ({ key: item.path, label: link(item.path, t(item.label)) })),
    })),
  ];
}

function MenuIcon() {
  return (
    <svg width="22" height="22" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path d="M3 6h18M3 12h18M3 18h18" stroke="currentColor" strokeWidth="2.2" strokeLinecap="round" />
    </svg>
  );
}

/** The page frame: header with language switch, menu grouped by audience (a drawer on phones), content. */
export function AppLayout() {
  const { t, lang, setLang } = useI18n();
  const screens = Grid.useBreakpoint();
  const isDesktop = screens.lg ?? window.matchMedia('(min-width: 992px)').matches;
  const [drawerOpen, setDrawerOpen] = useState(false);
  const location = useLocation();
  const items = useMenuItems(() => setDrawerOpen(false));
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
      <Layout.Header className="app-header">
        {!isDesktop && (
          <Button
            type="text"
            className="menu-button"
            icon={<MenuIcon />}
            aria-label={t('layout.openMenu')}
            aria-expanded={drawerOpen}
            onClick={() => setDrawerOpen(true)}
          />
        )}
        <Link to="/" className="brand">
          <img src="/favicon.svg" alt="" width={28} height={28} />
          <span className="brand-name">DVC06</span>
          <span className="brand-place">{t('layout.province')}</span>
        </Link>
        <Segmented<Lang>
          size="small"
          className="lang-switch"
          aria-label={t('layout.language')}
          value={lang}
          onChange={setLang}
          options={[
            { label: <span lang="vi">Tiếng Việt</span>, value: 'vi' },
            { label: <span lang="en">English</span>, value: 'en' },
          ]}
        />
      </Layout.Header>
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
                <Outlet />
              </Suspense>
            </PageErrorBoundary>
          </Layout.Content>
          <Layout.Footer className="app-footer">{t('layout.footer')}</Layout.Footer>
        </Layout>
      </Layout>
    </Layout>
  );
}
