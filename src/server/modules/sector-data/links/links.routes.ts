import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../../platform/app-deps';
import { Batch, BatchParams } from '../../../../contracts/sector-data';
import {
  LinkQuery,
  LinkRun,
  LinksPage,
  LinksQuery,
  ReviewBody,
  ReviewPage,
  ReviewParams,
  ReviewQuery,
} from '../../../../contracts/sector-links';
import { SECTOR_ROUTE_ACTIONS } from '../sector-data.policy';
import * as service from './links.service';

const tags = ['sector-data'];

/**
 * Linking routes of `sector-data` (issue 16 §3), mounted under /api/v1/sector-data: link a batch
 * (sector.import; a job: 202 and the batch's progress, or `wait=true` for the counts), its links page by page or as XLSX (sector.read), the review queue of probable
 * links (sector.read) and a decision on one (sector.import) — each within the caller's sector and
 * units. Registry fields shown are written in the access log (purpose data_cleaning).
 */
export function sectorLinkRoutes({ database, config, accessLog }: AppDeps): FastifyPluginAsyncZod {
  const { db } = database;
  const pseudonymKey = accessLog === false ? undefined : config.AUDIT_PSEUDONYM_KEY;
  const readerOf = (req: FastifyRequest): service.LinkReader => ({
    access: req.access,
    requestId: req.id,
    pseudonymKey,
  });
  return async (app) => {
    app.post(
      '/batches/:id/link',
      {
        config: { action: SECTOR_ROUTE_ACTIONS.import },
        schema: {
          tags,
          summary: 'Liên kết lượt nhập với CSDL dân cư / link a batch to the registry',
          description:
            'Starts linking the batch and answers 202 with the batch (link.state linking; poll GET /batches/{id} for ' +
            'link.linked of link.total, then linked or failed). wait=true answers 200 with the counts when done. ' +
            '409 while the batch is being linked.',
          params: BatchParams,
          querystring: LinkQuery,
          response: { 200: LinkRun, 202: Batch },
        },
      },
      async (req, reply) => {
        const answer = await service.startLink(database, req.access, req.params.id, req.query.wait);
        if ('done' in answer) return reply.code(200).send(answer.done);
        return reply.code(202).send(answer.batch);
      },
    );

    app.get(
      '/batches/:id/links',
      {
        config: { action: SECTOR_ROUTE_ACTIONS.read },
        schema: {
          tags,
          summary: 'Kết quả liên kết theo dòng / the links of a batch',
          params: BatchParams,
          querystring: LinksQuery,
          response: { 200: LinksPage },
        },
      },
      async (req) => service.listLinks(db, readerOf(req), req.params.id, req.query),
    );

    app.get(
      '/batches/:id/links.xlsx',
      {
        config: { action: SECTOR_ROUTE_ACTIONS.read },
        schema: { tags, summary: 'Kết quả liên kết (XLSX) / the links of a batch (XLSX)', params: BatchParams },
      },
      async (req, reply) => {
        const stream = await service.linksXlsx(db, readerOf(req), req.params.id);
        return reply
          .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
          .header('content-disposition', `attachment; filename="lien-ket-${req.params.id}.xlsx"`)
          .send(stream);
      },
    );

    app.get(
      '/review',
      {
        config: { action: SECTOR_ROUTE_ACTIONS.read },
        schema: {
          tags,
          summary: 'Hàng đợi rà soát liên kết / the review queue of probable links',
          querystring: ReviewQuery,
          response: { 200: ReviewPage },
        },
      },
      async (req) => service.reviewQueue(db, readerOf(req), req.query),
    );

    app.post(
      '/review/:linkId',
      {
        config: { action: SECTOR_ROUTE_ACTIONS.import },
        schema: {
          tags,
          summary: 'Chấp nhận hoặc bác bỏ một liên kết / accept or reject a probable link',
          params: ReviewParams,
          body: ReviewBody,
          response: {
            200: z.object({
              linkId: z.uuid(),
              outcome: z.string(),
              decision: z.enum(['accept', 'reject']),
              reason: z.string().nullable(),
              decidedAt: z.string(),
            }),
          },
        },
      },
      async (req) => service.decideReview(db, req.access, req.params.linkId, req.body),
    );
  };
}
