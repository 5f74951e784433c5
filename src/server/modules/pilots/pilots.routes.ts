import { join } from 'node:path';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import multipart from '@fastify/multipart';
import { z } from 'zod';
import type { AppDeps } from '../../platform/app-deps';
import { diskFileStore } from '../../platform/files';
import {
  EvaluationInput,
  MilestoneDone,
  MilestoneInput,
  MilestoneParams,
  PILOT_FILE_MAX_BYTES,
  PILOT_REPORT_MAX_FILES,
  PilotFileParams,
  PilotListQuery,
  PilotModel,
  PilotModelInput,
  PilotModelPage,
  PilotModelParams,
  PilotProgress,
  PilotProgressQuery,
  PlanDueDate,
  PlanDueDateInput,
  TransitionInput,
} from '../../../contracts/pilots';
import { PILOTS_ROUTE_ACTIONS, readableScope } from './pilots.policy';
import * as models from './models.service';
import * as progress from './progress.service';
import * as dueDates from './due-dates.service';
import { pilotProgress } from './progress-figures';
import { readUpload, UPLOAD_LIMITS } from './pilot-files';
import * as repo from './pilots.repository';
import { PILOTS_ERRORS } from './pilots.errors';
import { notFound } from '../../platform/errors';

const tags = ['pilots'];
const { read: READ, manage: MANAGE, evaluate: EVALUATE, settings: SETTINGS } = PILOTS_ROUTE_ACTIONS;
const DueDates = z.object({ items: z.array(PlanDueDate) });

/**
 * Routes of the `pilots` module, mounted at /api/v1/pilots. Reading needs `pilots.read`; registering,
 * plans, milestones, reports and transitions `pilots.manage`; the evaluation `pilots.evaluate`; the
 * plan due date `pilots.settings.manage` — each within the caller's units (services check the model's unit).
 */
