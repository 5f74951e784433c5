import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { StoredDocumentList } from '../../../contracts/documents';
import type { Session } from '../../../../test/app';
import { testConfig } from '../../../../test/db';
import { completeOnGateway, paymentWorld, startPayment, type PaymentWorld } from '../payments/test-support';
import { issuedPapersDeps, type IssuedPapersDeps } from './issued-papers';
import { recordIssuedDocuments } from './record';

/*
 * The papers issued to a citizen besides results, in their document store (issue 17 §3): a
 * temporary residence registration paid online through the sandbox gateway, received and sent
 * back for a supplement — its fee receipt and its two slips (CT04, CT05) are recorded once by the
 * recording pass and download byte for byte as the on-demand prints (the signed receipt, the
 * citizen's copy of each slip).
 */

let w: PaymentWorld;
let papers: IssuedPapersDeps;
beforeAll(async () => {
  const dataDir = join(process.cwd(), '.tmp', `papers-${randomUUID()}`);
  w = await paymentWorld({ DATA_DIR: dataDir });
  papers = await issuedPapersDeps(testConfig({ DATA_DIR: dataDir, PUBLIC_URL: w.base }));
}, 90_000);
afterAll(async () => w?.close());

const record = () => recordIssuedDocuments(w.t.database.db, { settleMs: 0, papers });
const command = (session: Session, id: string, name: string, payload: Record<string, unknown> = {}) =>
  session.inject({ method: 'POST', url: `/api/v1/dossiers/${id}/commands/${name}`, payload });

let serial = 9000;
/**
 * A payable dossier of the citizen with a code a slip prints (the payment world's copies have test
 * codes): the filed template's agency and day with a serial of its own.
 */
async function payableDossier(): Promise<string> {
  const dossierId = await w.payableDossier();
  const [template] = await w.t.database.rows<{ code: string }>(
    sql`select code from dossiers.dossiers where code not like 'TEST-%' and code is not null limit 1`,
  );
  const code = template!.code.replace(/\d{4}$/, String(++serial));
  await w.t.database.rows(sql`update dossiers.dossiers set code = ${code} where id = ${dossierId}`);
  return dossierId;
}

/** A dossier of the citizen paid online (its payment id), received and sent back for a supplement. */
async function paidReceivedSupplemented(): Promise<{ dossierId: string; paymentId: string; code: string }> {
  const dossierId = await payableDossier();
  const { body } = await startPayment(w.citizen, dossierId);
  expect((await completeOnGateway(w.base, body.redirectUrl!, 'pay')).status).toBe(303);
  expect((await w.dossierFee(dossierId)).feeStatus).toBe('paid');
  const received = await command(w.police, dossierId, 'receive');
  expect(received.statusCode, received.body).toBe(200);
  const supplement = await command(w.police, dossierId, 'request_supplement', {
    items: [{ item: 'Hợp đồng thuê nhà có công chứng', reason: 'Bản đã nộp chưa có chứng thực' }],
  });
  expect(supplement.statusCode, supplement.body).toBe(200);
  return { dossierId, paymentId: body.payment.id, code: received.json<{ code: string }>().code };
}

const mine = async (session: Session) => {
  const res = await session.inject('/api/v1/documents/mine');
  expect(res.statusCode, res.body).toBe(200);
  return res.json<StoredDocumentList>().items;
};

