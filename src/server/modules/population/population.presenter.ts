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
    changes?: PersonDetail['changes'];
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
    changes: extra.changes ?? [],
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

type Residence = Omit<PersonDetail['residences'][number], 'unitName'>;
type HouseholdMember = NonNullable<PersonDetail['household']>['members'][number];

/**
 * A person's record with its residences and household named as of today: the officer's read and
 * the citizen's own record show the same thing. Household members by name, birth year and
 * relation only (the citizen's own forms get more, separately).
 */
export function presentRecord(
  row: PersonRow,
  extra: {
    unitName: UnitNames;
    residences: Residence[];
    household: { id: string; addressLine: string; unitCode: string; members: HouseholdMember[] } | undefined;
    findings: QualityFinding[];
    changes?: PersonDetail['changes'];
  },
): PersonDetail {
  const { unitName, household } = extra;
  return presentDetail(row, {
    unitName,
    changes: extra.changes,
    residences: extra.residences.map((r) => ({ ...r, unitName: unitName(r.unitCode) })),
    household: household
      ? {
          id: household.id,
          addressLine: household.addressLine,
          unitCode: household.unitCode,
          relationToHead: row.relationToHead,
          members: household.members.map((m) => ({
            id: m.id,
            fullName: m.fullName,
            birthYear: m.birthYear,
            relationToHead: m.relationToHead,
          })),
        }
      : null,
    findings: extra.findings,
  });
}