export function pilotsRoutes({ database, config }: AppDeps): FastifyPluginAsyncZod {
  const { db } = database;
  const store = diskFileStore(join(config.DATA_DIR, 'files'));
  return async (app) => {
    await app.register(multipart, { throwFileSizeLimit: false, limits: UPLOAD_LIMITS });
    const uploadBodyLimit = PILOT_REPORT_MAX_FILES * PILOT_FILE_MAX_BYTES + 256 * 1024;

    app.get(
      '/models',
      {
        config: { action: READ },
        schema: {
          tags,
          summary: 'Danh sách mô hình điểm / pilot models',
          querystring: PilotListQuery,
          response: { 200: PilotModelPage },
        },
      },
      async (req) => models.listModels(db, req.access, req.query),
    );

    app.post(
      '/models',
      {
        config: { action: MANAGE },
        schema: {
          tags,
          summary: 'Đăng ký mô hình điểm / register a pilot model',
          body: PilotModelInput,
          response: { 201: PilotModel },
        },
      },
      async (req, reply) => reply.status(201).send(await models.registerModel(db, req.access, req.body)),
    );

    app.get(
      '/models/:id',
      {
        config: { action: READ },
        schema: {
          tags,
          summary: 'Một mô hình điểm / a pilot model',
          params: PilotModelParams,
          response: { 200: PilotModel },
        },
      },
      async (req) => models.getModel(db, req.access, req.params.id),
    );

    app.post(
      '/models/:id/plan',
      {
        config: { action: MANAGE },
        bodyLimit: PILOT_FILE_MAX_BYTES + 256 * 1024,
        schema: {
          tags,
          summary:
            'Tải lên kế hoạch triển khai (PDF, DOCX, XLSX; multipart trường "file") / upload the implementation plan',
          params: PilotModelParams,
          response: { 200: PilotModel },
        },
      },
      async (req) => {
        const { files } = await readUpload(req, { maxFiles: 1 });
        return progress.uploadPlan(db, store, req.access, req.params.id, files);
      },
    );

    app.post(
      '/models/:id/milestones',
      {
        config: { action: MANAGE },
        schema: {
          tags,
          summary: 'Thêm mốc / add a milestone',
          params: PilotModelParams,
          body: MilestoneInput,
          response: { 200: PilotModel },
        },
      },
      async (req) => progress.addMilestone(db, req.access, req.params.id, req.body),
    );

    app.patch(
      '/models/:id/milestones/:milestoneId',
      {
        config: { action: MANAGE },
        schema: {
          tags,
          summary: 'Ghi ngày hoàn thành mốc / record when a milestone was done',
          params: MilestoneParams,
          body: MilestoneDone,
          response: { 200: PilotModel },
        },
      },
      async (req) => progress.markMilestone(db, req.access, req.params.id, req.params.milestoneId, req.body),
    );

    app.post(
      '/models/:id/reports',
      {
        config: { action: MANAGE },
        bodyLimit: uploadBodyLimit,
        schema: {
          tags,
          summary:
            'Báo cáo tiến độ định kỳ (multipart: trường "report" JSON, tệp ở trường "file") / add a periodic progress report',
          params: PilotModelParams,
          response: { 200: PilotModel },
        },
      },
      async (req) => {
        const { json, files } = await readUpload(req, { jsonField: 'report', maxFiles: PILOT_REPORT_MAX_FILES });
        return progress.addReport(db, store, req.access, req.params.id, json, files);
      },
    );

    app.post(
      '/models/:id/transitions',
      {
        config: { action: MANAGE },
        schema: {
          tags,
          summary: 'Chuyển trạng thái mô hình / move a pilot model on',
          params: PilotModelParams,
          body: TransitionInput,
          response: { 200: PilotModel },
        },
      },
      async (req) => progress.transition(db, req.access, req.params.id, req.body),
    );

    app.post(
      '/models/:id/evaluation',
      {
        config: { action: EVALUATE },
        schema: {
          tags,
          summary: 'Đánh giá của Cơ quan thường trực / the Standing Agency’s evaluation',
          params: PilotModelParams,
          body: EvaluationInput,
          response: { 200: PilotModel },
        },
      },
      async (req) => progress.evaluate(db, req.access, req.params.id, req.body),
    );

    app.get(
      '/models/:id/files/:fileId',
      {
        config: { action: READ },
        schema: { tags, summary: 'Tệp kế hoạch, tệp đính kèm / a plan or an attachment', params: PilotFileParams },
      },
      async (req, reply) => {
        await models.findReadableModel(db, req.access, req.params.id);
        const row = await repo.findFile(db, req.params.id, req.params.fileId);
        if (!row) throw notFound(PILOTS_ERRORS.FILE_NOT_FOUND, 'tệp này', 'File');
        return reply
          .type(row.mediaType)
          .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(row.fileName)}`)
          .header('x-content-type-options', 'nosniff')
          .header('cache-control', 'private, no-store')
          .send(await store.read(row.sha256));
      },
    );

    app.get(
      '/progress',
      {
        config: { action: READ },
        schema: {
          tags,
          summary: 'Tiến độ mô hình điểm theo cơ quan, đơn vị (mục tiêu 14) / pilot progress per agency (target 14)',
          querystring: PilotProgressQuery,
          response: { 200: PilotProgress },
        },
      },
      async (req) => {
        const scope = readableScope(req.access);
        return pilotProgress(db, { asOf: req.query.asOf, unitCodes: scope === null ? null : [...scope] });
      },
    );

    app.get(
      '/plan-due-dates',
      {
        config: { action: SETTINGS },
        schema: { tags, summary: 'Hạn gửi kế hoạch mô hình điểm / plan due dates', response: { 200: DueDates } },
      },
      async () => ({ items: await dueDates.listDueDates(db) }),
    );

    app.post(
      '/plan-due-dates',
      {
        config: { action: SETTINGS },
        schema: {
          tags,
          summary: 'Đặt hạn gửi kế hoạch mới (có ngày áp dụng) / set a new plan due date',
          body: PlanDueDateInput,
          response: { 201: DueDates },
        },
      },
      async (req, reply) => reply.status(201).send({ items: await dueDates.setDueDate(db, req.access, req.body) }),
    );
  };
}
