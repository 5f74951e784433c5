import dayjs from 'dayjs';
import type { Lang } from '../shell/i18n';

/** Placeholder shown for an empty value. */
export const EMPTY = '—';

/** Dates and times are Vietnam's (UTC+7, no daylight saving): a deadline or a receipt time reads the same on any device. */
const VIETNAM_TIME = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Asia/Ho_Chi_Minh',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** A calendar day (YYYY-MM-DD) as it is, or an instant (an ISO timestamp) as the day and time in Vietnam. */
function vietnamParts(value: string): { date: string; time: string } | null {
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (day) return dayjs(value).isValid() ? { date: `${day[3]}/${day[2]}/${day[1]}`, time: '00:00' } : null;
  const instant = new Date(value);
  if (Number.isNaN(instant.getTime())) return null;
  const part = Object.fromEntries(VIETNAM_TIME.formatToParts(instant).map((p) => [p.type, p.value]));
  return { date: `${part.day}/${part.month}/${part.year}`, time: `${part.hour}:${part.minute}` };
}

/** A date (YYYY-MM-DD, or an ISO timestamp: its day in Vietnam) as dd/mm/yyyy, the way Vietnamese forms write it. */
export function formatDate(value: string | null | undefined): string {
  if (!value) return EMPTY;
  return vietnamParts(value)?.date ?? value;
}

/** A timestamp as dd/mm/yyyy HH:mm in Vietnam's time (UTC+7), whatever the device's time zone. */
export function formatDateTime(value: string | null | undefined): string {
  if (!value) return EMPTY;
  const parts = vietnamParts(value);
  return parts ? `${parts.date} ${parts.time}` : value;
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
