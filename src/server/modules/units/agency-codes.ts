import { readFile } from 'node:fs/promises';
import { AgencyCodesFile, agencyCodeOfEntry, type ReceivingAgency } from '../../../contracts/agency-codes';
import { AppError } from '../../platform/errors';
import { REFERENCE_DIR } from './units.loader';

/*
 * The receiving agencies' codes (QCVN 102:2016) of a province's communes, from
 * `reference/admin-units/<province>-agency-codes.json`: the official code where the list gives one,
 * otherwise a placeholder built from the province's own code (see the file's description).
 */
export { agencyCodeOfEntry, type ReceivingAgency };

const files = new Map<string, Promise<AgencyCodesFile>>();

/** The province's agency-code list, read and validated once per process. */
export function readAgencyCodes(provinceCode: string): Promise<AgencyCodesFile> {
  let file = files.get(provinceCode);
  if (!file) {
    file = readFile(`${REFERENCE_DIR}/admin-units/${provinceCode}-agency-codes.json`, 'utf8').then(
      (raw) => AgencyCodesFile.parse(JSON.parse(raw)),
      () => {
        throw new AppError(
          'UNIT.AGENCY_CODES_UNAVAILABLE',
          `Chưa có danh sách mã định danh cơ quan tiếp nhận của tỉnh mã ${provinceCode}`,
          `No list of receiving-agency codes for province ${provinceCode}`,
        );
      },
    );
    file.catch(() => files.delete(provinceCode)); // a missing file is read again next time
    files.set(provinceCode, file);
  }
  return file;
}

/** The code of the agency receiving dossiers in a commune; UNIT.AGENCY_CODE_UNAVAILABLE (503: configuration, not the citizen's input) when the list lacks it. */
export async function receivingAgencyCode(
  provinceCode: string,
  unitCode: string,
  provinceAgencyCode: string,
): Promise<ReceivingAgency> {
  const entry = (await readAgencyCodes(provinceCode)).agencies.find((a) => a.unitCode === unitCode);
  if (!entry)
    throw new AppError(
      'UNIT.AGENCY_CODE_UNAVAILABLE',
      `Xã, phường mã ${unitCode} chưa có mã định danh cơ quan tiếp nhận hồ sơ`,
      `Commune ${unitCode} has no receiving-agency code`,
    );
  return agencyCodeOfEntry(entry, provinceAgencyCode);
}

/** How many of the province's receiving agencies still have a placeholder code (for the start-up warning). */
export async function unconfirmedAgencyCodes(provinceCode: string): Promise<number> {
  return (await readAgencyCodes(provinceCode)).agencies.filter((a) => !a.confirmed).length;
}
