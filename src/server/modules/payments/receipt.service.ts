import { createHash, X509Certificate } from 'node:crypto';
import { join } from 'node:path';
import type { ReceiptVerification } from '../../../contracts/receipts';
import { todayInVietnam } from '../../../contracts/common';
import type { Config } from '../../platform/config';
import type { Db } from '../../platform/db';
import { AppError } from '../../platform/errors';
import { diskFileStore, type FileStore } from '../../platform/files';
import type { AccessContext } from '../identity';
import { getDossier, getDossierForPayment } from '../dossiers';
import { findUnitCached } from '../units';
import { CREDITED_STATES } from './lifecycle';
import * as errors from './payments.errors';
import { canSeePayment } from './payments.policy';
import * as repo from './payments.repository';
import { formatReceiptNumber, renderReceipt } from './receipt';
import type { ReceiptIssuers } from './receipt-issuers';
import * as receipts from './receipt.repository';
import { signPdf, verifyPdfSignature } from './receipt-signing';

/**
 * Issuing and verifying electronic fee receipts (ADR 0015). The number was given when the fee was
 * credited (`receipt.repository.assignReceiptNumber`, in the settlement's transaction); the first
 * download renders the receipt, signs it with the collecting body's key and stores the signed PDF
 * (content-addressed, its hash on the receipt row), so every later download and the public
 * verification page see the same signed bytes.
 */

export interface ReceiptDeps {
  db: Db;
  /** What reading the dossier (the payer) needs, and where files live and the public address. */
  config: Parameters<typeof getDossier>[0]['config'] & Pick<Config, 'DATA_DIR' | 'PUBLIC_URL'>;
  issuers: ReceiptIssuers;
  now?: () => Date;
}

const filesOf = (deps: ReceiptDeps): FileStore => diskFileStore(join(deps.config.DATA_DIR, 'files'));
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/** Where anyone checks a receipt: the public web page of its verification token. */
export function verificationUrl(publicUrl: string, token: string): string {
  return `${publicUrl.replace(/\/+$/, '')}/bien-lai/${token}`;
}

/** The common name of a certificate's subject (what the receipt prints as the signer). */
export function commonName(certificate: X509Certificate): string {
  return /(?:^|\n)CN=([^\n]*)/.exec(certificate.subject)?.[1]?.replace(/\\(.)/g, '$1') ?? certificate.subject;
}

/**
 * The signed receipt PDF of a payment, for the citizen who owns it or staff of its unit
 * (`dossiers.read`). Only a credited payment has one (else 409). The payer's name is the dossier's
 * applicant, read through the dossiers module (a staff read is access-logged there).
 */
export async function paymentReceipt(
  deps: ReceiptDeps,
  access: AccessContext,
  paymentId: string,
): Promise<{ pdf: Buffer; fileName: string }> {
  const row = await repo.findPayment(deps.db, paymentId);
  if (!row || !canSeePayment(access, row)) throw errors.paymentNotFound();
  if (!CREDITED_STATES.includes(row.state as (typeof CREDITED_STATES)[number]) || !row.paidAt)
    throw errors.receiptNotAvailable(row.state);
  const dossier = await getDossier(
    { db: deps.db, config: deps.config, files: diskFileStore(join(deps.config.DATA_DIR, 'files')) },
    access,
    row.dossierId,
  );
  const { pdf, fileName } = await issueReceipt(deps, row, {
    payerName: dossier.applicantName,
    dossierCode: dossier.code,
  });
  return { pdf, fileName };
}

/** A fee receipt issued to the owner of a dossier, for their document store (`documents`, issue 17 §3). */
export interface IssuedFeeReceipt {
  paymentId: string;
  dossierId: string;
  dossierCode: string | null;
  /** The citizen account that owns the dossier. */
  ownerAccountId: string;
  procedureCode: string;
  /** The collecting body as printed on the receipt. */
  collectingBodyName: string;
  /** When the receipt was issued (the fee credited). */
  issuedAt: Date;
  fileName: string;
  size: number;
  /** The signed PDF's name in the content-addressed file store (the same bytes as every download). */
  sha256: string;
}

/**
 * The electronic receipt of the online payment that settled dossier `dossierId`'s fee, for the
 * dossier owner's document store: issued now (rendered, signed, stored once) if it was never
 * downloaded, else the one issued. Undefined when the dossier has no owner account or no credited
 * online payment (a fee paid in cash at the counter has no electronic receipt). No access check:
 * for the store's recording pass, which keeps the receipt for the dossier's owner only. Sequential
 * statements: `deps.db` may be that pass's transaction.
 */
export async function issuedReceiptOfDossier(
  deps: ReceiptDeps,
  dossierId: string,
): Promise<IssuedFeeReceipt | undefined> {
  const dossier = await getDossierForPayment(deps.db, dossierId);
  if (!dossier.ownerAccountId) return undefined;
  const row = await repo.findCreditedForDossier(deps.db, dossierId);
  if (!row?.paidAt) return undefined;
  const { receipt, fileName, pdf } = await issueReceipt(deps, row, {
    payerName: dossier.applicantName,
    dossierCode: dossier.code,
  });
  return {
    paymentId: row.id,
    dossierId,
    dossierCode: row.dossierCode ?? dossier.code,
    ownerAccountId: dossier.ownerAccountId,
    procedureCode: dossier.procedureCode,
    collectingBodyName: receipt.collectingBodyName!,
    issuedAt: receipt.issuedAt,
    fileName,
    size: pdf.length,
    sha256: receipt.pdfSha256!,
  };
}

