import { useMemo } from 'react';
import { useI18n } from '../../../shell/i18n';
import { enKpiIndicators } from './messages.en';
import { viKpiIndicators } from './messages.vi';

/** A key of the indicators page's own text. */
export type IndicatorsKey = keyof typeof viKpiIndicators;

/** Translates a key of the page's text into the current language; `{name}` placeholders from `params`. */
export type IndicatorsTranslate = (key: IndicatorsKey, params?: Record<string, string | number>) => string;

/**
 * The page's text loads with its chunk, not in the shell's dictionary every first visit loads (the
 * public pages' budget, ADR 0022), as the dashboard's does (useKpiText); the language is the shell's.
 */
export function useIndicatorsText(): IndicatorsTranslate {
  const { lang } = useI18n();
  return useMemo(() => {
    const dict: Record<IndicatorsKey, string> = lang === 'en' ? enKpiIndicators : viKpiIndicators;
    return (key, params) =>
      params
        ? dict[key].replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m))
        : dict[key];
  }, [lang]);
}
