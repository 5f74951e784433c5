import type { Unit, UnitLink, UnitNode } from '../../../contracts/units';
import type {
  HelpDeskHistory,
  HelpDeskRecord,
  NewHelpDeskBody,
  ReplaceHelpDeskBody,
} from '../../../contracts/help-desks';
import { apiGet, apiPost, query, type RequestOptions } from '../../api/client';

/** First day of the two-level local government (Resolution 202/2025/QH15): districts abolished, communes merged. */
export const REFORM_DATE = '2025-07-01';
/** The last day of the old structure. */
export const BEFORE_REFORM = '2025-06-30';

export function fetchUnitTree(asOf: string, options?: RequestOptions): Promise<UnitNode> {
  return apiGet<UnitNode>(`/api/v1/units/tree${query({ asOf })}`, options);
}

/** The unit carrying `code` on `asOf` (404 names the periods the code was valid in). */
export function fetchUnit(code: string, asOf: string, options?: RequestOptions): Promise<Unit> {
  return apiGet<Unit>(`/api/v1/units/${encodeURIComponent(code)}${query({ asOf })}`, options);
}

/** What an old unit became, or what a new unit was made of. */
export async function fetchLinkedUnits(
  code: string,
  direction: 'successors' | 'predecessors',
  options?: RequestOptions,
): Promise<UnitLink[]> {
  const r = await apiGet<{ items: UnitLink[] }>(`/api/v1/units/${encodeURIComponent(code)}/${direction}`, options);
  return r.items;
}

/** The day before an ISO date. */
export function dayBefore(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

/** Every help-desk row of a unit, closed and replaced ones too (administrators of the unit). */
export async function fetchHelpDeskHistory(unitCode: string, options?: RequestOptions): Promise<HelpDeskRecord[]> {
  return (await apiGet<HelpDeskHistory>(`/api/v1/units/help-desks/history${query({ unit: unitCode })}`, options)).items;
}

/** Records a new desk of a unit from a day. */
export function recordHelpDesk(body: NewHelpDeskBody): Promise<HelpDeskRecord> {
  return apiPost<HelpDeskRecord>('/api/v1/units/help-desks', body);
}

/** Replaces an open desk from a day (the old row is closed the day before and kept). */
export function replaceHelpDesk(id: string, body: ReplaceHelpDeskBody): Promise<unknown> {
  return apiPost(`/api/v1/units/help-desks/${encodeURIComponent(id)}/replace`, body);
}

/** Closes an open desk on its last day (kept in the history). */
export function closeHelpDesk(id: string, lastDay: string): Promise<HelpDeskRecord> {
  return apiPost<HelpDeskRecord>(`/api/v1/units/help-desks/${encodeURIComponent(id)}/close`, { lastDay });
}
