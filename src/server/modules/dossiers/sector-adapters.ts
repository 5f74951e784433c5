import type { RegistryOutcome, SectorAdapterKind } from '../../../contracts/procedures';
import { todayInVietnam } from '../../../contracts/common';
import * as errors from './dossiers.errors';

/**
 * The steps of an interlinked group done in another agency's system (the child's health-insurance
 * card by Social Insurance, the identity card by the police's identity authority, the funeral and
 * survivors' allowances). One interface per kind of step: in the demo, `backOfficeAdapters` — an
 * officer of that agency enters the result in DVC06's back office; in production, an adapter that
 * calls the agency's system is one more file implementing `SectorAdapter`, passed in the
 * dossiers' deps (`sectorAdapters`).
 */

/** A value the officer enters to complete the step (none for an adapter that calls a system). */
export interface AdapterField {
  key: string;
  labelVi: string;
  labelEn: string;
  widget: 'text' | 'date' | 'number';
  hintVi?: string;
  hintEn?: string;
}

export interface SectorAdapter {
  fields: readonly AdapterField[];
  /**
   * Completes the step for the group's dossier: returns what it produced (shown to the citizen),
   * or throws a bilingual error naming the field (`outcome.<key>`; 400 for a wrong value, 409 when
   * the group is not ready for it).
   */
  complete(input: {
    dossierCode: string;
    /** What the earlier steps produced (the child's ID number). */
    group: RegistryOutcome;
    entered: Readonly<Record<string, string>>;
    now: Date;
  }): Promise<Record<string, string>>;
}

function value(entered: Readonly<Record<string, string>>, key: string, vi: string, en: string): string {
  const v = entered[key]?.trim();
  if (!v) throw errors.requestInvalid(`outcome.${key}`, `Vui lòng nhập ${vi}`, `Please enter ${en}`);
  return v;
}

function pastDate(entered: Readonly<Record<string, string>>, key: string, vi: string, en: string, now: Date): string {
  const v = value(entered, key, vi, en);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v) || Number.isNaN(Date.parse(v)))
    throw errors.requestInvalid(`outcome.${key}`, `${vi} không đúng dạng ngày`, `${en} is not a date`);
  if (v > todayInVietnam(now))
    throw errors.requestInvalid(`outcome.${key}`, `${vi} không được sau hôm nay`, `${en} cannot be after today`);
  return v;
}

/**
 * Health-insurance card of a child under 6: the card's code, either the 10-digit social-insurance
 * number printed on cards since 2021, or the 15-character code (group "TE", benefit level 1,
 * province, 10-digit number), and the day it is valid from.
 */
const healthInsuranceCard: SectorAdapter = {
  fields: [
    {
      key: 'cardNumber',
      labelVi: 'Mã số thẻ BHYT',
      labelEn: 'Health-insurance card number',
      widget: 'text',
      hintVi: '10 chữ số (mã số BHXH) hoặc 15 ký tự, ví dụ TE1120123456789',
      hintEn: '10 digits (social-insurance number) or 15 characters, e.g. TE1120123456789',
    },
    { key: 'validFrom', labelVi: 'Thẻ có giá trị từ ngày', labelEn: 'Valid from', widget: 'date' },
  ],
  async complete({ entered }) {
    const cardNumber = value(entered, 'cardNumber', 'mã số thẻ BHYT', 'the card number').toUpperCase();
    if (!/^(\d{10}|TE1\d{12})$/.test(cardNumber))
      throw errors.requestInvalid(
        'outcome.cardNumber',
        'Mã số thẻ BHYT của trẻ dưới 6 tuổi gồm 10 chữ số, hoặc 15 ký tự bắt đầu bằng TE1',
        "A child's card number has 10 digits, or 15 characters starting with TE1",
      );
    const validFrom = value(entered, 'validFrom', 'ngày thẻ có giá trị', 'the day the card is valid from');
    if (!/^\d{4}-\d{2}-\d{2}$/.test(validFrom) || Number.isNaN(Date.parse(validFrom)))
      throw errors.requestInvalid('outcome.validFrom', 'Ngày thẻ có giá trị không đúng dạng ngày', 'Not a date');
    return { cardNumber, validFrom };
  },
};

/** Identity card of a child under 6 (no biometrics): its number is the child's personal ID number; the officer enters the day of issue. */
const identityCard: SectorAdapter = {
  fields: [{ key: 'issuedOn', labelVi: 'Ngày cấp thẻ căn cước', labelEn: 'Day of issue', widget: 'date' }],
  async complete({ group, entered, now }) {
    if (!group.childNationalId)
      throw errors.effectInvalid(
        'outcome',
        'Trẻ chưa có số định danh cá nhân: bước khai sinh chưa hoàn thành',
        'The child has no personal ID number yet: the birth step is not done',
      );
    const issuedOn = pastDate(entered, 'issuedOn', 'Ngày cấp', 'The day of issue', now);
    return { identityCardNumber: group.childNationalId, issuedOn };
  },
};

/** Funeral and survivors' allowances: the decision's number and the amount paid (whole đồng). */
const survivorAllowance: SectorAdapter = {
  fields: [
    {
      key: 'decisionNumber',
      labelVi: 'Số quyết định hưởng trợ cấp',
      labelEn: 'Number of the allowance decision',
      widget: 'text',
      hintVi: 'Ví dụ: 125/QĐ-BHXH',
      hintEn: 'E.g. 125/QĐ-BHXH',
    },
    { key: 'amount', labelVi: 'Số tiền chi trả (đồng)', labelEn: 'Amount paid (VND)', widget: 'number' },
  ],
  async complete({ entered }) {
    const decisionNumber = value(entered, 'decisionNumber', 'số quyết định', 'the decision number');
    if (decisionNumber.length > 60 || !/^[0-9]+\/[\p{L}0-9.-]+$/u.test(decisionNumber))
      throw errors.requestInvalid(
        'outcome.decisionNumber',
        'Số quyết định có dạng số/ký hiệu, ví dụ 125/QĐ-BHXH',
        'A decision number looks like number/symbol, e.g. 125/QĐ-BHXH',
      );
    const amount = value(entered, 'amount', 'số tiền chi trả', 'the amount paid').replace(/[.\s]/g, '');
    if (!/^[1-9][0-9]{0,9}$/.test(amount))
      throw errors.requestInvalid(
        'outcome.amount',
        'Số tiền là số nguyên dương (đồng)',
        'The amount is a positive whole number of đồng',
      );
    return { decisionNumber, amount };
  },
};

/** The demo's adapters: the agency's officer completes the step in the back office. */
export const backOfficeAdapters: Readonly<Record<SectorAdapterKind, SectorAdapter>> = {
  health_insurance_card: healthInsuranceCard,
  identity_card: identityCard,
  survivor_allowance: survivorAllowance,
};
