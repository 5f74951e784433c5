import type { FailedJob, JobsOverview } from '../../../contracts/jobs';
import { apiGet, apiPost, type RequestOptions } from '../../api/client';

export type { FailedJob, JobsOverview };

const BASE = '/api/v1/jobs';

export const fetchJobsOverview = (options?: RequestOptions) => apiGet<JobsOverview>(`${BASE}/overview`, options);
export const retryFailedJob = (id: string) =>
  apiPost<{ id: string; queue: string }>(`${BASE}/failed/${encodeURIComponent(id)}/retry`, {});
