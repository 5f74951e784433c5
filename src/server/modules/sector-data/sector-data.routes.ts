import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import multipart from '@fastify/multipart';
import { z } from 'zod';
import type { AppDeps } from '../../platform/app-deps';
import { AppError } from '../../platform/errors';
import { multipartParts } from '../../platform/uploads';
import {
  BatchListQuery,
  BatchPage,
  BatchParams,
  Batch,
  DatasetTypeInfo,
  ImportAnswer,
  ImportQuery,
  Mapping,
  MappingInput,
  MappingQuery,
  SECTOR_IMPORT_MAX_BYTES,
} from '../../../contracts/sector-data';
import { errorRowsXlsx } from './error-rows.export';
import { batchNotFound, fileInvalid, SECTOR_ERRORS } from './sector-data.errors';
import { mayRead, SECTOR_ROUTE_ACTIONS } from './sector-data.policy';
import * as repo from './sector-data.repository';
import * as service from './sector-data.service';
import { DEFAULT_IMPORT_LIMITS, type ImportLimits } from './import/run-import';
import { sectorLinkRoutes } from './links/links.routes';
import { sectorCorrectionRoutes } from './corrections/corrections.routes';

const tags = ['sector-data'];

/** Options of the routes (tests lower the limits). */
export interface SectorDataRouteOptions {
  maxBytes?: number;
  limits?: ImportLimits;
}

function tooLarge(maxBytes: number): AppError {
  const mb = Math.round((maxBytes / 1024 / 1024) * 10) / 10;
  return new AppError(
    SECTOR_ERRORS.FILE_TOO_LARGE,
    `Tệp lớn hơn ${mb} MB. Hãy chia thành nhiều tệp hoặc dùng lệnh dvc06 import`,
    `The file is larger than ${mb} MB. Split it, or use the dvc06 import command`,
    [
      {
        field: 'file',
        code: SECTOR_ERRORS.FILE_TOO_LARGE,
        messageVi: `Tối đa ${mb} MB`,
        messageEn: `At most ${mb} MB`,
      },
    ],
  );
}

/**
 * The one file part `file` of a multipart upload, streamed to a temporary file (never held in
 * memory); a file over the limit is refused whole (413), another part or none is a 400.
 */
async function receiveFile(
  request: FastifyRequest,
  maxBytes: number,
): Promise<{ path: string; fileName: string; cleanup: () => Promise<void> }> {
  if (!request.isMultipart())
    throw fileInvalid(
      'Gửi tệp dạng multipart/form-data, trường "file"',
      'Send the file as multipart/form-data in the field "file"',
    );
  const dir = await mkdtemp(join(tmpdir(), 'dvc06-sector-upload-'));
  const cleanup = () => rm(dir, { recursive: true, force: true });
  let received: { path: string; fileName: string; cleanup: () => Promise<void> } | undefined;
  try {
    for await (const part of multipartParts(request)) {
      if (part.type !== 'file' || part.fieldname !== 'file' || received) {
        if (part.type === 'file') part.file.resume();
        throw fileInvalid(
          `Trường "${part.fieldname}" không được hỗ trợ; chỉ gửi một tệp ở trường "file"`,
          `Field "${part.fieldname}" is not supported; send one file in the field "file"`,
        );
      }
      const path = join(dir, 'upload');
      await pipeline(part.file, createWriteStream(path));
      if (part.file.truncated) throw tooLarge(maxBytes);
      received = { path, fileName: part.filename || 'upload', cleanup };
    }
    if (!received) throw fileInvalid('Chưa có tệp nào được gửi', 'No file was sent');
    return received;
  } catch (error) {
    await cleanup();
    throw error;
  }
}

/**
 * Routes of the `sector-data` module, mounted at /api/v1/sector-data. Importing (upload, cancel,
 * mappings) needs `sector.import`; reading batches and their error rows `sector.read` — both within
 * the caller's units and sector (sector-data.policy.ts).
 */
