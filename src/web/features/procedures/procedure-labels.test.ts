import { describe, expect, it } from 'vitest';
import { en, vi, type MessageKey } from '../../shell/dictionary';
import type { Lang, Translate } from '../../shell/i18n';
import { timeLimitText } from './procedure-labels';

/** The app's translation over the real dictionaries (as I18nProvider does it). */
const translator =
  (lang: Lang): Translate =>
  (key: MessageKey, params) =>
    (lang === 'en' ? en : vi)[key].replace(/\{(\w+)\}/g, (m, name: string) =>
      params && name in params ? String(params[name]) : m,
    );

describe('the time limit in the catalog', () => {
  it.each([
    ['vi', 0, '15:00', 'Trong ngày làm việc; nhận sau 15:00 thì trả ngày làm việc tiếp theo'],
    ['en', 0, '15:00', 'The same working day; received after 15:00, the next working day'],
    ['vi', 0.5, null, 'Nửa ngày làm việc'],
    ['vi', 7, null, '7 ngày làm việc'],
    ['vi', 0, null, 'Ngay khi tiếp nhận'],
  ] as const)(
    '%s, %s days, cut-off %s (civil status: Civil Status Law 2014 Art. 5(3)) reads "%s"',
    (lang, days, cutoff, text) => {
      expect(timeLimitText(translator(lang), lang, days, cutoff)).toBe(text);
    },
  );
});
