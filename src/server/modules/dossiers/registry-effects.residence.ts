import type { ProcedureForm, RegistryEffect } from '../../../contracts/procedures';
import type { Db } from '../../platform/db';
import {
  endResidence,
  extendTemporaryResidence,
  personIdsByNationalId,
  recordTemporaryAbsence,
  registerPermanentResidence,
  registerTemporaryResidence,
  type Decision,
} from '../population';
import * as errors from './dossiers.errors';
import {
  addressOf,
  memberNumbers,
  membersOf,
  optionLabel,
  refuseUnknownMember,
  required,
  text,
  untilAsked,
  type Form,
} from './registry-effects.form';

/** The residence effects: one small function per kind, each calling one command of `population`. */

type Effect<K extends RegistryEffect['kind']> = Extract<RegistryEffect, { kind: K }>;

/**
 * 1.004222: the applicant and the members named on the form register permanent residence at the
 * address; an applicant who declares themself head ("head") starts a new household, otherwise
 * they all join the household of the head named on the form.
 */
export async function permanentResidence(
  tx: Db,
  effect: Effect<'register_permanent_residence'>,
  form: Form,
  applicantPersonId: string,
  decision: Decision,
): Promise<void> {
  const address = addressOf(effect, form);
  const relation = text(form[effect.relationToHead]) ?? 'other';
  const members = membersOf(effect.members, form);
  const found = await personIdsByNationalId(tx, memberNumbers(effect.members, form));
  refuseUnknownMember(effect.members, form, found);
  const head = relation === 'head' ? null : text(form[effect.headNationalId]);
  if (relation !== 'head' && !head)
    throw errors.effectInvalid(
      `form.${effect.headNationalId}`,
      'Tờ khai không có số định danh của chủ hộ nơi đến',
      "The form lacks the ID number of the receiving household's head",
    );
  await registerPermanentResidence(tx, decision, {
    address,
    joinHeadNationalId: head,
    movers: [
      { personId: applicantPersonId, relationToHead: relation },
      ...members.map((m) => ({ personId: found.get(m.nationalId!)!, relationToHead: m.relationToHead ?? 'other' })),
    ],
  });
}

/** 1.004194: a temporary residence from the decision date to the date asked, at most the legal limit. */
export async function temporaryResidence(
  tx: Db,
  effect: Effect<'register_temporary_residence'>,
  form: Form,
  applicantPersonId: string,
  decision: Decision,
): Promise<void> {
  await registerTemporaryResidence(tx, decision, {
    personId: applicantPersonId,
    address: addressOf(effect, form),
    until: untilAsked(effect.until, form, effect.maxYears, decision.on),
  });
}

/** 1.002755: the temporary residence in force lasts until the date asked, at most the legal limit from the decision. */
export async function temporaryExtension(
  tx: Db,
  effect: Effect<'extend_temporary_residence'>,
  form: Form,
  applicantPersonId: string,
  decision: Decision,
): Promise<void> {
  await extendTemporaryResidence(tx, decision, {
    personId: applicantPersonId,
    until: untilAsked(effect.until, form, effect.maxYears, decision.on),
  });
}

/** 1.003197 / 1.010028: the residence of the applicant (and the members named) ends on the decision date, with the ground chosen. */
export async function residenceDeletion(
  tx: Db,
  effect: Effect<'end_residence'>,
  form: Form,
  definition: ProcedureForm,
  applicantPersonId: string,
  decision: Decision,
): Promise<void> {
  const ground = optionLabel(form, definition, effect.ground);
  const found = await personIdsByNationalId(tx, memberNumbers(effect.members, form));
  refuseUnknownMember(effect.members, form, found);
  await endResidence(tx, decision, {
    personIds: [applicantPersonId, ...found.values()],
    kind: effect.residence,
    ground,
    applicantPersonId,
  });
}

/** 1.003677: the period of absence, where to and (if the form says) why, recorded on the applicant. */
export async function temporaryAbsence(
  tx: Db,
  effect: Effect<'record_temporary_absence'>,
  form: Form,
  definition: ProcedureForm,
  applicantPersonId: string,
  decision: Decision,
): Promise<void> {
  const from = required(form, effect.from, 'ngày bắt đầu tạm vắng', 'the first day of absence');
  const until = required(form, effect.until, 'ngày kết thúc tạm vắng', 'the last day of absence');
  if (until < from)
    throw errors.effectInvalid(
      `form.${effect.until}`,
      'Ngày kết thúc tạm vắng trước ngày bắt đầu',
      'The last day of absence is before the first',
    );
  await recordTemporaryAbsence(tx, decision, {
    personId: applicantPersonId,
    from,
    until,
    destination: required(form, effect.destination, 'nơi đến', 'the destination'),
    reason: effect.reason && text(form[effect.reason]) ? optionLabel(form, definition, effect.reason) : null,
  });
}
