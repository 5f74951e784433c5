import type {
  CitizenLookup,
  CounterDeviceState,
  CounterSummary,
  Outcome,
  TypedBy,
  Visit,
  VisitDetail,
  VisitPage,
} from '../../../contracts/counter';
import type { AssistedFilings } from '../../../contracts/dossiers';
import type { ProcedureList } from '../../../contracts/procedures';
import { apiDelete, apiGet, apiPatch, apiPost, query, type RequestOptions } from '../../api/client';

const BASE = '/api/v1/counter';

/** The facts the form sends (the ID number travels in the body only, never in a URL). */
export interface VisitInput {
  nationalId: string;
  procedureCode: string | null;
  guidedOnline: boolean;
  typedBy: TypedBy | null;
  outcome: Outcome;
  dossierCode: string | null;
  note: string | null;
}

/** Who is at the counter; the server logs the lookup with the purpose "at the citizen's request". */
export function lookupCitizen(nationalId: string, options?: RequestOptions): Promise<CitizenLookup> {
  return apiPost<CitizenLookup>(`${BASE}/lookup`, { nationalId }, options);
}

/** Records a visit at a counter (unit + label). */
export function recordVisit(counter: { unitCode?: string; counterLabel: string }, input: VisitInput): Promise<Visit> {
  return apiPost<Visit>(`${BASE}/visits`, { ...counter, ...input });
}

/** Corrects one's own visit of today; `revision` = the revision the officer saw (409 if it changed). */
export function correctVisit(
  id: string,
  changes: Partial<VisitInput> & { reason?: string | null; revision: number },
): Promise<Visit> {
  return apiPatch<Visit>(`${BASE}/visits/${encodeURIComponent(id)}`, changes);
}

/** A day's visits (one counter, one unit, or all the reader's units). */
export function listVisits(
  params: { date: string; unitCode?: string; counter?: string; page: number; pageSize: number },
  options?: RequestOptions,
): Promise<VisitPage> {
  return apiGet<VisitPage>(`${BASE}/visits${query(params)}`, options);
}

/** A visit with its correction history. */
export function fetchVisit(id: string, options?: RequestOptions): Promise<VisitDetail> {
  return apiGet<VisitDetail>(`${BASE}/visits/${encodeURIComponent(id)}`, options);
}

/** Counts per unit and day over a date range. */
export function fetchSummary(
  params: { from: string; to: string; unitCode?: string },
  options?: RequestOptions,
): Promise<CounterSummary> {
  return apiGet<CounterSummary>(`${BASE}/summary${query(params)}`, options);
}

/** The procedure catalog in force today (public API of the procedures module). */
export function fetchProcedures(options?: RequestOptions): Promise<ProcedureList> {
  return apiGet<ProcedureList>('/api/v1/procedures', options);
}

/** Whether this browser is a counter device today (the signed cookie is read by the server). */
export function fetchCounterDevice(options?: RequestOptions): Promise<CounterDeviceState> {
  return apiGet<CounterDeviceState>(`${BASE}/device`, options);
}

/** Makes this browser a counter device at a counter until the end of the day. */
export function startCounterDevice(counter: { unitCode?: string; counterLabel: string }): Promise<CounterDeviceState> {
  return apiPost<CounterDeviceState>(`${BASE}/device`, counter);
}

/** Stops using this browser as a counter device. */
export function stopCounterDevice(): Promise<CounterDeviceState> {
  return apiDelete<CounterDeviceState>(`${BASE}/device`);
}

/**
 * The filings made on a unit's counter devices on one day (default: today, the reader's units).
 * The counter log asks the dossiers API itself, so the dossiers feature (which uses the counter's
 * lookup) needs nothing back from the counter: the features depend one way.
 */
export function fetchAssistedFilings(
  q: { unitCode?: string; date?: string },
  options?: RequestOptions,
): Promise<AssistedFilings> {
  return apiGet<AssistedFilings>(`/api/v1/dossiers/assisted${query(q)}`, options);
}
