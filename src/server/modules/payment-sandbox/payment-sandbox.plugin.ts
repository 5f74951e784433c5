import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import type { Config } from '../../platform/config';
import type { Database, Db } from '../../platform/db';
import { IsoDate } from '../../../contracts/common';
import {
  fromVnpAmount,
  parseVnpDate,
  verifyParams,
  vnpParamsOf,
  VNP_RESULT,
  VNP_TXN_STATUS,
} from '../payment-protocol';
import { merchantApi } from './payment-sandbox.api';
import { IpnScheduler, resultParams, RETRY_DELAYS_MS, type Merchant } from './payment-sandbox.ipn';
import { errorPage, paymentPage, SANDBOX_CSS, type Bilingual } from './payment-sandbox.pages';
import * as repo from './payment-sandbox.repository';
import type { IpnOptions } from './payment-sandbox.schema';
import { settlementCsv } from './payment-sandbox.settlement';

/** Where the sandbox lives in our Fastify app. */
export const PAY_SANDBOX_PREFIX = '/pay-sandbox';

export interface PaymentSandbox {
  merchant: Merchant;
  scheduler: IpnScheduler;
}

const MESSAGES = {
  badRequest: {
    vi: 'Yêu cầu thanh toán không hợp lệ hoặc sai chữ ký.',
    en: 'The payment request is invalid or wrongly signed.',
  },
  expired: {
    vi: 'Giao dịch đã quá thời gian chờ thanh toán. Hãy quay lại dịch vụ và tạo giao dịch mới.',
    en: 'The payment time is over. Go back to the service and start a new payment.',
  },
  changed: {
    vi: 'Mã giao dịch này đã được dùng cho một đơn hàng khác.',
    en: 'This order reference was used for another order.',
  },
  notFound: { vi: 'Không tìm thấy giao dịch.', en: 'Transaction not found.' },
} satisfies Record<string, Bilingual>;

const CompleteForm = z.object({
  token: z.string().max(100).default(''),
  choice: z.enum(['pay', 'decline', 'cancel']).default('pay'),
  bankCode: z
    .string()
    .regex(/^[A-Z0-9]{2,20}$/)
    .optional()
    .catch(undefined),
  delaySeconds: z.coerce.number().int().min(0).max(600).catch(0).default(0),
  twice: z.string().optional(),
  afterReturn: z.string().optional(),
  wrongAmount: z.string().optional(),
  wrongSignature: z.string().optional(),
  manual: z.string().optional(),
});

function html(reply: FastifyReply, status: number, body: string): FastifyReply {
  return reply.code(status).header('cache-control', 'no-store').type('text/html; charset=utf-8').send(body);
}

function withQuery(url: string, query: string): string {
  return `${url}${url.includes('?') ? '&' : '?'}${query}`;
}

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** Reads and checks a signed payment redirect; the order to create, or undefined. */
function readRedirect(merchant: Merchant, query: unknown) {
  const p = vnpParamsOf(query);
  if (!verifyParams(merchant.hashSecret, p) || p.vnp_TmnCode !== merchant.tmnCode || p.vnp_Command !== 'pay')
    return undefined;
  const amount = fromVnpAmount(p.vnp_Amount);
  const expiresAt = parseVnpDate(p.vnp_ExpireDate);
  const returnUrl = z.url({ protocol: /^https?$/ }).safeParse(p.vnp_ReturnUrl);
  if (
    !amount ||
    !expiresAt ||
    !p.vnp_TxnRef ||
    !/^[A-Za-z0-9]{1,40}$/.test(p.vnp_TxnRef) ||
    !parseVnpDate(p.vnp_CreateDate) ||
    !returnUrl.success
  )
    return undefined;
  return {
    tmnCode: merchant.tmnCode,
    txnRef: p.vnp_TxnRef,
    amount,
    orderInfo: (p.vnp_OrderInfo ?? '').slice(0, 255),
    bankCode: p.vnp_BankCode ?? null,
    locale: p.vnp_Locale === 'en' ? 'en' : 'vn',
    returnUrl: returnUrl.data,
    createDate: p.vnp_CreateDate!,
    expiresAt,
    state: 'pending',
    transactionStatus: VNP_TXN_STATUS.UNFINISHED,
    pageToken: randomBytes(18).toString('base64url'),
  };
}

