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

/**
 * One formatter per language and kind, made once: making an Intl.NumberFormat costs far more than
 * using it (a procedure page or the catalog formats dozens of amounts; on a slow phone each new
 * formatter was a visible share of the page's main-thread work, issue 14 §6).
 */
const formatters = new Map<string, Intl.NumberFormat>();
function numberFormat(lang: Lang, kind: 'number' | 'percent'): Intl.NumberFormat {
  const key = `${lang}:${kind}`;
  let format = formatters.get(key);
  if (!format) {
    format = new Intl.NumberFormat(
      numberLocale(lang),
      kind === 'percent' ? { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 } : undefined,
    );
    formatters.set(key, format);
  }
  return format;
}

/**
 * An amount of money as the contract's formatVnd writes it ("7.000 đồng", "7,000 VND"): the
 * same text, without importing src/contracts/fees.ts, whose schemas bring zod into a page's first
 * load (the citizen's filing form, ADR 0023). format.test.ts checks the two agree.
 */
export function formatVnd(amount: number, lang: Lang): string {
  const digits = formatNumber(Math.abs(Math.trunc(amount)), lang);
  const sign = amount < 0 ? '-' : '';
  return lang === 'vi' ? `${sign}${digits} đồng` : `${sign}${digits} VND`;
}

/** A whole number with the language's digit grouping (1.500 in Vietnamese, 1,500 in English). */
export function formatNumber(value: number, lang: Lang): string {
  return numberFormat(lang, 'number').format(value);
}

/** A 0..1 share as a percentage with one decimal (93,5% / 93.5%). */
export function formatPercent(share: number, lang: Lang): string {
  return numberFormat(lang, 'percent').format(share);
}

/** Today's date in Vietnam (UTC+7) as YYYY-MM-DD. */
export function todayInVietnam(now: Date = new Date()): string {
  return new Date(now.getTime() + 7 * 3600_000).toISOString().slice(0, 10);
}
