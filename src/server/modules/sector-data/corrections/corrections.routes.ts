import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../../platform/app-deps';
import {
  AcceptBody,
  ChangeRequest,
  ChangeRequestPage,
  ChangeRequestParams,
  ChangeRequestQuery,
  CorrectionProposal,
  LinkParams,
  RejectBody,
  WithdrawBody,
} from '../../../../contracts/sector-corrections';
import { SECTOR_ROUTE_ACTIONS } from '../sector-data.policy';
import { DECIDE_ACTION } from './corrections.policy';
import * as service from './corrections.service';

const tags = ['sector-data'];

/**
 * Change-request routes of `sector-data` (issue 16 §3), mounted under /api/v1/sector-data: a sector
 * officer proposes a correction from a link (sector.import) or withdraws it; the commune police of
 * the person's commune accept or reject it (population.person.correct); both sides list what they
 * see (checked by the service: the route is open to any signed-in account, and refuses 403 whoever
 * holds neither action). Persons shown and corrected are written in the access log.
 */
export function sectorCorrectionRoutes({ database, config, accessLog }: AppDeps): FastifyPluginAsyncZod {
  const { db } = database;
  const pseudonymKey = accessLog === false ? undefined : config.AUDIT_PSEUDONYM_KEY;
  const callerOf = (req: FastifyRequest): service.Caller => ({ access: req.access, requestId: req.id, pseudonymKey });
  return async (app) => {
    app.post(
      '/links/:linkId/corrections',
      {
        config: { action: SECTOR_ROUTE_ACTIONS.import },
        schema: {
          tags,
          summary: 'Đề xuất điều chỉnh thông tin công dân theo danh sách / propose a correction from a list row',
          params: LinkParams,
          body: CorrectionProposal,
          response: { 201: ChangeRequest },
        },
      },
      async (req, reply) =>
        reply.status(201).send(await service.proposeCorrection(db, callerOf(req), req.params.linkId, req.body)),
    );

    app.get(
      '/change-requests',
      {
        config: { action: 'authenticated' }, // deciders of the person's commune, readers of the list's sector (service)
        schema: {
          tags,
          summary: 'Các yêu cầu điều chỉnh / change requests',
          querystring: ChangeRequestQuery,
          response: { 200: ChangeRequestPage },
        },
      },
      async (req) => service.listChangeRequests(db, callerOf(req), req.query),
    );

    app.get(
      '/change-requests/:id',
      {
        config: { action: 'authenticated' },
        schema: {
          tags,
          summary: 'Một yêu cầu điều chỉnh / a change request',
          params: ChangeRequestParams,
          response: { 200: ChangeRequest },
        },
      },
      async (req) => service.getChangeRequest(db, callerOf(req), req.params.id),
    );

    app.post(
      '/change-requests/:id/accept',
      {
        config: { action: DECIDE_ACTION },
        schema: {
          tags,
          summary: 'Chấp nhận yêu cầu điều chỉnh / accept a change request',
          params: ChangeRequestParams,
          body: AcceptBody,
          response: { 200: ChangeRequest },
        },
      },
      async (req) => service.acceptChangeRequest(db, callerOf(req), req.params.id, req.body),
    );

    app.post(
      '/change-requests/:id/reject',
      {
        config: { action: DECIDE_ACTION },
        schema: {
          tags,
          summary: 'Từ chối yêu cầu điều chỉnh / reject a change request',
          params: ChangeRequestParams,
          body: RejectBody,
          response: { 200: ChangeRequest },
        },
      },
      async (req) => service.rejectChangeRequest(db, callerOf(req), req.params.id, req.body),
    );

    app.post(
      '/change-requests/:id/withdraw',
      {
        config: { action: SECTOR_ROUTE_ACTIONS.import },
        schema: {
          tags,
          summary: 'Rút lại yêu cầu điều chỉnh / withdraw a change request',
          params: ChangeRequestParams,
          body: WithdrawBody,
          response: { 200: ChangeRequest },
        },
      },
      async (req) => service.withdrawChangeRequest(db, callerOf(req), req.params.id, req.body),
    );
  };
}
