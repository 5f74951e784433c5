import { randomUUID } from 'node:crypto';
import type { Db } from '../../platform/db';
import {
  formatVnpDate,
  fromVnpAmount,
  signApi,
  toVnpAmount,
  verifyApi,
  VNP_API_CODE,
  type ApiHashKind,
} from '../payment-protocol';
import * as repo from './payment-sandbox.repository';
import type { Merchant } from './payment-sandbox.ipn';

type Body = Record<string, string>;

const MESSAGES: Record<string, string> = {
  [VNP_API_CODE.OK]: 'Success',
  [VNP_API_CODE.INVALID_MERCHANT]: 'Invalid merchant',
  [VNP_API_CODE.INVALID_DATA]: 'Invalid data',
  [VNP_API_CODE.NOT_FOUND]: 'Transaction not found',
  [VNP_API_CODE.REFUSED]: 'Transaction is not refundable',
  [VNP_API_CODE.BAD_CHECKSUM]: 'Invalid checksum',
  [VNP_API_CODE.OTHER]: 'Unknown error',
};

function signed(merchant: Merchant, kind: ApiHashKind, body: Body): Body {
  return { ...body, vnp_SecureHash: signApi(merchant.hashSecret, kind, body) };
}

function answer(
  merchant: Merchant,
  kind: 'querydrResponse' | 'refundResponse',
  request: Body,
  code: string,
  txn?: repo.SandboxTransaction,
  extra: Body = {},
): Body {
  const body: Body = {
    vnp_ResponseId: randomUUID().replace(/-/g, ''),
    vnp_Command: request.vnp_Command ?? '',
    vnp_ResponseCode: code,
    vnp_Message: MESSAGES[code] ?? 'Unknown error',
    vnp_TmnCode: merchant.tmnCode,
    vnp_TxnRef: request.vnp_TxnRef ?? '',
    vnp_Amount: txn ? toVnpAmount(txn.amount) : '',
    vnp_BankCode: txn?.bankCode ?? '',
    vnp_PayDate: txn?.payDate ? formatVnpDate(txn.payDate) : '',
    vnp_TransactionNo: txn && txn.state === 'paid' ? String(txn.id) : '',
    vnp_TransactionType: '01',
    vnp_TransactionStatus: txn?.transactionStatus ?? '',
    vnp_OrderInfo: txn?.orderInfo ?? '',
    ...extra,
  };
  if (kind === 'querydrResponse') Object.assign(body, { vnp_PromotionCode: '', vnp_PromotionAmount: '' });
  return signed(merchant, kind, body);
}

/** querydr: the gateway's record of an order. */
async function querydr(db: Db, merchant: Merchant, body: Body): Promise<Body> {
  if (!verifyApi(merchant.hashSecret, 'querydrRequest', body))
    return answer(merchant, 'querydrResponse', body, VNP_API_CODE.BAD_CHECKSUM);
  const txn = body.vnp_TxnRef ? await repo.findTransaction(db, merchant.tmnCode, body.vnp_TxnRef) : undefined;
  if (!txn) return answer(merchant, 'querydrResponse', body, VNP_API_CODE.NOT_FOUND);
  return answer(merchant, 'querydrResponse', body, VNP_API_CODE.OK, txn);
}

/**
 * refund: full (02) or partial (03) of a paid order, at most what is left. The order's row is
 * locked, so two refunds at once cannot exceed the payment. A request id seen before is answered
 * with its first outcome and not refunded again (the merchant's retry after a timeout is safe).
 */
async function refund(db: Db, merchant: Merchant, body: Body): Promise<Body> {
  if (!verifyApi(merchant.hashSecret, 'refundRequest', body))
    return answer(merchant, 'refundResponse', body, VNP_API_CODE.BAD_CHECKSUM);
  const amount = fromVnpAmount(body.vnp_Amount);
  if (!body.vnp_RequestId || !amount || !['02', '03'].includes(body.vnp_TransactionType ?? ''))
    return answer(merchant, 'refundResponse', body, VNP_API_CODE.INVALID_DATA);
  const found = body.vnp_TxnRef ? await repo.findTransaction(db, merchant.tmnCode, body.vnp_TxnRef) : undefined;
  if (!found) return answer(merchant, 'refundResponse', body, VNP_API_CODE.NOT_FOUND);
  return db.transaction(async (tx) => {
    const txn = (await repo.lockTransaction(tx, found.id))!;
    const previous = await repo.findRefundByRequest(tx, body.vnp_RequestId!);
    if (previous)
      return answer(merchant, 'refundResponse', body, VNP_API_CODE.OK, txn, {
        vnp_Amount: toVnpAmount(previous.amount),
        vnp_TransactionNo: String(previous.id),
        vnp_TransactionType: previous.transactionType,
      });
    if (txn.state !== 'paid' || (body.vnp_TransactionNo && body.vnp_TransactionNo !== String(txn.id)))
      return answer(merchant, 'refundResponse', body, VNP_API_CODE.REFUSED, txn);
    const left = txn.amount - (await repo.refundedTotal(tx, txn.id));
    if (amount > left || (body.vnp_TransactionType === '02' && amount !== txn.amount))
      return answer(merchant, 'refundResponse', body, VNP_API_CODE.INVALID_DATA, txn);
    const row = await repo.insertRefund(tx, {
      transactionId: txn.id,
      requestId: body.vnp_RequestId!,
      amount,
      transactionType: body.vnp_TransactionType!,
      createdBy: (body.vnp_CreateBy ?? '').slice(0, 64),
    });
    return answer(merchant, 'refundResponse', body, VNP_API_CODE.OK, txn, {
      vnp_Amount: toVnpAmount(amount),
      vnp_TransactionNo: String(row.id),
      vnp_TransactionType: row.transactionType,
    });
  });
}

/** The merchant API (`POST …/merchant_webapi/api/transaction`, JSON): querydr and refund, signed both ways. */
export async function merchantApi(db: Db, merchant: Merchant, raw: unknown): Promise<Body> {
  const body: Body = {};
  if (raw && typeof raw === 'object') for (const [k, v] of Object.entries(raw)) if (typeof v === 'string') body[k] = v;
  const kind = body.vnp_Command === 'refund' ? 'refundResponse' : 'querydrResponse';
  if (body.vnp_TmnCode !== merchant.tmnCode) return answer(merchant, kind, body, VNP_API_CODE.INVALID_MERCHANT);
  if (body.vnp_Command === 'querydr') return querydr(db, merchant, body);
  if (body.vnp_Command === 'refund') return refund(db, merchant, body);
  return answer(merchant, kind, body, VNP_API_CODE.INVALID_DATA);
}
