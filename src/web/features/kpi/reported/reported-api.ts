import type { ReportedExpected, ReportedValue, ReportedValueBody } from '../../../../contracts/kpi';
import { apiGet, apiPost, apiPostForm, apiPut, query, type RequestOptions } from '../../../api/client';

const BASE = '/api/v1/kpi/reported';
const one = (id: string, rest: string) => `${BASE}/${encodeURIComponent(id)}/${rest}`;

/** Every reported indicator × unit owed for the period in the session's scope, entered or not. */
export function fetchExpected(period: string, options?: RequestOptions): Promise<ReportedExpected> {
  return apiGet<ReportedExpected>(`${BASE}/expected${query({ period })}`, options);
}

/** Enters a value (a draft) or changes a draft or returned one (with the version read). */
export function saveValue(body: ReportedValueBody): Promise<ReportedValue> {
  return apiPut<ReportedValue>(BASE, body);
}

/** Attaches (or replaces) the evidence: one PDF, JPEG, PNG, XLSX or DOCX file, at most 10 MB. */
export function uploadEvidence(id: string, file: File): Promise<ReportedValue> {
  const form = new FormData();
  form.append('file', file, file.name);
  return apiPostForm<ReportedValue>(one(id, 'evidence'), form);
}

/** A step of the approval: the unit submits; the Standing Agency approves, returns or un-approves. */
export type DecisionStep = 'submit' | 'approve' | 'return' | 'unapprove';

export function decide(id: string, step: DecisionStep, version: number, comment?: string): Promise<ReportedValue> {
  return apiPost<ReportedValue>(one(id, step), comment ? { version, comment } : { version });
}

/** The evidence file: a plain link (the session cookie authorises the download). */
export const evidenceUrl = (id: string) => one(id, 'evidence');
