import type { ValidateIdResult } from '../../../contracts/population';
import { checkNationalId, type Sex } from './id-number';
import { ID_PROVINCE_CODES, idProvinceName } from './id-province-codes';

/** Checks a personal ID number against the rules of DOMAIN.md §2, optionally against a birth date and sex. */
export function validateNationalId(input: { id: string; birthDate?: string; sex?: Sex }): ValidateIdResult {
  const birthYear = input.birthDate ? Number(input.birthDate.slice(0, 4)) : undefined;
  const result = checkNationalId({ id: input.id, birthYear, sex: input.sex }, ID_PROVINCE_CODES);
  return {
    valid: result.valid,
    decoded: result.decoded
      ? {
          provinceCode: result.decoded.provinceCode,
          provinceName: idProvinceName(result.decoded.provinceCode),
          sex: result.decoded.sex,
          birthYear: result.decoded.birthYear,
        }
      : undefined,
    problems: result.problems,
  };
}
