import type {
  EvaluationInput,
  MilestoneInput,
  PilotModel,
  PilotModelInput,
  PilotModelPage,
  PilotState,
  PlanDueDate,
  PlanDueDateInput,
  ProgressReportInput,
} from '../../../contracts/pilots';
import { apiGet, apiPatch, apiPost, apiPostForm, query, type RequestOptions } from '../../api/client';

export type { PilotModel, PilotModelPage, PlanDueDate };

const BASE = '/api/v1/pilots';
const model = (id: string, rest = '') => `${BASE}/models/${encodeURIComponent(id)}${rest}`;

export interface PilotFilters {
  state?: PilotState;
  overdue?: 'true';
  page?: number;
  pageSize?: number;
}

export const fetchModels = (filters: PilotFilters, options?: RequestOptions) =>
  apiGet<PilotModelPage>(`${BASE}/models${query({ ...filters })}`, options);
export const fetchModel = (id: string, options?: RequestOptions) => apiGet<PilotModel>(model(id), options);
export const registerModel = (body: PilotModelInput) => apiPost<PilotModel>(`${BASE}/models`, body);

/** Uploads the implementation plan (one PDF, DOCX or XLSX file). */
export function uploadPlan(id: string, file: File): Promise<PilotModel> {
  const form = new FormData();
  form.append('file', file, file.name);
  return apiPostForm<PilotModel>(model(id, '/plan'), form);
}

export const addMilestone = (id: string, body: MilestoneInput) => apiPost<PilotModel>(model(id, '/milestones'), body);
export const markMilestone = (id: string, milestoneId: string, doneOn: string | null) =>
  apiPatch<PilotModel>(model(id, `/milestones/${encodeURIComponent(milestoneId)}`), { doneOn });

/** Sends a progress report: its JSON in the part `report`, its attachments in parts `file`. */
export function addReport(id: string, report: ProgressReportInput, files: readonly File[]): Promise<PilotModel> {
  const form = new FormData();
  form.append('report', JSON.stringify(report));
  for (const f of files) form.append('file', f, f.name);
  return apiPostForm<PilotModel>(model(id, '/reports'), form);
}

export const moveModel = (id: string, to: PilotState, note?: string) =>
  apiPost<PilotModel>(model(id, '/transitions'), note ? { to, note } : { to });
export const evaluateModel = (id: string, body: EvaluationInput) => apiPost<PilotModel>(model(id, '/evaluation'), body);

/** A plan or attachment: a plain link (the session cookie authorises the download). */
export const fileUrl = (id: string, fileId: string) => model(id, `/files/${encodeURIComponent(fileId)}`);

export const fetchDueDates = (options?: RequestOptions) =>
  apiGet<{ items: PlanDueDate[] }>(`${BASE}/plan-due-dates`, options);
export const setDueDate = (body: PlanDueDateInput) => apiPost<{ items: PlanDueDate[] }>(`${BASE}/plan-due-dates`, body);
