import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash, randomUUID, verify as verifySignature, X509Certificate } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as mupdf from 'mupdf';
import forge from 'node-forge';
import type { ReceiptVerification } from '../../../contracts/receipts';
import { completeOnGateway, paymentWorld, startPayment, type PaymentWorld } from './test-support';
import { verifyPdfSignature } from './receipt-signing';

/**
 * The electronic fee receipt over HTTP (ADR 0015; Decree 254/2026/NĐ-CP as public copies report
 * it): paid through the sandbox gateway, downloaded, its fields read back from the PDF's text, its
 * PAdES signature checked here independently of the server's verifier, and verified publicly.
 */

let w: PaymentWorld;
let dataDir: string;
beforeAll(async () => {
  dataDir = join(process.cwd(), '.tmp', `receipts-${randomUUID()}`);
  w = await paymentWorld({ DATA_DIR: dataDir });
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

async function paidReceipt(): Promise<{ paymentId: string; pdf: Buffer }> {
  const dossierId = await w.payableDossier();
  const { body } = await startPayment(w.citizen, dossierId);
  expect((await completeOnGateway(w.base, body.redirectUrl!, 'pay')).status).toBe(303);
  const res = await w.citizen.inject(`/api/v1/payments/${body.payment.id}/receipt.pdf`);
  expect(res.statusCode).toBe(200);
  expect(res.headers['content-type']).toBe('application/pdf');
  return { paymentId: body.payment.id, pdf: res.rawPayload };
}

/**
 * An independent check of a PAdES signature, with node-forge's ASN.1 parser and node:crypto (not
 * the server's receipt-cms.ts): the ByteRange covers the file but the signature, the signed
 * message digest is the SHA-256 of those bytes, the signature over the signed attributes verifies
 * with the embedded certificate, and signing-certificate-v2 holds that certificate's hash.
 */
/**
 * The CMS object in /Contents. The placeholder is padded with zeros to its size, so the object's
 * end is read from its DER length: stripping trailing zeros would also strip a signature whose
 * last byte is 0x00 (one run in 256).
 */
function signatureDer(pdf: Buffer, b: number, c: number): Buffer {
  const der = Buffer.from(pdf.subarray(b + 1, c - 1).toString('latin1'), 'hex');
  const n = der[1]! & 0x7f;
  const length = der[1]! & 0x80 ? 2 + n + der.subarray(2, 2 + n).readUIntBE(0, n) : 2 + der[1]!;
  return der.subarray(0, length);
}

function independentlyVerified(pdf: Buffer): boolean {
  const text = pdf.toString('latin1');
  const [a, b, c, d] = /\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/.exec(text)!.slice(1).map(Number) as [
    number,
    number,
    number,
    number,
  ];
  if (a !== 0 || c + d !== pdf.length) return false;
  const signed = Buffer.concat([pdf.subarray(0, b), pdf.subarray(c, c + d)]);
  const cms = forge.asn1.fromDer(forge.util.createBuffer(signatureDer(pdf, b, c).toString('binary')));
  const value = (n: forge.asn1.Asn1) => n.value as forge.asn1.Asn1[];
  const signedData = value(value(cms)[1]!)[0]!;
  const parts = value(signedData);
  const certificates = value(
    parts.find((n) => n.tagClass === forge.asn1.Class.CONTEXT_SPECIFIC && (n.type as number) === 0)!,
  );
  const certDer = Buffer.from(forge.asn1.toDer(certificates[0]!).getBytes(), 'binary');
  const signerInfo = value(value(parts[parts.length - 1]!)[0]!);
  const attrs = signerInfo[3]!;
  const byOid = new Map(
    value(attrs).map((attr) => [forge.asn1.derToOid(value(attr)[0]!.value as string), value(value(attr)[1]!)[0]!]),
  );
  const digest = Buffer.from(byOid.get('1.2.840.113549.1.9.4')!.value as string, 'binary');
  if (!digest.equals(createHash('sha256').update(signed).digest())) return false;
  const ess = byOid.get('1.2.840.113549.1.9.16.2.47');
  if (!ess) return false;
  const certHash = Buffer.from(value(value(value(ess)[0]!)[0]!)[0]!.value as string, 'binary');
  if (!certHash.equals(createHash('sha256').update(certDer).digest())) return false;
  const set = forge.asn1.create(forge.asn1.Class.UNIVERSAL, forge.asn1.Type.SET, true, value(attrs));
  const signedAttributes = Buffer.from(forge.asn1.toDer(set).getBytes(), 'binary');
  const signature = Buffer.from(signerInfo[5]!.value as string, 'binary');
  return verifySignature('sha256', signedAttributes, new X509Certificate(certDer).publicKey, signature);
}

const hasOpenssl = (() => {
  try {
    execFileSync('openssl', ['version']);
    return true;
  } catch {
    return false;
  }
})();

describe('the electronic fee receipt (Decree 254/2026/NĐ-CP, public copies, unconfirmed)', () => {
  let first: { paymentId: string; pdf: Buffer };
  let token: string;

  it('prints the form and series symbols, an 8-digit number, the collecting body, its tax code and the verification link', async () => {
    first = await paidReceipt();
    const text = pdfText(first.pdf);
    expect(text).toContain('BIÊN LAI THU LỆ PHÍ ĐIỆN TỬ');
    expect(text).toContain('Ký hiệu mẫu số: DEMO-BLP');
    expect(text).toMatch(/Ký hiệu: DEMO Số: 0000000\d/);
    expect(text).toContain('Mã số thuế đơn vị thu: 0000000000');
    expect(text).toMatch(/Đơn vị thu: Ủy ban nhân dân (Xã|Phường) \S+/);
    expect(text).toContain('7.000 đồng');
    expect(text).toContain('Bảy nghìn đồng');
    expect(text).toContain('Lò Thị Lan');
    expect(text).toContain('Ký số bởi: DVC06 DEMO');
    expect(text).toContain('BẢN TRÌNH DIỄN');
    expect(text).toContain('Nghị định số 254/2026/NĐ-CP');
    expect(text).not.toContain('không cần chữ ký');
    const link = new RegExp(`${w.base.replace(/[.:/]/g, '\\$&')}/bien-lai/([A-Za-z0-9_-]{22})`).exec(text);
    expect(link).not.toBeNull();
    token = link![1]!;
  });

  it('carries a PAdES-B-B signature that verifies, and fails once one byte is changed', () => {
    expect(first.pdf.toString('latin1')).toContain('/SubFilter /ETSI.CAdES.detached');
    expect(independentlyVerified(first.pdf)).toBe(true);
    expect(verifyPdfSignature(first.pdf).valid).toBe(true);
    const tampered = Buffer.from(first.pdf);
    const at = tampered.indexOf('/Title');
    tampered[at + 10] = tampered[at + 10]! ^ 0x01;
    expect(independentlyVerified(tampered)).toBe(false);
    const check = verifyPdfSignature(tampered);
    expect(check.valid).toBe(false);
    expect(!check.valid && check.problem).toContain('digest');
  });

  it.skipIf(!hasOpenssl)('is a CMS signature OpenSSL verifies over the byte range', () => {
    const text = first.pdf.toString('latin1');
    const [, b, c, d] = /\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)/.exec(text)!.slice(1).map(Number);
    const dir = mkdtempSync(join(tmpdir(), 'receipt-'));
    writeFileSync(join(dir, 'content'), Buffer.concat([first.pdf.subarray(0, b), first.pdf.subarray(c, c! + d!)]));
    writeFileSync(join(dir, 'sig.der'), signatureDer(first.pdf, b!, c!));
    const run = (content: string) =>
      execFileSync(
        'openssl',
        ['cms', '-verify', '-binary', '-noverify', '-inform', 'DER', '-in', join(dir, 'sig.der'), '-content', content],
        { stdio: 'pipe' },
      );
    expect(() => run(join(dir, 'content'))).not.toThrow();
    writeFileSync(join(dir, 'other'), Buffer.from('another document'));
    expect(() => run(join(dir, 'other'))).toThrow();
  });

  it('is issued once: a second download is the same signed file, and the next payment takes the next number', async () => {
    const again = await w.police.inject(`/api/v1/payments/${first.paymentId}/receipt.pdf`);
    expect(again.statusCode).toBe(200);
    expect(again.rawPayload.equals(first.pdf)).toBe(true);
    const n = Number(/Số: (\d{8})/.exec(pdfText(first.pdf))![1]);
    const second = await paidReceipt();
    expect(pdfText(second.pdf)).toContain(`Số: ${String(n + 1).padStart(8, '0')}`);
    expect((await w.policeElsewhere.inject(`/api/v1/payments/${first.paymentId}/receipt.pdf`)).statusCode).toBe(404);
  });

  it('is verified publicly by its link: number, series, collecting body, valid signature, no payer data', async () => {
    const res = await w.t.app.inject(`/api/v1/payments/receipts/${token}`);
    expect(res.statusCode).toBe(200);
    const v = res.json<ReceiptVerification>();
    expect(v).toMatchObject({
      formSymbol: 'DEMO-BLP',
      seriesSymbol: 'DEMO',
      taxCode: '0000000000',
      amount: 7000,
      refundedAmount: 0,
      demo: true,
      pdfSha256: createHash('sha256').update(first.pdf).digest('hex'),
      signature: { valid: true, problem: null },
    });
    expect(v.number).toMatch(/^\d{8}$/);
    expect(v.signature.signer).toContain('DVC06 DEMO');
    expect(v.collectingBodyName).toMatch(/^Ủy ban nhân dân /);
    expect(res.body).not.toContain('Lò Thị Lan');
    expect((await w.t.app.inject(`/api/v1/payments/receipts/${'A'.repeat(22)}`)).statusCode).toBe(404);
    expect((await w.t.app.inject('/api/v1/payments/receipts/not-a-token')).statusCode).toBe(400);
  });

  it('says the signature is not valid when the stored file was altered', async () => {
    const sha = createHash('sha256').update(first.pdf).digest('hex');
    const path = join(dataDir, 'files', sha.slice(0, 2), sha.slice(2, 4), sha);
    expect(existsSync(path)).toBe(true);
    const bytes = await readFile(path);
    const at = bytes.indexOf('/Title');
    bytes[at + 10] = bytes[at + 10]! ^ 0x01;
    await writeFile(path, bytes);
    const v = (await w.t.app.inject(`/api/v1/payments/receipts/${token}`)).json<ReceiptVerification>();
    expect(v.signature.valid).toBe(false);
    expect(v.signature.problem).toMatch(/changed after signing/);
  });
});
