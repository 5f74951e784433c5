import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import * as mupdf from 'mupdf';
import { todayInVietnam } from '../../../contracts/common';
import { completeOnGateway, paymentWorld, startPayment, UNIT, type PaymentWorld } from './test-support';
import { makePkcs12 } from './receipt-signing';

/**
 * A collecting body's tax code and symbols are dated entries (ADR 0015 §9): a receipt carries the
 * entry in force on its own date — when the fee was credited — whenever it is first downloaded.
 */

const DAY = 86_400_000;
const today = todayInVietnam();
let w: PaymentWorld;

beforeAll(async () => {
  const dataDir = join(process.cwd(), '.tmp', `receipts-dated-${randomUUID()}`);
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(join(dataDir, 'body.p12'), makePkcs12('UBND xa thu nghiem', 'passphrase of the test'));
  const issuers = join(dataDir, 'issuers.json');
  writeFileSync(
    issuers,
    JSON.stringify({
      collectingBodies: [
        {
          unitCode: UNIT,
          validFrom: '2020-01-01',
          taxCode: '6200000001',
          formSymbol: '01BLP0-001',
          seriesSymbol: 'CU',
        },
        { unitCode: UNIT, validFrom: today, taxCode: '6200000002', formSymbol: '01BLP0-002', seriesSymbol: 'MOI' },
      ],
    }),
  );
  w = await paymentWorld({
    DATA_DIR: dataDir,
    RECEIPT_ISSUERS_FILE: issuers,
    RECEIPT_SIGNING_P12: join(dataDir, 'body.p12'),
    RECEIPT_SIGNING_P12_PASSPHRASE: 'passphrase of the test',
  });
}, 90_000);
afterAll(async () => w?.close());

function pdfText(pdf: Buffer): string {
  const doc = mupdf.Document.openDocument(pdf, 'application/pdf');
  return Array.from({ length: doc.countPages() }, (_, i) =>
    doc.loadPage(i).toStructuredText('preserve-whitespace').asText(),
  )
    .join('\n')
    .replace(/\s+/g, ' ');
}

/** A fee paid through the sandbox gateway now; its receipt is numbered, not yet downloaded. */
async function paid(): Promise<string> {
  const { body } = await startPayment(w.citizen, await w.payableDossier());
  expect((await completeOnGateway(w.base, body.redirectUrl!, 'pay')).status).toBe(303);
  return body.payment.id;
}

const download = async (paymentId: string) => {
  const res = await w.citizen.inject(`/api/v1/payments/${paymentId}/receipt.pdf`);
  expect(res.statusCode, res.body).toBe(200);
  return pdfText(res.rawPayload);
};

describe('a receipt of a body whose symbols changed', () => {
  it('carries the entry in force today for a fee credited today', async () => {
    const text = await download(await paid());
    expect(text).toContain('Ký hiệu mẫu số: 01BLP0-002');
    expect(text).toMatch(/Ký hiệu: MOI Số: \d{8}/);
    expect(text).toContain('Mã số thuế đơn vị thu: 6200000002');
    expect(text).not.toContain('BẢN TRÌNH DIỄN');
  });

  it('carries the entry of its own date for a fee credited the day before, downloaded only today', async () => {
    const paymentId = await paid();
    // The fee was credited yesterday (Vietnam time); nobody downloaded the receipt until today.
    await w.t.database.db.execute(
      sql`update payments.receipts set issued_at = issued_at - ${`${DAY / 1000} seconds`}::interval where payment_id = ${paymentId}`,
    );
    const text = await download(paymentId);
    expect(text).toContain('Ký hiệu mẫu số: 01BLP0-001');
    expect(text).toMatch(/Ký hiệu: CU Số: \d{8}/);
    expect(text).toContain('Mã số thuế đơn vị thu: 6200000001');
  });
});
