import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyRequest } from 'fastify';
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
  StayList,
  StaysQuery,
  ValidateIdBody,
  ValidateIdResult,
} from '../../../contracts/population';
import { validateNationalId } from './validate-id';
import { searchPersons } from './search-persons';
import { getPersonDetail } from './read-person';
import { getOwnRecord } from './own-record';
import { listStaysOn } from './stay-notifications';
import { todayInVietnam } from '../../../contracts/common';
import { getQualityReport, runQualityCheck } from './quality-report';
import type { Reader } from './person-access-log';
import {
  mayReadPersonIn,
  ownNationalId,
  POPULATION_ROUTE_ACTIONS,
  readingGrant,
  searchScope,
} from './population.policy';

const tags = ['population'];

/** Routes of the `population` module, mounted at /api/v1/population. National IDs travel in bodies, never in URLs. */
export function populationRoutes({ database, config, accessLog }: AppDeps): FastifyPluginAsyncZod {
  const { db } = database;
  const pseudonymKey = accessLog === false ? undefined : config.AUDIT_PSEUDONYM_KEY;
  /** The reader of personal data behind a request, for the access log. */
  const readerOf = (req: FastifyRequest, use: 'search' | 'read'): Reader => ({
    accountId: req.access.actor!.accountId,
    ...readingGrant(req.access, use),
    requestId: req.id,
    pseudonymKey,
  });
  return async (app) => {
    app.post(
      '/validate-id',
      {
        config: { action: POPULATION_ROUTE_ACTIONS.validateId },
        schema: {
          tags,
          summary: 'Kiểm tra số định danh cá nhân / check a personal ID number',
          body: ValidateIdBody,
          response: { 200: ValidateIdResult },
        },
      },
      async (req) => validateNationalId(req.body),
    );

    app.post(
      '/persons/search',
      {
        config: { action: POPULATION_ROUTE_ACTIONS.search },
        schema: {
          tags,
          summary: 'Tìm công dân theo số định danh hoặc họ tên (trong đơn vị được giao) / search persons in your units',
          body: PersonSearchBody,
          response: { 200: PersonPage },
        },
      },
      async (req) => searchPersons(db, req.body, searchScope(req.access), readerOf(req, 'search')),
    );

    app.get(
      '/persons/:id',
      {
        config: { action: POPULATION_ROUTE_ACTIONS.read },
        schema: {
          tags,
          summary: 'Thông tin công dân (phải nêu mục đích) / a person record (purpose required)',
          params: PersonIdParams,
          querystring: PurposeQuery,
          response: { 200: PersonDetail },
        },
      },
      async (req) =>
        getPersonDetail(
          db,
          req.params.id,
          { unitAllowed: (unit) => mayReadPersonIn(req.access, unit) },
          { reader: readerOf(req, 'read'), purpose: req.query.purpose },
        ),
    );

    app.get(
      '/stays',
      {
        config: { action: POPULATION_ROUTE_ACTIONS.search },
        schema: {
          tags,
          summary:
            'Thông báo lưu trú trong ngày tại các xã được giao / stays notified covering a day, in your communes',
          querystring: StaysQuery,
          response: { 200: StayList },
        },
      },
      async (req) => {
        const scope = searchScope(req.access);
        const unit = req.query.unitCode;
        if (unit && scope && !scope.has(unit)) throw notFound('UNIT.NOT_FOUND', 'xã, phường', 'Commune');
        const on = req.query.on ?? todayInVietnam();
        return {
          on,
          items: await listStaysOn(db, unit ? [unit] : scope ? [...scope] : null, on, readerOf(req, 'search')),
        };
      },
    );

    app.get(
      '/me',
      {
        config: { action: POPULATION_ROUTE_ACTIONS.ownRecord },
        schema: {
          tags,
          summary: 'Thông tin của tôi (công dân) / my own registry record',
          response: { 200: PersonDetail },
        },
      },
      async (req) => getOwnRecord(db, ownNationalId(req.access)),
    );

    app.get(
      '/quality/report',
      {
        config: { action: POPULATION_ROUTE_ACTIONS.qualityReport },
        schema: {
          tags,
          summary: 'Báo cáo chất lượng dữ liệu "đúng, đủ, sạch, sống" / latest data-quality report',
          description:
            'null trước lần đánh giá đầu tiên (chưa chạy: không phải lỗi) / null before the first run (not an error: the scheduled run makes one at start)',
          response: { 200: QualityReport.nullable() },
        },
      },
      async () => (await getQualityReport(db)) ?? null,
    );

    app.post(
      '/quality/runs',
      {
        config: { action: POPULATION_ROUTE_ACTIONS.qualityRun },
        schema: {
          tags,
          summary: 'Chạy đánh giá chất lượng dữ liệu / run the quality engine',
          body: QualityRunBody,
          response: { 200: QualityReport },
        },
      },
      async (req) => {
        await runQualityCheck(database, req.body.asOf);
        return (await getQualityReport(db))!;
      },
    );
  };
}