export function sectorDataRoutes(deps: AppDeps, options: SectorDataRouteOptions = {}): FastifyPluginAsyncZod {
  const { database } = deps;
  const { db } = database;
  const maxBytes = options.maxBytes ?? SECTOR_IMPORT_MAX_BYTES;
  const limits = options.limits ?? DEFAULT_IMPORT_LIMITS;
  return async (app) => {
    await app.register(multipart, {
      throwFileSizeLimit: false,
      limits: { fileSize: maxBytes, files: 1, fields: 0, parts: 2 },
    });

    await app.register(sectorLinkRoutes(deps)); // linking and review (links/links.routes.ts)
    await app.register(sectorCorrectionRoutes(deps)); // change requests to the commune police (corrections/)

    app.get(
      '/types',
      {
        config: { action: SECTOR_ROUTE_ACTIONS.read },
        schema: {
          tags,
          summary: 'Loại dữ liệu chuyên ngành / dataset types',
          response: { 200: z.object({ items: z.array(DatasetTypeInfo) }) },
        },
      },
      async (req) => ({ items: service.listDatasetTypes(req.access) }),
    );

    app.post(
      '/batches',
      {
        config: { action: SECTOR_ROUTE_ACTIONS.import },
        schema: {
          tags,
          summary: 'Nhập một danh sách (CSV, XLSX) / import a list',
          querystring: ImportQuery,
          response: { 200: ImportAnswer, 201: ImportAnswer, 202: ImportAnswer },
        },
      },
      async (req, reply) => {
        const file = await receiveFile(req, maxBytes);
        const answer = await service.startImport(database, req.access, { ...req.query, ...file }, limits);
        const status = answer.duplicate ? 200 : answer.batch.state === 'importing' ? 202 : 201;
        return reply.status(status).send(answer);
      },
    );

    app.get(
      '/batches',
      {
        config: { action: SECTOR_ROUTE_ACTIONS.read },
        schema: {
          tags,
          summary: 'Các lượt nhập / import batches',
          querystring: BatchListQuery,
          response: { 200: BatchPage },
        },
      },
      async (req) => service.listBatches(db, req.access, req.query),
    );

    app.get(
      '/batches/:id',
      {
        config: { action: SECTOR_ROUTE_ACTIONS.read },
        schema: {
          tags,
          summary: 'Một lượt nhập, tiến độ và số dòng / a batch, its progress and counts',
          params: BatchParams,
          response: { 200: Batch },
        },
      },
      async (req) => service.getBatch(db, req.access, req.params.id),
    );

    app.post(
      '/batches/:id/cancel',
      {
        config: { action: SECTOR_ROUTE_ACTIONS.import },
        schema: {
          tags,
          summary: 'Huỷ lượt nhập đang chạy / cancel an import',
          params: BatchParams,
          response: { 200: Batch },
        },
      },
      async (req) => service.cancelImport(db, req.access, req.params.id),
    );

    app.get(
      '/batches/:id/errors.xlsx',
      {
        config: { action: SECTOR_ROUTE_ACTIONS.read },
        schema: { tags, summary: 'Các dòng lỗi (XLSX) / the error rows (XLSX)', params: BatchParams },
      },
      async (req, reply) => {
        const batch = await repo.findBatch(db, req.params.id);
        if (!batch || batch.state !== 'committed' || !mayRead(req.access, batch.sector, batch.unitCode))
          throw batchNotFound();
        return reply
          .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
          .header('content-disposition', `attachment; filename="dong-loi-${batch.id}.xlsx"`)
          .send(errorRowsXlsx(db, batch));
      },
    );

    app.get(
      '/mappings',
      {
        config: { action: SECTOR_ROUTE_ACTIONS.import },
        schema: {
          tags,
          summary: 'Cách ghép cột đã lưu / saved column mappings',
          querystring: MappingQuery,
          response: { 200: z.object({ items: z.array(Mapping) }) },
        },
      },
      async (req) => service.listMappings(db, req.access, req.query.datasetType),
    );

    app.put(
      '/mappings',
      {
        config: { action: SECTOR_ROUTE_ACTIONS.import },
        schema: {
          tags,
          summary: 'Lưu cách ghép cột của ngành / save a column mapping',
          body: MappingInput,
          response: { 200: Mapping },
        },
      },
      async (req) => service.saveMapping(db, req.access, req.body),
    );
  };
}