/**
 * Issues the receipt of credited payment `row` once: the first call renders it, signs it with the
 * collecting body's key and stores the signed PDF; later calls (and a concurrent one that lost)
 * get that one: the receipt row and the signed PDF's bytes.
 */
async function issueReceipt(
  deps: ReceiptDeps,
  row: repo.PaymentRow,
  payer: { payerName: string; dossierCode: string | null },
): Promise<{ receipt: receipts.ReceiptRow; fileName: string; pdf: Buffer }> {
  const now = deps.now ? deps.now() : new Date();
  // Payments credited before receipts were numbered at settlement are numbered at their first issue.
  let receipt = await receipts.ensureReceipt(deps.db, row.id, now);
  const fileName = `bien-lai-${receipt.year}-${formatReceiptNumber(receipt.number)}.pdf`;
  const files = filesOf(deps);
  if (receipt.pdfSha256) return { receipt, fileName, pdf: await files.read(receipt.pdfSha256) };

  // The values in force on the receipt's date (when the fee was credited), not on the day of the first download.
  const receiptDate = todayInVietnam(receipt.issuedAt);
  const issuer = deps.issuers.forUnit(receipt.collectingUnitCode, receiptDate);
  const unit = await findUnitCached(deps.db, receipt.collectingUnitCode, receiptDate);
  const collectingBodyName =
    issuer.name ?? `Ủy ban nhân dân ${unit?.fullName ?? `đơn vị ${receipt.collectingUnitCode}`}`;
  const signer = commonName(new X509Certificate(issuer.identity.certificates[0]!));
  const url = verificationUrl(deps.config.PUBLIC_URL, receipt.verificationToken);
  const unsigned = await renderReceipt({
    collectingBodyName,
    taxCode: issuer.taxCode,
    formSymbol: issuer.formSymbol,
    seriesSymbol: issuer.seriesSymbol,
    number: receipt.number,
    payerName: payer.payerName,
    dossierCode: row.dossierCode ?? payer.dossierCode ?? '',
    procedureName: row.procedureNameVi,
    amount: row.amount,
    method: row.method === 'vietqr' ? 'vietqr' : 'gateway',
    transactionNumber: row.gatewayTransactionId ?? '',
    paidAt: row.paidAt!,
    issuedAt: receipt.issuedAt,
    place: 'Lai Châu',
    signerName: signer,
    verificationUrl: url,
    demo: issuer.demo,
  });
  const pdf = await signPdf(unsigned, issuer.identity, {
    reason: `Biên lai thu lệ phí điện tử ${issuer.formSymbol} ${issuer.seriesSymbol} số ${formatReceiptNumber(receipt.number)}`,
    name: collectingBodyName,
    location: 'Lai Châu',
    contactInfo: url,
    signingTime: now,
  });
  const stored = await files.put(pdf);
  const recorded = await receipts.recordIssue(deps.db, row.id, {
    collectingBodyName,
    taxCode: issuer.taxCode,
    formSymbol: issuer.formSymbol,
    seriesSymbol: issuer.seriesSymbol,
    demo: issuer.demo,
    pdfSha256: stored.sha256,
    certificateSha256: issuer.certificateSha256,
    signedAt: now,
  });
  receipt = (await receipts.findReceipt(deps.db, row.id))!;
  if (recorded) return { receipt, fileName, pdf };
  // Another request issued it a moment earlier: everyone gets that one.
  if (stored.created) await files.remove(stored.sha256);
  return { receipt, fileName, pdf: await files.read(receipt.pdfSha256!) };
}

function receiptNotFound(): AppError {
  return new AppError('PAYMENT.RECEIPT_NOT_FOUND', 'Không tìm thấy biên lai', 'Receipt not found');
}

/**
 * The public verification of a receipt by the token printed on it: its number and symbols, the
 * collecting body, what was collected, whether it was refunded since, and whether the stored PDF's
 * signature is valid and made by the certificate recorded when it was issued. No payer data.
 */
export async function verifyReceipt(
  deps: Pick<ReceiptDeps, 'db' | 'config'>,
  token: string,
): Promise<ReceiptVerification> {
  const found = await receipts.findReceiptByToken(deps.db, token);
  if (!found?.receipt.pdfSha256) throw receiptNotFound();
  const r = found.receipt;
  const pdf = await filesOf(deps as ReceiptDeps).read(r.pdfSha256!);
  const check = verifyPdfSignature(pdf);
  const certificateSha256 = check.certificate ? sha256(check.certificate.raw) : null;
  const problem = !check.valid
    ? check.problem
    : sha256(pdf) !== r.pdfSha256
      ? 'the stored file is not the one issued'
      : certificateSha256 !== r.certificateSha256
        ? 'signed by another certificate than the one recorded at issue'
        : null;
  return {
    formSymbol: r.formSymbol!,
    seriesSymbol: r.seriesSymbol!,
    number: formatReceiptNumber(r.number),
    year: r.year,
    collectingBodyName: r.collectingBodyName!,
    taxCode: r.taxCode!,
    issuedAt: r.issuedAt.toISOString(),
    amount: found.amount,
    refundedAmount: found.refundedAmount,
    procedureName: found.procedureNameVi,
    demo: Boolean(r.demo),
    pdfSha256: r.pdfSha256!,
    signature: {
      valid: problem === null,
      problem,
      signer: check.certificate ? commonName(check.certificate) : null,
      certificateSha256,
      signedAt: r.signedAt?.toISOString() ?? null,
    },
  };
}
