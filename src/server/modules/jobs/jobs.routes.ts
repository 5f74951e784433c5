import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AppDeps } from '../../platform/app-deps';
import { AppError } from '../../platform/errors';
import { FailedJob, JobsOverview } from '../../../contracts/jobs';
import { adminOf, type JobAdmin } from './job-queue';
import { listFailedJobs, listQueues, retryFailedJob } from './jobs.service';

const tags = ['jobs'];

/** The action of the module's routes (identity/permissions.ts). */
export const JOBS_ACTION = 'jobs.manage';

/** Routes of the `jobs` module, mounted at /api/v1/jobs: the administrator's view of the queue. */
export function jobsRoutes({ config, jobs }: AppDeps): FastifyPluginAsyncZod {
  // Queues serve the whole province: an administrator granted at the province level only.
  const admin = (req: FastifyRequest): JobAdmin => {
    if (!req.access.canInUnit(JOBS_ACTION, config.PROVINCE_CODE))
      throw new AppError(
        'JOBS.PROVINCE_FORBIDDEN',
        'Chỉ quản trị viên được giao quyền ở cấp tỉnh mới xem được hàng đợi công việc',
        'Only administrators granted this at the province level may see the job queue',
      );
    const queue = jobs && adminOf(jobs);
    if (!queue)
      throw new AppError(
        'JOBS.UNAVAILABLE',
        'Hàng đợi công việc không chạy trong tiến trình này',
        'The job queue is not running in this process',
      );
    return queue;
  };
  return async (app) => {
    app.get(
      '/overview',
      {
        config: { action: JOBS_ACTION },
        schema: {
          tags,
          summary: 'Hàng đợi công việc và việc thất bại / job queues and failed jobs',
          response: { 200: JobsOverview },
        },
      },
      async (req) => {
        const queue = admin(req);
        return { queues: await listQueues(queue), failed: await listFailedJobs(queue) };
      },
    );

    app.post(
      '/failed/:id/retry',
      {
        config: { action: JOBS_ACTION },
        schema: {
          tags,
          summary:
            'Chạy lại một việc thất bại (409 nếu hàng đợi của nó từ chối) / retry a failed job (409 when its queue refuses)',
          params: z.object({ id: z.string().uuid() }),
          response: { 200: FailedJob.pick({ id: true, queue: true }) },
        },
      },
      async (req) => {
        const retried = await retryFailedJob(admin(req), req.params.id);
        if (!retried)
          throw new AppError(
            'JOBS.FAILED_JOB_NOT_FOUND',
            'Không tìm thấy việc thất bại này (có thể đã được chạy lại)',
            'No such failed job (it may have been retried already)',
            [
              {
                field: 'id',
                code: 'NOT_FOUND',
                messageVi: 'Không có việc thất bại nào mang mã này',
                messageEn: 'No failed job has this id',
              },
            ],
          );
        return retried;
      },
    );
  };
}
