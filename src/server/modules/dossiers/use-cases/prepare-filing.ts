import type { DossierChannel, SubmissionBody } from '../../../../contracts/dossiers';
import {
  getProcedureVersion,
  getProcedureVersionById,
  validateFormData,
  validateSubmission,
  type prefillForm,
  type ProcedureVersion,
} from '../../procedures';
import type { getPersonDetail } from '../../population';
import {
  applicantFactsOf,
  computeDossierFee,
  feeState,
  UNKNOWN_APPLICANT,
  type FeeCalculation,
  type FeeSubject,
  type FeeState,
} from '../../fees';
import { checkFiles, type IncomingFile } from '../attachments';
import * as errors from '../dossiers.errors';
import { clock, type DossierDeps } from './deps';
import { todayInVietnam } from '../../../../contracts/common';

/** Field name of the proof of a claimed exemption that the registry cannot check (e.g. a disability certificate). */
export const EXEMPTION_PROOF = 'exemption_proof';

/** The registry record of an applicant (without quality findings), for the fee's exemption checks. */
export type ApplicantRecord = Awaited<ReturnType<typeof getPersonDetail>>;
/** What the citizen saw prefilled (locked registry values). */
export type Prefill = Awaited<ReturnType<typeof prefillForm>>;

/** The version a form was filled under, if it is still the one in force (else 409: reload the form). */
export async function versionInForce(
  deps: DossierDeps,
  body: Pick<SubmissionBody, 'procedureCode' | 'procedureVersionId'>,
): Promise<ProcedureVersion> {
  const current = await getProcedureVersion(deps.db, body.procedureCode, todayInVietnam(clock(deps)));
  if (current.id !== body.procedureVersionId) {
    const filed = await getProcedureVersionById(deps.db, body.procedureVersionId).catch(() => null);
    if (!filed || filed.code !== body.procedureCode)
      throw errors.requestInvalid(
        'procedureVersionId',
        'Phiên bản thủ tục không khớp với mã thủ tục',
        'The procedure version does not belong to this procedure',
      );
    throw errors.procedureVersionConflict();
  }
  return current;
}

/**
 * The form of a filing, complete and checked against the version (unknown fields refused, prefilled
 * registry values locked, answers the law keeps off the online channel refused on it).
 */
export function validateFull(
  version: ProcedureVersion,
  form: Record<string, unknown>,
  prefill: Prefill | undefined,
  channel: DossierChannel,
): Record<string, unknown> {
  const result = validateSubmission(
    version,
    form,
    prefill
      ? { values: prefill.values, sources: prefill.sources, editable: prefill.editable, choices: prefill.choices }
      : undefined,
    channel,
  );
  if (!result.ok) throw errors.formInvalid(result.errors);
  return result.value;
}

/** A draft may be incomplete, but never holds unknown fields or wrong types. */
export function validateDraft(version: ProcedureVersion, form: Record<string, unknown>): Record<string, unknown> {
  const result = validateFormData(version, form);
  if (result.ok) return result.value;
  const real = result.errors.filter((e) => !/required|bắt buộc/i.test(`${e.vi} ${e.en}`));
  if (real.length) throw errors.formInvalid(real);
  return form;
}

function requiredDocumentsPresent(version: ProcedureVersion, keys: Set<string>, registryKnowsApplicant: boolean): void {
  const eForm = version.form.formCode?.toLowerCase().replace(/-/g, '_');
  for (const d of version.documents) {
    if (!d.required || keys.has(d.code)) continue;
    if (d.code === eForm) continue; // the declaration itself: the electronic form of the dossier
    if (d.replaceableByRegistry && registryKnowsApplicant) continue; // the registry replaces the paper copy (Project 06)
    throw errors.attachmentInvalid(
      `file:${d.code}`,
      `Thiếu giấy tờ bắt buộc: ${d.nameVi}`,
      `A required document is missing: ${d.nameEn}`,
    );
  }
}

function exemptionProofPresent(fee: FeeCalculation | null, keys: Set<string>): void {
  if (fee?.exemption?.check === 'proof' && fee.exemption.status === 'pending' && !keys.has(EXEMPTION_PROOF)) {
    throw errors.attachmentInvalid(
      `file:${EXEMPTION_PROOF}`,
      `Đính kèm giấy tờ chứng minh được miễn lệ phí: ${fee.exemption.proofVi ?? fee.exemption.labelVi}`,
      `Attach the proof of the fee exemption: ${fee.exemption.proofEn ?? fee.exemption.labelEn}`,
    );
  }
}

/** What a filing is checked with, once its form is valid. */
export interface FilingInput {
  version: ProcedureVersion;
  channel: DossierChannel;
  persons?: number;
  exemptionClaim?: string | null;
  form: Record<string, unknown>;
  record: ApplicantRecord | null;
  today: string;
  files: IncomingFile[];
  /**
   * Documents already attached (a saved draft's), or null for a draft being saved: a draft need
   * not be complete; anything filed must hold every required document and a claimed exemption's proof.
   */
  existingKeys: string[] | null;
  /** The registry knows the applicant: its data replaces the paper copies marked replaceable. */
  registryKnowsApplicant: boolean;
  /** The person being registered when not the applicant (fee-subject.ts): their exemptions count. */
  feeSubject?: FeeSubject;
  /** The citizen's e-ID level on an online or assisted filing (a temporary waiver may need level 2); null on paper. */
  eidLevel?: number | null;
}

/**
 * The steps a direct submission and the submission of a draft share: the fee from the version
 * (with the exemptions the registry proves, fees module), the files checked by their bytes, the
 * required documents and the exemption's proof present, and what the fee means for the dossier.
 */
export async function prepareFiling(
  deps: DossierDeps,
  input: FilingInput,
): Promise<{ fee: FeeCalculation | null; money: FeeState; checked: Awaited<ReturnType<typeof checkFiles>> }> {
  const { version, today } = input;
  const members = Array.isArray(input.form.members) ? input.form.members.length : 0;
  const fee = version.fees.items.length
    ? await computeDossierFee(deps.db, version, {
        channel: input.channel,
        persons: input.persons ?? 1 + members,
        applicant: input.record ? applicantFactsOf(input.record, today) : UNKNOWN_APPLICANT,
        subject: input.feeSubject,
        eidLevel: input.eidLevel ?? null,
        claim: input.exemptionClaim ?? null,
        asOf: today,
      })
    : null;
  const checked = await checkFiles(input.files, [
    ...version.documents.map((d) => d.code),
    ...(fee?.exemption?.check === 'proof' ? [EXEMPTION_PROOF] : []),
  ]);
  if (input.existingKeys) {
    const keys = new Set([...input.existingKeys, ...checked.map((f) => f.documentKey)]);
    requiredDocumentsPresent(version, keys, input.registryKnowsApplicant);
    exemptionProofPresent(fee, keys);
  }
  return { fee, money: feeState(fee, input.channel), checked };
}

/** Attachment rows of stored files, uploaded by `uploadedBy` in supplement round `round` (0: the filing). */
export function attachmentRows(
  rows: ReadonlyArray<{ documentKey: string; fileName: string; mediaType: string; size: number; sha256: string }>,
  round: number,
  uploadedBy: string,
) {
  return rows.map((f) => ({
    documentKey: f.documentKey,
    fileName: f.fileName,
    mediaType: f.mediaType,
    size: f.size,
    sha256: f.sha256,
    round,
    uploadedBy,
  }));
}
