import type { ReactNode } from 'react';
import { App as AntApp, ConfigProvider } from 'antd';
import viVN from 'antd/locale/vi_VN';
import enUS from 'antd/locale/en_US';
import { I18nProvider, useI18n } from './i18n';
import { theme } from './theme';

function LocalizedConfig({ children }: { children: ReactNode }) {
  const { lang } = useI18n();
  return (
    <ConfigProvider locale={lang === 'vi' ? viVN : enUS} theme={theme}>
      <AntApp>{children}</AntApp>
    </ConfigProvider>
  );
}

/** Language, antd locale and theme for the whole app. */
export function Providers({ children }: { children: ReactNode }) {
  return (
    <I18nProvider>
      <LocalizedConfig>{children}</LocalizedConfig>
    </I18nProvider>
  );
}
