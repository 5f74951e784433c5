import { useMemo, useSyncExternalStore, type ReactNode } from 'react';
import { App as AntApp, ConfigProvider } from 'antd';
import { LoadingOutlined } from '@ant-design/icons';
import viVN from 'antd/locale/vi_VN';
import enUS from 'antd/locale/en_US';
import { useI18n } from './i18n';
import { theme } from './theme';

/**
 * The spinner of every busy button. antd's own one fades out with a CSS transition and is removed
 * only when `transitionend` fires; when that event never comes (seen on a loaded machine) the
 * invisible icon stays and screen readers keep announcing the button as "loading …" — and a
 * browser journey looking for the button by its exact name no longer finds it. A configured icon
 * is shown and removed without animation; it is hidden from assistive technology, which hears
 * the button's own name.
 */
const BUTTON_CONFIG = { loadingIcon: <LoadingOutlined aria-hidden /> };

const REDUCED_MOTION = '(prefers-reduced-motion: reduce)';

function subscribeReducedMotion(onChange: () => void): () => void {
  const query = window.matchMedia(REDUCED_MOTION);
  query.addEventListener('change', onChange);
  return () => query.removeEventListener('change', onChange);
}

/**
 * Whether the person asked their phone or computer to reduce motion (an accessibility setting, WCAG
 * 2.3.3): dialogs, drop-down lists and pop-ups then open at once, without antd's zoom and slide
 * animations. Browser journeys run with this setting too: a click during an opening animation on
 * a loaded machine could land while the list was still moving and be lost (the calendar journey's
 * "Loại ngày" choice, seen in CI).
 */
function usePrefersReducedMotion(): boolean {
  return useSyncExternalStore(
    subscribeReducedMotion,
    () => window.matchMedia(REDUCED_MOTION).matches,
    () => false,
  );
}

/**
 * antd's theme, locale (following the UI language), busy-button spinner and App context (message,
 * notification, modal) for the pages that use antd: every signed-in page (shell/AppLayout.tsx) and
 * the public checks of a receipt or a result. A chunk of its own (shell/AntdScope.tsx loads it), so
 * the public pages a visitor opens first, drawn without antd, do not carry it.
 */
export default function AntdProviders({ children }: { children: ReactNode }) {
  const { lang } = useI18n();
  const reducedMotion = usePrefersReducedMotion();
  const appliedTheme = useMemo(
    () => (reducedMotion ? { ...theme, token: { ...theme.token, motion: false } } : theme),
    [reducedMotion],
  );
  return (
    <ConfigProvider locale={lang === 'vi' ? viVN : enUS} theme={appliedTheme} button={BUTTON_CONFIG}>
      <AntApp>{children}</AntApp>
    </ConfigProvider>
  );
}
