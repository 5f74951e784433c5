import { useMemo } from 'react';
import { useI18n } from '../../shell/i18n';
import { enKpi } from './messages.en';
import { viKpi } from './messages.vi';

/** A key of the dashboard's own text. */
export type KpiKey = keyof typeof viKpi;

/** Translates a key of the dashboard's text into the current language; `{name}` placeholders from `params`. */
export type KpiTranslate = (key: KpiKey, params?: Record<string, string | number>) => string;

/**
 * The dashboard's text loads with its page, not in the shell's dictionary: that one comes with every
 * first visit (the public pages' budget, ADR 0022), and this page is for signed-in staff only. The
 * language is the shell's (useI18n); the English file is checked key for key against the Vietnamese.
 */
export function useKpiText(): KpiTranslate {
  const { lang } = useI18n();
  return useMemo(() => {
    const dict: Record<KpiKey, string> = lang === 'en' ? enKpi : viKpi;
    return (key, params) =>
      params
        ? dict[key].replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m))
        : dict[key];
  }, [lang]);
}
