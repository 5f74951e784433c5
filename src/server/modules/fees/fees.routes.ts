import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyRequest } from 'fastify';
import type { AppDeps } from '../../platform/app-deps';
import { todayInVietnam } from '../../../contracts/common';
import {
  AddFeeListMemberBody,
  EndFeeListMemberBody,
  FeeList,
  FeeListMember,
  FeeListMemberParams,
  FeeListMembers,
  FeeListMembersQuery,
  FeeListPage,
  FeeListParams,
  FeeListsQuery,
  FeeQuote,
  FeeQuoteQuery,
  NewFeeListBody,
} from '../../../contracts/fees';
import { scopeForbidden } from './fees.errors';
import { FEES_ROUTE_ACTIONS, mayManageFeeLists } from './fees.policy';
import { addListMember, createFeeList, endListMember, getListMembers, listFeeLists } from './fees.lists';
import { feeQuote } from './fees.service';

const tags = ['fees'];

/** Lists apply to the whole province: editing them needs a province-wide grant (fees.policy.ts). */
function requireProvinceWide(req: FastifyRequest): void {
  if (!mayManageFeeLists(req.access)) throw scopeForbidden();
}

/**
 * Routes of the `fees` module, mounted at /api/v1/fees: the signed-in citizen's quote before
 * filing (`dossiers.own.file`), and the exemption lists — read with `fees.lists.read` (counter
 * officers see why a fee is waived), edited with `fees.lists.manage` province-wide.
 */
export function feesRoutes({ database }: AppDeps): FastifyPluginAsyncZod {
  const { db } = database;
  const actorId = (req: FastifyRequest) => req.access.actor?.accountId ?? null;
  return async (app) => {
    app.get(
      '/quote',
      {
        config: { action: FEES_ROUTE_ACTIONS.quote },
        schema: {
          tags,
          summary: 'Lệ phí dự kiến trước khi nộp hồ sơ / the fee before filing',
          querystring: FeeQuoteQuery,
          response: { 200: FeeQuote },
        },
      },
      async (req) =>
        feeQuote(
          db,
          { nationalId: req.access.actor?.nationalId ?? null, eidLevel: req.access.actor?.acr ?? null },
          req.query,
        ),
    );

    app.get(
      '/lists',
      {
        config: { action: FEES_ROUTE_ACTIONS.readLists },
        schema: {
          tags,
          summary: 'Danh sách xét miễn lệ phí / exemption lists',
          querystring: FeeListsQuery,
          response: { 200: FeeListPage },
        },
      },
      async (req) => ({ items: await listFeeLists(db, req.query.asOf ?? todayInVietnam()) }),
    );

    app.post(
      '/lists',
      {
        config: { action: FEES_ROUTE_ACTIONS.manageLists },
        schema: { tags, summary: 'Tạo danh sách / create a list', body: NewFeeListBody, response: { 201: FeeList } },
      },
      async (req, reply) => {
        requireProvinceWide(req);
        return reply.status(201).send(await createFeeList(db, req.body, actorId(req), todayInVietnam()));
      },
    );

    app.get(
      '/lists/:code/members',
      {
        config: { action: FEES_ROUTE_ACTIONS.readLists },
        schema: {
          tags,
          summary: 'Thành viên của danh sách / members of a list',
          params: FeeListParams,
          querystring: FeeListMembersQuery,
          response: { 200: FeeListMembers },
        },
      },
      async (req) =>
        getListMembers(db, req.params.code, { asOf: req.query.asOf ?? todayInVietnam(), show: req.query.show }),
    );

    app.post(
      '/lists/:code/members',
      {
        config: { action: FEES_ROUTE_ACTIONS.manageLists },
        schema: {
          tags,
          summary: 'Thêm xã hoặc hộ vào danh sách / add a member',
          params: FeeListParams,
          body: AddFeeListMemberBody,
          response: { 201: FeeListMember },
        },
      },
      async (req, reply) => {
        requireProvinceWide(req);
        return reply
          .status(201)
          .send(await addListMember(db, req.params.code, req.body, actorId(req), todayInVietnam()));
      },
    );

    app.post(
      '/lists/:code/members/:id/end',
      {
        config: { action: FEES_ROUTE_ACTIONS.manageLists },
        schema: {
          tags,
          summary: 'Kết thúc một dòng của danh sách / end a membership',
          params: FeeListMemberParams,
          body: EndFeeListMemberBody,
          response: { 200: FeeListMember },
        },
      },
      async (req) => {
        requireProvinceWide(req);
        return endListMember(db, req.params.code, req.params.id, req.body, actorId(req), todayInVietnam());
      },
    );
  };
}
