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
  KpiSource,
  KpiTable,
  KpiTrend,
  KpiTrendQuery,
  KpiList,
  KpiListQuery,
  KpiValuesQuery,
  PeriodCode,
  ReportedDecisionBody,
  ReportedListQuery,
  ReportedValue,
  ReportedValueBody,
} from '../../../contracts/kpi';
import multipart from '@fastify/multipart';
import { join } from 'node:path';
import { diskFileStore } from '../../platform/files';
import { AppError } from '../../platform/errors';
import { readSingleUpload } from '../../platform/uploads';
import * as reported from './reported';
import { kpiReportedRoutes } from './kpi.reported.routes';
import { reportContent, reportPdf, reportXlsx } from './report';
import { parsePeriod } from './periods';
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
      '/sources',
      {
        config: { action: KPI_ACTIONS.read },
        schema: {
          tags,
          summary:
            'Các nguồn số liệu các mô-đun đang cung cấp (để chọn nguồn cho chỉ tiêu) / the sources the modules publish',
          response: { 200: z.array(KpiSource) },
        },
      },
      async () => service.listSources(sources),
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
      '/trends',
      {
        config: { action: KPI_ACTIONS.read },
        schema: {
          tags,
          summary:
            'Diễn biến các chỉ tiêu của một đơn vị qua các kỳ gần nhất / each indicator of a unit over the last periods',
          querystring: KpiTrendQuery,
          response: { 200: KpiTrend },
        },
      },
      async (req) => service.kpiTrend(db, sources, req.access, req.query, config.PROVINCE_CODE),
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

    // Evidence uploads: one file, at most 10 MB (a larger one is refused whole, not read truncated).
    await app.register(multipart, {
      throwFileSizeLimit: false,
      limits: { fileSize: reported.EVIDENCE_MAX_BYTES, files: 1, fields: 0, parts: 1 },
    });
    const store = diskFileStore(join(config.DATA_DIR, 'files'));
    const uploadErrors = {
      invalid: (vi: string, en: string, field: string) =>
        new AppError('KPI.REPORTED_INVALID', vi, en, [
          { field, code: 'KPI.REPORTED_INVALID', messageVi: vi, messageEn: en },
        ]),
      tooLarge: () =>
        new AppError('KPI.EVIDENCE_TOO_LARGE', 'Tệp minh chứng lớn hơn 10 MB', 'The evidence is larger than 10 MB'),
    };
    const idParams = z.object({ id: z.string().uuid() });

    app.get(
      '/reported',
      {
        config: { action: KPI_ACTIONS.read },
        schema: {
          tags,
          summary: 'Số liệu do đơn vị báo cáo của một kỳ / values units reported for a period',
          querystring: ReportedListQuery,
          response: { 200: z.array(ReportedValue) },
        },
      },
      async (req) => reported.listReported(db, req.access, req.query),
    );

    app.put(
      '/reported',
      {
        config: { action: KPI_ACTIONS.submit },
        schema: {
          tags,
          summary: 'Nhập hoặc sửa số liệu báo cáo của đơn vị (bản nháp) / enter or change a unit value (draft)',
          body: ReportedValueBody,
          response: { 200: ReportedValue, 201: ReportedValue },
        },
      },
      async (req, reply) => {
        const { value, created } = await reported.enterReported(db, req.access, req.body);
        return reply.status(created ? 201 : 200).send(value);
      },
    );

    app.post(
      '/reported/:id/evidence',
      {
        config: { action: KPI_ACTIONS.submit },
        schema: {
          tags,
          summary: 'Đính kèm minh chứng (PDF, ảnh, Excel, Word) / attach the evidence',
          params: idParams,
          consumes: ['multipart/form-data'],
          response: { 200: ReportedValue },
        },
      },
      async (req) => {
        const file = await readSingleUpload(req, uploadErrors);
        return reported.attachEvidence(db, store, req.access, req.params.id, file);
      },
    );

    app.get(
      '/reported/:id/evidence',
      {
        config: { action: KPI_ACTIONS.read },
        schema: { tags, summary: 'Tải minh chứng / download the evidence', params: idParams },
      },
      async (req, reply) => {
        const file = await reported.evidenceOf(db, store, req.access, req.params.id);
        return reply
          .type(file.mediaType)
          .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
          .send(file.bytes);
      },
    );

    for (const step of ['submit', 'approve', 'return'] as const)
      app.post(
        `/reported/:id/${step}`,
        {
          config: { action: step === 'submit' ? KPI_ACTIONS.submit : KPI_ACTIONS.approve },
          schema: {
            tags,
            summary: {
              submit: 'Gửi số liệu để Cơ quan thường trực duyệt / submit a value for approval',
              approve: 'Duyệt số liệu (khoá số liệu) / approve a value (locks it)',
              return: 'Trả lại số liệu kèm lý do / return a value with a comment',
            }[step],
            params: idParams,
            body: ReportedDecisionBody,
            response: { 200: ReportedValue },
          },
        },
        async (req) => reported.decideReported(db, req.access, req.params.id, step, req.body),
      );
    await app.register(kpiReportedRoutes(db)); // GET /reported/expected, POST /reported/:id/unapprove

    app.get(
      '/report',
      {
        config: { action: KPI_ACTIONS.read },
        schema: {
          tags,
          summary: 'Báo cáo định kỳ Đề án 06 của một kỳ (PDF, XLSX), từ một lần tính / the periodic report of a period',
          querystring: z
            .object({
              period: PeriodCode,
              format: z.enum(['pdf', 'xlsx']).default('pdf'),
              runId: z.coerce.number().int().positive().optional(),
            })
            .strict(),
        },
      },
      async (req, reply) => {
        // The report covers the province: for readers of the province's figures.
        if (!req.access.canInUnit(KPI_ACTIONS.read, config.PROVINCE_CODE)) throw provinceForbidden();
        const content = await reportContent(db, parsePeriod(req.query.period).code, req.query.runId);
        const pdf = req.query.format === 'pdf';
        const bytes = pdf ? await reportPdf(content) : await reportXlsx(content);
        const name = `bao-cao-de-an-06-${content.run.period}-lan-${content.run.id}.${req.query.format}`;
        return reply
          .type(pdf ? 'application/pdf' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
          .header('content-disposition', `attachment; filename="${name}"`)
          .send(bytes);
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
          structure: req.body.structure,
          provinceCode: config.PROVINCE_CODE,
          startedBy: req.access.actor?.accountId ?? null,
        });
        return reply.status(201).send(run);
      },
    );
  };
}
