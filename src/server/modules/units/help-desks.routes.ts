import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AppDeps } from '../../platform/app-deps';
import { todayInVietnam } from '../../../contracts/common';
import {
  CloseHelpDeskBody,
  HelpDeskHistory,
  HelpDeskHistoryQuery,
  HelpDeskIdParams,
  HelpDeskList,
  HelpDeskQuery,
  HelpDeskRecord,
  NewHelpDeskBody,
  ReplaceHelpDeskBody,
} from '../../../contracts/help-desks';
import * as service from './help-desks.service';
import { helpDeskUnitForbidden } from './help-desks.errors';
import { mayManageHelpDesksOf, UNITS_ROUTE_ACTIONS } from './units.policy';

const tags = ['units'];

/** Who is recording: the signed-in account and its name as it is today (kept on the row). */
function recorderOf(req: FastifyRequest): service.Recorder {
  const actor = req.access.actor;
  return { accountId: actor?.accountId ?? null, name: actor?.displayName ?? null };
}

/** The units whose desks the caller manages (their grants of `units.manage`). */
function scopeOf(req: FastifyRequest): service.UnitScope {
  return (unitCode) => mayManageHelpDesksOf(req.access, unitCode);
}

/** Refuses a unit outside the caller's grants of `units.manage` (403 naming the unit). */
function assertManages(req: FastifyRequest, unitCode: string): void {
  if (!mayManageHelpDesksOf(req.access, unitCode)) throw helpDeskUnitForbidden(unitCode);
}

/**
 * Help desks of a unit (mounted with the units routes at /api/v1/units/help-desks): who to ask in
 * person, as dated data. Reading the desks in force is public; the history and changes are for
 * administrators of the unit.
 */
export function helpDesksRoutes({ database, config }: AppDeps): FastifyPluginAsyncZod {
  const { db } = database;
  return async (app) => {
    app.get(
      '/help-desks',
      {
        config: { action: UNITS_ROUTE_ACTIONS.reference },
        schema: {
          tags,
          summary:
            'Nơi hỗ trợ trực tiếp của một đơn vị và các cấp trên, đang có hiệu lực / help desks of a unit and the units above it, in force on a day',
          querystring: HelpDeskQuery,
          response: { 200: HelpDeskList },
        },
      },
      async (req) =>
        service.listHelpDesksFor(db, config.PROVINCE_CODE, req.query.unit, req.query.asOf ?? todayInVietnam()),
    );

    app.get(
      '/help-desks/history',
      {
        config: { action: UNITS_ROUTE_ACTIONS.manageHelpDesks },
        schema: {
          tags,
          summary: 'Lịch sử nơi hỗ trợ của một đơn vị / every help-desk row of a unit, closed ones too',
          querystring: HelpDeskHistoryQuery,
          response: { 200: HelpDeskHistory },
        },
      },
      async (req) => {
        assertManages(req, req.query.unit);
        return service.listHelpDeskHistory(db, req.query.unit);
      },
    );

    app.post(
      '/help-desks',
      {
        config: { action: UNITS_ROUTE_ACTIONS.manageHelpDesks },
        schema: {
          tags,
          summary: 'Ghi nơi hỗ trợ mới của một đơn vị / record a help desk of a unit',
          body: NewHelpDeskBody,
          response: { 201: HelpDeskRecord },
        },
      },
      async (req, reply) => {
        const desk = await service.recordHelpDesk(db, req.body, recorderOf(req), scopeOf(req));
        return reply.status(201).send(desk);
      },
    );

    app.post(
      '/help-desks/:id/close',
      {
        config: { action: UNITS_ROUTE_ACTIONS.manageHelpDesks },
        schema: {
          tags,
          summary: 'Đóng nơi hỗ trợ (giữ lại trong lịch sử) / close a help desk (kept in the history)',
          params: HelpDeskIdParams,
          body: CloseHelpDeskBody,
          response: { 200: HelpDeskRecord },
        },
      },
      async (req) => service.closeHelpDesk(db, req.params.id, req.body.lastDay, recorderOf(req), scopeOf(req)),
    );

    app.post(
      '/help-desks/:id/replace',
      {
        config: { action: UNITS_ROUTE_ACTIONS.manageHelpDesks },
        schema: {
          tags,
          summary: 'Thay nơi hỗ trợ từ một ngày (bản ghi cũ được đóng) / replace a help desk from a day',
          params: HelpDeskIdParams,
          body: ReplaceHelpDeskBody,
          response: { 201: z.object({ closed: HelpDeskRecord, desk: HelpDeskRecord }) },
        },
      },
      async (req, reply) =>
        reply
          .status(201)
          .send(await service.replaceHelpDesk(db, req.params.id, req.body, recorderOf(req), scopeOf(req))),
    );
  };
}
