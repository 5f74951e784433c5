import { useState } from 'react';
import { Link } from 'react-router';
import { useSession } from '../api/session';
import '../components/plain.css';
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

/** The two languages as antd's small Segmented drew them: radio buttons under one name. */
function LangSwitch() {
  const { t, lang, setLang } = useI18n();
  const options: { value: Lang; long: string; short: string }[] = [
    { value: 'vi', long: 'Tiếng Việt', short: 'VI' },
    { value: 'en', long: 'English', short: 'EN' },
  ];
  return (
    <div className="segmented segmented-sm lang-switch" role="radiogroup" aria-label={t('layout.language')}>
      {options.map((o) => (
        <label key={o.value}>
          <input
            type="radio"
            name="dvc06-lang"
            value={o.value}
            checked={lang === o.value}
            onChange={() => setLang(o.value)}
          />
          <span className="segmented-item-label">
            <LangLabel lang={o.value} long={o.long} short={o.short} />
          </span>
        </label>
      ))}
    </div>
  );
}

/**
 * The blue bar: menu button (phones), brand, who is signed in with "Đăng xuất", language switch.
 * Plain elements (components/plain.css): the public pages show it, and load no antd.
 */
export function AppHeader({ showMenuButton, menuOpen, onOpenMenu }: Props) {
  const { t } = useI18n();
  const { me, signOut } = useSession();
  const [leaving, setLeaving] = useState(false);
  const account = me?.authenticated ? me.account : null;
  return (
    <header className="app-header">
      {showMenuButton && (
        <button
          type="button"
          className="btn btn-text menu-button"
          aria-label={t('layout.openMenu')}
          aria-expanded={menuOpen}
          onClick={onOpenMenu}
        >
          <MenuIcon />
        </button>
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
            <button
              type="button"
              className="btn btn-sm signout-button"
              disabled={leaving}
              aria-busy={leaving}
              onClick={() => {
                setLeaving(true);
                void signOut().finally(() => setLeaving(false));
              }}
            >
              {t('layout.signOut')}
            </button>
          </div>
        )}
        <LangSwitch />
      </div>
    </header>
  );
}
