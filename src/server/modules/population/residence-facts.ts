import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../platform/db';
import { logAccess, type Reader } from './person-access-log';

/** What the registry says of a person's residence on a day: what a CT07 confirmation certifies. */
export interface ResidenceFacts {
  fullName: string;
  birthDate: string | null;
  sex: 'male' | 'female' | null;
  nationalId: string | null;
  permanent: { unitCode: string; addressLine: string; since: string } | null;
  temporary: { unitCode: string; addressLine: string; since: string; until: string | null } | null;
  household: { headName: string; relationToHead: string | null } | null;
  absence: { from: string; until: string; destination: string } | null;
}

/**
 * The residence facts of a person on `on` (the residences in force that day, the household and its
 * head, a temporary absence covering the day); undefined for an unknown person. With `read`, the
 * read is logged in the person's access log (the officer's role and unit, for dossier processing,
 * under the dossier), as every other read of the registry for a dossier is.
 */
export async function residenceFactsOf(
  db: Db,
  personId: string,
  on: string,
  read?: { reader: Reader; dossierCode?: string },
): Promise<ResidenceFacts | undefined> {
  const [row] = await queryRows<{
    full_name: string;
    birth_date: string | null;
    sex: 'male' | 'female' | null;
    national_id: string | null;
    relation_to_head: string | null;
    head_name: string | null;
    residences: Array<{
      kind: string;
      unit_code: string;
      address_line: string;
      valid_from: string;
      valid_to: string | null;
    }>;
    absence: { from: string; until: string; destination: string } | null;
  }>(
    db,
    sql`select p.full_name, p.birth_date::text, p.sex, p.national_id, p.relation_to_head, head.full_name as head_name,
          coalesce((select json_agg(json_build_object('kind', r.kind, 'unit_code', r.unit_code, 'address_line', r.address_line,
                      'valid_from', r.valid_from::text, 'valid_to', r.valid_to::text) order by r.valid_from desc)
                    from population.residences r
                    where r.person_id = p.id and r.valid_from <= ${on}::date and (r.valid_to is null or r.valid_to >= ${on}::date)), '[]') as residences,
          (select json_build_object('from', a.from_date::text, 'until', a.until_date::text, 'destination', a.destination)
             from population.temporary_absences a
             where a.person_id = p.id and a.from_date <= ${on}::date and a.until_date >= ${on}::date
             order by a.from_date desc limit 1) as absence
        from population.persons p
        left join population.households h on h.id = p.household_id
        left join population.persons head on head.id = h.head_person_id
        where p.id = ${personId}`,
  );
  if (!row) return undefined;
  if (read)
    await logAccess(
      db,
      read.reader,
      'person.read',
      [{ id: personId, nationalId: row.national_id }],
      'dossier_processing',
      read.dossierCode,
    );
  const of = (kind: string) => row.residences.find((r) => r.kind === kind);
  const permanent = of('permanent');
  const temporary = of('temporary');
  return {
    fullName: row.full_name,
    birthDate: row.birth_date,
    sex: row.sex,
    nationalId: row.national_id,
    permanent: permanent
      ? { unitCode: permanent.unit_code, addressLine: permanent.address_line, since: permanent.valid_from }
      : null,
    temporary: temporary
      ? {
          unitCode: temporary.unit_code,
          addressLine: temporary.address_line,
          since: temporary.valid_from,
          until: temporary.valid_to,
        }
      : null,
    household: row.head_name ? { headName: row.head_name, relationToHead: row.relation_to_head } : null,
    absence: row.absence,
  };
}
