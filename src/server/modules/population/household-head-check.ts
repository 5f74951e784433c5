import type { Db } from '../../platform/db';
import type { HouseholdHeadCheck } from '../../../contracts/population';
import * as repo from './population.repository';
import { namesEquivalent } from './vietnamese-text';

/**
 * Checks the household head's ID number typed on a residence form against the registry: the
 * person exists, is alive, is the head of their household, and that household is in `communeCode`.
 * The first failing condition is the result; `typedName` (if any) is compared with the registry's name.
 */
export async function checkHouseholdHead(
  db: Db,
  input: { nationalId: string; communeCode: string | null; typedName?: string | null; now: Date },
): Promise<HouseholdHeadCheck> {
  const found = await repo.findPersonWithHouseholdByNationalId(db, input.nationalId);
  const base = { nationalId: input.nationalId, checkedAt: input.now.toISOString() };
  if (!found)
    return {
      ...base,
      result: 'not_found',
      registryName: null,
      nameMatches: null,
      householdUnitCode: null,
      householdAddress: null,
    };
  const { person, household } = found;
  const result: HouseholdHeadCheck['result'] =
    person.status === 'deceased'
      ? 'deceased'
      : !household || person.relationToHead !== 'head'
        ? 'not_head'
        : input.communeCode && household.unitCode !== input.communeCode
          ? 'other_commune'
          : 'ok';
  return {
    ...base,
    result,
    registryName: person.fullName,
    nameMatches: input.typedName ? namesEquivalent(input.typedName, person.fullName) : null,
    householdUnitCode: household?.unitCode ?? null,
    householdAddress: household?.addressLine ?? null,
  };
}
