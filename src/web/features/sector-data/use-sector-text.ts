import { useI18n } from '../../shell/i18n';
import { enSector } from './messages.en';
import { viSector } from './messages.vi';

export type SectorKey = keyof typeof viSector;
export type SectorT = (key: SectorKey, params?: Record<string, string | number>) => string;

/**
 * The sector-data pages' text in the current language. Not in the shell's dictionary: these are
 * staff pages, and their text loads with their own chunk rather than with every first visit of a
 * public page (the 150 KB budget, ADR 0022). `{name}` placeholders are filled from `params`.
 */
export function useSectorT(): SectorT {
  const { lang } = useI18n();
  const dict = lang === 'en' ? enSector : viSector;
  return (key, params) => {
    const text = dict[key];
    return params ? text.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m)) : text;
  };
}
