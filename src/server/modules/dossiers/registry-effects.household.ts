import type { RegistryEffect } from '../../../contracts/procedures';
import type { Db } from '../../platform/db';
import { adjustResidenceData, personIdsByNationalId, splitHousehold, type Decision } from '../population';
import * as errors from './dossiers.errors';
import { memberNumbers, membersOf, refuseUnknownMember, required, text, type Form } from './registry-effects.form';

/** The household effects: a split (1.010038) and an adjustment of residence data (1.010039). */

type Effect<K extends RegistryEffect['kind']> = Extract<RegistryEffect, { kind: K }>;

/**
 * 1.010038: the applicant and the members named on the form form a new household at the same
 * dwelling, headed by the person whose ID number is on the form (the applicant or one of them).
 */
export async function householdSplit(
  tx: Db,
  effect: Effect<'split_household'>,
  form: Form,
  applicantPersonId: string,
  decision: Decision,
): Promise<void> {
  const headNumber = required(form, effect.headNationalId, 'số định danh của chủ hộ mới', "the new head's ID number");
  const numbers = memberNumbers(effect.members, form);
  const found = await personIdsByNationalId(tx, [headNumber, ...numbers]);
  refuseUnknownMember(effect.members, form, found);
  const headPersonId = found.get(headNumber);
  if (!headPersonId || (headPersonId !== applicantPersonId && !numbers.includes(headNumber)))
    throw errors.effectInvalid(
      `form.${effect.headNationalId}`,
      'Chủ hộ mới phải là người đề nghị hoặc một thành viên cùng tách hộ khai trên tờ khai',
      'The new head must be the applicant or one of the members splitting off named on the form',
    );
  const relationOf = new Map(membersOf(effect.members, form).map((m) => [m.nationalId, m.relationToHead]));
  await splitHousehold(tx, decision, {
    headPersonId,
    movers: [
      { personId: applicantPersonId, relationToHead: text(form[effect.relationToHead]) ?? 'other' },
      ...numbers.map((n) => ({ personId: found.get(n)!, relationToHead: relationOf.get(n) ?? 'other' })),
    ],
  });
}

/**
 * 1.010039: a new household head (the members table gives each member's relation to them), or the
 * dwelling's new address line, as the form's "what changes" select says.
 */
export async function residenceDataAdjustment(
  tx: Db,
  effect: Effect<'adjust_residence_data'>,
  form: Form,
  applicantPersonId: string,
  decision: Decision,
): Promise<void> {
  const what = required(form, effect.what, 'nội dung điều chỉnh', 'what to adjust');
  if (what === 'address_line') {
    const addressLine = required(form, effect.addressLine, 'địa chỉ mới', 'the new address');
    return adjustResidenceData(tx, decision, {
      personId: applicantPersonId,
      change: { kind: 'address_line', addressLine },
    });
  }
  if (what !== 'household_head')
    throw errors.effectInvalid(
      `form.${effect.what}`,
      `Nội dung điều chỉnh "${what}" không hỗ trợ`,
      `Adjustment "${what}" is not supported`,
    );
  const headNumber = required(form, effect.headNationalId, 'số định danh của chủ hộ mới', "the new head's ID number");
  const numbers = [headNumber, ...memberNumbers(effect.members, form)];
  const found = await personIdsByNationalId(tx, numbers);
  refuseUnknownMember(effect.members, form, found);
  const newHeadPersonId = found.get(headNumber);
  if (!newHeadPersonId)
    throw errors.effectInvalid(
      `form.${effect.headNationalId}`,
      'Số định danh của chủ hộ mới không có trong CSDL dân cư',
      "The new head's ID number is not in the registry",
    );
  const relations = new Map(
    membersOf(effect.members, form).flatMap((m) =>
      m.nationalId && m.relationToHead ? [[found.get(m.nationalId)!, m.relationToHead] as const] : [],
    ),
  );
  await adjustResidenceData(tx, decision, {
    personId: applicantPersonId,
    change: { kind: 'household_head', newHeadPersonId, relations },
  });
}
