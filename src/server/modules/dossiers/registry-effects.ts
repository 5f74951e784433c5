import type { ProcedureForm, RegistryEffect, RegistryOutcome } from '../../../contracts/procedures';
import type { Db } from '../../platform/db';
import {
  memberStandings,
  personIdsByNationalId,
  recordStayNotification,
  registryVersionsOf,
  type Decision,
} from '../population';
import * as errors from './dossiers.errors';
import { memberNumbers, membersOf, text, type Form } from './registry-effects.form';
import {
  birthRegistration,
  deathRegistration,
  deceasedResidence,
  marriageRegistration,
  newbornResidence,
} from './registry-effects.civil-status';
import { householdSplit, residenceDataAdjustment } from './registry-effects.household';
import {
  permanentResidence,
  residenceDeletion,
  temporaryAbsence,
  temporaryExtension,
  temporaryResidence,
} from './registry-effects.residence';

/**
 * What the approval of a dossier does to the registry: one small function per kind of effect
 * (the version's `registryEffect` says which, and which form fields hold its inputs), each
 * calling one command of `population` inside the decision's transaction
 * (registry-effects.residence.ts, registry-effects.household.ts, registry-effects.civil-status.ts).
 */

export { lastDayOfYears } from './registry-effects.form';

/** The persons an effect will change, by record id: recorded at filing with their registry versions. */
export async function personsOfEffect(
  db: Db,
  effect: RegistryEffect,
  form: Form,
  applicantPersonId: string | null,
): Promise<string[]> {
  if (effect.kind === 'register_birth' || effect.kind === 'register_newborn_residence') return []; // a new person: nothing seen before
  if (effect.kind === 'record_death' || effect.kind === 'end_residence_of_deceased') {
    const number = text(form[effect.nationalId]);
    return number ? [...(await personIdsByNationalId(db, [number])).values()] : [];
  }
  const ids = applicantPersonId ? [applicantPersonId] : [];
  if (effect.kind === 'record_marriage') {
    const partner = text(form[effect.partnerNationalId]);
    if (partner && /^\d{12}$/.test(partner)) ids.push(...(await personIdsByNationalId(db, [partner])).values());
    return ids;
  }
  const numbers = 'members' in effect ? memberNumbers(effect.members, form) : [];
  if ('headNationalId' in effect && effect.kind !== 'register_permanent_residence') {
    const head = text(form[effect.headNationalId]);
    if (head) numbers.push(head);
  }
  ids.push(...(await personIdsByNationalId(db, numbers)).values());
  return ids;
}

/**
 * The effect whose persons a dossier watches from filing: the version's, or for an interlinked group
 * the first step that changes the registry (the later ones change what that step changed).
 */
export function decidingEffect(version: {
  registryEffect: RegistryEffect | null;
  components: ReadonlyArray<{ step?: { kind: string; effect?: RegistryEffect } }>;
}): RegistryEffect | null {
  if (version.registryEffect) return version.registryEffect;
  return version.components.find((c) => c.step?.kind === 'registry')?.step?.effect ?? null;
}

/** What a dossier records at filing: the registry version of each person its approval will change. */
export async function registrySeenAtFiling(
  db: Db,
  effect: RegistryEffect | null,
  form: Form,
  applicantPersonId: string | null,
): Promise<Record<string, number> | null> {
  if (!effect) return null;
  return registryVersionsOf(db, await personsOfEffect(db, effect, form, applicantPersonId));
}

/**
 * The members named on a residence form (registration, deletion, household split) checked at filing:
 * each must be of the applicant's household in the registry — or, for a permanent registration,
 * of no household yet. Anyone else files their own dossier; the decision refuses them again under
 * its locks (population's `refuseStrangers`), this is the early answer naming the row. One message
 * for "not in the registry" and "of another household": the form must not tell a citizen whether
 * some ID number they typed exists.
 */
export async function refuseMembersOutsideHousehold(
  db: Db,
  effect: RegistryEffect | null,
  form: Form,
  applicantPersonId: string | null,
): Promise<void> {
  if (!effect || !('members' in effect) || !effect.members) return;
  if (effect.kind === 'adjust_residence_data') return; // relations within the household, checked under lock
  const field = effect.members;
  const rows = membersOf(field, form);
  const standings = await memberStandings(
    db,
    applicantPersonId,
    rows.flatMap((m) => (m.nationalId ? [m.nationalId] : [])),
  );
  const unhoused = effect.kind === 'register_permanent_residence';
  const problems = rows.flatMap((m, i) => {
    const standing = m.nationalId ? standings.get(m.nationalId) : 'not_found';
    if (standing === 'same_household' || (standing === 'no_household' && unhoused)) return [];
    return [
      {
        field: `${field}.${i}.nationalId`,
        vi: `${m.fullName ?? 'Người'} (dòng ${i + 1}) không cùng hộ với người nộp theo CSDL dân cư; người này (hoặc chủ hộ của họ) tự nộp hồ sơ`,
        en: `${m.fullName ?? 'The person'} (row ${i + 1}) is not of the applicant's household in the registry; they (or their household's head) file their own dossier`,
      },
    ];
  });
  if (problems.length) throw errors.formInvalid(problems);
}

