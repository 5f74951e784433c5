import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import dayjs from 'dayjs';
import 'dayjs/locale/vi';
import { vi, type MessageKey } from './dictionary.vi';

/** The two UI languages: Vietnamese first, English for visitors and developers. */
export type Lang = 'vi' | 'en';

const STORAGE_KEY = 'dvc06.lang';
type Dictionary = Record<MessageKey, string>;

/**
 * The English dictionary is a chunk of its own (about half of all the UI text): loaded when English
 * is first chosen, or at start when it was chosen before, never on a Vietnamese first visit.
 */
let english: Dictionary | undefined;
let englishLoading: Promise<Dictionary> | undefined;
function loadEnglish(): Promise<Dictionary> {
  englishLoading ??= import('./dictionary.en').then(
    (m) => (english = m.en),
    (error: unknown) => {
      englishLoading = undefined; // offline for a moment: the next choice of English tries again
      throw error;
    },
  );
  return englishLoading;
}

/** Translates a key; `{name}` placeholders are filled from `params`. */
export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

interface I18nValue {
  lang: Lang;
  setLang: (lang: Lang) => void;
  t: Translate;
  /** Picks the Vietnamese or the English text of a bilingual pair (API messages, rule titles). */
  pick: (textVi: string, textEn: string) => string;
}

const I18nContext = createContext<I18nValue | null>(null);

function storedLang(): Lang {
  try {
    return window.localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'vi';
  } catch {
    return 'vi'; // storage blocked (private mode): Vietnamese
  }
}
// Started with the app's first script, in parallel with the rest of the first load.
if (typeof window !== 'undefined' && storedLang() === 'en') loadEnglish().catch(() => undefined);

/**
 * Holds the chosen language, remembers it in localStorage and keeps `<html lang>`, dayjs and antd
 * (shell/AntdProviders.tsx, through `lang`) in step. English applies once its dictionary has loaded: on a
 * switch the page stays Vietnamese for that moment; at start, when English was chosen before,
 * nothing is shown until then rather than a flash of Vietnamese.
 */
export function I18nProvider({ children }: { children: ReactNode }) {
  const [chosen, setChosen] = useState<Lang>(storedLang);
  const [englishReady, setEnglishReady] = useState(() => english !== undefined);
  const [waitForEnglish, setWaitForEnglish] = useState(() => chosen === 'en' && english === undefined);
  const lang: Lang = chosen === 'en' && englishReady ? 'en' : 'vi';

  useEffect(() => {
    if (chosen !== 'en' || englishReady) return;
    let live = true;
    loadEnglish().then(
      () => live && setEnglishReady(true),
      () => {
        if (!live) return;
        // The chunk could not load (offline for a moment): Vietnamese rather than nothing; choosing
        // English again tries again.
        setWaitForEnglish(false);
        setChosen('vi');
      },
    );
    return () => {
      live = false;
    };
  }, [chosen, englishReady]);

  const setLang = useCallback((next: Lang) => {
    setChosen(next);
    try {
      window.localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // not persisted; the choice still applies to this tab
    }
  }, []);

  useEffect(() => {
    document.documentElement.lang = lang;
    dayjs.locale(lang === 'vi' ? 'vi' : 'en');
  }, [lang]);

  const value = useMemo<I18nValue>(() => {
    const dict: Dictionary = lang === 'en' && english ? english : vi;
    const t: Translate = (key, params) => {
      const text = dict[key] ?? vi[key] ?? key;
      return params
        ? text.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m))
        : text;
    };
    return { lang, setLang, t, pick: (textVi, textEn) => (lang === 'en' ? textEn : textVi) };
  }, [lang, setLang]);

  if (waitForEnglish && !englishReady) return null;
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

/** The whole i18n state: language, setter, translate and pick. */
export function useI18n(): I18nValue {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n must be used inside <I18nProvider>');
  return value;
}

/** The translate function of the current language. */
export function useT(): Translate {
  return useI18n().t;
}

/** A feature's own text, or any of the shell dictionary's keys. */
export type FeatureTranslate<K extends string> = (
  key: K | MessageKey,
  params?: Record<string, string | number>,
) => string;

/**
 * A feature's text that is not in the shell's dictionary: it loads with the feature's own chunk, not
 * with every first visit of a public page or the citizen's filing form (the 150 KB budget, ADR 0022).
 * Both languages come with the chunk; the shell's keys are still answered (common words, navigation).
 */
export function useFeatureT<K extends string>(vi: Record<K, string>, en: Record<K, string>): FeatureTranslate<K> {
  const { lang, t } = useI18n();
  const dict: Record<string, string> = lang === 'en' ? en : vi;
  return (key, params) => {
    const text = dict[key];
    if (text === undefined) return t(key as MessageKey, params);
    return params ? text.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m)) : text;
  };
}
