import { join } from 'node:path';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import multipart from '@fastify/multipart';
import { z } from 'zod';
import type { AppDeps } from '../../platform/app-deps';
import { AppError } from '../../platform/errors';
import { diskFileStore } from '../../platform/files';
import { assertSafeInput } from '../../platform/input-guard';
import { multipartParts, partBytes } from '../../platform/uploads';
import { fieldProblemFromIssue } from '../../platform/http-errors';
import { PersonDetail } from '../../../contracts/population';
import {
  AssistedFilings,
  AssistedFilingsQuery,
  ATTACHMENT_MAX_BYTES,
  ATTACHMENTS_MAX_COUNT,
  CommandBody,
  DossierCommand,
  DossierDetail,
  DossierListQuery,
  DossierSummary,
  StatusLookupBody,
  StatusLookupResult,
  SubmissionBody,
} from '../../../contracts/dossiers';
import { pageOf } from '../../../contracts/common';
import { bilingual } from '../../../contracts/messages';
import { SLIP_KINDS } from '../slips';
import { assistanceOf } from '../counter';
import { addressRateLimit } from '../identity';
import type { IncomingFile } from './attachments';
import { requestInvalid } from './dossiers.errors';
import * as service from './dossiers.service';
import { renderDossierSlip } from './dossiers.slips';

const tags = ['dossiers'];
const IdParams = z.object({ id: z.uuid(bilingual('Mã hồ sơ không hợp lệ', 'Invalid dossier id')) });
const CommandParams = IdParams.extend({ command: DossierCommand });
const AttachmentParams = IdParams.extend({
  attachmentId: z.uuid(bilingual('Mã tệp không hợp lệ', 'Invalid attachment id')),
});
const SlipParams = IdParams.extend({
  kind: z.enum(SLIP_KINDS as unknown as ['receipt', 'supplement', 'refusal', 'apology']),
});
const SearchBody = z
  .object({
    nationalId: z
      .string()
      .regex(/^\d{12}$/, bilingual('Số định danh cá nhân gồm 12 chữ số', 'A personal ID number has 12 digits'))
      .optional(),
    name: z
      .string()
      .trim()
      .min(2, bilingual('Nhập ít nhất 2 chữ cái của họ tên', 'Type at least 2 letters of the name'))
      .max(100, bilingual('Họ tên tối đa 100 ký tự', 'The name is at most 100 characters'))
      .optional(),
  })
  .strict()
  .refine((b) => (b.nationalId === undefined) !== (b.name === undefined), {
    path: ['nationalId'],
    error: bilingual('Nhập số định danh hoặc họ tên (một trong hai)', 'Give the ID number or the name (one of them)'),
  });
