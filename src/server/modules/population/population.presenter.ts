import type { PersonDetail, PersonSummary, QualityFinding } from '../../../contracts/population';
import type { PersonRow, PersonSummaryRow } from './population.repository';
import { ETHNICITIES, RELIGIONS } from './codes';

type UnitNames = (code: string | null) => string | null;

/** Search-result view: explicit fields only. */
export function presentSummary(row: PersonSummaryRow, unitName: UnitNames): PersonSummary {
  return {
    id: row.id,
    nationalId: row.nationalId,
    fullName: row.fullName,
    birthDate: row.birthDate,
    birthYear: row.birthYear,
    sex: row.sex,
    residenceUnitCode: row.residenceUnitCode,
    residenceUnitName: unitName(row.residenceUnitCode),
    status: row.status,
  };
}

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

/** The registry officer's view of a person: explicit fields, code lists resolved to names. */
export function presentDetail(
  row: PersonRow,
  extra: {
    unitName: UnitNames;
    residences: PersonDetail['residences'];
    household: PersonDetail['household'];
    findings: QualityFinding[];
  },
): PersonDetail {
  return {
    ...presentSummary(row, extra.unitName),
    legacyId: row.legacyId,
    ethnicityCode: row.ethnicityCode,
    ethnicityName: ETHNICITIES.find((e) => e.code === row.ethnicityCode)?.name ?? null,
    religionCode: row.religionCode,
    religionName: RELIGIONS.find((r) => r.code === row.religionCode)?.name ?? null,
    nationality: row.nationality,
    birthPlaceProvinceCode: row.birthPlaceProvinceCode,
    birthPlaceUnitCode: row.birthPlaceUnitCode,
    homeTown: row.homeTown,
    household: extra.household,
    residences: extra.residences,
    idCard: {
      kind: row.idCardKind,
      number: row.idCardNumber,
      issuedOn: row.idCardIssuedOn,
      expiresOn: row.idCardExpiresOn,
    },
    eId: { level: row.eIdLevel, activatedOn: row.eIdActivatedOn },
    deathDate: row.deathDate,
    phone: row.phone,
    email: row.email,
    healthInsuranceNo: row.healthInsuranceNo,
    taxCode: row.taxCode,
    source: row.source,
    lastVerifiedAt: iso(row.lastVerifiedAt),
    updatedAt: iso(row.updatedAt) ?? '',
    findings: extra.findings,
  };
}
