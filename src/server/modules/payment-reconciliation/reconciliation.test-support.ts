import { randomUUID } from 'node:crypto';
import type { Payment } from '../../../contracts/payments';
import type { Session } from '../../../../test/app';

/** Shared by the reconciliation route tests: uploads, VietQR orders and statements through the API. */

export type ErrorBody = {
  error: { code: string; messageVi: string; messageEn: string; fields?: Array<{ field: string; messageVi: string }> };
};

/** A multipart/form-data body with one file part (field `file` by default). */
export function multipart(content: Buffer | string, fileName = 'sao-ke.csv', field = 'file') {
  const boundary = `----dvc06${randomUUID()}`;
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${fileName}"\r\nContent-Type: text/csv\r\n\r\n`,
    ),
    Buffer.isBuffer(content) ? content : Buffer.from(content, 'utf8'),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

export const createVietqr = (session: Session, dossierId: string, key?: string) =>
  session.inject({
    method: 'POST',
    url: '/api/v1/payments/vietqr',
    payload: { dossierId },
    headers: key ? { 'idempotency-key': key } : {},
  });
export const importStatement = async (session: Session, csv: Buffer | string) =>
  session.inject({ method: 'POST', url: '/api/v1/payments/statements', ...multipart(csv) });
export const getPayment = async (session: Session, id: string) =>
  (await session.inject(`/api/v1/payments/${id}`)).json<Payment>();
export const HEADER = 'Ngày giao dịch,Số tiền,Nội dung,Số bút toán\n';
export const nowVn = () => new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 19).replace('T', ' ');
