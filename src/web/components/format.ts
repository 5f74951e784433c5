import dayjs from 'dayjs';
import type { Lang } from '../shell/i18n';

/** Placeholder shown for an empty value. */
export const EMPTY = '—';

/** A date (YYYY-MM-DD or ISO timestamp) as dd/mm/yyyy, the way Vietnamese forms write it. */
export function formatDate(value: string | null | undefined): string {
  if (!value) return EMPTY;
  const d = dayjs(value);
  return d.isValid() ? d.format('DD/MM/YYYY') : value;
}

/** A timestamp as dd/mm/yyyy HH:mm in the browser's time zone. */
export function formatDateTime(value: string | null | undefined): string {
  if (!value) return EMPTY;
  const d = dayjs(value);
  return d.isValid() ? d.format('DD/MM/YYYY HH:mm') : value;
}

const numberLocale = (lang: Lang) => (lang === 'vi' ? 'vi-VN' : 'en-GB');

/** A whole number with the language's digit grouping (1.500 in Vietnamese, 1,500 in English). */
export function formatNumber(value: number, lang: Lang): string {
  return new Intl.NumberFormat(numberLocale(lang)).format(value);
}

/** A 0..1 share as a percentage with one decimal (93,5% / 93.5%). */
export function formatPercent(share: number, lang: Lang): string {
  return new Intl.NumberFormat(numberLocale(lang), {
    style: 'percent',
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  }).format(share);
}

/** Today's date in Vietnam (UTC+7) as YYYY-MM-DD. */
export function todayInVietnam(now: Date = new Date()): string {
  return new Date(now.getTime() + 7 * 3600_000).toISOString().slice(0, 10);
}
