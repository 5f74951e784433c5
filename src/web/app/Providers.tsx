import type { ReactNode } from 'react';
import { I18nProvider } from '../shell/i18n';

/**
 * The language for the whole app. antd's theme and locale are not here: they load with the pages
 * that use antd (shell/AntdScope.tsx), so the public pages a visitor opens first carry no antd.
 */
export function Providers({ children }: { children: ReactNode }) {
  return <I18nProvider>{children}</I18nProvider>;
}
