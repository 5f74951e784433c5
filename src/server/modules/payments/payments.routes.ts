import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { FastifyRequest } from 'fastify';
import type { AppDeps } from '../../platform/app-deps';
import { databaseUnavailableReason } from '../../platform/db-errors';
import { bilingual } from '../../../contracts/messages';
import { pageOf } from '../../../contracts/common';
import {
  CreatePaymentBody,
  CreatePaymentResult,
  GatewayStatus,
  IdempotencyKey,
  IpnAnswer,
  Payment,
  PaymentListQuery,
  RefundBody,
} from '../../../contracts/payments';
import { CreateVietqrBody, VietqrTransfer } from '../../../contracts/payments-reports';
import { idempotencyKeyInvalid } from './payments.errors';
import { receiptRoutes } from './receipt.routes';
import { createVietqrPayment, getVietqrTransfer } from './vietqr.service';
import * as queries from './payments.queries';
import * as service from './payments.service';
import { refundPayment, retryRefund } from './refund';
import { handleIpn, handleReturn, IPN_ANSWERS } from './settlement';
import type { PaymentGateway } from './gateway';

const tags = ['payments'];
const IdParams = z.object({ id: z.uuid(bilingual('Mã giao dịch không hợp lệ', 'Invalid payment id')) });
const RefundParams = IdParams.extend({ refundId: z.uuid(bilingual('Mã hoàn tiền không hợp lệ', 'Invalid refund id')) });
const DossierParams = z.object({ dossierId: z.uuid(bilingual('Mã hồ sơ không hợp lệ', 'Invalid dossier id')) });
/** The gateway's parameters arrive as a query string; they are read by the adapter, not by a schema. */
const GatewayQuery = z.record(z.string(), z.unknown());

/**
 * An IPN that could not be handled is answered 99: the gateway retries until 00/02 (DOMAIN.md §11),
 * so nothing is lost. A database outage is expected to pass (ADR 0014) and is logged as a warning.
 */
function ipnFailed(req: FastifyRequest, error: unknown): typeof IPN_ANSWERS.other {
  const reason = databaseUnavailableReason(error);
  if (reason) req.log.warn({ reason }, 'IPN answered 99: database unavailable, the gateway will retry');
  else req.log.error({ err: error }, 'IPN handling failed');
  return IPN_ANSWERS.other;
}

/** An optional Idempotency-Key header (a malformed one is refused). */
function optionalIdempotencyKey(req: FastifyRequest): string | null {
  const header = req.headers['idempotency-key'];
  if (header === undefined) return null;
  const parsed = IdempotencyKey.safeParse(header);
  if (!parsed.success) throw idempotencyKeyInvalid();
  return parsed.data;
}

/**
 * /api/v1/payments: a citizen pays a dossier's fee through the gateway or by a VietQR transfer;
 * staff see and refund payments of their units and query the gateway; the gateway's IPN (the only
 * place a payment's state changes) and the browser's return (display only); the receipt (receipt.routes.ts).
 */
export function paymentsRoutes(deps: AppDeps, options: { gateway?: PaymentGateway } = {}): FastifyPluginAsyncZod {
  const { database, config } = deps;
  const gateway = options.gateway ?? service.gatewayFromConfig(config);
  const base: service.PaymentDeps = { db: database.db, config, gateway };
  return async (app) => {
    app.post(
      '/',
      {
        config: { action: 'dossiers.own.file' },
        schema: {
          tags,
          summary: 'Thanh toán lệ phí hồ sơ trực tuyến / pay a dossier fee online (header Idempotency-Key)',
          body: CreatePaymentBody,
          response: { 200: CreatePaymentResult, 201: CreatePaymentResult },
        },
      },
      async (req, reply) => {
        const key = IdempotencyKey.safeParse(req.headers['idempotency-key']);
        if (!key.success) throw idempotencyKeyInvalid();
        const result = await service.createPayment({ ...base, log: req.log }, req.access, req.body, key.data, req.ip);
        return reply.code(result.reused ? 200 : 201).send(result);
      },
    );

    app.get(
      '/',
      {
        config: { action: 'dossiers.read' },
        schema: {
          tags,
          summary: 'Danh sách giao dịch thanh toán của đơn vị / payments of my units',
          querystring: PaymentListQuery,
          response: { 200: pageOf(Payment) },
        },
      },
      async (req) => queries.listPayments(base, req.access, req.query),
    );

    app.get(
      '/gateway/ipn',
      {
        config: { action: 'public' },
        schema: {
          tags,
          summary: 'IPN của cổng thanh toán (máy chủ – máy chủ) / gateway IPN (server to server)',
          querystring: GatewayQuery,
          response: { 200: IpnAnswer },
        },
        // Also for a failure before the handler (the sign-in hook reads the database): the gateway gets its own answer, never an HTTP error.
        errorHandler: (error, req, reply) => {
          void reply.status(200).send(ipnFailed(req, error));
        },
      },
      async (req) => {
        try {
          return await handleIpn({ ...base, log: req.log }, req.query, req.ip);
        } catch (error) {
          return ipnFailed(req, error);
        }
      },
    );

    app.get(
      '/gateway/return',
      {
        config: { action: 'public' },
        schema: {
          tags,
          summary: 'Trình duyệt quay về từ cổng thanh toán (chỉ hiển thị) / browser return (display only)',
          querystring: GatewayQuery,
        },
      },
      async (req, reply) =>
        reply
          .header('cache-control', 'no-store')
          .redirect(await handleReturn({ ...base, log: req.log }, req.query), 303),
    );

    app.get(
      '/by-dossier/:dossierId',
      {
        config: { action: 'authenticated' },
        schema: {
          tags,
          summary: 'Các giao dịch của một hồ sơ / payments of a dossier',
          params: DossierParams,
          response: { 200: z.object({ items: z.array(Payment) }) },
        },
      },
      async (req) => ({ items: await queries.listDossierPayments(base, req.access, req.params.dossierId) }),
    );

    app.get(
      '/:id',
      {
        config: { action: 'authenticated' },
        schema: { tags, summary: 'Một giao dịch thanh toán / a payment', params: IdParams, response: { 200: Payment } },
      },
      async (req) => queries.getPayment(base, req.access, req.params.id),
    );

    app.get(
      '/:id/gateway-status',
      {
        config: { action: 'payments.refund' },
        schema: {
          tags,
          summary: 'Tra cứu giao dịch tại cổng thanh toán / query the gateway',
          params: IdParams,
          response: { 200: GatewayStatus },
        },
      },
      async (req) => queries.queryGatewayStatus(base, req.access, req.params.id),
    );

    app.post(
      '/:id/refunds',
      {
        config: { action: 'payments.refund' },
        schema: {
          tags,
          summary: 'Hoàn tiền (toàn bộ hoặc một phần) / refund (full or partial)',
          params: IdParams,
          body: RefundBody,
          response: { 200: Payment },
        },
      },
      async (req) => refundPayment(base, req.access, req.params.id, req.body),
    );

    app.post(
      '/:id/refunds/:refundId/retry',
      {
        config: { action: 'payments.refund' },
        schema: {
          tags,
          summary: 'Gửi lại yêu cầu hoàn tiền chưa có kết quả / retry an unanswered refund',
          params: RefundParams,
          response: { 200: Payment },
        },
      },
      async (req) => retryRefund(base, req.access, req.params.id, req.params.refundId),
    );

    const vietqr = { db: database.db, config };
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
        const result = await createVietqrPayment(vietqr, req.access, req.body.dossierId, optionalIdempotencyKey(req));
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

    await app.register(receiptRoutes(deps));
  };
}
