import { useState } from 'react';
import { Link } from 'react-router';
import { Button, Layout, Segmented } from 'antd';
import { useSession } from '../api/session';
import { useI18n, type Lang } from './i18n';

function MenuIcon() {
  return (
    <svg width="22" height="22" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path d="M3 6h18M3 12h18M3 18h18" stroke="currentColor" strokeWidth="2.2" strokeLinecap="round" />
    </svg>
  );
}

/** A language's name; on phones only its two letters are shown (the full name stays for screen readers). */
function LangLabel({ lang, long, short }: { lang: Lang; long: string; short: string }) {
  return (
    <span lang={lang}>
      <span className="lang-long">{long}</span>
      <span className="lang-short" aria-hidden="true">
        {short}
      </span>
    </span>
  );
}

interface Props {
  showMenuButton?: boolean;
  menuOpen?: boolean;
  onOpenMenu?: () => void;
}

/** The blue bar: menu button (phones), brand, who is signed in with "Đăng xuất", language switch. */
export function AppHeader({ showMenuButton, menuOpen, onOpenMenu }: Props) {
  const { t, lang, setLang } = useI18n();
  const { me, signOut } = useSession();
  const [leaving, setLeaving] = useState(false);
  const account = me?.authenticated ? me.account : null;
  return (
    <Layout.Header className="app-header">
      {showMenuButton && (
        <Button
          type="text"
          className="menu-button"
          icon={<MenuIcon />}
          aria-label={t('layout.openMenu')}
          aria-expanded={menuOpen}
          onClick={onOpenMenu}
        />
      )}
      <Link to="/" className="brand">
        <img src="/favicon.svg" alt="" width={28} height={28} />
        <span className="brand-name">DVC06</span>
        <span className="brand-place">{t('layout.province')}</span>
      </Link>
      <div className="header-end">
        {account && (
          <div className="header-user">
            <span className="header-user-name" data-testid="signed-in-name">
              <span className="visually-hidden">{t('layout.signedInAs')} </span>
              {account.displayName}
            </span>
            <Button
              size="small"
              className="signout-button"
              loading={leaving}
              onClick={() => {
                setLeaving(true);
                void signOut().finally(() => setLeaving(false));
              }}
            >
              {t('layout.signOut')}
            </Button>
          </div>
        )}
        <Segmented<Lang>
          size="small"
          className="lang-switch"
          aria-label={t('layout.language')}
          value={lang}
          onChange={setLang}
          options={[
            { label: <LangLabel lang="vi" long="Tiếng Việt" short="VI" />, value: 'vi' },
            { label: <LangLabel lang="en" long="English" short="EN" />, value: 'en' },
          ]}
        />
      </div>
    </Layout.Header>
  );
}
