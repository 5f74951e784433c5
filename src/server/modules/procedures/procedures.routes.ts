import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../platform/app-deps';
import { AppError } from '../../platform/errors';
import {
  AsOfQuery,
  FormResponse,
  NewVersionBody,
  PrefillResult,
  PrefillStats,
  ProcedureCodeParams,
  ProcedureList,
  ProcedureListQuery,
  ProcedureVersion,
  VersionIdParams,
  VersionList,
} from '../../../contracts/procedures';
import { PROCEDURE_ERRORS } from './procedures.errors';
import { prefillForm } from './prefill';
import { prefillStats } from './prefill-stats';
import * as service from './procedures.service';
import { prefillingCitizen, PROCEDURES_ROUTE_ACTIONS } from './procedures.policy';

const tags = ['procedures'];

/** Routes of the `procedures` module, mounted at /api/v1/procedures. The catalog is public; writing versions is for administrators. */
export function procedureRoutes({ database }: AppDeps): FastifyPluginAsyncZod {
  const { db } = database;
  return async (app) => {
    app.get(
      '/',
      {
        config: { action: PROCEDURES_ROUTE_ACTIONS.catalog },
        schema: {
          tags,
          summary: 'Danh mục thủ tục hành chính (tìm không dấu, lọc theo lĩnh vực) / procedure catalog',
          querystring: ProcedureListQuery,
          response: { 200: ProcedureList },
        },
      },
      async (req) => service.listProcedures(db, req.query),
    );

    app.get(
      '/versions/:id',
      {
        config: { action: PROCEDURES_ROUTE_ACTIONS.catalog },
        schema: {
          tags,
          summary: 'Một phiên bản thủ tục theo mã phiên bản (hồ sơ giữ phiên bản đã nộp) / a version by id',
          params: VersionIdParams,
          response: { 200: ProcedureVersion },
        },
      },
      async (req) => service.getProcedureVersionById(db, req.params.id),
    );

    app.get(
      '/:code',
      {
        config: { action: PROCEDURES_ROUTE_ACTIONS.catalog },
        schema: {
          tags,
          summary: 'Thủ tục đang có hiệu lực: giấy tờ, lệ phí, thời hạn / procedure in force',
          params: ProcedureCodeParams,
          querystring: AsOfQuery,
          response: { 200: ProcedureVersion },
        },
      },
      async (req) => service.getProcedureVersion(db, req.params.code, req.query.asOf),
    );

    app.get(
      '/:code/form',
      {
        config: { action: PROCEDURES_ROUTE_ACTIONS.catalog },
        schema: {
          tags,
          summary: 'Tờ khai (JSON Schema + nguồn dữ liệu từng trường) / the form',
          params: ProcedureCodeParams,
          querystring: AsOfQuery,
          response: { 200: FormResponse },
        },
      },
      async (req) => {
        const v = await service.getProcedureVersion(db, req.params.code, req.query.asOf);
        return { versionId: v.id, code: v.code, version: v.version, form: v.form };
      },
    );

    app.get(
      '/:code/prefill-stats',
      {
        config: { action: PROCEDURES_ROUTE_ACTIONS.catalog },
        schema: {
          tags,
          summary: 'Số ô công dân phải tự nhập trước và sau khi điền sẵn / typed inputs before and after prefill',
          params: ProcedureCodeParams,
          response: { 200: PrefillStats },
        },
      },
      async (req) => prefillStats(await service.getProcedureVersion(db, req.params.code)),
    );

    app.get(
      '/:code/prefill',
      {
        config: { action: PROCEDURES_ROUTE_ACTIONS.prefill },
        schema: {
          tags,
          summary:
            'Tờ khai điền sẵn từ CSDL dân cư cho công dân đã đăng nhập / prefilled form of the signed-in citizen',
          params: ProcedureCodeParams,
          response: { 200: PrefillResult },
        },
      },
      async (req) => {
        const actor = prefillingCitizen(req.access);
        if (!actor) {
          throw new AppError(
            PROCEDURE_ERRORS.PREFILL_FORBIDDEN,
            'Chỉ công dân đăng nhập bằng định danh điện tử mới được điền sẵn tờ khai của mình',
            'Only a citizen signed in with e-ID can prefill their own form',
          );
        }
        const version = await service.getProcedureVersion(db, req.params.code);
        return prefillForm(db, version, {
          personId: actor.personId,
          nationalId: actor.nationalId,
          claims: { fullName: actor.displayName },
          eIdLevel: actor.acr,
        });
      },
    );

    app.get(
      '/:code/versions',
      {
        config: { action: PROCEDURES_ROUTE_ACTIONS.readVersions },
        schema: {
          tags,
          summary: 'Các phiên bản của thủ tục / versions of a procedure',
          params: ProcedureCodeParams,
          response: { 200: VersionList },
        },
      },
      async (req) => ({ items: await service.listVersions(db, req.params.code) }),
    );

    app.post(
      '/:code/versions',
      {
        config: { action: PROCEDURES_ROUTE_ACTIONS.manageVersions },
        schema: {
          tags,
          summary: 'Tạo phiên bản mới (không sửa phiên bản cũ) / create a new version',
          params: ProcedureCodeParams,
          body: NewVersionBody,
          response: { 201: z.object({ version: ProcedureVersion, closedVersionId: z.string().nullable() }) },
        },
      },
      async (req, reply) => {
        const { version, closed } = await service.createVersion(db, req.params.code, req.body, {
          createdBy: req.access.actor?.accountId ?? null,
        });
        return reply.status(201).send({ version, closedVersionId: closed });
      },
    );
  };
}
