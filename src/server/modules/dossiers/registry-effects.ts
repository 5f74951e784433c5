import type { RegistryEffect } from '../../../contracts/procedures';
import type { Db } from '../../platform/db';
import {
  personIdsByNationalId,
  registerPermanentResidence,
  registerTemporaryResidence,
  extendTemporaryResidence,
  registryVersionsOf,
  type Decision,
  type ResidenceAddress,
} from '../population';
import * as errors from './dossiers.errors';

/**
 * What the approval of a dossier does to the registry: one small function per kind of effect
 * (the version's `registryEffect` says which, and which form fields hold its inputs), each
 * calling one command of `population` inside the decision's transaction.
 */

type Form = Readonly<Record<string, unknown>>;
const text = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v.trim() : null);

type RegistrationEffect = Exclude<RegistryEffect, { kind: 'extend_temporary_residence' }>;

/** The address a registration names: today's commune and "house and street, village". */
export function addressOf(effect: RegistrationEffect, form: Form): ResidenceAddress {
  const unitCode = text(form[effect.address.commune]);
  const village = text(form[effect.address.village]);
  const street = effect.address.street ? text(form[effect.address.street]) : null;
  if (!unitCode || !village)
    throw errors.effectInvalid(
      `form.${unitCode ? effect.address.village : effect.address.commune}`,
      'Tờ khai thiếu địa chỉ nơi đăng ký (xã, phường và thôn, tổ)',
      'The form lacks the address of registration (commune and village)',
    );
  return { unitCode, addressLine: [street, village].filter(Boolean).join(', ') };
}

/** The members named on the form (table rows with an ID number). */
function memberIds(effect: Extract<RegistryEffect, { kind: 'register_permanent_residence' }>, form: Form) {
  const rows = effect.members && Array.isArray(form[effect.members]) ? (form[effect.members] as unknown[]) : [];
  return rows
    .filter((r): r is Record<string, unknown> => typeof r === 'object' && r !== null)
    .map((r) => ({
      nationalId: text(r.nationalId),
      fullName: text(r.fullName),
      relationToHead: text(r.relationToHead),
    }));
}

/** The persons an effect will change, by record id: recorded at filing with their registry versions. */
export async function personsOfEffect(
  db: Db,
  effect: RegistryEffect,
  form: Form,
  applicantPersonId: string | null,
): Promise<string[]> {
  const ids = applicantPersonId ? [applicantPersonId] : [];
  if (effect.kind === 'register_permanent_residence') {
    const numbers = memberIds(effect, form).flatMap((m) => (m.nationalId ? [m.nationalId] : []));
    ids.push(...(await personIdsByNationalId(db, numbers)).values());
  }
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

/** Adds years to an ISO date, less a day (a period of N years starting on `from`). */
export function lastDayOfYears(from: string, years: number): string {
  const d = new Date(`${from}T00:00:00Z`);
  d.setUTCFullYear(d.getUTCFullYear() + years);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

/**
 * 1.004222: the applicant and the members named on the form register permanent residence at the
 * address; an applicant who declares themself head ("head") starts a new household, otherwise
 * they all join the household of the head named on the form.
 */
async function permanentResidence(
  tx: Db,
  effect: Extract<RegistryEffect, { kind: 'register_permanent_residence' }>,
  form: Form,
  applicantPersonId: string,
  decision: Decision,
): Promise<void> {
  const address = addressOf(effect, form);
  const relation = text(form[effect.relationToHead]) ?? 'other';
  const members = memberIds(effect, form);
  const found = await personIdsByNationalId(
    tx,
    members.flatMap((m) => (m.nationalId ? [m.nationalId] : [])),
  );
  const unknown = members.find((m) => !m.nationalId || !found.has(m.nationalId));
  if (unknown)
    throw errors.effectInvalid(
      `form.${effect.members}`,
      `Thành viên ${unknown.fullName ?? ''} không có số định danh trong CSDL dân cư; không thể đăng ký thường trú cho người này`,
      `Member ${unknown.fullName ?? ''} has no ID number in the registry; their residence cannot be registered`,
    );
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
async function temporaryResidence(
  tx: Db,
  effect: Extract<RegistryEffect, { kind: 'register_temporary_residence' }>,
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

/** The last day asked on the form, at most `maxYears` from the decision; not before the decision. */
function untilAsked(field: string | undefined, form: Form, maxYears: number, on: string): string {
  const limit = lastDayOfYears(on, maxYears);
  const asked = field ? text(form[field]) : null;
  if (asked && asked < on)
    throw errors.effectInvalid(
      `form.${field}`,
      'Ngày hết hạn tạm trú khai trên tờ khai đã qua trước ngày quyết định',
      'The end date of temporary residence on the form is before the decision',
    );
  return asked && asked < limit ? asked : limit;
}

/** 1.002755: the temporary residence in force lasts until the date asked, at most the legal limit from the decision. */
async function temporaryExtension(
  tx: Db,
  effect: Extract<RegistryEffect, { kind: 'extend_temporary_residence' }>,
  form: Form,
  applicantPersonId: string,
  decision: Decision,
): Promise<void> {
  await extendTemporaryResidence(tx, decision, {
    personId: applicantPersonId,
    until: untilAsked(effect.until, form, effect.maxYears, decision.on),
  });
}

/**
 * Applies the version's registry effect of an approved dossier inside the decision's transaction:
 * any failure (a conflict with a later change, a household gone, a form value that cannot apply)
 * throws, and the caller's transaction rolls back the decision with it.
 */
export async function applyRegistryEffect(
  tx: Db,
  effect: RegistryEffect,
  dossier: { form: Form; applicantPersonId: string | null },
  decision: Decision,
): Promise<void> {
  if (!dossier.applicantPersonId)
    throw errors.effectInvalid(
      'applicantPersonId',
      'Người nộp không có trong CSDL dân cư: không thể cập nhật nơi cư trú',
      'The applicant is not in the registry: residence cannot be updated',
    );
  if (effect.kind === 'register_permanent_residence')
    return permanentResidence(tx, effect, dossier.form, dossier.applicantPersonId, decision);
  if (effect.kind === 'extend_temporary_residence')
    return temporaryExtension(tx, effect, dossier.form, dossier.applicantPersonId, decision);
  return temporaryResidence(tx, effect, dossier.form, dossier.applicantPersonId, decision);
}
