import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import multipart from '@fastify/multipart';
import type { AppDeps } from '../../platform/app-deps';
import { readSingleUpload } from '../../platform/uploads';
import { pageOf } from '../../../contracts/common';
import {
  DailyReport,
  DailyReportQuery,
  OnlineShare,
  OnlineShareQuery,
  SettlementFileQuery,
  SettlementFileResult,
  StatementImportReport,
  StatementLine,
  StatementLinesQuery,
} from '../../../contracts/payments-reports';
import { cashFeeCounts } from '../dossiers';
import { gatewayFromConfig, paymentForbidden } from '../payments';
import { CSV_MAX_BYTES } from './table-file';
import { onlinePaymentShare } from './online-share';
import { canReadStats, statsUnits } from './payment-reconciliation.policy';
import { fileInvalid, fileTooLarge } from './payment-reconciliation.errors';
import { dailyReport, importSettlementFile, type ReconciliationDeps } from './reconciliation.service';
import { dailyReportXlsx } from './daily-report.xlsx';
import { importStatement } from './statements.service';
import { listStatementLines } from './statement-lines';

const tags = ['payments'];

/** The one file part `file` of a multipart upload (CSV, at most CSV_MAX_BYTES). */
function readUpload(request: FastifyRequest): Promise<{ bytes: Buffer; fileName: string }> {
  return readSingleUpload(request, {
    invalid: (vi, en) => fileInvalid(vi, en),
    tooLarge: () => fileTooLarge(CSV_MAX_BYTES),
  });
}

/**
 * Reconciliation routes under /api/v1/payments: staff import the receiving account's bank
 * statement (settles VietQR payments) and the gateway's settlement file, and read the daily
 * reconciliation (JSON or XLSX) with `payments.reconcile`; the share of fees paid online with
 * `dossiers.read`. Who sees which unit is payment-reconciliation.policy.ts, asked by the services.
 */
export function paymentReconciliationRoutes({ database, config }: AppDeps): FastifyPluginAsyncZod {
  const db = database.db;
  let reconciliation: ReconciliationDeps | undefined;
  const reconciliationDeps = () =>
    (reconciliation ??= { db, gateway: gatewayFromConfig(config).name, tmnCode: config.PAYMENT_TMN_CODE ?? '' });
  return async (app) => {
    await app.register(multipart, {
      throwFileSizeLimit: false,
      limits: { fileSize: CSV_MAX_BYTES, files: 1, fields: 0, parts: 2 },
    });
    const upload = { bodyLimit: CSV_MAX_BYTES + 256 * 1024 };

    app.post(
      '/statements',
      {
        config: { action: 'payments.reconcile' },
        ...upload,
        schema: {
          tags,
          summary:
            'Nhập sao kê tài khoản nhận (CSV, multipart trường "file") để ghi nhận chuyển khoản VietQR / import a bank statement',
          response: { 201: StatementImportReport },
        },
      },
      async (req, reply) => {
        const file = await readUpload(req);
        return reply.code(201).send(await importStatement(db, req.access, file.bytes, file.fileName));
      },
    );

    app.get(
      '/statements/lines',
      {
        config: { action: 'payments.reconcile' },
        schema: {
          tags,
          summary: 'Các dòng sao kê đã nhập / imported statement lines',
          querystring: StatementLinesQuery,
          response: { 200: pageOf(StatementLine) },
        },
      },
      async (req) => listStatementLines(db, req.access, req.query),
    );

    app.post(
      '/reconciliation/settlement-files',
      {
        config: { action: 'payments.reconcile' },
        ...upload,
        schema: {
          tags,
          summary:
            'Nhập tệp đối soát trong ngày của cổng thanh toán (CSV, multipart trường "file") / import the gateway settlement file of a day',
          querystring: SettlementFileQuery,
          response: { 201: SettlementFileResult },
        },
      },
      async (req, reply) => {
        const file = await readUpload(req);
        return reply
          .code(201)
          .send(await importSettlementFile(reconciliationDeps(), req.access, file.bytes, req.query.day));
      },
    );

    app.get(
      '/reconciliation/daily',
      {
        config: { action: 'payments.reconcile' },
        schema: {
          tags,
          summary: 'Báo cáo đối soát ngày / daily reconciliation report',
          querystring: DailyReportQuery,
          response: { 200: DailyReport },
        },
      },
      async (req) => dailyReport(reconciliationDeps(), req.access, req.query),
    );

    app.get(
      '/reconciliation/daily.xlsx',
      {
        config: { action: 'payments.reconcile' },
        schema: {
          tags,
          summary: 'Báo cáo đối soát ngày (Excel) / daily reconciliation report as XLSX',
          querystring: DailyReportQuery,
        },
      },
      async (req, reply) => {
        const xlsx = await dailyReportXlsx(await dailyReport(reconciliationDeps(), req.access, req.query));
        return reply
          .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
          .header(
            'content-disposition',
            `attachment; filename="doi-soat-${req.query.day}${req.query.unitCode ? `-${req.query.unitCode}` : ''}.xlsx"`,
          )
          .header('cache-control', 'no-store')
          .send(xlsx);
      },
    );

    app.get(
      '/stats/online-share',
      {
        config: { action: 'dossiers.read' },
        schema: {
          tags,
          summary: 'Tỷ lệ nộp lệ phí trực tuyến theo đơn vị và tháng / share of fees paid online per unit and month',
          querystring: OnlineShareQuery,
          response: { 200: OnlineShare },
        },
      },
      async (req) => {
        if (!canReadStats(req.access, req.query.unitCode)) throw paymentForbidden();
        const unitCodes = statsUnits(req.access, req.query.unitCode);
        return onlinePaymentShare(db, { from: req.query.from, to: req.query.to, unitCodes }, cashFeeCounts);
      },
    );
  };
}
