import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  asciiOrderInfo,
  formatVnpDate,
  fromVnpAmount,
  parseVnpDate,
  signApi,
  signedData,
  signedQuery,
  signParams,
  toVnpAmount,
  verifyApi,
  verifyParams,
  vnpEncode,
} from './vnpay.protocol';

const SECRET = 'test-secret-of-at-least-thirty-two-chars';

describe('the VNPAY v2.1-style signature', () => {
  it('signs the parameters sorted by name, form-urlencoded (spaces as +), without the hash fields', () => {
    const params = {
      vnp_TxnRef: 'DVC1',
      vnp_Amount: '700000',
      vnp_OrderInfo: 'Le phi & thue/2026 (tam tru)',
      vnp_SecureHash: 'ff',
      vnp_SecureHashType: 'HmacSHA512',
      vnp_BankCode: '',
      other: 'x',
    };
    const data = 'vnp_Amount=700000&vnp_OrderInfo=Le+phi+%26+thue%2F2026+(tam+tru)&vnp_TxnRef=DVC1';
    expect(signedData(params)).toBe(data);
    expect(signParams(SECRET, params)).toBe(createHmac('sha512', SECRET).update(data).digest('hex'));
  });

  it('verifies what it signed, whatever the case of the hex, and refuses any change', () => {
    const query = new URLSearchParams(
      signedQuery(SECRET, { vnp_TxnRef: 'DVC1', vnp_Amount: '700000', vnp_ResponseCode: '00' }),
    );
    const params = Object.fromEntries(query);
    expect(verifyParams(SECRET, params)).toBe(true);
    expect(verifyParams(SECRET, { ...params, vnp_SecureHash: params.vnp_SecureHash!.toUpperCase() })).toBe(true);
    expect(verifyParams(SECRET, { ...params, vnp_Amount: '800000' })).toBe(false);
    expect(verifyParams(SECRET, { ...params, vnp_Extra: '1' })).toBe(false);
    expect(verifyParams('another-secret-of-at-least-thirty-two', params)).toBe(false);
    expect(verifyParams(SECRET, { ...params, vnp_SecureHash: undefined as unknown as string })).toBe(false);
    expect(verifyParams(SECRET, { ...params, vnp_SecureHash: 'zz' })).toBe(false);
  });

  it('round-trips Vietnamese text through the query string', () => {
    const q = signedQuery(SECRET, { vnp_OrderInfo: 'Đăng ký tạm trú', vnp_TxnRef: 'A' });
    expect(verifyParams(SECRET, Object.fromEntries(new URLSearchParams(q)))).toBe(true);
    expect(vnpEncode('a b+c')).toBe('a+b%2Bc');
  });

  it('signs merchant-API bodies over the fixed fields joined by |', () => {
    const body = {
      vnp_RequestId: 'r1',
      vnp_Version: '2.1.0',
      vnp_Command: 'querydr',
      vnp_TmnCode: 'T',
      vnp_TxnRef: 'DVC1',
      vnp_TransactionDate: '20261127080000',
      vnp_CreateDate: '20261127090000',
      vnp_IpAddr: '127.0.0.1',
      vnp_OrderInfo: 'q',
    };
    const hash = signApi(SECRET, 'querydrRequest', body);
    expect(hash).toBe(
      createHmac('sha512', SECRET)
        .update('r1|2.1.0|querydr|T|DVC1|20261127080000|20261127090000|127.0.0.1|q')
        .digest('hex'),
    );
    expect(verifyApi(SECRET, 'querydrRequest', { ...body, vnp_SecureHash: hash })).toBe(true);
    expect(verifyApi(SECRET, 'querydrRequest', { ...body, vnp_TxnRef: 'DVC2', vnp_SecureHash: hash })).toBe(false);
  });
});

describe('protocol values', () => {
  it('writes times as yyyyMMddHHmmss in GMT+7 and reads them back', () => {
    const d = new Date('2026-11-27T17:30:05Z'); // 00:30:05 on the 28th in Vietnam
    expect(formatVnpDate(d)).toBe('20261128003005');
    expect(parseVnpDate('20261128003005')?.toISOString()).toBe(d.toISOString());
    expect(parseVnpDate('20261131003005')).toBeUndefined();
    expect(parseVnpDate('2026112800300')).toBeUndefined();
    expect(parseVnpDate(undefined)).toBeUndefined();
  });

  it('sends amounts × 100 and reads only whole đồng back', () => {
    expect(toVnpAmount(7000)).toBe('700000');
    expect(fromVnpAmount('700000')).toBe(7000);
    expect(fromVnpAmount('700050')).toBeUndefined();
    expect(fromVnpAmount('-700000')).toBeUndefined();
    expect(fromVnpAmount('7e5')).toBeUndefined();
  });

  it('removes Vietnamese diacritics from the order description', () => {
    expect(asciiOrderInfo('Thanh toán lệ phí Đăng ký tạm trú — hồ sơ 03445')).toBe(
      'Thanh toan le phi Dang ky tam tru  ho so 03445',
    );
  });
});
