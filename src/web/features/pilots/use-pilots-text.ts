import { useI18n } from '../../shell/i18n';
import { enPilots } from './messages.en';
import { viPilots } from './messages.vi';

export type PilotsKey = keyof typeof viPilots;
export type PilotsT = (key: PilotsKey, params?: Record<string, string | number>) => string;

/**
 * The pilot pages' text in the current language. It is not part of the shell's dictionary: these
 * are staff pages, and their text loads with their own chunk rather than with every first visit of
 * a public page or the citizen's filing form (the 150 KB budget, ADR 0022). Both languages come
 * with the chunk; `{name}` placeholders are filled from `params`, as the shell's `t` does.
 */
export function usePilotsT(): PilotsT {
  const { lang } = useI18n();
  const dict = lang === 'en' ? enPilots : viPilots;
  return (key, params) => {
    const text = dict[key];
    return params ? text.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m)) : text;
  };
}
