import { createHash, sign, verify, X509Certificate, type KeyObject } from 'node:crypto';

/**
 * The CMS (PKCS#7) SignedData of a PAdES baseline B-B signature (ETSI EN 319 142-1; SubFilter
 * ETSI.CAdES.detached): detached content (the PDF's ByteRange), SHA-256, the signed attributes
 * content-type, message-digest and signing-certificate-v2 (RFC 5035) and no signing-time (the
 * claimed signing time is the signature dictionary's /M). Built with a small DER writer rather than
 * node-forge's pkcs7, which can neither add signing-certificate-v2 nor leave signing-time out.
 * The reader below verifies such a signature (the receipt verification page, the tests).
 */

const OID = {
  data: '1.2.840.113549.1.7.1',
  signedData: '1.2.840.113549.1.7.2',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
  sha256: '2.16.840.1.101.3.4.2.1',
  sha256WithRsa: '1.2.840.113549.1.1.11',
  ecdsaWithSha256: '1.2.840.10045.4.3.2',
} as const;

const TAG = { int: 0x02, octets: 0x04, null: 0x05, oid: 0x06, seq: 0x30, set: 0x31, ctx0: 0xa0, ctx4: 0xa4 };

// --- DER writing --------------------------------------------------------------------------------

function der(tag: number, ...parts: Buffer[]): Buffer {
  const body = Buffer.concat(parts);
  let length: Buffer;
  if (body.length < 0x80) length = Buffer.from([body.length]);
  else {
    const bytes: number[] = [];
    for (let n = body.length; n > 0; n = Math.floor(n / 256)) bytes.unshift(n % 256);
    length = Buffer.from([0x80 | bytes.length, ...bytes]);
  }
  return Buffer.concat([Buffer.from([tag]), length, body]);
}

function oid(dotted: string): Buffer {
  const arcs = dotted.split('.').map(Number);
  const bytes: number[] = [40 * arcs[0]! + arcs[1]!];
  for (const arc of arcs.slice(2)) {
    const chunk = [arc & 0x7f];
    for (let n = Math.floor(arc / 128); n > 0; n = Math.floor(n / 128)) chunk.unshift((n & 0x7f) | 0x80);
    bytes.push(...chunk);
  }
  return der(TAG.oid, Buffer.from(bytes));
}

const seq = (...parts: Buffer[]) => der(TAG.seq, ...parts);
const attribute = (type: string, value: Buffer) => seq(oid(type), der(TAG.set, value));

// --- DER reading --------------------------------------------------------------------------------

interface Node {
  tag: number;
  /** The whole TLV. */
  raw: Buffer;
  /** The value bytes. */
  body: Buffer;
}

function readNode(buf: Buffer, at = 0): Node {
  if (at + 2 > buf.length) throw new Error('DER: truncated');
  const tag = buf[at]!;
  let length = buf[at + 1]!;
  let p = at + 2;
  if (length & 0x80) {
    const n = length & 0x7f;
    if (n < 1 || n > 4 || p + n > buf.length) throw new Error('DER: bad length');
    length = 0;
    for (let i = 0; i < n; i++) length = length * 256 + buf[p++]!;
  }
  if (p + length > buf.length) throw new Error('DER: truncated');
  return { tag, raw: buf.subarray(at, p + length), body: buf.subarray(p, p + length) };
}

function childrenOf(node: Node): Node[] {
  const out: Node[] = [];
  for (let at = 0; at < node.body.length;) {
    const child = readNode(node.body, at);
    out.push(child);
    at += child.raw.length;
  }
  return out;
}

function expectTag(node: Node | undefined, tag: number, what: string): Node {
  if (!node || node.tag !== tag) throw new Error(`DER: ${what} expected`);
  return node;
}

function oidOf(node: Node | undefined): string {
  const body = expectTag(node, TAG.oid, 'OID').body;
  const arcs = [Math.floor(body[0]! / 40), body[0]! % 40];
  let value = 0;
  for (const byte of body.subarray(1)) {
    value = value * 128 + (byte & 0x7f);
    if (!(byte & 0x80)) {
      arcs.push(value);
      value = 0;
    }
  }
  return arcs.join('.');
}

/** The issuer Name and serialNumber (as DER) of an X.509 certificate. */
function issuerAndSerial(certDer: Buffer): { issuer: Buffer; serial: Buffer } {
  const tbs = childrenOf(expectTag(childrenOf(readNode(certDer))[0], TAG.seq, 'tbsCertificate'));
  const offset = tbs[0]?.tag === TAG.ctx0 ? 1 : 0; // [0] version is optional
  return {
    serial: expectTag(tbs[offset], TAG.int, 'serial').raw,
    issuer: expectTag(tbs[offset + 2], TAG.seq, 'issuer').raw,
  };
}

// --- signing ------------------------------------------------------------------------------------

export interface SigningIdentity {
  key: KeyObject;
  /** The signer's certificate (DER) first, then any chain certificates to embed. */
  certificates: Buffer[];
}

