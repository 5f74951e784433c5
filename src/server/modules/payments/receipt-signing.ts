import { createPrivateKey, generateKeyPairSync, randomBytes, X509Certificate } from 'node:crypto';
import { link, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import forge from 'node-forge';
import { PDFDocument } from 'pdf-lib';
import { pdflibAddPlaceholder } from '@signpdf/placeholder-pdf-lib';
import { SignPdf } from '@signpdf/signpdf';
import { Signer, SUBFILTER_ETSI_CADES_DETACHED } from '@signpdf/utils';
import { padesCms, verifyCms, type SigningIdentity } from './receipt-cms';

/**
 * The collecting body's digital signature on a receipt PDF (ADR 0015): a PAdES-B-B signature —
 * @signpdf's placeholder (pdf-lib) and ByteRange handling, our CMS (`receipt-cms.ts`). The key is a
 * PKCS#12 file (production: RECEIPT_SIGNING_P12 + passphrase; development: one generated at first
 * start into DATA_DIR, a self-signed certificate that proves nothing).
 */

export type { SigningIdentity } from './receipt-cms';

/** Room for the CMS in the PDF (bytes): a 4096-bit key with a chain of three certificates fits. */
const SIGNATURE_ROOM = 16_384;

class PadesSigner extends Signer {
  constructor(private readonly identity: SigningIdentity) {
    super();
  }
  override sign(content: Buffer): Promise<Buffer> {
    return Promise.resolve(padesCms(content, this.identity));
  }
}

export interface SignatureLabels {
  reason: string;
  name: string;
  location: string;
  contactInfo: string;
  signingTime: Date;
}

/** Adds a PAdES-B-B signature (SubFilter ETSI.CAdES.detached, one invisible field) to `pdf`. */
export async function signPdf(pdf: Buffer, identity: SigningIdentity, labels: SignatureLabels): Promise<Buffer> {
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  pdflibAddPlaceholder({
    pdfDoc: doc,
    reason: labels.reason,
    name: labels.name,
    location: labels.location,
    contactInfo: labels.contactInfo,
    signingTime: labels.signingTime,
    signatureLength: SIGNATURE_ROOM,
    subFilter: SUBFILTER_ETSI_CADES_DETACHED,
    appName: 'DVC06',
  });
  const prepared = Buffer.from(await doc.save({ useObjectStreams: false }));
  return new SignPdf().sign(prepared, new PadesSigner(identity));
}

export type PdfSignatureCheck =
  | { valid: true; certificate: X509Certificate; subFilter: string }
  | { valid: false; problem: string; certificate?: X509Certificate };

/**
 * Checks the (single) signature of a PDF: the ByteRange covers the whole file but the /Contents
 * hex string, the SubFilter is ETSI.CAdES.detached, and the CMS verifies over the ByteRange.
 */
export function verifyPdfSignature(pdf: Buffer): PdfSignatureCheck {
  const text = pdf.toString('latin1');
  const ranges = [...text.matchAll(/\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/g)];
  if (ranges.length !== 1) return { valid: false, problem: `expected one signature, found ${ranges.length}` };
  const [a, b, c, d] = ranges[0]!.slice(1).map(Number) as [number, number, number, number];
  if (a !== 0 || b >= c || c + d !== pdf.length)
    return { valid: false, problem: 'the signed byte range does not cover the whole file' };
  const hole = pdf.subarray(b, c).toString('latin1');
  if (!/^<[0-9a-fA-F]*>$/.test(hole)) return { valid: false, problem: 'the byte range gap is not the signature' };
  const subFilter = /\/SubFilter\s*\/([A-Za-z0-9.]+)/.exec(text)?.[1];
  if (subFilter !== SUBFILTER_ETSI_CADES_DETACHED)
    return { valid: false, problem: `SubFilter ${subFilter ?? 'missing'}` };
  const cms = Buffer.from(hole.slice(1, -1), 'hex');
  const result = verifyCms(cms, Buffer.concat([pdf.subarray(0, b), pdf.subarray(c, c + d)]));
  return result.valid ? { ...result, subFilter } : result;
}

/**
 * Reads a PKCS#12 file: its private key (RSA) and its certificates, the one matching the key
 * first. Throws a message naming the file (not the passphrase) when it cannot be used.
 */
export async function loadPkcs12(path: string, passphrase: string): Promise<SigningIdentity> {
  const bytes = await readFile(path);
  let p12: forge.pkcs12.Pkcs12Pfx;
  try {
    p12 = forge.pkcs12.pkcs12FromAsn1(forge.asn1.fromDer(bytes.toString('binary')), passphrase);
  } catch (error) {
    throw new Error(`${path}: not a PKCS#12 file this passphrase opens (${(error as Error).message})`);
  }
  const keyBag = [
    ...(p12.getBags({ bagType: forge.pki.oids.pkcs8ShroudedKeyBag! })[forge.pki.oids.pkcs8ShroudedKeyBag!] ?? []),
    ...(p12.getBags({ bagType: forge.pki.oids.keyBag! })[forge.pki.oids.keyBag!] ?? []),
  ].find((bag) => bag.key);
  if (!keyBag?.key) throw new Error(`${path}: no private key (an RSA key is expected)`);
  const key = createPrivateKey(forge.pki.privateKeyToPem(keyBag.key));
  const certs = (p12.getBags({ bagType: forge.pki.oids.certBag! })[forge.pki.oids.certBag!] ?? [])
    .filter((bag) => bag.cert)
    .map((bag) => Buffer.from(forge.asn1.toDer(forge.pki.certificateToAsn1(bag.cert!)).getBytes(), 'binary'));
  const own = certs.findIndex((der) => new X509Certificate(der).checkPrivateKey(key));
  if (own < 0) throw new Error(`${path}: no certificate matches the private key`);
  return { key, certificates: [certs[own]!, ...certs.filter((_, i) => i !== own)] };
}

/** The published passphrase of the development PKCS#12: the key it protects proves nothing. */
export const DEVELOPMENT_P12_PASSPHRASE = 'development-only-receipt-key';

/** A PKCS#12 (DER) of a new RSA key and a self-signed certificate for `commonName`, valid `years`. */
export function makePkcs12(commonName: string, passphrase: string, years = 10, now = new Date()): Buffer {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.publicKeyFromPem(publicKey.export({ type: 'spki', format: 'pem' }).toString());
  cert.serialNumber = `01${randomBytes(15).toString('hex')}`;
  cert.validity.notBefore = new Date(now.getTime() - 60_000);
  cert.validity.notAfter = new Date(now.getTime() + years * 365 * 86_400_000);
  const name = [
    { name: 'commonName', value: commonName },
    { name: 'organizationName', value: 'DVC06 demo (not a real agency)' },
    { name: 'countryName', value: 'VN' },
  ];
  cert.setSubject(name);
  cert.setIssuer(name);
  cert.setExtensions([
    { name: 'basicConstraints', cA: false },
    { name: 'keyUsage', digitalSignature: true, nonRepudiation: true },
  ]);
  const forgeKey = forge.pki.privateKeyFromPem(privateKey.export({ type: 'pkcs8', format: 'pem' }).toString());
  cert.sign(forgeKey, forge.md.sha256.create());
  const asn1 = forge.pkcs12.toPkcs12Asn1(forgeKey, [cert], passphrase, { algorithm: '3des' });
  return Buffer.from(forge.asn1.toDer(asn1).getBytes(), 'binary');
}

/**
 * The development signing key: `DATA_DIR/receipt-signing/development.p12`, made at first use. Made
 * in a temporary file and linked into place, so two processes starting together keep one key.
 */
export async function developmentIdentity(dataDir: string): Promise<SigningIdentity> {
  const dir = join(dataDir, 'receipt-signing');
  const path = join(dir, 'development.p12');
  try {
    return await loadPkcs12(path, DEVELOPMENT_P12_PASSPHRASE);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  await mkdir(dir, { recursive: true });
  const tmp = join(dir, `development.${randomBytes(8).toString('hex')}.tmp`);
  await writeFile(
    tmp,
    makePkcs12('DVC06 DEMO - khoa ky bien lai thu nghiem, khong co gia tri phap ly', DEVELOPMENT_P12_PASSPHRASE),
    { mode: 0o600 },
  );
  await link(tmp, path).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'EEXIST') throw error;
  });
  await rm(tmp, { force: true });
  return loadPkcs12(path, DEVELOPMENT_P12_PASSPHRASE);
}