/**
 * Applies the version's registry effect of an approved dossier inside the decision's transaction:
 * any failure (a conflict with a later change, a household gone, a form value that cannot apply)
 * throws, and the caller's transaction rolls back the decision with it.
 */
export async function applyRegistryEffect(
  tx: Db,
  version: { registryEffect: RegistryEffect; form: ProcedureForm },
  dossier: { form: Form; applicantPersonId: string | null; unitCode: string; registryOutcome?: RegistryOutcome | null },
  decision: Decision & { provinceCode: string },
): Promise<RegistryOutcome | null> {
  const { registryEffect: effect, form: definition } = version;
  const { form, applicantPersonId: applicant } = dossier;
  // A birth is declared by a parent or relative: the newborn, not the applicant, is who it registers.
  if (effect.kind === 'register_birth')
    return birthRegistration(
      tx,
      effect,
      form,
      { unitCode: dossier.unitCode, provinceCode: decision.provinceCode },
      decision,
    );
  // A death is declared by a relative: the deceased named on the form is who it changes.
  if (effect.kind === 'record_death') return deathRegistration(tx, effect, form, decision);
  // The steps of an interlinked group after the civil-status step: its child, or its deceased.
  if (effect.kind === 'register_newborn_residence')
    return newbornResidence(tx, effect, form, dossier.registryOutcome ?? {}, decision);
  if (effect.kind === 'end_residence_of_deceased') return deceasedResidence(tx, effect, form, decision);
  if (effect.kind === 'record_marriage') {
    await marriageRegistration(tx, effect, form, applicant, dossier.unitCode, decision);
    return null;
  }
  if (!applicant)
    throw errors.effectInvalid(
      'applicantPersonId',
      'Người nộp không có trong CSDL dân cư: không thể cập nhật nơi cư trú',
      'The applicant is not in the registry: residence cannot be updated',
    );
  switch (effect.kind) {
    case 'register_permanent_residence':
      await permanentResidence(tx, effect, form, applicant, decision);
      break;
    case 'register_temporary_residence':
      await temporaryResidence(tx, effect, form, applicant, decision);
      break;
    case 'extend_temporary_residence':
      await temporaryExtension(tx, effect, form, applicant, decision);
      break;
    case 'end_residence':
      await residenceDeletion(tx, effect, form, definition, applicant, decision);
      break;
    case 'record_temporary_absence':
      await temporaryAbsence(tx, effect, form, definition, applicant, decision);
      break;
    case 'split_household':
      await householdSplit(tx, effect, form, applicant, decision);
      break;
    case 'adjust_residence_data':
      await residenceDataAdjustment(tx, effect, form, applicant, decision);
      break;
  }
  return null;
}

/**
 * The effect of a version applied when a dossier is filed, not decided (2.001159 stay notification):
 * recorded in the filing's transaction, with the dossier's code; the dossier is complete at once.
 */
export async function applyAtFiling(
  tx: Db,
  effect: RegistryEffect,
  form: Form,
  dossier: { code: string | null; unitCode: string; applicantPersonId: string | null; applicantName: string },
): Promise<void> {
  if (effect.kind !== 'record_stay') return;
  const [arrival, departure] = [text(form[effect.arrival]), text(form[effect.departure])];
  if (arrival && departure && departure < arrival)
    throw errors.formInvalid([
      {
        field: effect.departure,
        vi: 'Ngày đi phải từ ngày đến trở về sau',
        en: 'The departure date must be on or after the arrival date',
      },
    ]);
  const guests = Array.isArray(form[effect.guests]) ? (form[effect.guests] as Array<Record<string, unknown>>) : [];
  await recordStayNotification(tx, {
    dossierCode: dossier.code!,
    unitCode: dossier.unitCode,
    hostPersonId: dossier.applicantPersonId,
    hostName: dossier.applicantName,
    address: text(form[effect.address]) ?? '',
    arrivalDate: text(form[effect.arrival])!,
    departureDate: text(form[effect.departure])!,
    reason: effect.reason ? text(form[effect.reason]) : null,
    guests: guests.map((g) => ({ fullName: text(g.fullName) ?? '', nationalId: text(g.nationalId) ?? '' })),
  });
}