const MinePage = z.object({
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
const DossierPage = pageOf(DossierSummary);
/** The public status lookup's limit per client address (shared by every process: identity.rate_limits). */
const STATUS_LOOKUP_LIMIT = { max: 20, windowMs: 60_000 } as const;
/** Room for every attachment at its maximum plus the form (the app's 1 MB limit is for JSON bodies). */
const MULTIPART_BODY_LIMIT = (ATTACHMENTS_MAX_COUNT + 1) * ATTACHMENT_MAX_BYTES + 1024 * 1024;

/** Parses a Zod schema, turning failures into the same bilingual 400 the type provider gives. */
function parseOr400<T extends z.ZodTypeAny>(schema: T, value: unknown, prefix: string): z.infer<T> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const fields = result.error.issues.map((i) => {
    const p = fieldProblemFromIssue(i as Parameters<typeof fieldProblemFromIssue>[0]);
    return prefix ? { ...p, field: `${prefix}.${p.field}` } : p;
  });
  throw new AppError(
    'VALIDATION.INVALID',
    fields[0]?.messageVi ?? 'Dữ liệu không hợp lệ',
    fields[0]?.messageEn ?? 'Invalid input',
    fields,
  );
}

/**
 * Reads a JSON body, or a multipart body with one JSON field (`jsonField`) and file parts named
 * `file:<documentKey>`. Files are read into memory up to ATTACHMENT_MAX_BYTES each (a larger part
 * is cut by the parser and refused with 413 naming the field).
 */
async function readBody(request: FastifyRequest, jsonField: string): Promise<{ json: unknown; files: IncomingFile[] }> {
  if (!request.isMultipart()) return { json: request.body ?? {}, files: [] };
  let json: unknown;
  const files: IncomingFile[] = [];
  for await (const part of multipartParts(request)) {
    if (part.type === 'file') {
      const data = await partBytes(part);
      files.push({
        field: part.fieldname,
        fileName: part.filename,
        data: data ?? Buffer.alloc(0),
        truncated: data === null,
      });
    } else if (part.fieldname === jsonField) {
      try {
        json = JSON.parse(String(part.value));
      } catch {
        throw requestInvalid(
          jsonField,
          `Trường "${jsonField}" phải là JSON hợp lệ`,
          `Field "${jsonField}" must be valid JSON`,
        );
      }
    } else {
      throw requestInvalid(
        part.fieldname,
        `Trường "${part.fieldname}" không được hỗ trợ`,
        `Field "${part.fieldname}" is not supported`,
      );
    }
  }
  if (json === undefined)
    throw requestInvalid(jsonField, `Thiếu trường "${jsonField}"`, `Field "${jsonField}" is missing`);
  assertSafeInput(json, jsonField); // the guard of JSON bodies, for the form sent as a field
  return { json, files };
}

/**
 * /api/v1/dossiers: filing (citizens online or assisted; officers for paper filings), the
 * lifecycle commands, workqueues, attachments, slips and the public status lookup. `hooks.onWithdraw`
 * is the payments module's closing of the dossier's payments (wired by app.ts: dossiers does not
 * import payments, which depends on dossiers).
 */
export function dossiersRoutes(
  { database, config }: AppDeps,
  hooks: Pick<service.DossierDeps, 'onWithdraw'> = {},
): FastifyPluginAsyncZod {
  const deps: service.DossierDeps = {
    db: database.db,
    config,
    files: diskFileStore(join(config.DATA_DIR, 'files')),
    onWithdraw: hooks.onWithdraw,
  };
  return async (app) => {
    await app.register(multipart, {
      throwFileSizeLimit: false,
      limits: {
        fileSize: ATTACHMENT_MAX_BYTES,
        files: ATTACHMENTS_MAX_COUNT + 1,
        fields: 3,
        fieldSize: 512 * 1024,
        parts: ATTACHMENTS_MAX_COUNT + 4,
      },
    });

    app.post(
      '/',
      {
        config: { action: 'authenticated' },
        bodyLimit: MULTIPART_BODY_LIMIT,
        schema: {
          tags,
          summary: 'Nộp hồ sơ (JSON hoặc multipart có tệp đính kèm) / file a dossier',
          response: { 201: DossierDetail },
        },
      },
      async (req, reply) => {
        const { json, files } = await readBody(req, 'dossier');
        const body = parseOr400(SubmissionBody, json, '');
        // A citizen filing on a counter device is assisted by the device's officer (one read, only when the browser holds a device cookie).
        const assistance = req.access.actor?.kind === 'citizen' ? await assistanceOf(deps.db, req, deps.now?.()) : null;
        return reply.status(201).send(await service.submitDossier(deps, req.access, body, files, assistance));
      },
    );

    app.get(
      '/',
      {
        config: { action: 'dossiers.read' },
        schema: {
          tags,
          summary: 'Hàng đợi hồ sơ của đơn vị / workqueue',
          querystring: DossierListQuery,
          response: { 200: DossierPage },
        },
      },
      async (req) => service.listWorkqueue(deps, req.access, req.query),
    );

    app.get(
      '/mine',
      {
        config: { action: 'dossiers.own.read' },
        schema: { tags, summary: 'Hồ sơ của tôi / my dossiers', querystring: MinePage, response: { 200: DossierPage } },
      },
      async (req) => service.listMine(deps, req.access, req.query.page, req.query.pageSize),
    );

    app.post(
      '/search',
      {
        config: { action: 'dossiers.read' },
        schema: {
          tags,
          summary:
            'Hồ sơ của một công dân (theo số định danh, hoặc họ tên không cần dấu) / dossiers of a person (by ID number, or by name)',
          body: SearchBody,
          response: { 200: DossierPage },
        },
      },
      async (req) => service.searchDossiers(deps, req.access, req.body),
    );

    app.get(
      '/assisted',
      {
        config: { action: 'dossiers.read' },
        schema: {
          tags,
          summary:
            'Hồ sơ công dân nộp trên thiết bị tại quầy trong ngày (để ghi sổ tiếp công dân) / filings on counter devices on a day',
          querystring: AssistedFilingsQuery,
          response: { 200: AssistedFilings },
        },
      },
      async (req) => service.listAssistedFilings(deps, req.access, req.query),
    );

    app.post(
      '/status-lookup',
      {
        config: { action: 'public' },
        // Guessing codes and ID numbers is slow: 20 lookups a minute per address, counted in the database for every process.
        preHandler: addressRateLimit(database.db, 'status-lookup', STATUS_LOOKUP_LIMIT),
        schema: {
          tags,
          summary: 'Tra cứu tình trạng hồ sơ (mã hồ sơ + số định danh) / public status lookup',
          body: StatusLookupBody,
          response: { 200: StatusLookupResult },
        },
      },
      async (req) => service.lookupStatus(deps, req.body.code, req.body.nationalId),
    );

    app.get(
      '/:id',
      {
        config: { action: 'authenticated' },
        schema: { tags, summary: 'Chi tiết hồ sơ / a dossier', params: IdParams, response: { 200: DossierDetail } },
      },
      async (req) => service.getDossier(deps, req.access, req.params.id),
    );

    app.get(
      '/:id/applicant',
      {
        config: { action: 'dossiers.read' },
        schema: {
          tags,
          summary:
            'Dữ liệu dân cư của người nộp (ghi nhật ký, mục đích: giải quyết hồ sơ) / the applicant’s registry record',
          params: IdParams,
          response: { 200: PersonDetail },
        },
      },
      async (req) => service.getApplicant(deps, req.access, req.params.id),
    );

    app.post(
      '/:id/commands/:command',
      {
        config: { action: 'authenticated' },
        bodyLimit: MULTIPART_BODY_LIMIT,
        schema: {
          tags,
          summary: 'Chuyển trạng thái hồ sơ / run a lifecycle command',
          params: CommandParams,
          response: { 200: DossierDetail },
        },
      },
      async (req) => {
        const { json, files } = await readBody(req, 'command');
        const body = parseOr400(CommandBody, json, '');
        return service.runCommand(deps, req.access, req.params.id, req.params.command, body, files);
      },
    );

    app.get(
      '/:id/attachments/:attachmentId',
      {
        config: { action: 'authenticated' },
        schema: { tags, summary: 'Tệp đính kèm / an attachment', params: AttachmentParams },
      },
      async (req, reply) => {
        const { row, data } = await service.readAttachment(deps, req.access, req.params.id, req.params.attachmentId);
        return reply
          .type(row.mediaType)
          .header('content-disposition', `inline; filename*=UTF-8''${encodeURIComponent(row.fileName)}`)
          .header('x-content-type-options', 'nosniff')
          .header('cache-control', 'private, no-store')
          .send(data);
      },
    );

    app.get(
      '/:id/slips/:kind',
      {
        config: { action: 'authenticated' }, // staff of the dossier's unit, or the citizen who filed it (checked by the service)
        schema: {
          tags,
          summary: 'In phiếu (tiếp nhận, bổ sung, từ chối, xin lỗi) / print a slip (PDF)',
          params: SlipParams,
        },
      },
      async (req, reply) => {
        const src = await service.loadForSlip(deps, req.access, req.params.id);
        const pdf = await renderDossierSlip(database.db, src, req.params.kind, {
          officerName:
            req.access.actor?.kind === 'citizen'
              ? 'Bộ phận tiếp nhận và trả kết quả (bản điện tử)'
              : (req.access.actor?.displayName ?? ''),
          publicUrl: config.PUBLIC_URL,
          now: new Date(),
        });
        return reply
          .type('application/pdf')
          .header('content-disposition', `inline; filename="${src.row.code ?? 'ho-so'}-${req.params.kind}.pdf"`)
          .header('cache-control', 'private, no-store')
          .send(pdf);
      },
    );
  };
}
