import { randomUUID } from 'node:crypto';
import type { PersonImport, RegistryBatch } from '../src/server/modules/population';

/** A synthetic person with sensible defaults (a Thái woman born 1990 in Lai Châu); override what a test needs. */
export function makePerson(overrides: Partial<PersonImport> = {}): PersonImport {
  return {
    id: randomUUID(),
    nationalId: '012190000001',
    legacyId: null,
    fullName: 'Lò Thị Thuỷ',
    birthDate: '1990-03-15',
    birthYear: 1990,
    sex: 'female',
    ethnicityCode: '03',
    religionCode: '00',
    nationality: 'VN',
    birthPlaceProvinceCode: '012',
    birthPlaceUnitCode: null,
    homeTown: 'Than Uyên, Lai Châu',
    householdId: null,
    relationToHead: null,
    idCardKind: 'cccd_chip',
    idCardNumber: '012190000001',
    idCardIssuedOn: '2021-05-01',
    idCardExpiresOn: '2030-03-15',
    eIdLevel: 2,
    eIdActivatedOn: '2023-01-10',
    status: 'alive',
    deathDate: null,
    phone: '0912000001',
    email: null,
    healthInsuranceNo: null,
    taxCode: null,
    source: 'test',
    lastVerifiedAt: new Date().toISOString(),
    ...overrides,
  };
}

/** A household in `unitCode` with the given people (the first is the head), each with an open permanent residence. */
export function makeHousehold(
  unitCode: string,
  people: PersonImport[],
  addressLine = 'Bản Mường, xã thử nghiệm',
): RegistryBatch {
  const householdId = randomUUID();
  const persons = people.map((p, i) => ({
    ...p,
    householdId,
    relationToHead: p.relationToHead ?? (i === 0 ? 'head' : 'child'),
  }));
  return {
    households: [{ id: householdId, unitCode, addressLine, headPersonId: persons[0]?.id ?? null }],
    persons,
    residences: persons.map((p) => ({
      id: randomUUID(),
      personId: p.id,
      kind: 'permanent' as const,
      unitCode,
      addressLine,
      validFrom: '2010-01-01',
      validTo: null,
    })),
  };
}