const OUTCOMES = {
  pay: { state: 'paid', responseCode: VNP_RESULT.SUCCESS, transactionStatus: VNP_TXN_STATUS.SUCCESS },
  decline: { state: 'declined', responseCode: VNP_RESULT.INSUFFICIENT_FUNDS, transactionStatus: VNP_TXN_STATUS.ERROR },
  cancel: { state: 'cancelled', responseCode: VNP_RESULT.CANCELLED, transactionStatus: VNP_TXN_STATUS.ERROR },
} as const;

/** The browser's way back to the merchant with the order's signed result. */
function backToMerchant(reply: FastifyReply, merchant: Merchant, txn: repo.SandboxTransaction): FastifyReply {
  return reply.header('cache-control', 'no-store').redirect(withQuery(txn.returnUrl, resultParams(txn, merchant)), 303);
}

function pageRoutes(db: Db, sandbox: PaymentSandbox) {
  const { merchant, scheduler } = sandbox;
  return async (scope: FastifyInstance): Promise<void> => {
    scope.addContentTypeParser(
      'application/x-www-form-urlencoded',
      { parseAs: 'string', bodyLimit: 4096 },
      (_request, body, done) => {
        done(null, Object.fromEntries(new URLSearchParams(String(body))));
      },
    );
    // The payment page's form carries its own token (pageToken), checked on completion.
    const opts = { schema: { hide: true }, config: { action: 'public' as const, csrf: 'own' as const } };

    scope.get(`${PAY_SANDBOX_PREFIX}/assets/sandbox.css`, opts, (_request, reply) =>
      reply.header('cache-control', 'public, max-age=3600').type('text/css; charset=utf-8').send(SANDBOX_CSS),
    );

    // The payment page the merchant redirects the citizen to (signed vnp_* parameters).
    scope.get(`${PAY_SANDBOX_PREFIX}/paymentv2/vpcpay.html`, opts, async (request, reply) => {
      const order = readRedirect(merchant, request.query);
      if (!order) return html(reply, 400, errorPage(PAY_SANDBOX_PREFIX, MESSAGES.badRequest));
      const txn = await repo.findOrCreateTransaction(db, order);
      if (txn.amount !== order.amount) return html(reply, 409, errorPage(PAY_SANDBOX_PREFIX, MESSAGES.changed));
      if (txn.state !== 'pending') return backToMerchant(reply, merchant, txn);
      if (txn.expiresAt.getTime() <= Date.now())
        return html(reply, 410, errorPage(PAY_SANDBOX_PREFIX, MESSAGES.expired, new URL(txn.returnUrl).origin));
      return html(reply, 200, paymentPage(PAY_SANDBOX_PREFIX, txn));
    });

    // Pay / decline / cancel: record the outcome once, send the IPN as the test options say, send the browser back.
    scope.post(`${PAY_SANDBOX_PREFIX}/paymentv2/:id/complete`, opts, async (request, reply) => {
      const id = Number((request.params as { id: string }).id);
      const txn = Number.isSafeInteger(id) ? await repo.findTransactionById(db, id) : undefined;
      const form = CompleteForm.safeParse(request.body ?? {});
      if (!txn || !form.success || !sameToken(form.data.token, txn.pageToken))
        return html(reply, 403, errorPage(PAY_SANDBOX_PREFIX, MESSAGES.badRequest));
      if (txn.state !== 'pending') return backToMerchant(reply, merchant, txn);
      if (txn.expiresAt.getTime() <= Date.now())
        return html(reply, 410, errorPage(PAY_SANDBOX_PREFIX, MESSAGES.expired, new URL(txn.returnUrl).origin));
      const f = form.data;
      const options: IpnOptions = {
        delaySeconds: f.delaySeconds,
        twice: !!f.twice,
        afterReturn: !!f.afterReturn,
        wrongAmount: !!f.wrongAmount,
        wrongSignature: !!f.wrongSignature,
        manual: !!f.manual,
      };
      const outcome = OUTCOMES[f.choice];
      const done = await repo.completeTransaction(db, txn.id, {
        ...outcome,
        payDate: new Date(),
        ipnOptions: options,
        bankCode: f.bankCode ?? txn.bankCode ?? 'NCB',
      });
      if (!done) return backToMerchant(reply, merchant, (await repo.findTransactionById(db, txn.id))!);
      await scheduler.dispatch(done, options);
      return backToMerchant(reply, merchant, done);
    });
  };
}

const TxnRefParams = z.object({ txnRef: z.string().regex(/^[A-Za-z0-9]{1,40}$/) });
const DeliverBody = z.object({ variant: z.enum(['correct', 'wrong_amount', 'wrong_signature']).default('correct') });