/** The detached CMS SignedData (DER) over `content` for a PAdES-B-B signature. */
export function padesCms(content: Buffer, identity: SigningIdentity): Buffer {
  const certDer = identity.certificates[0];
  if (!certDer) throw new Error('no signing certificate');
  const { issuer, serial } = issuerAndSerial(certDer);
  const sha256 = (b: Buffer) => createHash('sha256').update(b).digest();
  const sha256Alg = seq(oid(OID.sha256));
  const attributes = [
    attribute(OID.contentType, oid(OID.data)),
    attribute(OID.messageDigest, der(TAG.octets, sha256(content))),
    // SigningCertificateV2 { certs: [ ESSCertIDv2 { certHash (SHA-256, the default), issuerSerial } ] }
    attribute(
      OID.signingCertificateV2,
      seq(seq(seq(der(TAG.octets, sha256(certDer)), seq(seq(der(TAG.ctx4, issuer)), serial)))),
    ),
  ].sort((x, y) => Buffer.compare(x, y)); // DER: a SET OF is sorted by encoding
  const signedAttributes = der(TAG.set, ...attributes);
  const ec = identity.key.asymmetricKeyType === 'ec';
  const signature = sign('sha256', signedAttributes, identity.key);
  const signatureAlg = ec ? seq(oid(OID.ecdsaWithSha256)) : seq(oid(OID.sha256WithRsa), der(TAG.null));
  const signerInfo = seq(
    der(TAG.int, Buffer.from([1])),
    seq(issuer, serial),
    sha256Alg,
    der(TAG.ctx0, ...attributes),
    signatureAlg,
    der(TAG.octets, signature),
  );
  const signedData = seq(
    der(TAG.int, Buffer.from([1])),
    der(TAG.set, sha256Alg),
    seq(oid(OID.data)),
    der(TAG.ctx0, ...identity.certificates),
    der(TAG.set, signerInfo),
  );
  return seq(oid(OID.signedData), der(TAG.ctx0, signedData));
}

// --- verifying ----------------------------------------------------------------------------------

export type CmsVerification =
  { valid: true; certificate: X509Certificate } | { valid: false; problem: string; certificate?: X509Certificate };

/**
 * Verifies a detached CMS SignedData (trailing zero padding allowed) over `content`: the signed
 * message digest is the content's SHA-256, the signature over the signed attributes verifies with
 * the embedded certificate named by the signer, and signing-certificate-v2 names that certificate.
 * Says nothing about who issued the certificate (the caller compares it with the one it expects).
 */
export function verifyCms(cms: Buffer, content: Buffer): CmsVerification {
  let certificate: X509Certificate | undefined;
  try {
    const info = childrenOf(expectTag(readNode(cms), TAG.seq, 'ContentInfo'));
    if (oidOf(info[0]) !== OID.signedData) return { valid: false, problem: 'not a SignedData' };
    const sd = childrenOf(expectTag(childrenOf(expectTag(info[1], TAG.ctx0, '[0] content'))[0], TAG.seq, 'SignedData'));
    const certs = sd.find((n) => n.tag === TAG.ctx0);
    const signerInfos = childrenOf(expectTag(sd[sd.length - 1], TAG.set, 'signerInfos'));
    if (signerInfos.length !== 1) return { valid: false, problem: 'expected exactly one signer' };
    const si = childrenOf(expectTag(signerInfos[0], TAG.seq, 'SignerInfo'));
    const sid = expectTag(si[1], TAG.seq, 'IssuerAndSerialNumber').raw;
    if (oidOf(childrenOf(expectTag(si[2], TAG.seq, 'digestAlgorithm'))[0]) !== OID.sha256)
      return { valid: false, problem: 'digest algorithm is not SHA-256' };
    const signedAttrs = expectTag(si[3], TAG.ctx0, 'signedAttrs');
    const signature = expectTag(si[5], TAG.octets, 'signature').body;
    const certDer = (certs ? childrenOf(certs) : [])
      .map((n) => n.raw)
      .find((c) => {
        const { issuer, serial } = issuerAndSerial(c);
        return seq(issuer, serial).equals(sid);
      });
    if (!certDer) return { valid: false, problem: 'signer certificate missing' };
    certificate = new X509Certificate(certDer);
    const attrs = new Map(
      childrenOf(signedAttrs).map((a) => {
        const [type, values] = childrenOf(a);
        return [oidOf(type), childrenOf(expectTag(values, TAG.set, 'attribute values'))[0]] as const;
      }),
    );
    if (attrs.has('1.2.840.113549.1.9.5'))
      return { valid: false, problem: 'signing-time must not be signed (PAdES)', certificate };
    if (oidOf(attrs.get(OID.contentType)) !== OID.data)
      return { valid: false, problem: 'content type is not data', certificate };
    const digest = expectTag(attrs.get(OID.messageDigest), TAG.octets, 'message digest').body;
    if (!digest.equals(createHash('sha256').update(content).digest()))
      return { valid: false, problem: 'the document was changed after signing (digest mismatch)', certificate };
    const essCert = attrs.get(OID.signingCertificateV2);
    if (!essCert) return { valid: false, problem: 'signing-certificate-v2 missing', certificate };
    const certHash = childrenOf(childrenOf(childrenOf(essCert)[0]!)[0]!)[0];
    if (!expectTag(certHash, TAG.octets, 'certHash').body.equals(createHash('sha256').update(certDer).digest()))
      return { valid: false, problem: 'signing-certificate-v2 names another certificate', certificate };
    // The signature covers the signed attributes re-tagged as a SET (RFC 5652 §5.4).
    const signedBytes = Buffer.concat([Buffer.from([TAG.set]), signedAttrs.raw.subarray(1)]);
    if (!verify('sha256', signedBytes, certificate.publicKey, signature))
      return { valid: false, problem: 'the signature does not verify', certificate };
    return { valid: true, certificate };
  } catch (error) {
    return { valid: false, problem: `malformed signature (${(error as Error).message})`, certificate };
  }
}
