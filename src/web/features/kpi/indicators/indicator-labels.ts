import type { Comparison, Indicator, IndicatorVersionBody } from '../../../../contracts/kpi';
import type { Lang } from '../../../shell/i18n';

/*
 * The indicators page's pure parts (tested apart): how a threshold is written, the first day a new
 * version may start, and the body of a new version prefilled from the one in force.
 */

/** The comparison as people write it (≥ rather than >=). */
export const COMPARISON_SIGN: Record<Comparison, string> = { '=': '=', '>': '>', '>=': '≥', '<': '<', '<=': '≤' };

const thresholdFormats = new Map<Lang, Intl.NumberFormat>();

/** "≥ 60 %", "> 62,5 %" (English "62.5 %"): the comparison and the threshold, at most 2 decimals. */
export function formatThreshold(comparison: Comparison, threshold: number, lang: Lang): string {
  let format = thresholdFormats.get(lang);
  if (!format) {
    format = new Intl.NumberFormat(lang === 'vi' ? 'vi-VN' : 'en-GB', { maximumFractionDigits: 2 });
    thresholdFormats.set(lang, format);
  }
  return `${COMPARISON_SIGN[comparison]} ${format.format(threshold)} %`;
}

/** The day after a YYYY-MM-DD day. */
export function dayAfter(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** The latest start among an indicator's versions (the server refuses a new one on or before it). */
export function latestStart(versions: readonly Pick<Indicator, 'validFrom'>[]): string | undefined {
  return versions.reduce<string | undefined>((max, v) => (!max || v.validFrom > max ? v.validFrom : max), undefined);
}

/**
 * The day a new version is proposed to start: tomorrow, or the day after the latest version's
 * start when that is later (a plan's change usually applies from a coming day, not a past one).
 */
export function proposedStart(versions: readonly Pick<Indicator, 'validFrom'>[], today: string): string {
  const latest = latestStart(versions);
  const tomorrow = dayAfter(today);
  if (!latest) return tomorrow;
  const afterLatest = dayAfter(latest);
  return afterLatest > tomorrow ? afterLatest : tomorrow;
}

/**
 * A new version's body from a version (the one in force): the same definition from `validFrom`.
 * The fields only the server knows (id, validTo, whether a source or a list is available, the list's
 * permission) are left out: the body is strict and would be refused with them.
 */
export function bodyFrom(indicator: Indicator, validFrom: string): IndicatorVersionBody {
  return {
    code: indicator.code,
    target: indicator.target,
    nameVi: indicator.nameVi,
    nameEn: indicator.nameEn,
    numeratorVi: indicator.numeratorVi,
    numeratorEn: indicator.numeratorEn,
    denominatorVi: indicator.denominatorVi,
    denominatorEn: indicator.denominatorEn,
    comparison: indicator.comparison,
    threshold: indicator.threshold,
    unitLevels: [...indicator.unitLevels],
    periodType: indicator.periodType,
    method: indicator.method,
    source: indicator.method === 'reported' ? null : indicator.source,
    validFrom,
  };
}

/** The form's values as the body to send: text trimmed, no source for a reported indicator. */
export function bodyOf(
  values: Omit<IndicatorVersionBody, 'source'> & { source?: string | null },
): IndicatorVersionBody {
  const source = values.method === 'reported' ? null : values.source?.trim() || null;
  return {
    ...values,
    target: values.target ?? null,
    nameVi: values.nameVi.trim(),
    nameEn: values.nameEn.trim(),
    numeratorVi: values.numeratorVi.trim(),
    numeratorEn: values.numeratorEn.trim(),
    denominatorVi: values.denominatorVi.trim(),
    denominatorEn: values.denominatorEn.trim(),
    source,
  };
}

/** The field a server error names, as the form's field (`unitLevels.1` → `unitLevels`). */
export function formField(path: string): string {
  return path.split('.')[0]!;
}
