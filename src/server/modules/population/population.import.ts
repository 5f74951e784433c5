import { sql } from 'drizzle-orm';
import { csvValue, type Database } from '../../platform/db';
import { foldForSearch as searchKey } from '../../../shared/text';

/** A person row as importers provide it (the demo generator, later sector imports). */
export interface PersonImport {
  id: string;
  nationalId: string | null;
  legacyId: string | null;
  fullName: string;
  birthDate: string | null;
  birthYear: number;
  sex: 'male' | 'female';
  ethnicityCode: string | null;
  religionCode: string | null;
  nationality: string;
  birthPlaceProvinceCode: string | null;
  birthPlaceUnitCode: string | null;
  homeTown: string | null;
  householdId: string | null;
  relationToHead: string | null;
  idCardKind: string | null;
  idCardNumber: string | null;
  idCardIssuedOn: string | null;
  idCardExpiresOn: string | null;
  eIdLevel: number;
  eIdActivatedOn: string | null;
  status: 'alive' | 'deceased';
  deathDate: string | null;
  phone: string | null;
  email: string | null;
  healthInsuranceNo: string | null;
  taxCode: string | null;
  source: string;
  lastVerifiedAt: string | null;
}
export interface HouseholdImport {
  id: string;
  unitCode: string;
  addressLine: string;
  headPersonId: string | null;
}
export interface ResidenceImport {
  id: string;
  personId: string;
  kind: 'permanent' | 'temporary';
  unitCode: string;
  addressLine: string;
  validFrom: string;
  validTo: string | null;
}
export interface RegistryBatch {
  households: HouseholdImport[];
  persons: PersonImport[];
  residences: ResidenceImport[];
}

const PERSON_COLUMNS = [
  'id',
  'national_id',
  'legacy_id',
  'full_name',
  'name_key',
  'birth_date',
  'birth_year',
  'sex',
  'ethnicity_code',
  'religion_code',
  'nationality',
  'birth_place_province_code',
  'birth_place_unit_code',
  'home_town',
  'household_id',
  'relation_to_head',
  'residence_unit_code',
  'id_card_kind',
  'id_card_number',
  'id_card_issued_on',
  'id_card_expires_on',
  'eid_level',
  'eid_activated_on',
  'status',
  'death_date',
  'phone',
  'email',
  'health_insurance_no',
  'tax_code',
  'source',
  'last_verified_at',
] as const;

/** The commune of each person's open permanent residence, denormalised onto the person for fast filters. */
function currentResidenceUnits(residences: ResidenceImport[]): Map<string, string> {
  const map = new Map<string, string>();
  for (const r of residences) if (r.kind === 'permanent' && r.validTo === null) map.set(r.personId, r.unitCode);
  return map;
}

/** CSV lines for the persons of a batch (COPY format), with search keys computed here. */
export function personsCsv(persons: PersonImport[], residences: ResidenceImport[]): string {
  const units = currentResidenceUnits(residences);
  const lastPermanent = new Map<string, string>();
  for (const r of residences) if (r.kind === 'permanent') lastPermanent.set(r.personId, r.unitCode);
  return persons
    .map((p) =>
      [
        p.id,
        p.nationalId,
        p.legacyId,
        p.fullName,
        searchKey(p.fullName),
        p.birthDate,
        p.birthYear,
        p.sex,
        p.ethnicityCode,
        p.religionCode,
        p.nationality,
        p.birthPlaceProvinceCode,
        p.birthPlaceUnitCode,
        p.homeTown,
        p.householdId,
        p.relationToHead,
        units.get(p.id) ?? lastPermanent.get(p.id) ?? null,
        p.idCardKind,
        p.idCardNumber,
        p.idCardIssuedOn,
        p.idCardExpiresOn,
        p.eIdLevel,
        p.eIdActivatedOn,
        p.status,
        p.deathDate,
        p.phone,
        p.email,
        p.healthInsuranceNo,
        p.taxCode,
        p.source,
        p.lastVerifiedAt,
      ]
        .map(csvValue)
        .join(','),
    )
    .join('\n');
}

/** CSV for households and residences. */
export function householdsCsv(households: HouseholdImport[]): string {
  return households.map((h) => [h.id, h.headPersonId, h.unitCode, h.addressLine].map(csvValue).join(',')).join('\n');
}
export function residencesCsv(residences: ResidenceImport[]): string {
  return residences
    .map((r) => [r.id, r.personId, r.kind, r.unitCode, r.addressLine, r.validFrom, r.validTo].map(csvValue).join(','))
    .join('\n');
}

/** The COPY statements (table, columns, CSV) of one batch, in load order. */
export function registryBatchCopies(
  batch: RegistryBatch,
): Array<{ table: string; columns: readonly string[]; csv: string }> {
  return [
    {
      table: 'population.households',
      columns: ['id', 'head_person_id', 'unit_code', 'address_line'],
      csv: householdsCsv(batch.households),
    },
    { table: 'population.persons', columns: PERSON_COLUMNS, csv: personsCsv(batch.persons, batch.residences) },
    {
      table: 'population.residences',
      columns: ['id', 'person_id', 'kind', 'unit_code', 'address_line', 'valid_from', 'valid_to'],
      csv: residencesCsv(batch.residences),
    },
  ].filter((c) => c.csv.length > 0);
}

/** Bulk-loads one batch with COPY (households, persons, then residences). Callers wrap batches as they need. */
export async function copyRegistryBatch(database: Database, batch: RegistryBatch): Promise<void> {
  for (const copy of registryBatchCopies(batch)) await database.copyCsv(copy.table, copy.columns, copy.csv);
}

/**
 * Runs a bulk load into the registry tables with their secondary indexes dropped and rebuilt
 * afterwards (building a trigram GIN index once is far cheaper than maintaining it row by row).
 * Primary keys stay; unique indexes are rebuilt too, so a duplicate still fails the load.
 */
export async function withIndexesRebuilt<T>(database: Database, load: () => Promise<T>): Promise<T> {
  const indexes = await database.rows<{ name: string; def: string }>(sql`
    select i.indexname as name, i.indexdef as def from pg_indexes i
    where i.schemaname = 'population' and i.tablename in ('persons', 'households', 'residences')
      and not exists (select 1 from pg_constraint c where c.conname = i.indexname)`);
  for (const i of indexes) await database.db.execute(sql.raw(`drop index if exists population."${i.name}"`));
  try {
    return await load();
  } finally {
    for (const i of indexes) await database.db.execute(sql.raw(i.def));
    // The planner needs the new statistics of all three (an unanalysed residences table made the
    // quality rules for a few persons scan it in a nested loop).
    await database.db.execute(sql`analyze population.persons, population.households, population.residences`);
  }
}
