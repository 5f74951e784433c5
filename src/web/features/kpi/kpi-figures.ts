import type { Comparison, Indicator, KpiStructure, KpiValue } from '../../../contracts/kpi';
import type { Lang } from '../../shell/i18n';

/*
 * Pure rules of the Project 06 dashboard (issue 15 §5): periods, how a value is written, its traffic
 * light and why it has none, the commune ranking. Types only from the contract: no zod in the page.
 */

export type PeriodKind = 'month' | 'quarter' | 'year';
export const PERIOD_KINDS: readonly PeriodKind[] = ['month', 'quarter', 'year'];

/**
 * The unit structure in the address (`coCau`): `cu` for the former one (the districts and communes
 * before the merger of 1/7/2025), anything else today's communes (the default, left out).
 */
export function structureOf(param: string | null | undefined): KpiStructure {
  return param === 'cu' ? 'former' : 'current';
}

export function structureParam(structure: KpiStructure): string | undefined {
  return structure === 'former' ? 'cu' : undefined;
}

/** The day the former structure's units are named as of: the last day before the merger. */
export const FORMER_STRUCTURE_DAY = '2025-06-30';

/** How many periods the picker offers, newest first, by kind. */
const RECENT: Record<PeriodKind, number> = { month: 12, quarter: 8, year: 4 };

/** The kind of a period code (2026, 2026-Q3, 2026-09), or undefined when it is not one. */
export function periodKind(code: string | null | undefined): PeriodKind | undefined {
  if (!code) return undefined;
  if (/^\d{4}$/.test(code)) return 'year';
  if (/^\d{4}-Q[1-4]$/.test(code)) return 'quarter';
  if (/^\d{4}-(0[1-9]|1[0-2])$/.test(code)) return 'month';
  return undefined;
}

/** The period of `kind` that holds the day `today` (YYYY-MM-DD). */
export function periodOf(kind: PeriodKind, today: string): string {
  const year = today.slice(0, 4);
  const month = Number(today.slice(5, 7));
  if (kind === 'year') return year;
  if (kind === 'quarter') return `${year}-Q${Math.ceil(month / 3)}`;
  return `${year}-${String(month).padStart(2, '0')}`;
}

/** The periods the picker offers for a kind: the one under way and those before it, newest first. */
export function recentPeriods(kind: PeriodKind, today: string): string[] {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  return Array.from({ length: RECENT[kind] }, (_, back) => {
    if (kind === 'year') return String(year - back);
    const step = kind === 'quarter' ? 3 : 1;
    // Count in steps from January of year 0, then go back `back` steps.
    const index = year * (12 / step) + Math.floor((month - 1) / step) - back;
    const y = Math.floor(index / (12 / step));
    const n = (index % (12 / step)) + 1;
    return kind === 'quarter' ? `${y}-Q${n}` : `${y}-${String(n).padStart(2, '0')}`;
  });
}

/** The parts a period's label is written from: "Quý 3/2026", "Tháng 09/2026", "Năm 2026". */
export function periodParts(code: string): { kind: PeriodKind; year: string; part: string } | undefined {
  const kind = periodKind(code);
  if (!kind) return undefined;
  return { kind, year: code.slice(0, 4), part: kind === 'quarter' ? code.slice(6) : code.slice(5) };
}

const formatters = new Map<string, Intl.NumberFormat>();
function decimals(lang: Lang, digits: number): Intl.NumberFormat {
  const key = `${lang}:${digits}`;
  let format = formatters.get(key);
  if (!format) {
    format = new Intl.NumberFormat(lang === 'vi' ? 'vi-VN' : 'en-GB', { maximumFractionDigits: digits });
    formatters.set(key, format);
  }
  return format;
}

/** The number with its percent sign: "62,5 %" in Vietnamese (a no-break space), "62.5%" in English. */
function withPercent(text: string, lang: Lang): string {
  return lang === 'vi' ? `${text}\u00a0%` : `${text}%`;
}

/**
 * A value in percent (0–100) with one decimal — more when one decimal would round it onto a figure it
 * is not (0, 100 or the threshold): 99.96 % of people is not "100 %", and 50.04 % is not "50 %" when the
 * threshold is "> 50 %" (met is decided exactly on the server).
 */
export function formatValue(value: number, lang: Lang, threshold?: number): string {
  const traps = [0, 100, ...(threshold === undefined ? [] : [threshold])];
  let digits = 1;
  while (digits < 4 && value !== round(value, digits) && traps.includes(round(value, digits))) digits += 1;
  return withPercent(decimals(lang, digits).format(round(value, digits)), lang);
}

