import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyRequest } from 'fastify';
import type { Action } from '../identity';
import type { AppDeps } from '../../platform/app-deps';
import { notFound } from '../../platform/errors';
import {
  PersonDetail,
  PersonIdParams,
  PersonPage,
  PurposeQuery,
  PersonSearchBody,
  QualityReport,
  QualityRunBody,
  ValidateIdBody,
  ValidateIdResult,
} from '../../../contracts/population';
import * as service from './population.service';

const tags = ['population'];

/** Routes of the `population` module, mounted at /api/v1/population. National IDs travel in bodies, never in URLs. */
export function populationRoutes({ database, config, accessLog }: AppDeps): FastifyPluginAsyncZod {
  const { db } = database;
  const pseudonymKey = accessLog === false ? undefined : config.AUDIT_PSEUDONYM_KEY;
  /** The reader of personal data behind a request, for the access log. */
  const readerOf = (req: FastifyRequest, action: Action): service.Reader => {
    const grant = req.access.grantFor(action);
    return {
      accountId: req.access.actor!.accountId,
      role: grant?.role ?? 'unknown',
      unitCode: grant?.unitCode ?? null,
      requestId: req.id,
      pseudonymKey,
    };
  };
  return async (app) => {
    app.post(
      '/validate-id',
      {
        config: { action: 'public' },
        schema: {
          tags,
          summary: 'Kiểm tra số định danh cá nhân / check a personal ID number',
          body: ValidateIdBody,
          response: { 200: ValidateIdResult },
        },
      },
      async (req) => service.validateNationalId(req.body),
    );

    app.post(
      '/persons/search',
      {
        config: { action: 'population.person.search' },
        schema: {
          tags,
          summary: 'Tìm công dân theo số định danh hoặc họ tên (trong đơn vị được giao) / search persons in your units',
          body: PersonSearchBody,
          response: { 200: PersonPage },
        },
      },
      async (req) =>
        service.searchPersons(
          db,
          req.body,
          req.access.unitScope('population.person.search'),
          readerOf(req, 'population.person.search'),
        ),
    );

    app.get(
      '/persons/:id',
      {
        config: { action: 'population.person.read' },
        schema: {
          tags,
          summary: 'Thông tin công dân (phải nêu mục đích) / a person record (purpose required)',
          params: PersonIdParams,
          querystring: PurposeQuery,
          response: { 200: PersonDetail },
        },
      },
      async (req) =>
        service.getPersonDetail(
          db,
          req.params.id,
          { unitAllowed: (unit) => req.access.canInUnit('population.person.read', unit) },
          {
            reader: readerOf(req, 'population.person.read'),
            purpose: req.query.purpose,
          },
        ),
    );

    app.get(
      '/me',
      {
        config: { action: 'citizen.self.read' },
        schema: {
          tags,
          summary: 'Thông tin của tôi (công dân) / my own registry record',
          response: { 200: PersonDetail },
        },
      },
      async (req) => service.getOwnRecord(db, req.access.actor?.nationalId ?? null),
    );

    app.get(
      '/quality/report',
      {
        config: { action: 'population.quality.read' },
        schema: {
          tags,
          summary: 'Báo cáo chất lượng dữ liệu "đúng, đủ, sạch, sống" / latest data-quality report',
          response: { 200: QualityReport },
        },
      },
      async () => {
        const report = await service.getQualityReport(db);
        if (!report)
          throw notFound(
            'QUALITY.NOT_FOUND',
            'lần đánh giá chất lượng dữ liệu nào (chưa chạy)',
            'Quality run (none yet)',
          );
        return report;
      },
    );

    app.post(
      '/quality/runs',
      {
        config: { action: 'population.quality.run' },
        schema: {
          tags,
          summary: 'Chạy đánh giá chất lượng dữ liệu / run the quality engine',
          body: QualityRunBody,
          response: { 200: QualityReport },
        },
      },
      async (req) => {
        await service.runQualityCheck(database, req.body.asOf);
        return (await service.getQualityReport(db))!;
      },
    );
  };
}
