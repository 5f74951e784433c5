import { useI18n } from '../../shell/i18n';
import { enPortalSync } from './messages.en';
import { viPortalSync } from './messages.vi';

export type PortalSyncKey = keyof typeof viPortalSync;

/** The national-portal sync page's text in the current language, loaded with its chunk. */
export function usePortalSyncT(): (key: PortalSyncKey, params?: Record<string, string | number>) => string {
  const { lang } = useI18n();
  const dict = lang === 'en' ? enPortalSync : viPortalSync;
  return (key, params) => {
    const text = dict[key];
    return params ? text.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m)) : text;
  };
}
