import type { Db } from '../../platform/db';
import { todayInVietnam } from '../../../contracts/common';
import { getUnitNames } from '../units';

/** Names of the units valid today (units module, cached there for a minute). */
export function unitNamesToday(db: Db): Promise<(code: string | null) => string | null> {
  return getUnitNames(db, todayInVietnam());
}
