import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import multipart from '@fastify/multipart';
import { z } from 'zod';
import type { AppDeps } from '../../platform/app-deps';
import { AppError } from '../../platform/errors';
import { readSingleUpload } from '../../platform/uploads';
import { PageQuery, todayInVietnam } from '../../../contracts/common';
import {
  CashlessStats,
  Facility,
  FacilityChange,
  FacilityInput,
  FacilityListQuery,
  FacilityMonths,
  FacilityPage,
  FacilityParams,
  FacilityType,
  FacilityTypeChange,
  FacilityTypeInput,
  FacilityTypeParams,
  IMPORT_MAX_BYTES,
  ImportPage,
  ImportResult,
  StatsQuery,
  TemplateQuery,
  addMonths,
  monthOf,
} from '../../../contracts/cashless';
import { bilingual } from '../../../contracts/messages';
import { CASHLESS_ERRORS, fileInvalid } from './cashless.errors';
import { CASHLESS_ROUTE_ACTIONS, importScope } from './cashless.policy';
import { templateCsv } from './csv-template';
import * as facilitiesRepo from './facilities.repository';
import * as facilities from './facilities.service';
import * as history from './imports.history';
import * as imports from './imports.service';
import { statsForReader } from './stats.service';

const tags = ['cashless'];
const ImportQuery = z.object({
  dryRun: z
    .enum(['true', 'false'], { error: bilingual('dryRun phải là true hoặc false', 'dryRun must be true or false') })
    .default('false')
    .transform((v) => v === 'true'),
});

/** The one file part `file` of a multipart upload; a larger file is refused with 413. */
function readUpload(request: FastifyRequest): Promise<{ bytes: Buffer; fileName: string }> {
  return readSingleUpload(request, {
    invalid: fileInvalid,
    tooLarge: () => {
      const mb = IMPORT_MAX_BYTES / 1024 / 1024;
      return new AppError(
        CASHLESS_ERRORS.FILE_TOO_LARGE,
        `Tệp lớn hơn ${mb} MB. Hãy chia thành nhiều tệp.`,
        `The file is larger than ${mb} MB. Split it into several files.`,
        [
          {
            field: 'file',
            code: CASHLESS_ERRORS.FILE_TOO_LARGE,
            messageVi: `Tối đa ${mb} MB`,
            messageEn: `At most ${mb} MB`,
          },
        ],
      );
    },
  });
}

/**
 * Routes of the `cashless` module, mounted at /api/v1/cashless. Reading the statistics, the
 * register and its monthly figures needs `cashless.stats.read`; editing the register
 * `cashless.facilities.manage`; the import history, template and imports
 * `cashless.figures.import` — always within the caller's units for that action.
 */
