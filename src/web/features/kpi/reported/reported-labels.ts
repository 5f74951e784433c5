import type { ReportedEvent, ReportedExpectedRow, ReportedRowState, ReportedValue } from '../../../../contracts/kpi';
import type { StatusKind } from '../../../components/StatusTag';
import type { ReportedKey } from './reported-text';

/*
 * The reported values page's pure parts (tested apart): quarters, the state filters and counts,
 * which action a row offers, and the check of an evidence file before it is sent.
 */

const QUARTER = /^(20\d{2})-Q([1-4])$/;

/** Is `code` a quarter (2026-Q3)? */
export function isQuarter(code: string | null | undefined): code is string {
  return !!code && QUARTER.test(code);
}

/** The year and the quarter's number of a quarter code. */
export function quarterParts(code: string): { year: number; part: number } {
  const m = QUARTER.exec(code)!;
  return { year: Number(m[1]), part: Number(m[2]) };
}

/** The quarter that contains a day (YYYY-MM-DD). */
export function quarterOf(day: string): string {
  return `${day.slice(0, 4)}-Q${Math.ceil(Number(day.slice(5, 7)) / 3)}`;
}

function previous(code: string): string {
  const { year, part } = quarterParts(code);
  return part === 1 ? `${year - 1}-Q4` : `${year}-Q${part - 1}`;
}

/** The quarter under way and the `count - 1` before it, newest first (none before 2000). */
export function recentQuarters(today: string, count = 8): string[] {
  const out = [quarterOf(today)];
  while (out.length < count && !out.at(-1)!.startsWith('2000-Q1')) out.push(previous(out.at(-1)!));
  return out;
}

/** The quarter a page opens on: the last one ended, whose values are being reported now. */
export function defaultQuarter(today: string): string {
  return previous(quarterOf(today));
}

/** The filters of the list: everything, not submitted yet, awaiting approval, overdue, approved. */
export const FILTERS = ['all', 'open', 'waiting', 'overdue', 'approved'] as const;
export type Filter = (typeof FILTERS)[number];

export function isFilter(value: string | null | undefined): value is Filter {
  return (FILTERS as readonly string[]).includes(value ?? '');
}

/** Not submitted: nothing entered yet, a draft, or returned to the unit. */
const OPEN: ReadonlySet<ReportedRowState> = new Set(['not_entered', 'draft', 'returned']);

export function matches(row: ReportedExpectedRow, filter: Filter): boolean {
  switch (filter) {
    case 'all':
      return true;
    case 'open':
      return OPEN.has(row.state);
    case 'waiting':
      return row.state === 'submitted';
    case 'overdue':
      return row.overdue;
    case 'approved':
      return row.state === 'approved';
  }
}

/** How many rows each filter shows, and how many units owe a value (the optional ones left out). */
export function counts(rows: readonly ReportedExpectedRow[]): Record<Filter, number> & { units: number } {
  const out = { all: rows.length, open: 0, waiting: 0, overdue: 0, approved: 0, units: 0 };
  for (const row of rows) {
    for (const f of FILTERS) if (f !== 'all' && matches(row, f)) out[f] += 1;
    if (row.required) out.units += 1;
  }
  return out;
}

export const STATE_KIND: Record<ReportedRowState, StatusKind> = {
  not_entered: 'neutral',
  draft: 'info',
  submitted: 'warn',
  returned: 'danger',
  approved: 'ok',
};

export const stateKey = (state: ReportedRowState): ReportedKey => `kpiRep.state.${state}`;
export const eventKey = (event: ReportedEvent): ReportedKey => `kpiRep.history.${event}`;

/** What a row's button does for this session: enter, correct a returned value, decide, or only look. */
export function actionOf(row: ReportedExpectedRow): 'enter' | 'fix' | 'decide' | 'view' {
  if (row.may.enter) return row.state === 'returned' ? 'fix' : 'enter';
  if (row.may.decide) return 'decide';
  return 'view';
}

/** The last time the Standing Agency sent the value back (returned or un-approved), if it is back now. */
export function sentBack(value: ReportedValue | null): { event: 'returned' | 'unapproved'; comment: string } | null {
  if (!value || value.state !== 'returned') return null;
  const last = value.history.findLast((h) => h.event === 'returned' || h.event === 'unapproved');
  return last ? { event: last.event as 'returned' | 'unapproved', comment: last.comment ?? value.comment ?? '' } : null;
}

/** Largest evidence file the server takes. */
export const EVIDENCE_MAX_BYTES = 10 * 1024 * 1024;
/** What the file chooser offers (the server reads the type from the bytes). */
export const EVIDENCE_ACCEPT = [
  '.pdf',
  '.jpg',
  '.jpeg',
  '.png',
  '.xlsx',
  '.docx',
  'application/pdf',
  'image/jpeg',
  'image/png',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
].join(',');

/** Why a chosen file would be refused (the server checks again, by its bytes), or null. */
export function evidenceProblem(file: { name: string; size: number }): 'tooLarge' | 'badType' | null {
  if (!/\.(pdf|jpe?g|png|xlsx|docx)$/i.test(file.name)) return 'badType';
  if (file.size > EVIDENCE_MAX_BYTES) return 'tooLarge';
  return null;
}
