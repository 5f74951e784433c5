import { useMemo } from 'react';
import { useI18n } from '../../../shell/i18n';
import { enKpiReported } from './messages.en';
import { viKpiReported } from './messages.vi';

/** A key of the reported values page's own text. */
export type ReportedKey = keyof typeof viKpiReported;

/** Translates a key of the page's text into the current language; `{name}` placeholders from `params`. */
export type ReportedTranslate = (key: ReportedKey, params?: Record<string, string | number>) => string;

/**
 * The page's text loads with its chunk, not in the shell's dictionary every first visit loads (the
 * public pages' budget, ADR 0022), as the dashboard's does (useKpiText); the language is the shell's.
 */
export function useReportedText(): ReportedTranslate {
  const { lang } = useI18n();
  return useMemo(() => {
    const dict: Record<ReportedKey, string> = lang === 'en' ? enKpiReported : viKpiReported;
    return (key, params) =>
      params
        ? dict[key].replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m))
        : dict[key];
  }, [lang]);
}