export function cashlessRoutes({ database, config }: AppDeps): FastifyPluginAsyncZod {
  const { db } = database;
  return async (app) => {
    await app.register(multipart, {
      throwFileSizeLimit: false,
      limits: { fileSize: IMPORT_MAX_BYTES, files: 1, fields: 0, parts: 2 },
    });

    app.get(
      '/facility-types',
      {
        config: { action: CASHLESS_ROUTE_ACTIONS.read },
        schema: {
          tags,
          summary: 'Loại hình cơ sở / facility sub-kinds',
          response: { 200: z.object({ items: z.array(FacilityType) }) },
        },
      },
      async () => ({
        items: await facilities.listFacilityTypes(db),
      }),
    );

    app.post(
      '/facility-types',
      {
        config: { action: CASHLESS_ROUTE_ACTIONS.manage },
        schema: {
          tags,
          summary: 'Thêm loại hình cơ sở / add a facility sub-kind',
          body: FacilityTypeInput,
          response: { 201: FacilityType },
        },
      },
      async (req, reply) => reply.status(201).send(await facilities.createFacilityType(db, req.access, req.body)),
    );

    app.patch(
      '/facility-types/:code',
      {
        config: { action: CASHLESS_ROUTE_ACTIONS.manage },
        schema: {
          tags,
          summary: 'Sửa loại hình cơ sở / change a facility sub-kind',
          params: FacilityTypeParams,
          body: FacilityTypeChange,
          response: { 200: FacilityType },
        },
      },
      async (req) => facilities.changeFacilityType(db, req.access, req.params.code, req.body),
    );

    app.get(
      '/facilities',
      {
        config: { action: CASHLESS_ROUTE_ACTIONS.read },
        schema: {
          tags,
          summary: 'Danh mục cơ sở giáo dục, y tế / the facility register',
          querystring: FacilityListQuery,
          response: { 200: FacilityPage },
        },
      },
      async (req) => facilities.listFacilities(db, req.access, req.query),
    );

    app.post(
      '/facilities',
      {
        config: { action: CASHLESS_ROUTE_ACTIONS.manage },
        schema: { tags, summary: 'Thêm cơ sở / add a facility', body: FacilityInput, response: { 201: Facility } },
      },
      async (req, reply) => reply.status(201).send(await facilities.createFacility(db, req.access, req.body)),
    );

    app.get(
      '/facilities/:id',
      {
        config: { action: CASHLESS_ROUTE_ACTIONS.read },
        schema: { tags, summary: 'Một cơ sở / a facility', params: FacilityParams, response: { 200: Facility } },
      },
      async (req) => facilities.getFacility(db, req.access, req.params.id),
    );

    app.patch(
      '/facilities/:id',
      {
        config: { action: CASHLESS_ROUTE_ACTIONS.manage },
        schema: {
          tags,
          summary: 'Sửa, ngừng hoạt động cơ sở / change or deactivate a facility',
          params: FacilityParams,
          body: FacilityChange,
          response: { 200: Facility },
        },
      },
      async (req) => facilities.changeFacility(db, req.access, req.params.id, req.body),
    );

    app.get(
      '/facilities/:id/months',
      {
        config: { action: CASHLESS_ROUTE_ACTIONS.read },
        schema: {
          tags,
          summary: 'Số liệu theo tháng và lịch sử thay thế / monthly figures and their history',
          params: FacilityParams,
          response: { 200: FacilityMonths },
        },
      },
      async (req) => history.facilityMonths(db, req.access, req.params.id),
    );

    app.get(
      '/imports',
      {
        config: { action: CASHLESS_ROUTE_ACTIONS.import },
        schema: {
          tags,
          summary: 'Lịch sử nhập số liệu / import history',
          querystring: PageQuery,
          response: { 200: ImportPage },
        },
      },
      async (req) => history.listImports(db, req.query.page, req.query.pageSize),
    );

    app.get(
      '/imports/template.csv',
      {
        config: { action: CASHLESS_ROUTE_ACTIONS.import },
        schema: {
          tags,
          summary: 'Tệp mẫu CSV (các cơ sở đang hoạt động trong phạm vi) / CSV template',
          querystring: TemplateQuery,
        },
      },
      async (req, reply) => {
        const month = req.query.month ?? addMonths(monthOf(todayInVietnam()), -1);
        const rows = await facilitiesRepo.listFacilitiesIn(db, importScope(req.access), true);
        return reply
          .type('text/csv; charset=utf-8')
          .header('content-disposition', `attachment; filename="mau-so-lieu-thanh-toan-${month}.csv"`)
          .header('cache-control', 'no-store')
          .send(templateCsv(rows, month));
      },
    );

    app.post(
      '/imports',
      {
        config: { action: CASHLESS_ROUTE_ACTIONS.import },
        bodyLimit: IMPORT_MAX_BYTES + 256 * 1024,
        schema: {
          tags,
          summary:
            'Nhập số liệu tháng (CSV hoặc XLSX, multipart trường "file") — tất cả hoặc không / import monthly figures, all or nothing',
          querystring: ImportQuery,
          response: { 200: ImportResult, 201: ImportResult },
        },
      },
      async (req, reply) => {
        const upload = await readUpload(req);
        const result = await imports.importFile(db, req.access, upload.bytes, {
          fileName: upload.fileName,
          dryRun: req.query.dryRun,
        });
        return reply.status(result.dryRun ? 200 : 201).send(result);
      },
    );

    app.get(
      '/stats',
      {
        config: { action: CASHLESS_ROUTE_ACTIONS.read },
        schema: {
          tags,
          summary:
            'Thống kê thanh toán không dùng tiền mặt tại trường học, cơ sở y tế / cashless statistics of schools and health facilities',
          querystring: StatsQuery,
          response: { 200: CashlessStats },
        },
      },
      async (req) => statsForReader(db, req.access, req.query, config.PROVINCE_CODE),
    );
  };
}
