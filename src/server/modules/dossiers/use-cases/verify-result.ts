import { todayInVietnam } from '../../../../contracts/common';
import type { ResultVerification } from '../../../../contracts/dossiers';
import { resultDocumentTitle, type ResultDocumentKind } from '../../slips';
import * as errors from '../dossiers.errors';
import * as repo from '../dossiers.repository';
import { clock, type DossierDeps } from './deps';

const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);

/**
 * Public verification of an issued result document (its QR code): what it certified, as printed,
 * whether it is still valid, and the hash of the PDF issued. An unknown token answers 404 — the
 * token is random, so codes cannot be walked.
 */
export async function verifyResult(deps: DossierDeps, token: string): Promise<ResultVerification> {
  const found = await repo.findResultVerification(deps.db, token);
  if (!found) throw errors.resultNotFound();
  const v = found.verification;
  const facts = v.facts;
  const today = todayInVietnam(clock(deps));
  const registryFacts = Array.isArray(facts.registryFacts)
    ? (facts.registryFacts as Array<{ label: string; value: string }>)
    : [];
  const refusal = v.kind === 'REFUSAL';
  // A refusal stands once made; a result annulled later (a dossier reopened or withdrawn after it) certifies nothing.
  const standing = refusal ? ['refused', 'not_accepted', 'result_issued', 'returned'] : ['result_issued', 'returned'];
  return {
    kind: v.kind as ResultVerification['kind'],
    titleVi: refusal
      ? (str(facts.titleVi) ?? 'Phiếu từ chối')
      : resultDocumentTitle(v.kind as ResultDocumentKind).join(' — '),
    status: !standing.includes(found.state) ? 'withdrawn' : v.validUntil && v.validUntil < today ? 'expired' : 'valid',
    agencyName: v.agencyName,
    issuedAt: v.issuedAt.toISOString(),
    validUntil: v.validUntil,
    dossierCode: str(facts.dossierCode) ?? '',
    procedureName: str(facts.procedureName) ?? '',
    fullName: str(facts.fullName) ?? '',
    birthDate: str(facts.birthDate),
    nationalIdMasked: str(facts.nationalIdMasked),
    address: str(facts.address),
    registryFacts,
    content: str(facts.content),
    pdfSha256: v.pdfSha256,
  };
}
