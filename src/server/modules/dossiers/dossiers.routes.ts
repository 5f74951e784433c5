import { join } from 'node:path';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import multipart from '@fastify/multipart';
import type { AppDeps } from '../../platform/app-deps';
import { diskFileStore } from '../../platform/files';
import { PersonDetail } from '../../../contracts/population';
import {
  AssistedFilings,
  AssistedFilingsQuery,
  DossierDetail,
  DossierListQuery,
  DraftBody,
  PopularProcedures,
  StatusLookupBody,
  StatusLookupResult,
  ResultVerification,
} from '../../../contracts/dossiers';
import { addressRateLimit } from '../identity';
import {
  AttachmentParams,
  CommandParams,
  DossierPage,
  IdParams,
  ResultTokenParams,
  MinePage,
  MULTIPART_BODY_LIMIT,
  MULTIPART_LIMITS,
  SearchBody,
  SlipParams,
  STATUS_LOOKUP_LIMIT,
} from './dossiers.route-schemas';
import { CITIZEN_COPY_SIGNER, renderDossierSlip } from './dossiers.slips';
import { listAssistedFilings } from './use-cases/assisted-filings';
import type { DossierDeps } from './use-cases/deps';
import { commandFromRequest, submitFromRequest } from './use-cases/from-request';
import { getApplicant, getDossier, loadForSlip, readAttachment } from './use-cases/read-dossier';
import { searchDossiers } from './use-cases/search';
import { popularProcedures } from './use-cases/popular';
import { saveDraft } from './use-cases/save-draft';
import { lookupStatus } from './use-cases/status-lookup';
import { verifyResult } from './use-cases/verify-result';
import { listMine, listWorkqueue } from './use-cases/workqueue';

const tags = ['dossiers'];

/**
 * /api/v1/dossiers: filing (citizens online or assisted; officers for paper filings), the
 * lifecycle commands, workqueues, attachments, slips and the public status lookup. `hooks.onWithdraw`
 * is the payments module's closing of the dossier's payments (wired by app.ts: dossiers does not
 * import payments, which depends on dossiers); `hooks.reuseDocument` the document store's check of
 * a document reused in a filing (likewise, from the documents module).
 */
export function dossiersRoutes(
  { database, config }: AppDeps,
  hooks: Pick<DossierDeps, 'onWithdraw' | 'reuseDocument'> = {},
): FastifyPluginAsyncZod {
  const deps: DossierDeps = {
    db: database.db,
    config,
    files: diskFileStore(join(config.DATA_DIR, 'files')),
    onWithdraw: hooks.onWithdraw,
    reuseDocument: hooks.reuseDocument,
  };
  return async (app) => {
    await app.register(multipart, { throwFileSizeLimit: false, limits: MULTIPART_LIMITS });

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
      async (req, reply) => reply.status(201).send(await submitFromRequest(deps, req)),
    );

    app.get(
      '/',
      {
        // Staff who read their unit's dossiers, and agencies' officers who perform steps of interlinked groups (checked by the service).
        config: { action: 'authenticated' },
        schema: {
          tags,
          summary: 'Hàng đợi hồ sơ của đơn vị / workqueue',
          querystring: DossierListQuery,
          response: { 200: DossierPage },
        },
      },
      async (req) => listWorkqueue(deps, req.access, req.query),
    );

    app.get(
      '/mine',
      {
        config: { action: 'dossiers.own.read' },
        schema: { tags, summary: 'Hồ sơ của tôi / my dossiers', querystring: MinePage, response: { 200: DossierPage } },
      },
      async (req) =>
        listMine(deps, req.access, req.query.page, req.query.pageSize, {
          procedureCode: req.query.procedureCode,
          open: req.query.open === 'true',
        }),
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
      async (req) => searchDossiers(deps, req.access, req.body),
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
      async (req) => listAssistedFilings(deps, req.access, req.query),
    );

    app.get(
      '/popular',
      {
        config: { action: 'public' },
        schema: {
          tags,
          summary:
            'Số hồ sơ đã nộp theo thủ tục trong 90 ngày (thủ tục dùng nhiều) / filings per procedure, last 90 days',
          response: { 200: PopularProcedures },
        },
      },
      async () => popularProcedures(deps),
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
      async (req) => lookupStatus(deps, req.body.code, req.body.nationalId),
    );

    app.get(
      '/results/:token',
      {
        config: { action: 'public' },
        schema: {
          tags,
          summary: 'Kiểm tra giấy tờ kết quả qua mã QR (công khai) / verify an issued result document (public)',
          params: ResultTokenParams,
          response: { 200: ResultVerification },
        },
      },
      async (req) => verifyResult(deps, req.params.token),
    );

    app.get(
      '/:id',
      {
        config: { action: 'authenticated' },
        schema: { tags, summary: 'Chi tiết hồ sơ / a dossier', params: IdParams, response: { 200: DossierDetail } },
      },
      async (req) => getDossier(deps, req.access, req.params.id),
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
      async (req) => getApplicant(deps, req.access, req.params.id),
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
      async (req) => commandFromRequest(deps, req, req.params.id, req.params.command),
    );

    app.patch(
      '/:id/draft',
      {
        config: { action: 'dossiers.own.file' },
        schema: {
          tags,
          summary: 'Lưu bản nháp (chủ hồ sơ) / save what was typed on one’s own draft',
          params: IdParams,
          body: DraftBody,
          response: { 200: DossierDetail },
        },
      },
      async (req) => saveDraft(deps, req.access, req.params.id, req.body),
    );

    app.get(
      '/:id/attachments/:attachmentId',
      {
        config: { action: 'authenticated' },
        schema: { tags, summary: 'Tệp đính kèm / an attachment', params: AttachmentParams },
      },
      async (req, reply) => {
        const { row, data } = await readAttachment(deps, req.access, req.params.id, req.params.attachmentId);
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
        const src = await loadForSlip(deps, req.access, req.params.id);
        const pdf = await renderDossierSlip(database.db, src, req.params.kind, {
          officerName:
            req.access.actor?.kind === 'citizen' ? CITIZEN_COPY_SIGNER : (req.access.actor?.displayName ?? ''),
          publicUrl: config.PUBLIC_URL,
          now: new Date(),
          citizenCopy: req.access.actor?.kind === 'citizen',
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
