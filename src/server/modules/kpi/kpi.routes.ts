import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../platform/app-deps';
import { IsoDate } from '../../../contracts/common';
import {
  Indicator,
  IndicatorCode,
  IndicatorVersionBody,
  KpiRun,
  KpiRunBody,
  KpiTable,
  KpiList,
  KpiListQuery,
  KpiValuesQuery,
  PeriodCode,
} from '../../../contracts/kpi';
import { listBehind, listBehindXlsx } from './lists';
import type { SourceMap } from './compute';
import { provinceForbidden } from './kpi.errors';
import { KPI_ACTIONS } from './kpi.policy';
import * as service from './kpi.service';

const tags = ['kpi'];

/** Routes of the `kpi` module, mounted at /api/v1/kpi: indicators, values of a period, runs. */
export function kpiRoutes(
  { database, config, accessLog }: AppDeps,
  options: { sources: SourceMap },
): FastifyPluginAsyncZod {
  const pseudonymKey = accessLog === false ? undefined : config.AUDIT_PSEUDONYM_KEY;
  const { sources } = options;
  const db = database.db;
  return async (app) => {
    app.get(
      '/indicators',
      {
        config: { action: KPI_ACTIONS.read },
        schema: {
          tags,
          summary: "Các chỉ tiêu của Kế hoạch đang áp dụng / the plan's indicators in force",
          querystring: z.object({ on: IsoDate.optional() }).strict(),
          response: { 200: z.array(Indicator) },
        },
      },
      async (req) => service.listIndicators(db, sources, req.query.on),
    );

    app.get(
      '/indicators/:code/versions',
      {
        config: { action: KPI_ACTIONS.read },
        schema: {
          tags,
          summary: 'Các phiên bản của một chỉ tiêu / the versions of an indicator',
          params: z.object({ code: IndicatorCode }),
          response: { 200: z.array(Indicator) },
        },
      },
      async (req) => service.indicatorHistory(db, sources, req.params.code),
    );

    app.post(
      '/indicators',
      {
        config: { action: KPI_ACTIONS.manage },
        schema: {
          tags,
          summary: 'Ban hành phiên bản mới của chỉ tiêu (có ngày hiệu lực) / a new version of an indicator from a date',
          body: IndicatorVersionBody,
          response: { 201: Indicator },
        },
      },
      async (req, reply) => {
        if (!req.access.canInUnit(KPI_ACTIONS.manage, config.PROVINCE_CODE)) throw provinceForbidden();
        const created = await service.addIndicatorVersion(
          database,
          sources,
          req.body,
          req.access.actor?.accountId ?? null,
        );
        return reply.status(201).send(created);
      },
    );

    app.get(
      '/values',
      {
        config: { action: KPI_ACTIONS.read },
        schema: {
          tags,
          summary: 'Giá trị các chỉ tiêu của một kỳ (lần tính gần nhất) / values of a period (latest run)',
          querystring: KpiValuesQuery,
          response: { 200: KpiTable },
        },
      },
      // Sent as made once per run (kpiTableJson): Fastify sends a string as is (no second
      // serialization); it has the KpiTable shape, which the tests check against the schema.
      async (req, reply) => {
        const json = await service.kpiTableJson(db, sources, req.access, req.query);
        return reply.type('application/json; charset=utf-8').send(json as unknown as KpiTable);
      },
    );

    app.get(
      '/lists',
      {
        config: { action: KPI_ACTIONS.read },
        schema: {
          tags,
          summary:
            'Danh sách chi tiết sau một số liệu của xã (người, hồ sơ) — ghi nhật ký truy cập / the list behind a commune figure (access logged)',
          querystring: KpiListQuery,
          response: { 200: KpiList },
        },
      },
      async (req) => listBehind(database, sources, req.access, req.query, { id: req.id, pseudonymKey }),
    );

    app.get(
      '/lists.xlsx',
      {
        config: { action: KPI_ACTIONS.read },
        schema: {
          tags,
          summary: 'Xuất danh sách chi tiết ra tệp XLSX / export the list behind a commune figure to XLSX',
          querystring: KpiListQuery,
        },
      },
      async (req, reply) => {
        const file = await listBehindXlsx(database, sources, req.access, req.query, { id: req.id, pseudonymKey });
        const name = `danh-sach-${req.query.indicator}-${req.query.unitCode}-${req.query.period}.xlsx`;
        return reply
          .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
          .header('content-disposition', `attachment; filename="${name}"`)
          .send(file);
      },
    );

    app.get(
      '/runs',
      {
        config: { action: KPI_ACTIONS.read },
        schema: {
          tags,
          summary: 'Các lần tính của một kỳ / the runs of a period',
          querystring: z.object({ period: PeriodCode }).strict(),
          response: { 200: z.array(KpiRun) },
        },
      },
      async (req) => service.runsOf(db, req.query.period),
    );

    app.post(
      '/runs',
      {
        config: { action: KPI_ACTIONS.run },
        schema: {
          tags,
          summary: 'Tính lại các chỉ tiêu của một kỳ ngay / recompute a period now',
          body: KpiRunBody,
          response: { 201: KpiRun },
        },
      },
      async (req, reply) => {
        if (!req.access.canInUnit(KPI_ACTIONS.run, config.PROVINCE_CODE)) throw provinceForbidden();
        const run = await service.startRun(database, sources, {
          period: req.body.period,
          provinceCode: config.PROVINCE_CODE,
          startedBy: req.access.actor?.accountId ?? null,
        });
        return reply.status(201).send(run);
      },
    );
  };
}
