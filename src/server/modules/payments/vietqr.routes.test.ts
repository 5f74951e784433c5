import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { VietqrTransfer } from '../../../contracts/payments-reports';
import type { Session } from '../../../../test/app';
import { decodeVietqr } from './vietqr';
import { FEE, paymentWorld, startPayment, type PaymentWorld } from './test-support';

let w: PaymentWorld;
beforeAll(async () => {
  w = await paymentWorld();
}, 90_000);
afterAll(async () => w?.close());

type ErrorBody = { error: { code: string; messageVi: string } };

const createVietqr = (session: Session, dossierId: string, key?: string) =>
  session.inject({
    method: 'POST',
    url: '/api/v1/payments/vietqr',
    payload: { dossierId },
    headers: key ? { 'idempotency-key': key } : {},
  });

describe('VietQR transfer orders', () => {
  it('gives the citizen a reference, a QR payload that decodes to the account and the fee, and a PNG', async () => {
    const dossierId = await w.payableDossier();
    const res = await createVietqr(w.citizen, dossierId);
    expect(res.statusCode).toBe(201);
    const body = res.json<VietqrTransfer>();
    expect(body.reference).toMatch(/^DVC[0-9A-Z]{12}$/);
    expect(body.payment).toMatchObject({
      method: 'vietqr',
      gateway: 'vietqr',
      state: 'pending',
      amount: FEE,
      reference: body.reference,
    });
    expect(decodeVietqr(body.payload)).toMatchObject({
      bankBin: '970436',
      accountNo: '0000012345678',
      amount: FEE,
      purpose: body.reference,
      currency: '704',
      pointOfInitiation: '12',
      crcValid: true,
    });
    expect(body.account).toEqual({
      bankBin: '970436',
      accountNo: '0000012345678',
      accountName: 'KHO BAC NHA NUOC LAI CHAU DEMO',
    });
    expect(body.qrPngDataUrl.startsWith('data:image/png;base64,iVBOR')).toBe(true);
    expect(new Date(body.expiresAt).getTime() - Date.now()).toBeGreaterThan(71 * 3_600_000);
    const again = await createVietqr(w.citizen, dossierId);
    expect(again.statusCode).toBe(200);
    expect(again.json<VietqrTransfer>()).toMatchObject({ reference: body.reference, reused: true });
    const shown = await w.citizen.inject(`/api/v1/payments/${body.payment.id}/vietqr`);
    expect(shown.json<VietqrTransfer>().payload).toBe(body.payload);
  });

  it('refuses another citizen (404), staff (403), an open gateway payment (409) and a bad key (400)', async () => {
    const dossierId = await w.payableDossier();
    expect((await createVietqr(w.otherCitizen, dossierId)).statusCode).toBe(404);
    expect((await createVietqr(w.police, dossierId)).statusCode).toBe(403);
    expect((await createVietqr(w.citizen, dossierId, 'short')).json<ErrorBody>().error.code).toBe(
      'PAYMENT.IDEMPOTENCY_KEY_INVALID',
    );
    await startPayment(w.citizen, dossierId);
    const res = await createVietqr(w.citizen, dossierId);
    expect(res.statusCode).toBe(409);
    expect(res.json<ErrorBody>().error.messageVi).toContain('cổng thanh toán chưa kết thúc');
    const bad = await w.citizen.inject({
      method: 'POST',
      url: '/api/v1/payments/vietqr',
      payload: { dossierId: "1' or 1=1--" },
    });
    expect(bad.statusCode).toBe(400);
  });
});
