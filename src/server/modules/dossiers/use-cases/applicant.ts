import { todayInVietnam } from '../../../../contracts/common';
import type { SubmissionBody } from '../../../../contracts/dossiers';
import type { AccessContext } from '../../identity';
import { resolvePrefill, type ProcedureVersion } from '../../procedures';
import { findOwnRecord, findPersonIdByNationalId, getPersonDetail } from '../../population';
import * as errors from '../dossiers.errors';
import { actingGrant, mayEnterPaper, mayFileOwn } from '../dossiers.policy';
import { clock, type DossierDeps } from './deps';
import type { ApplicantRecord, Prefill } from './prepare-filing';

/** The applicant of a submission and the form checks that apply to them. */
export interface Applicant {
  personId: string | null;
  name: string;
  nationalId: string | null;
  ownerAccountId: string | null;
  /** The commune chosen or the citizen's residence (null: none known; the form's address may name it). */
  unitCode: string | null;
  sources: Record<string, string>;
  prefill?: Prefill;
  /** The registry record (without quality findings), for the fee's exemption checks. */
  record: ApplicantRecord | null;
}

/** Who reads a person's record for dossier processing, as the access log records it: the officer under `action`'s grant. */
export function dossierReader(deps: DossierDeps, access: AccessContext, action: 'dossiers.enter' | 'dossiers.read') {
  const grant = actingGrant(access, action);
  return {
    accountId: access.actor!.accountId,
    role: grant.role,
    unitCode: grant.unitCode,
    requestId: access.requestId,
    pseudonymKey: deps.config.AUDIT_PSEUDONYM_KEY,
  };
}

/**
 * An officer's read of a person's registry record (without quality findings) while entering a
 * filing: logged in the access log for dossier processing, under the officer's entering grant.
 */
export async function readForFiling(deps: DossierDeps, access: AccessContext, personId: string) {
  return getPersonDetail(
    deps.db,
    personId,
    undefined,
    { reader: dossierReader(deps, access, 'dossiers.enter'), purpose: 'dossier_processing' },
    { findings: false },
  );
}

/**
 * Who files: a citizen their own dossier (online or on a counter device, at the e-ID level the
 * procedure requires, with the prefill they saw), or an officer a paper filing for a living person
 * found by ID number (the read is logged for dossier processing).
 */
export async function resolveApplicant(
  deps: DossierDeps,
  access: AccessContext,
  body: SubmissionBody,
  version: ProcedureVersion,
): Promise<Applicant> {
  const actor = access.actor!;
  if (actor.kind === 'citizen') {
    if (!mayFileOwn(access)) throw errors.commandForbidden('submit');
    if (body.channel === 'paper')
      throw errors.requestInvalid(
        'channel',
        'Công dân nộp trực tuyến hoặc tại thiết bị ở bộ phận một cửa',
        'Citizens file online or on a counter device',
      );
    if (body.applicantNationalId)
      throw errors.requestInvalid(
        'applicantNationalId',
        'Công dân chỉ nộp hồ sơ của chính mình',
        'Citizens file their own dossiers only',
      );
    if ((actor.acr ?? 0) < version.requiredEidLevel) throw errors.eidLevelForbidden(version.requiredEidLevel);
    // The citizen's record and household in one read; the same prefill the citizen saw (procedures' pure resolver).
    const own = await findOwnRecord(deps.db, actor.nationalId, { findings: false });
    const person = own?.record ?? null;
    const household = own?.household ?? null;
    const resolved = resolvePrefill(
      version.form,
      { person, household, today: todayInVietnam(clock(deps)) },
      actor.nationalId ? { nationalId: actor.nationalId } : {},
    );
    const prefill = {
      versionId: version.id,
      code: version.code,
      ...resolved,
      eIdLevelOk: (actor.acr ?? 0) >= version.requiredEidLevel,
    };
    // The commune chosen, else the citizen's residence; a registration's form names its own (receiving-unit.ts).
    const unitCode = body.unitCode ?? person?.residenceUnitCode ?? null;
    return {
      personId: person?.id ?? actor.personId,
      name: person?.fullName ?? actor.displayName,
      nationalId: actor.nationalId,
      ownerAccountId: actor.accountId,
      unitCode,
      sources: prefill.sources,
      prefill,
      record: person,
    };
  }
  // An officer entering a paper filing for a citizen at the counter.
  if (body.channel !== 'paper')
    throw errors.requestInvalid(
      'channel',
      'Cán bộ chỉ nhập hồ sơ giấy (kênh "paper")',
      'Officers enter paper filings only (channel "paper")',
    );
  if (!body.unitCode)
    throw errors.requestInvalid('unitCode', 'Chọn đơn vị tiếp nhận hồ sơ', 'Choose the receiving unit');
  if (!mayEnterPaper(access, body.unitCode)) throw errors.commandForbidden('enter');
  if (!body.applicantNationalId)
    throw errors.requestInvalid(
      'applicantNationalId',
      'Nhập số định danh cá nhân của người nộp',
      "Enter the applicant's personal ID number",
    );
  const personId = await findPersonIdByNationalId(deps.db, body.applicantNationalId);
  if (!personId)
    throw errors.requestInvalid(
      'applicantNationalId',
      'Không tìm thấy công dân có số định danh này',
      'No person with this ID number',
    );
  const person = await readForFiling(deps, access, personId);
  // The applicant (người nộp) is who stands at the counter: a death is declared by a living relative.
  if (person.status === 'deceased')
    throw errors.requestInvalid(
      'applicantNationalId',
      'Số định danh này thuộc người đã mất. Nhập số định danh của người đến nộp hồ sơ (người đi khai).',
      'This ID number belongs to a deceased person. Enter the ID number of the person filing (the declarant).',
    );
  return {
    personId,
    name: person.fullName,
    nationalId: body.applicantNationalId,
    ownerAccountId: null,
    unitCode: body.unitCode,
    sources: {},
    record: person,
  };
}