function round(value: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

const SIGNS: Record<Comparison, string> = { '=': '=', '>': '>', '>=': '≥', '<': '<', '<=': '≤' };

/** The threshold with its comparison: "> 50 %", "≥ 60 %", "= 100 %". */
export function formatThreshold(comparison: Comparison, threshold: number, lang: Lang): string {
  return `${SIGNS[comparison]} ${withPercent(decimals(lang, 2).format(threshold), lang)}`;
}

/** Numerator of denominator with the language's digit grouping: "1.234 / 5.678". */
export function formatRatio(numerator: number, denominator: number, lang: Lang): string {
  const n = decimals(lang, 0);
  return `${n.format(numerator)} / ${n.format(denominator)}`;
}

/** The traffic light of a value: met, not met, or no data (never 0 % or 100 % for a missing figure). */
export type Light = 'met' | 'not_met' | 'no_data';

export function lightOf(value: KpiValue | undefined): Light {
  if (!value || value.status !== 'ok' || value.value === null || value.met === null) return 'no_data';
  return value.met ? 'met' : 'not_met';
}

/**
 * Why a unit has no figure, in words a leader reads: no module gives the source yet, nothing to count
 * (no denominator), not reported yet, the source cannot place it on the structure asked (a former unit
 * after 1/7/2025), not computed for this level (T14 is the province's only), or not in the run at all.
 * Null when there is a figure.
 */
export type NoDataReason = Exclude<KpiValue['status'], 'ok'> | 'not_applicable' | 'not_computed';

export function noDataReason(
  value: KpiValue | undefined,
  indicator: Pick<Indicator, 'unitLevels'>,
  level: KpiValue['unitLevel'],
): NoDataReason | null {
  if (lightOf(value) !== 'no_data') return null;
  if (value && value.status !== 'ok') return value.status;
  return indicator.unitLevels.includes(level) ? 'not_computed' : 'not_applicable';
}

/** The values of a run by indicator and unit. */
export function indexValues(
  values: readonly KpiValue[],
): (indicatorCode: string, unitCode: string) => KpiValue | undefined {
  const byKey = new Map(values.map((v) => [`${v.indicatorCode}|${v.unitCode}`, v]));
  return (indicatorCode, unitCode) => byKey.get(`${indicatorCode}|${unitCode}`);
}

/**
 * The unit the overview shows: the province when the session sees it; a commune-level leader's one
 * commune otherwise; null when the session sees several communes and no province.
 */
export function overviewUnit(values: readonly KpiValue[]): { code: string; level: KpiValue['unitLevel'] } | null {
  const province = values.find((v) => v.unitLevel === 'province');
  if (province) return { code: province.unitCode, level: 'province' };
  const units = new Set(values.map((v) => v.unitCode));
  if (units.size !== 1) return null;
  const only = values[0]!;
  return { code: only.unitCode, level: only.unitLevel };
}

/** The plan's targets in order (1–14), each with its indicators; the service-index ones (no target) last. */
export function groupByTarget<T extends Pick<Indicator, 'target'>>(
  indicators: readonly T[],
): Array<{ target: number | null; indicators: T[] }> {
  const groups = new Map<number | null, T[]>();
  for (const indicator of indicators) {
    const group = groups.get(indicator.target) ?? [];
    group.push(indicator);
    groups.set(indicator.target, group);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => (a ?? Number.MAX_SAFE_INTEGER) - (b ?? Number.MAX_SAFE_INTEGER))
    .map(([target, list]) => ({ target, indicators: list }));
}

/** One commune in the ranking of an indicator. */
export interface RankedCommune {
  unitCode: string;
  name: string;
  value: KpiValue | undefined;
  light: Light;
  /** 1 for the highest value; equal values share a rank (1, 2, 2, 4); null without a figure. */
  rank: number | null;
}

/**
 * The communes (or, on the former structure, the districts) of the run that the session sees, ranked
 * by the indicator's value, highest first, equal values by name; those without a figure last, by name.
 */
export function rankCommunes(
  values: readonly KpiValue[],
  indicatorCode: string,
  nameOf: (unitCode: string) => string,
  level: 'commune' | 'district' = 'commune',
): RankedCommune[] {
  const find = indexValues(values);
  const codes = [...new Set(values.filter((v) => v.unitLevel === level).map((v) => v.unitCode))];
  const rows = codes.map((unitCode) => {
    const value = find(indicatorCode, unitCode);
    return { unitCode, name: nameOf(unitCode), value, light: lightOf(value), rank: null as number | null };
  });
  const figure = (r: RankedCommune) => (r.light === 'no_data' ? null : r.value!.value);
  rows.sort((a, b) => {
    const va = figure(a);
    const vb = figure(b);
    if (va !== vb) {
      if (va === null) return 1;
      if (vb === null) return -1;
      return vb - va;
    }
    return a.name.localeCompare(b.name, 'vi');
  });
  rows.forEach((row, i) => {
    if (figure(row) === null) return;
    const previous = rows[i - 1];
    row.rank = previous && figure(previous) === figure(row) ? previous.rank : i + 1;
  });
  return rows;
}

/** The levels a run ranks (communes, and districts on the former structure), communes first. */
export function rankingLevels(values: readonly KpiValue[]): Array<'commune' | 'district'> {
  const levels = new Set(values.map((v) => v.unitLevel));
  return (['commune', 'district'] as const).filter((l) => levels.has(l));
}

/** How the map shades a commune: met; not met but at least half way to the threshold; further; no figure. */
export type MapShade = 'met' | 'near' | 'far' | 'no_data';

/** Whether a higher value is better (every shipped threshold: =, >, >=); below half of it is "far". */
export function higherIsBetter(comparison: Comparison): boolean {
  return !comparison.startsWith('<');
}

export function mapShade(
  row: Pick<RankedCommune, 'light' | 'value'>,
  indicator: Pick<Indicator, 'comparison' | 'threshold'>,
): MapShade {
  if (row.light !== 'not_met') return row.light;
  return higherIsBetter(indicator.comparison) && row.value!.value! >= indicator.threshold / 2 ? 'near' : 'far';
}

/**
 * The indicator the ranking shows first: the first one computed for communes that has a figure in
 * some commune, else the first computed for communes; undefined when none applies to communes.
 */
export function defaultRankingIndicator(
  indicators: readonly Indicator[],
  values: readonly KpiValue[],
): string | undefined {
  const forCommunes = indicators.filter((i) => i.unitLevels.includes('commune'));
  const withFigures = new Set(
    values.filter((v) => v.unitLevel === 'commune' && lightOf(v) !== 'no_data').map((v) => v.indicatorCode),
  );
  return (forCommunes.find((i) => withFigures.has(i.code)) ?? forCommunes[0])?.code;
}
