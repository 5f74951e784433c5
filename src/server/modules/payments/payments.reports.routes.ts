import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import multipart from '@fastify/multipart';
import { z } from 'zod';
import type { AppDeps } from '../../platform/app-deps';
import { readSingleUpload } from '../../platform/uploads';
import { bilingual } from '../../../contracts/messages';
import { pageOf } from '../../../contracts/common';
import { IdempotencyKey } from '../../../contracts/payments';
import {
  CreateVietqrBody,
  DailyReport,
  DailyReportQuery,
  OnlineShare,
  OnlineShareQuery,
  SettlementFileQuery,
  SettlementFileResult,
  StatementImportReport,
  StatementLine,
  StatementLinesQuery,
  VietqrTransfer,
} from '../../../contracts/payments-reports';
import { CSV_MAX_BYTES } from './csv-table';
import { onlinePaymentShare } from './online-share';
import { cashFeeCounts } from '../dossiers';
import { idempotencyKeyInvalid, paymentForbidden } from './payments.errors';
import { gatewayFromConfig } from './payments.service';
import { paymentReceipt } from './receipt.service';
import { dailyReport, dailyReportXlsx, importSettlementFile, type ReconciliationDeps } from './reconciliation.service';
import { fileInvalid, fileTooLarge } from './reports.errors';
import { importStatement, listStatementLines } from './statements.service';
import { createVietqrPayment, getVietqrTransfer } from './vietqr.service';

const tags = ['payments'];
const IdParams = z.object({ id: z.uuid(bilingual('Mã giao dịch không hợp lệ', 'Invalid payment id')) });

/** The one file part `file` of a multipart upload (CSV, at most CSV_MAX_BYTES). */
function readUpload(request: FastifyRequest): Promise<{ bytes: Buffer; fileName: string }> {
  return readSingleUpload(request, {
    invalid: (vi, en) => fileInvalid(vi, en),
    tooLarge: () => fileTooLarge(CSV_MAX_BYTES),
  });
}

/**
 * More of /api/v1/payments (issue #5 §2, §4, §5): a citizen's VietQR transfer order; staff import
 * the receiving account's bank statement (settles VietQR payments) and the gateway's settlement
 * file, and read the daily reconciliation (JSON or XLSX); the receipt PDF of a successful payment;
 * the share of fees paid online. Staff actions: `payments.reconcile` (statements, settlement files, reconciliation), `dossiers.read` (online share).
 */
export function paymentsReportsRoutes({ database, config }: AppDeps): FastifyPluginAsyncZod {
  const db = database.db;
  const vietqr = { db, config };
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
      '/vietqr',
      {
        config: { action: 'dossiers.own.file' },
        schema: {
          tags,
          summary:
            'Chuyển khoản VietQR để nộp lệ phí hồ sơ / pay a dossier fee by VietQR bank transfer (Idempotency-Key optional)',
          body: CreateVietqrBody,
          response: { 200: VietqrTransfer, 201: VietqrTransfer },
        },
      },
      async (req, reply) => {
        const header = req.headers['idempotency-key'];
        let key: string | null = null;
        if (header !== undefined) {
          const parsed = IdempotencyKey.safeParse(header);
          if (!parsed.success) throw idempotencyKeyInvalid();
          key = parsed.data;
        }
        const result = await createVietqrPayment(vietqr, req.access, req.body.dossierId, key);
        return reply.code(result.reused ? 200 : 201).send(result);
      },
    );

    app.get(
      '/:id/vietqr',
      {
        config: { action: 'authenticated' },
        schema: {
          tags,
          summary: 'Thông tin chuyển khoản VietQR của một giao dịch / the VietQR transfer order of a payment',
          params: IdParams,
          response: { 200: VietqrTransfer },
        },
      },
      async (req) => getVietqrTransfer(vietqr, req.access, req.params.id),
    );

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

    const checkUnit = (
      req: FastifyRequest,
      unitCode: string | undefined,
      action: 'payments.reconcile' | 'dossiers.read',
    ) => {
      if (unitCode && !req.access.canInUnit(action, unitCode)) throw paymentForbidden();
    };

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
      async (req) => {
        checkUnit(req, req.query.unitCode, 'payments.reconcile');
        return dailyReport(reconciliationDeps(), req.access, req.query);
      },
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
        checkUnit(req, req.query.unitCode, 'payments.reconcile');
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
      '/:id/receipt.pdf',
      {
        config: { action: 'authenticated' },
        schema: {
          tags,
          summary: 'Biên lai điện tử (PDF) của giao dịch thành công / electronic receipt of a successful payment',
          params: IdParams,
        },
      },
      async (req, reply) => {
        const { pdf, fileName } = await paymentReceipt({ db, config }, req.access, req.params.id);
        return reply
          .type('application/pdf')
          .header('content-disposition', `inline; filename="${fileName}"`)
          .header('cache-control', 'private, no-store')
          .send(pdf);
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
        checkUnit(req, req.query.unitCode, 'dossiers.read');
        const scope = req.access.unitScope('dossiers.read');
        const unitCodes = req.query.unitCode ? [req.query.unitCode] : scope === null ? null : [...scope];
        return onlinePaymentShare(db, { from: req.query.from, to: req.query.to, unitCodes }, cashFeeCounts);
      },
    );
  };
}
