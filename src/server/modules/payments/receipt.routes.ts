import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { bilingual } from '../../../contracts/messages';
import { RECEIPT_TOKEN_FORM, ReceiptVerification } from '../../../contracts/receipts';
import type { AppDeps } from '../../platform/app-deps';
import { loadReceiptIssuers } from './receipt-issuers';
import { paymentReceipt, verifyReceipt } from './receipt.service';

const tags = ['payments'];
const IdParams = z.object({ id: z.uuid(bilingual('Mã giao dịch không hợp lệ', 'Invalid payment id')) });
const TokenParams = z.object({
  token: z
    .string()
    .regex(RECEIPT_TOKEN_FORM, bilingual('Mã kiểm tra biên lai không hợp lệ', 'Invalid receipt verification token')),
});

/**
 * The electronic fee receipt (ADR 0015): the signed PDF for its owner and the unit's staff, and the
 * public verification by the token printed on it. The collecting bodies' settings and keys are
 * loaded when the routes are registered: in production a missing or unreadable PKCS#12 stops the start.
 */
export function receiptRoutes({ database, config }: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    const deps = { db: database.db, config, issuers: await loadReceiptIssuers(config) };

    app.get(
      '/:id/receipt.pdf',
      {
        config: { action: 'authenticated' },
        schema: {
          tags,
          summary:
            'Biên lai điện tử có chữ ký số (PDF) của giao dịch thành công / signed electronic receipt of a successful payment',
          params: IdParams,
        },
      },
      async (req, reply) => {
        const { pdf, fileName } = await paymentReceipt(deps, req.access, req.params.id);
        return reply
          .type('application/pdf')
          .header('content-disposition', `inline; filename="${fileName}"`)
          .header('cache-control', 'private, no-store')
          .send(pdf);
      },
    );

    app.get(
      '/receipts/:token',
      {
        config: { action: 'public' },
        schema: {
          tags,
          summary:
            'Kiểm tra biên lai điện tử và chữ ký số (công khai) / verify an electronic receipt and its signature (public)',
          params: TokenParams,
          response: { 200: ReceiptVerification },
        },
      },
      async (req) => verifyReceipt(deps, req.params.token),
    );
  };
}
