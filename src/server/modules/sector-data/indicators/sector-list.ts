import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Db } from '../../../platform/db';
import type { ListPage, ListQuery, ListReader } from '../../../platform/indicator-sources';
import { recordAccess, subjectFor } from '../../audit';
import { OUTCOME_VI } from '../links/links.service';
import { DATASET_TYPES } from '../types';
import { aliveOn, rowsInForce, rowUnit } from './lists-in-force';

/*
 * The rows behind a commune's sector figure (kpi's drill-down, issue 15 §2): the rows of the lists
 * in force counted in the commune that are not clean (side "missing") — an error row, a row not
 * found, with discrepancies, of a person dead on the as-of day, without the attribute — or those
 * counted. Each registry person shown is written in the access log with the stated purpose.
 */

const COLUMNS = [
  { key: 'list', labelVi: 'Danh sách', labelEn: 'List' },
  { key: 'rowNumber', labelVi: 'Dòng', labelEn: 'Row' },
  { key: 'name', labelVi: 'Họ và tên / tên', labelEn: 'Name' },
  { key: 'birthDate', labelVi: 'Ngày sinh', labelEn: 'Date of birth' },
  { key: 'idNumber', labelVi: 'Số định danh trong danh sách', labelEn: 'ID number in the list' },
  { key: 'outcome', labelVi: 'Kết quả đối chiếu', labelEn: 'Linking outcome' },
  { key: 'nationalId', labelVi: 'Số định danh của người khớp', labelEn: 'ID number of the person linked' },
  { key: 'reason', labelVi: 'Lý do', labelEn: 'Reason' },
];

const TYPE_NAME = new Map(DATASET_TYPES.map((t) => [t.code, t.nameVi]));

/** The name a list gives its row (a person, a household head, a business owner, a facility). */
const NAME = sql`coalesce(r.values->>'fullName', r.values->>'headName', r.values->>'ownerName', r.values->>'facilityName', r.values->>'businessName')`;

type Row = {
  dataset_type: string;
  row_number: number;
  name: string | null;
  birth_date: string | null;
  id_number: string | null;
  errors: Array<{ vi: string }>;
  outcome: string | null;
  person_id: string | null;
  national_id: string | null;
  alive: boolean | null;
};

/** One page of the rows of `datasetTypes` counted in `q.unitCode`, meeting `numerator` (counted) or not (missing). */
export async function sectorListPage(
  db: Db,
  q: ListQuery,
  reader: ListReader,
  datasetTypes: readonly string[],
  numerator: SQL,
): Promise<ListPage> {
  const side = q.side === 'counted' ? sql`coalesce((${numerator}), false)` : sql`not coalesce((${numerator}), false)`;
  const from = sql`from ${rowsInForce(datasetTypes, q.asOf)} where ${rowUnit(q.communeCodes)} = ${q.unitCode} and ${side}`;
  // In turn: the page may be read in a transaction, one connection (pg 9 refuses concurrent queries on a client).
  const rows = await queryRows<Row>(
    db,
    sql`select f.dataset_type, r.row_number, ${NAME} as name, r.values->>'birthDate' as birth_date,
            r.values->>'idNumber' as id_number, r.errors, l.outcome, p.id as person_id, p.national_id,
            case when p.id is null then null else ${aliveOn(q.asOf)} end as alive
          ${from} order by f.dataset_type, f.id, r.row_number limit ${q.limit} offset ${q.offset}`,
  );
  const total = await queryRows<{ n: string | number }>(db, sql`select count(*) as n ${from}`);
  await logListedPeople(
    db,
    reader,
    rows.flatMap((r) => (r.person_id ? [{ personId: r.person_id, nationalId: r.national_id }] : [])),
  );
  return {
    columns: COLUMNS,
    total: Number(total[0]?.n ?? 0),
    items: rows.map((r) => ({
      list: TYPE_NAME.get(r.dataset_type) ?? r.dataset_type,
      rowNumber: r.row_number,
      name: r.name,
      birthDate: r.birth_date,
      idNumber: r.id_number,
      outcome: OUTCOME_VI[r.outcome ?? (r.errors.length > 0 ? 'invalid' : 'unlinked')] ?? r.outcome,
      nationalId: r.national_id,
      reason: r.errors.length > 0 ? r.errors.map((e) => e.vi).join('; ') : r.alive === false ? 'Người đã mất' : null,
    })),
  };
}

/** Each registry person shown in a list behind a figure in the access log (once), with the reader's purpose. */
export async function logListedPeople(
  db: Db,
  reader: ListReader,
  shown: ReadonlyArray<{ personId: string; nationalId: string | null }>,
): Promise<void> {
  const key = reader.pseudonymKey;
  if (!key) return;
  const people = new Map<string, string | null>();
  for (const p of shown) people.set(p.personId, p.nationalId);
  if (people.size === 0) return;
  await recordAccess(
    db,
    [...people].map(([personId, nationalId]) => ({
      actorAccountId: reader.accountId,
      actorRole: reader.role,
      actorUnit: reader.unitCode,
      action: reader.exporting ? 'person.export' : 'person.list',
      subject: subjectFor(key, { nationalId, personId }),
      purpose: reader.purpose,
      requestId: reader.requestId,
      target: { kind: 'person_record' as const, id: personId },
    })),
    { standaloneRead: true },
  );
}