function apiRoutes(db: Db, sandbox: PaymentSandbox) {
  const { merchant, scheduler } = sandbox;
  return async (scope: FastifyInstance): Promise<void> => {
    const opts = { schema: { hide: true }, config: { action: 'public' as const } };
    // The merchant API: querydr and refund (JSON, signed both ways: the signature is its token).
    scope.post(
      `${PAY_SANDBOX_PREFIX}/merchant_webapi/api/transaction`,
      { ...opts, config: { ...opts.config, csrf: 'own' as const } },
      async (request) => merchantApi(db, merchant, request.body),
    );

    // The day's settlement file (CSV) for the reconciliation.
    scope.get(`${PAY_SANDBOX_PREFIX}/settlement`, opts, async (request, reply) => {
      const q = z.object({ date: IsoDate }).safeParse(request.query);
      if (!q.success) return reply.code(400).send({ error: 'date=YYYY-MM-DD' });
      const csv = await settlementCsv(db, merchant.tmnCode, q.data.date);
      return reply
        .header('content-disposition', `attachment; filename="settlement-${merchant.tmnCode}-${q.data.date}.csv"`)
        .type('text/csv; charset=utf-8')
        .send(csv);
    });

    // For tests and demos: the sandbox's record of an order, and sending its IPN on demand.
    scope.get(`${PAY_SANDBOX_PREFIX}/api/transactions/:txnRef`, opts, async (request, reply) => {
      const p = TxnRefParams.safeParse(request.params);
      const txn = p.success ? await repo.findTransaction(db, merchant.tmnCode, p.data.txnRef) : undefined;
      if (!txn) return reply.code(404).send({ error: MESSAGES.notFound.en });
      const [refunds, deliveries] = await Promise.all([repo.refundsOf(db, txn.id), repo.deliveriesOf(db, txn.id)]);
      return {
        transactionNo: String(txn.id),
        txnRef: txn.txnRef,
        amount: txn.amount,
        state: txn.state,
        responseCode: txn.responseCode,
        payDate: txn.payDate?.toISOString() ?? null,
        refunds: refunds.map((r) => ({
          amount: r.amount,
          transactionType: r.transactionType,
          at: r.createdAt.toISOString(),
        })),
        deliveries: deliveries.map((d) => ({
          variant: d.variant,
          attempt: d.attempt,
          rspCode: d.rspCode,
          httpStatus: d.httpStatus,
          error: d.error,
          at: d.sentAt.toISOString(),
        })),
      };
    });
    scope.post(`${PAY_SANDBOX_PREFIX}/api/transactions/:txnRef/ipn`, opts, async (request, reply) => {
      const p = TxnRefParams.safeParse(request.params);
      const body = DeliverBody.safeParse(request.body ?? {});
      const txn = p.success ? await repo.findTransaction(db, merchant.tmnCode, p.data.txnRef) : undefined;
      if (!txn || !body.success) return reply.code(404).send({ error: MESSAGES.notFound.en });
      if (txn.state === 'pending') return reply.code(409).send({ error: 'The order is not completed yet' });
      return scheduler.send(txn, body.data.variant);
    });
  };
}

/**
 * Mounts the sandbox gateway under /pay-sandbox: the payment page, the merchant API, the
 * settlement file and the test API. Its merchant is ours (PAYMENT_TMN_CODE / PAYMENT_HASH_SECRET),
 * its IPN goes to `${PUBLIC_URL}/api/v1/payments/gateway/ipn`.
 */
export async function mountPaymentSandbox(
  app: FastifyInstance,
  deps: { config: Config; database: Database },
  options: { retryDelaysMs?: readonly number[] } = {},
): Promise<PaymentSandbox> {
  const { config, database } = deps;
  if (!config.PAYMENT_TMN_CODE || !config.PAYMENT_HASH_SECRET)
    throw new Error('The sandbox payment gateway needs PAYMENT_TMN_CODE and PAYMENT_HASH_SECRET');
  const merchant: Merchant = {
    tmnCode: config.PAYMENT_TMN_CODE,
    hashSecret: config.PAYMENT_HASH_SECRET,
    ipnUrl: `${config.PUBLIC_URL.replace(/\/+$/, '')}/api/v1/payments/gateway/ipn`,
  };
  const scheduler = new IpnScheduler(database.db, merchant, app.log, options.retryDelaysMs ?? RETRY_DELAYS_MS);
  const sandbox = { merchant, scheduler };
  await app.register(pageRoutes(database.db, sandbox));
  await app.register(apiRoutes(database.db, sandbox));
  app.addHook('onClose', async () => scheduler.close());
  return sandbox;
}
