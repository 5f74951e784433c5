import type { Indicator, KpiStructure, KpiValue } from '../../../contracts/kpi';
import type { ApiError } from '../../api/client';
import type { Lang } from '../../shell/i18n';

/*
 * Rules of the list behind a commune's figure (drill-down, issue 15 §2): which figures open one, how a
 * cell is written, whether the list can be exported, and what a refusal means. Pure: kpi-list.test.ts.
 */

/** The most rows one export holds (the server's EXPORT_MAX_ROWS in kpi/lists.ts); more is read page by page. */
export const EXPORT_MAX_ROWS = 50_000;

/** Rows per page of the list, and the sizes offered (the API takes at most 200). */
export const LIST_PAGE_SIZE = 50;
export const LIST_PAGE_SIZES = [20, 50, 100, 200];

/**
 * Whether a unit's figure may open the list behind it: an indicator computed from a source that is in
 * service and gives a list (`listAvailable`; the server still answers KPI.LIST_NOT_FOUND for one that
 * does not, which the list shows), a figure on today's communes (the sources list people and
 * dossiers by today's commune), and something counted (a denominator). A commune's figure; the
 * province's only for an indicator followed at the province alone (T14: every pilot model — for the
 * others the province's list would hold none of the communes' rows). Whether the session may read
 * it, the server's 403 says.
 */
export function mayDrill(
  indicator: Pick<Indicator, 'method' | 'sourceAvailable'> & {
    listAvailable?: boolean;
    unitLevels?: readonly string[];
  },
  value: Pick<KpiValue, 'status' | 'unitLevel'> | undefined,
  structure: KpiStructure,
): boolean {
  const provinceOnly = !!indicator.unitLevels?.length && indicator.unitLevels.every((l) => l === 'province');
  return (
    indicator.method === 'computed' &&
    indicator.sourceAvailable &&
    indicator.listAvailable !== false &&
    structure === 'current' &&
    (value?.unitLevel === 'commune' || (value?.unitLevel === 'province' && provinceOnly)) &&
    value.status === 'ok'
  );
}

/** What a failed read of a list means for the officer. */
export type ListRefusal = 'forbidden' | 'no_list' | 'other';

export function listRefusal(error: Pick<ApiError, 'status' | 'code'>): ListRefusal {
  if (error.code === 'KPI.LIST_NOT_FOUND') return 'no_list';
  if (error.status === 403) return 'forbidden';
  return 'other';
}

/** Whether the list can be exported: nothing to export, within the limit, or too long for one file. */
export function exportState(total: number): 'empty' | 'ok' | 'too_large' {
  if (total <= 0) return 'empty';
  return total > EXPORT_MAX_ROWS ? 'too_large' : 'ok';
}

const DAY = /\b(\d{4})-(\d{2})-(\d{2})\b/g;
const numbers = new Map<Lang, Intl.NumberFormat>();

/**
 * A cell of the list as text: a day written dd/mm/yyyy (also inside a text: "CCCD (đến 01/05/2031)"),
 * a number with the language's grouping, an empty cell as a dash.
 */
export function formatCell(value: unknown, lang: Lang): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'number') {
    let format = numbers.get(lang);
    if (!format) {
      format = new Intl.NumberFormat(lang === 'vi' ? 'vi-VN' : 'en-GB', { maximumFractionDigits: 2 });
      numbers.set(lang, format);
    }
    return format.format(value);
  }
  if (typeof value === 'boolean') return lang === 'vi' ? (value ? 'Có' : 'Không') : value ? 'Yes' : 'No';
  if (typeof value === 'string') return value.replace(DAY, '$3/$2/$1');
  return JSON.stringify(value);
}
