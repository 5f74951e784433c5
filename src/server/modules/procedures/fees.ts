import { AppError } from '../../platform/errors';
import type { FeeItem, Fees } from '../../../contracts/procedures';
import { PROCEDURE_ERRORS } from './procedures.errors';

/** One line of a fee computation. */
export interface FeeLine {
  code: string;
  labelVi: string;
  labelEn: string;
  basis: FeeItem['basis'];
  unitAmount: number;
  quantity: number;
  amount: number;
}

/** What the citizen owes before exemptions, in integer VND. */
export interface BaseFee {
  amount: number;
  currency: 'VND';
  lines: FeeLine[];
}

export interface FeeRequest {
  channel: 'online' | 'direct';
  /** Persons registered by the dossier (the declarant and those changing with them), ≥ 1. */
  persons: number;
  /** Fee item code: 'standard' by default; e.g. 'list' for temporary residence registered by list. */
  variant?: string;
}

function invalid(field: string, vi: string, en: string): AppError {
  return new AppError(PROCEDURE_ERRORS.FEE_INVALID, vi, en, [
    { field, code: PROCEDURE_ERRORS.FEE_INVALID, messageVi: vi, messageEn: en },
  ]);
}

/**
 * The base fee of a version (Circular 75/2022/TT-BTC for residence): the rate of the channel
 * (online is lower), per dossier or multiplied by the persons. Pure. Exemptions (Art. 4) are not
 * applied here: the fee engine of a later issue checks them against the registry.
 * A procedure without fee items is free: amount 0, no lines.
 */
export function baseFee(version: { fees: Fees }, request: FeeRequest): BaseFee {
  if (!Number.isInteger(request.persons) || request.persons < 1 || request.persons > 1000) {
    throw invalid('persons', 'Số người phải là số nguyên từ 1 đến 1000', 'Persons must be an integer from 1 to 1000');
  }
  if (version.fees.items.length === 0) return { amount: 0, currency: 'VND', lines: [] };
  const variant = request.variant ?? 'standard';
  const item = version.fees.items.find((i) => i.code === variant);
  if (!item) {
    const known = version.fees.items.map((i) => i.code).join(', ');
    throw invalid(
      'variant',
      `Thủ tục này không có mức lệ phí "${variant}" (có: ${known})`,
      `This procedure has no fee variant "${variant}" (known: ${known})`,
    );
  }
  const unitAmount = request.channel === 'online' ? item.online : item.direct;
  const quantity = item.basis === 'per_person' ? request.persons : 1;
  const amount = unitAmount * quantity;
  return {
    amount,
    currency: 'VND',
    lines: [
      {
        code: item.code,
        labelVi: item.labelVi,
        labelEn: item.labelEn,
        basis: item.basis,
        unitAmount,
        quantity,
        amount,
      },
    ],
  };
}

/** The standard rate of each channel, for catalog lines (0 when free). */
export function standardRates(fees: Fees): { direct: number; online: number } {
  const item = fees.items.find((i) => i.code === 'standard') ?? fees.items[0];
  return { direct: item?.direct ?? 0, online: item?.online ?? 0 };
}
