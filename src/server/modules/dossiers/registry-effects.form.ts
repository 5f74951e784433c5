import type { ProcedureForm, RegistryEffect } from '../../../contracts/procedures';
import type { ResidenceAddress } from '../population';
import * as errors from './dossiers.errors';

/** Reading a registry effect's inputs from the dossier's form: the address, the members, dates, option labels. */

export type Form = Readonly<Record<string, unknown>>;

export const text = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v.trim() : null);

/** A form value the effect needs; missing → 409 naming the field (nothing applied). */
export function required(form: Form, field: string, vi: string, en: string): string {
  const value = text(form[field]);
  if (!value) throw errors.effectInvalid(`form.${field}`, `Tờ khai thiếu ${vi}`, `The form lacks ${en}`);
  return value;
}

type WithAddress = Extract<RegistryEffect, { address: { commune: string } }>;

/** The address a registration names: today's commune and "house and street, village". */
export function addressOf(effect: WithAddress, form: Form): ResidenceAddress {
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

/** The members named in a table field of the form (rows with an ID number, a name, a relation). */
export function membersOf(field: string | undefined, form: Form) {
  const rows = field && Array.isArray(form[field]) ? (form[field] as unknown[]) : [];
  return rows
    .filter((r): r is Record<string, unknown> => typeof r === 'object' && r !== null)
    .map((r) => ({
      nationalId: text(r.nationalId),
      fullName: text(r.fullName),
      relationToHead: text(r.relationToHead),
    }));
}

/** The ID numbers of the members named in a table field. */
export const memberNumbers = (field: string | undefined, form: Form): string[] =>
  membersOf(field, form).flatMap((m) => (m.nationalId ? [m.nationalId] : []));

/** 409 naming the first member without an ID number known to the registry. */
export function refuseUnknownMember(field: string | undefined, form: Form, found: ReadonlyMap<string, string>): void {
  const unknown = membersOf(field, form).find((m) => !m.nationalId || !found.has(m.nationalId));
  if (unknown)
    throw errors.effectInvalid(
      `form.${field}`,
      `Thành viên ${unknown.fullName ?? ''} không có số định danh trong CSDL dân cư; không thể cập nhật cư trú cho người này`,
      `Member ${unknown.fullName ?? ''} has no ID number in the registry; their residence cannot be updated`,
    );
}

/** Adds years to an ISO date, less a day (a period of N years starting on `from`). */
export function lastDayOfYears(from: string, years: number): string {
  const d = new Date(`${from}T00:00:00Z`);
  d.setUTCFullYear(d.getUTCFullYear() + years);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

/** The last day asked on the form, at most `maxYears` from the decision; not before the decision. */
export function untilAsked(field: string | undefined, form: Form, maxYears: number, on: string): string {
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

/** The Vietnamese label of a select's chosen option (what the registry records, e.g. a legal ground). */
export function optionLabel(form: Form, definition: ProcedureForm, field: string): string {
  const value = required(form, field, 'một lựa chọn bắt buộc', 'a required choice');
  const option = definition.fields[field]?.options?.find((o) => o.value === value);
  if (!option)
    throw errors.effectInvalid(
      `form.${field}`,
      `Giá trị "${value}" không có trong danh sách lựa chọn của phiên bản thủ tục`,
      `Value "${value}" is not an option of the procedure version`,
    );
  return option.labelVi;
}