describe('slips and the fee receipt in the owner’s store', () => {
  it('records the receipt and each slip once, with their types and titles, not reusable and without a limit', async () => {
    const { code } = await paidReceivedSupplemented();
    expect(await record()).toBeGreaterThanOrEqual(3);
    expect(await record()).toBe(0); // a second pass finds nothing new
    const ours = (await mine(w.citizen)).filter((d) => d.dossierCode === code);
    expect(ours.map((d) => d.documentType).sort()).toEqual(['RECEIPT', 'SLIP_RECEIPT', 'SLIP_SUPPLEMENT']);
    const byType = Object.fromEntries(ours.map((d) => [d.documentType, d]));
    expect(byType.RECEIPT).toMatchObject({
      titleVi: 'Biên lai thu lệ phí điện tử',
      titleEn: 'Electronic receipt of the fee',
      mediaType: 'application/pdf',
      validUntil: null,
      valid: true,
      servesDocumentCodes: [],
    });
    // A temporary residence registration: the police's forms CT04 and CT05.
    expect(byType.SLIP_RECEIPT).toMatchObject({
      titleVi: 'Phiếu tiếp nhận hồ sơ và hẹn trả kết quả (Mẫu CT04)',
      procedureCode: '1.004194',
      validUntil: null,
      servesDocumentCodes: [],
    });
    expect(byType.SLIP_SUPPLEMENT!.titleEn).toBe('Guidance to supplement and complete the dossier (form CT05)');
    expect(byType.SLIP_RECEIPT!.fileName).toBe(`${code}-receipt.pdf`);
    // Nobody else's store holds them.
    expect((await mine(w.otherCitizen)).some((d) => d.dossierCode === code)).toBe(false);
  });

  it('downloads each byte for byte as the on-demand print: the signed receipt, the citizen’s copy of each slip', async () => {
    const { dossierId, paymentId, code } = await paidReceivedSupplemented();
    await record();
    const ours = (await mine(w.citizen)).filter((d) => d.dossierCode === code);
    const download = async (type: string) => {
      const doc = ours.find((d) => d.documentType === type)!;
      const res = await w.citizen.inject(`/api/v1/documents/${doc.id}/file`);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.headers['content-type']).toContain('application/pdf');
      expect(res.headers['cache-control']).toContain('no-store');
      return res.rawPayload;
    };
    const onDemand = async (url: string) => {
      const res = await w.citizen.inject(url);
      expect(res.statusCode, res.body).toBe(200);
      return res.rawPayload;
    };
    // The receipt was issued by the pass (never downloaded before): every later download is those bytes.
    expect((await download('RECEIPT')).equals(await onDemand(`/api/v1/payments/${paymentId}/receipt.pdf`))).toBe(true);
    expect((await download('SLIP_RECEIPT')).equals(await onDemand(`/api/v1/dossiers/${dossierId}/slips/receipt`))).toBe(
      true,
    );
    expect(
      (await download('SLIP_SUPPLEMENT')).equals(await onDemand(`/api/v1/dossiers/${dossierId}/slips/supplement`)),
    ).toBe(true);
    // References into the file store: the receipt row's hash is the payment receipt's.
    const [row] = await w.t.database.rows<{ same: boolean }>(
      sql`select s.sha256 = r.pdf_sha256 as same from documents.stored_documents s
          join payments.receipts r on r.payment_id::text = s.source_id
          where s.document_type = 'RECEIPT' and s.dossier_code = ${code}`,
    );
    expect(row?.same).toBe(true);
  });

  it('records the apology (a new appointment) and the refusal slips, each byte for byte as the citizen prints it', async () => {
    // Paid and received, then late: an apology with a new appointment.
    const late = await payableDossier();
    const paid = await startPayment(w.citizen, late);
    expect((await completeOnGateway(w.base, paid.body.redirectUrl!, 'pay')).status).toBe(303);
    const received = await command(w.police, late, 'receive');
    expect(received.statusCode, received.body).toBe(200);
    const dueAt = received.json<{ dueAt: string }>().dueAt;
    const newDueAt = new Date(Date.parse(dueAt) + 3 * 86_400_000).toISOString();
    const extended = await command(w.police, late, 'extend', { reason: 'Cần xác minh thêm tại nơi ở', newDueAt });
    expect(extended.statusCode, extended.body).toBe(200);
    // Paid, then refused at intake, citing the legal provision.
    const refused = await payableDossier();
    const paid2 = await startPayment(w.citizen, refused);
    expect((await completeOnGateway(w.base, paid2.body.redirectUrl!, 'pay')).status).toBe(303);
    const refusal = await command(w.police, refused, 'refuse_intake', {
      reason: 'Chỗ ở không thuộc địa bàn xã',
      legalBasis: 'Khoản 1 Điều 27 Luật Cư trú 2020',
    });
    expect(refusal.statusCode, refusal.body).toBe(200);
    await record();
    const docs = await mine(w.citizen);
    const one = async (dossierId: string, type: string, kind: string) => {
      const code = (await w.citizen.inject(`/api/v1/dossiers/${dossierId}`)).json<{ code: string }>().code;
      const found = docs.filter((d) => d.dossierCode === code && d.documentType === type);
      expect(found, `${type} of ${code}`).toHaveLength(1);
      expect(found[0]!.validUntil).toBeNull();
      const stored = await w.citizen.inject(`/api/v1/documents/${found[0]!.id}/file`);
      const printed = await w.citizen.inject(`/api/v1/dossiers/${dossierId}/slips/${kind}`);
      expect(printed.statusCode, printed.body).toBe(200);
      expect(stored.rawPayload.equals(printed.rawPayload)).toBe(true);
      return found[0]!;
    };
    expect((await one(late, 'SLIP_APOLOGY', 'apology')).titleVi).toBe(
      'Phiếu xin lỗi và hẹn lại ngày trả kết quả (Mẫu số 04)',
    );
    expect((await one(refused, 'SLIP_REFUSAL', 'refusal')).titleVi).toBe(
      'Phiếu từ chối tiếp nhận, giải quyết hồ sơ (Mẫu CT06)',
    );
    expect(await record()).toBe(0);
  });

  it('holds a slip whose file could not be stored for the next pass, and skips one it cannot print (reported)', async () => {
    const { code } = await paidReceivedSupplemented();
    const skipped: string[] = [];
    const failingDisk = {
      ...papers,
      files: { ...papers.files, put: () => Promise.reject(new Error('disk full')) },
      onSkipped: (e: { code: string }) => skipped.push(e.code),
    };
    await recordIssuedDocuments(w.t.database.db, { settleMs: 0, papers: failingDisk });
    // The receipt is the payments module's file (stored there); the slips wait.
    const first = (await mine(w.citizen)).filter((d) => d.dossierCode === code).map((d) => d.documentType);
    expect(first).toEqual(['RECEIPT']);
    expect(skipped).toEqual([]);
    // The next pass reads from the held mark and records them.
    await record();
    const second = (await mine(w.citizen)).filter((d) => d.dossierCode === code).map((d) => d.documentType);
    expect(second.sort()).toEqual(['RECEIPT', 'SLIP_RECEIPT', 'SLIP_SUPPLEMENT']);
    // A slip the history cannot print (a code no slip accepts) is skipped for good and reported, not retried.
    const unprintable = await payableDossier();
    const paid = await startPayment(w.citizen, unprintable);
    expect((await completeOnGateway(w.base, paid.body.redirectUrl!, 'pay')).status).toBe(303);
    expect((await command(w.police, unprintable, 'receive')).statusCode).toBe(200);
    await w.t.database.rows(sql`update dossiers.dossiers set code = 'KHONG-HOP-LE' where id = ${unprintable}`);
    const pass = () =>
      recordIssuedDocuments(w.t.database.db, { settleMs: 0, papers: { ...papers, onSkipped: failingDisk.onSkipped } });
    await pass();
    expect(skipped[0]).toBe('SLIP.INVALID');
    // Rescanned while the feed's mark settles (ADR 0032), then never again.
    await pass();
    const reported = skipped.length;
    await pass();
    await pass();
    expect(skipped).toHaveLength(reported);
    expect(new Set(skipped)).toEqual(new Set(['SLIP.INVALID']));
  });

  it('keeps nothing for a dossier without an owner account (a paper filing)', async () => {
    const dossierId = await payableDossier();
    const { body } = await startPayment(w.citizen, dossierId);
    expect((await completeOnGateway(w.base, body.redirectUrl!, 'pay')).status).toBe(303);
    expect((await command(w.police, dossierId, 'receive')).statusCode).toBe(200);
    await w.t.database.rows(sql`update dossiers.dossiers set owner_account_id = null where id = ${dossierId}`);
    await record();
    const [n] = await w.t.database.rows<{ n: string | number }>(
      sql`select count(*) as n from documents.stored_documents where dossier_id = ${dossierId}`,
    );
    expect(Number(n!.n)).toBe(0);
  });
});
