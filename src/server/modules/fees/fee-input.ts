import { FEE_CHANNELS, FEE_PERSONS_LIMITS } from '../../../contracts/fees';
import { isRealIsoDate } from '../../../contracts/common';
import type { ProcedureVersion } from '../../../contracts/procedures';
import { claimInvalid, inputInvalid } from './fees.errors';
import type { FeeInput } from './fees.types';

/** What the engine needs of a procedure version. */
export type FeeVersion = Pick<ProcedureVersion, 'id' | 'code' | 'fees'>;

/** Refuses inputs the engine cannot price, naming the field in both languages. */
export function checkFeeInput(version: FeeVersion, input: FeeInput): void {
  if (!(FEE_CHANNELS as readonly string[]).includes(input.channel)) {
    throw inputInvalid(
      'channel',
      'Kênh nộp phải là online, assisted hoặc paper',
      'Channel must be online, assisted or paper',
    );
  }
  const { min, max } = FEE_PERSONS_LIMITS;
  if (!Number.isInteger(input.persons) || input.persons < min || input.persons > max) {
    throw inputInvalid(
      'persons',
      `Số người phải là số nguyên từ ${min} đến ${max}`,
      `Persons must be a whole number from ${min} to ${max}`,
    );
  }
  if (typeof input.asOf !== 'string' || !isRealIsoDate(input.asOf)) {
    throw inputInvalid(
      'asOf',
      'Ngày nộp phải là ngày có thật, dạng YYYY-MM-DD',
      'The filing date must be a real date, YYYY-MM-DD',
    );
  }
  const variant = input.variant ?? 'standard';
  if (version.fees.items.length > 0 && !version.fees.items.some((i) => i.code === variant)) {
    const known = version.fees.items.map((i) => i.code).join(', ');
    throw inputInvalid(
      'variant',
      `Thủ tục này không có mức lệ phí "${variant}" (có: ${known})`,
      `This procedure has no fee variant "${variant}" (known: ${known})`,
    );
  }
  if (
    input.claim !== null &&
    version.fees.items.length > 0 &&
    !version.fees.exemptions.some((e) => e.code === input.claim)
  ) {
    throw claimInvalid(
      input.claim,
      version.fees.exemptions.map((e) => e.code),
    );
  }
}
