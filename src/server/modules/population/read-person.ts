import type { Db } from '../../platform/db';
import { assertPurpose } from '../audit';
import { AppError, notFound } from '../../platform/errors';
import { todayInVietnam } from '../../../contracts/common';
import type { PersonDetail, QualityFinding } from '../../../contracts/population';
import { ID_PROVINCE_CODES } from './id-province-codes';
import * as repo from './population.repository';
import { presentRecord } from './population.presenter';
import { checkPerson } from './quality/engine';
import { logAccess, type Reader } from './person-access-log';
import { unitNamesToday } from './unit-names';
import { isOfficialPurpose } from './population.policy';

/** A person's full record with residences, household and current quality findings, if the reader's units include the person's commune. */
export async function getPersonDetail(
  db: Db,
  id: string,
  scope: { unitAllowed(unitCode: string | null): boolean } = { unitAllowed: () => true },
  read?: { reader: Reader; purpose: string; dossierCode?: string },
  options: { findings?: boolean } = {},
): Promise<PersonDetail> {
  if (read) {
    if (!isOfficialPurpose(read.purpose))
      throw new AppError(
        'AUDIT.PURPOSE_INVALID',
        'Cán bộ phải chọn mục đích công vụ',
        'Officers must choose an official purpose',
        [
          {
            field: 'purpose',
            code: 'AUDIT.PURPOSE_INVALID',
            messageVi: 'Cán bộ phải chọn mục đích công vụ',
            messageEn: 'Officers must choose an official purpose',
          },
        ],
      );
    await assertPurpose(db, read.purpose);
  }
  const row = await repo.findPerson(db, id);
  // Outside the reader's units the record "does not exist" for them: no hint by guessing ids.
  if (!row || !scope.unitAllowed(row.residenceUnitCode))
    throw notFound('PERSON.NOT_FOUND', 'công dân này trong cơ sở dữ liệu', 'Person');
  const [residences, household, findings, unitName, changes] = await Promise.all([
    repo.listResidences(db, id),
    row.householdId ? repo.findHousehold(db, row.householdId) : Promise.resolve(undefined),
    findingsOf(db, id, options),
    unitNamesToday(db),
    repo.listRegistryChanges(db, id),
  ]);
  if (read) await logAccess(db, read.reader, 'person.read', [row], read.purpose, read.dossierCode);
  return presentRecord(row, { unitName, residences, household, findings, changes });
}

/** A person's current data-quality findings: they cost a dozen rule queries, so forms that only need the facts skip them. */
export function findingsOf(db: Db, personId: string, options: { findings?: boolean }): Promise<QualityFinding[]> {
  return options.findings === false
    ? Promise.resolve([])
    : checkPerson(db, personId, todayInVietnam(), [...ID_PROVINCE_CODES]);
}
