import type { RegistryEffect, RegistryOutcome } from '../../../contracts/procedures';
import type { Db } from '../../platform/db';
import {
  endResidence,
  ETHNICITIES,
  personIdsByNationalId,
  recordDeath,
  recordMarriage,
  registerBirth,
  registerNewbornResidence,
  type Decision,
} from '../population';
import * as errors from './dossiers.errors';
import { required, text, type Form } from './registry-effects.form';

/** The civil-status effects: birth registration (1.001193) and death registration (1.000656). */

type Effect<K extends RegistryEffect['kind']> = Extract<RegistryEffect, { kind: K }>;

const fold = (s: string) => s.normalize('NFC').toLocaleLowerCase('vi').trim();

/** The code of an ethnicity typed by name ("Thái", "thái đen"); null when unknown (kept off the record, not guessed). */
export function ethnicityCodeOf(name: string | null): string | null {
  if (!name) return null;
  const n = fold(name);
  return ETHNICITIES.find((e) => fold(e.name) === n || e.aliases?.some((a) => fold(a) === n))?.code ?? null;
}

/**
 * 1.001193: the newborn named on the form becomes a person with a new ID number, registered in the
 * commune of the dossier (its province code starts the number). Returns the number for the dossier.
 */
export async function birthRegistration(
  tx: Db,
  effect: Effect<'register_birth'>,
  form: Form,
  place: { unitCode: string; provinceCode: string },
  decision: Decision,
): Promise<RegistryOutcome> {
  const fullName = required(form, effect.fullName, 'họ tên người được khai sinh', "the child's full name");
  const birthDate = required(form, effect.birthDate, 'ngày sinh', 'the date of birth');
  const sex = required(form, effect.sex, 'giới tính', 'the sex');
  if (sex !== 'male' && sex !== 'female')
    throw errors.effectInvalid(`form.${effect.sex}`, 'Giới tính không hợp lệ', 'Invalid sex');
  if (birthDate > decision.on)
    throw errors.effectInvalid(
      `form.${effect.birthDate}`,
      'Ngày sinh sau ngày đăng ký khai sinh',
      'The date of birth is after the registration',
    );
  const nationality = effect.nationality ? text(form[effect.nationality]) : null;
  // A personal ID number is a Vietnamese citizen's: a child of another nationality gets none here.
  if (nationality && !/^(việt nam|viet nam|vn)$/i.test(nationality.normalize('NFC').trim()))
    throw errors.effectInvalid(
      `form.${effect.nationality}`,
      'Người được khai sinh không mang quốc tịch Việt Nam: không cấp số định danh cá nhân qua thủ tục này',
      'The child is not of Vietnamese nationality: no personal ID number is issued by this procedure',
    );
  const child = await registerBirth(tx, decision, {
    fullName,
    birthDate,
    sex,
    ethnicityCode: ethnicityCodeOf(effect.ethnicity ? text(form[effect.ethnicity]) : null),
    nationality: 'VN',
    registeredProvinceCode: `0${place.provinceCode}`,
    unitCode: place.unitCode,
  });
  return { childPersonId: child.personId, childNationalId: child.nationalId, childFullName: fullName };
}

/**
 * 1.000656: the person whose ID number is on the form is recorded as deceased from the date of
 * death (name and birth date checked against the registry). A form without the number changes
 * nothing in the registry (an old person never given one): the officer updates it by the national system.
 */
export async function deathRegistration(
  tx: Db,
  effect: Effect<'record_death'>,
  form: Form,
  decision: Decision,
): Promise<RegistryOutcome | null> {
  const nationalId = text(form[effect.nationalId]);
  if (!nationalId) return null;
  const deathDate = required(form, effect.deathDate, 'ngày chết', 'the date of death');
  if (deathDate > decision.on)
    throw errors.effectInvalid(
      `form.${effect.deathDate}`,
      'Ngày chết sau ngày đăng ký khai tử',
      'The date of death is after the registration',
    );
  await recordDeath(tx, decision, {
    nationalId,
    fullName: required(form, effect.fullName, 'họ tên người chết', "the deceased's full name"),
    birthDate: text(form[effect.birthDate]),
    deathDate,
  });
  return { deceasedNationalId: nationalId };
}

/**
 * Interlinked group 1, the residence step: the child the birth step registered (the group's outcome)
 * joins the household of the head named on the form, at its address, with the relation chosen.
 */
export async function newbornResidence(
  tx: Db,
  effect: Effect<'register_newborn_residence'>,
  form: Form,
  outcome: RegistryOutcome,
  decision: Decision,
): Promise<RegistryOutcome> {
  if (!outcome.childPersonId)
    throw errors.effectInvalid(
      'registryOutcome',
      'Trẻ chưa được đăng ký khai sinh: bước khai sinh phải hoàn thành trước',
      'The child is not registered yet: the birth step comes first',
    );
  const head = required(form, effect.headNationalId, 'số định danh của chủ hộ', "the household head's ID number");
  const relation = text(form[effect.relationToHead]) ?? 'child';
  const { address } = await registerNewbornResidence(tx, decision, {
    personId: outcome.childPersonId,
    headNationalId: head,
    relationToHead: relation,
  });
  return { childResidence: address };
}

/** Death as a ground for deleting permanent residence (Residence Law 2020 Art. 24(1)(a)). */
export const DEATH_GROUND = 'Người đăng ký thường trú đã chết (Luật Cư trú 2020, Điều 24 khoản 1 điểm a)';

/**
 * Interlinked group 2, the residence step: the permanent residence of the deceased named on the form
 * ends on the decision date. A deceased without a number, or without a residence in force, changes nothing.
 */
export async function deceasedResidence(
  tx: Db,
  effect: Effect<'end_residence_of_deceased'>,
  form: Form,
  decision: Decision,
): Promise<RegistryOutcome> {
  const nationalId = text(form[effect.nationalId]);
  const personId = nationalId ? (await personIdsByNationalId(tx, [nationalId])).get(nationalId) : undefined;
  if (!personId) return { deceasedResidenceEnded: false };
  const ended = await endResidence(tx, decision, {
    personIds: [personId],
    kind: 'permanent',
    ground: DEATH_GROUND,
    ifAny: true,
  });
  return { deceasedResidenceEnded: ended > 0 };
}

/**
 * 1.000894: the applicant's marriage with the other party named on the form (linked when their ID
 * number is in the registry), recorded in the commune of the dossier; the age and the absence of a
 * marriage in force are checked by `population`.
 */
export async function marriageRegistration(
  tx: Db,
  effect: Effect<'record_marriage'>,
  form: Form,
  applicantPersonId: string | null,
  unitCode: string,
  decision: Decision,
): Promise<void> {
  if (!applicantPersonId)
    throw errors.effectInvalid(
      'applicantPersonId',
      'Người nộp không có trong CSDL dân cư: không thể ghi việc kết hôn',
      'The applicant is not in the registry: the marriage cannot be recorded',
    );
  const fullName = required(form, effect.partnerFullName, 'họ tên bên kia', "the other party's name");
  await recordMarriage(tx, decision, {
    personId: applicantPersonId,
    partner: {
      number: text(form[effect.partnerNationalId]),
      fullName,
      birthDate: text(form[effect.partnerBirthDate]),
    },
    unitCode,
  });
}
