import type { ProcedureForm, RegistryEffect } from '../../../contracts/procedures';
import type { Db } from '../../platform/db';
import { personIdsByNationalId, registryVersionsOf, type Decision } from '../population';
import * as errors from './dossiers.errors';
import { memberNumbers, text, type Form } from './registry-effects.form';
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
 * (registry-effects.residence.ts, registry-effects.household.ts).
 */

export { lastDayOfYears } from './registry-effects.form';

/** The persons an effect will change, by record id: recorded at filing with their registry versions. */
export async function personsOfEffect(
  db: Db,
  effect: RegistryEffect,
  form: Form,
  applicantPersonId: string | null,
): Promise<string[]> {
  const ids = applicantPersonId ? [applicantPersonId] : [];
  const numbers = 'members' in effect ? memberNumbers(effect.members, form) : [];
  if ('headNationalId' in effect && effect.kind !== 'register_permanent_residence') {
    const head = text(form[effect.headNationalId]);
    if (head) numbers.push(head);
  }
  ids.push(...(await personIdsByNationalId(db, numbers)).values());
  return ids;
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
 * Applies the version's registry effect of an approved dossier inside the decision's transaction:
 * any failure (a conflict with a later change, a household gone, a form value that cannot apply)
 * throws, and the caller's transaction rolls back the decision with it.
 */
export async function applyRegistryEffect(
  tx: Db,
  version: { registryEffect: RegistryEffect; form: ProcedureForm },
  dossier: { form: Form; applicantPersonId: string | null },
  decision: Decision,
): Promise<void> {
  const { registryEffect: effect, form: definition } = version;
  const { form, applicantPersonId: applicant } = dossier;
  if (!applicant)
    throw errors.effectInvalid(
      'applicantPersonId',
      'Người nộp không có trong CSDL dân cư: không thể cập nhật nơi cư trú',
      'The applicant is not in the registry: residence cannot be updated',
    );
  switch (effect.kind) {
    case 'register_permanent_residence':
      return permanentResidence(tx, effect, form, applicant, decision);
    case 'register_temporary_residence':
      return temporaryResidence(tx, effect, form, applicant, decision);
    case 'extend_temporary_residence':
      return temporaryExtension(tx, effect, form, applicant, decision);
    case 'end_residence':
      return residenceDeletion(tx, effect, form, definition, applicant, decision);
    case 'record_temporary_absence':
      return temporaryAbsence(tx, effect, form, definition, applicant, decision);
    case 'split_household':
      return householdSplit(tx, effect, form, applicant, decision);
    case 'adjust_residence_data':
      return residenceDataAdjustment(tx, effect, form, applicant, decision);
  }
}
