/**
 * Change requests (yêu cầu điều chỉnh, issue 16 §3): linking never changes the registry; a sector
 * officer proposes, from a link matched with discrepancies, that a field of the person take the
 * list's value, and the commune police of the person's commune accept it (the person is corrected
 * through population's `correctPersonData`, in the same transaction) or reject it with a reason.
 * Every person shown is written in the access log (purpose data_cleaning).
 *
 * Lists read population.persons directly (read-only), as links/links.service.ts does (ADR 0028);
 * writes go through population's index.
 */
import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Db } from '../../../platform/db';
import type { AccessContext, Grant } from '../../identity';
import { recordAccess, subjectFor } from '../../audit';
import { correctPersonData, findCorrectablePerson, registryValueOf, type Reader } from '../../population';
import type { ChangeRequest } from '../../../../contracts/sector-corrections';
import { mayImport, mayRead, SECTOR_ROUTE_ACTIONS } from '../sector-data.policy';
import { findBatch } from '../sector-data.repository';
import type { CORRECTABLE_FIELDS } from '../sector-data.schema';
import {
  contradictsIdNumber,
  fieldDiffers,
  FIELD_NAMES,
  mayProposeFrom,
  proposedValue,
  referenceOf,
} from './correction-rules';
import {
  alreadyDecided,
  changeRequestNotFound,
  correctionConflict,
  correctionInvalid,
  linkNotFound,
  notAllowed,
  proposeForbidden,
  selfDecision,
} from './corrections.errors';
import { DECIDE_ACTION, mayDecide, maySeeAny, mayWithdraw, visibleCondition } from './corrections.policy';

type Field = (typeof CORRECTABLE_FIELDS)[number];

/** Who acts, for the access log; `pseudonymKey` undefined: not logged. */
export interface Caller {
  access: AccessContext;
  requestId: string;
  pseudonymKey?: string;
}

interface RequestSql extends Record<string, unknown> {
  id: string;
  seq: number | string;
  state: ChangeRequest['state'];
  field: Field;
  registry_value: string | null;
  proposed_value: string;
  evidence: string;
  batch_id: string;
  row_number: number;
  dataset_type: string;
  sector: string;
  batch_unit_code: string;
  proposed_by: string;
  proposed_role: string;
  proposed_at: Date | string;
  decided_by: string | null;
  decided_role: string | null;
  decided_at: Date | string | null;
  reason: string | null;
  person_id: string;
  national_id: string | null;
  full_name: string;
  birth_date: string | null;
  birth_year: number | string;
  sex: 'male' | 'female';
  residence_unit_code: string | null;
  status: 'alive' | 'deceased';
  registry_version: number | string;
  total?: number | string;
}

const SELECT = sql`select cr.id, cr.seq, cr.state, cr.field, cr.registry_value, cr.proposed_value, cr.evidence,
    cr.batch_id, cr.row_number, cr.dataset_type, cr.sector, cr.batch_unit_code, cr.proposed_by, cr.proposed_role,
    cr.proposed_at, cr.decided_by, cr.decided_role, cr.decided_at, cr.reason,
    p.id as person_id, p.national_id, p.full_name, p.birth_date::text as birth_date, p.birth_year, p.sex,
    p.residence_unit_code, p.status, p.registry_version
  from sector_data.change_requests cr join population.persons p on p.id = cr.person_id`;

const iso = (v: Date | string) => new Date(v).toISOString();

function present(access: AccessContext, r: RequestSql): ChangeRequest {
  const person = {
    personId: r.person_id,
    nationalId: r.national_id,
    fullName: r.full_name,
    birthDate: r.birth_date,
    birthYear: Number(r.birth_year),
    sex: r.sex,
    unitCode: r.residence_unit_code,
    status: r.status,
    registryVersion: Number(r.registry_version),
  };
  const open = r.state === 'proposed';
  return {
    id: r.id,
    reference: referenceOf(Number(r.seq)),
    state: r.state,
    field: r.field,
    registryValue: r.registry_value,
    proposedValue: r.proposed_value,
    currentValue: registryValueOf({ ...person, id: r.person_id, residenceUnitCode: r.residence_unit_code }, r.field),
    evidence: r.evidence,
    person,
    source: {
      batchId: r.batch_id,
      rowNumber: r.row_number,
      datasetType: r.dataset_type,
      sector: r.sector,
      unitCode: r.batch_unit_code,
    },
    proposed: { accountId: r.proposed_by, role: r.proposed_role, at: iso(r.proposed_at) },
    decided:
      r.decided_at === null
        ? null
        : { accountId: r.decided_by ?? '', role: r.decided_role ?? '', at: iso(r.decided_at), reason: r.reason },
    mayDecide: open && mayDecide(access, r.residence_unit_code),
    mayWithdraw: open && mayWithdraw(access, r.sector, r.batch_unit_code),
  };
}

/** The grant a list or a read is done under, when no single unit authorises it (role and unit for the records). */
function anyGrant(access: AccessContext): Grant | undefined {
  return (
    access.grantFor(DECIDE_ACTION) ??
    access.grantFor(SECTOR_ROUTE_ACTIONS.read) ??
    access.grantFor(SECTOR_ROUTE_ACTIONS.import)
  );
}

/**
 * The grant that authorises an action by itself — `allows` holds with that grant alone (e.g. the
 * police grant whose unit covers the person's commune, not the account's first grant): its role
 * and unit are what the request and the access log record.
 */
function grantAllowing(access: AccessContext, allows: (one: AccessContext) => boolean): Grant | undefined {
  return access.actor?.grants.find((g) => allows(access.only((x) => x === g)));
}

/** One access-log entry per person shown (purpose data_cleaning). */
async function logShown(
  db: Db,
  caller: Caller,
  people: ChangeRequest['person'][],
  action: 'person.read' | 'person.list',
  grant: Grant | undefined = anyGrant(caller.access),
) {
  if (!caller.pseudonymKey || people.length === 0) return;
  const key = caller.pseudonymKey;
  const unique = new Map(people.map((p) => [p.personId, p]));
  await recordAccess(
    db,
    [...unique.values()].map((p) => ({
      actorAccountId: caller.access.actor?.accountId ?? null,
      actorRole: grant?.role ?? 'unknown',
      actorUnit: grant?.unitCode ?? null,
      action,
      subject: subjectFor(key, { nationalId: p.nationalId, personId: p.personId }),
      purpose: 'data_cleaning',
      requestId: caller.requestId,
      target: { kind: 'person_record' as const, id: p.personId },
    })),
    { standaloneRead: true },
  );
}

async function selectOne(db: Db, id: string, lock = false): Promise<RequestSql | undefined> {
  const [row] = await queryRows<RequestSql>(
    db,
    sql`${SELECT} where cr.id = ${id}${lock ? sql` for update of cr` : sql``}`,
  );
  return row;
}

/** GET /change-requests: the requests the caller sees, open ones first, newest first. */
export async function listChangeRequests(
  db: Db,
  caller: Caller,
  query: { state?: ChangeRequest['state']; unitCode?: string; page: number; pageSize: number },
) {
  if (!maySeeAny(caller.access)) throw notAllowed();
  const filters: SQL[] = [visibleCondition(caller.access)];
  if (query.state) filters.push(sql`cr.state = ${query.state}`);
  if (query.unitCode) filters.push(sql`p.residence_unit_code = ${query.unitCode}`);
  const rows = await queryRows<RequestSql>(
    db,
    sql`${SELECT}
     where ${sql.join(filters, sql` and `)}
     order by (cr.state = 'proposed') desc, cr.seq desc
     limit ${query.pageSize} offset ${(query.page - 1) * query.pageSize}`,
  );
  const total = await queryRows<{ n: number | string }>(
    db,
    sql`select count(*) as n from sector_data.change_requests cr join population.persons p on p.id = cr.person_id
         where ${sql.join(filters, sql` and `)}`,
  );
  const items = rows.map((r) => present(caller.access, r));
  await logShown(
    db,
    caller,
    items.map((i) => i.person),
    'person.list',
  );
  return { items, total: Number(total[0]?.n ?? 0), page: query.page, pageSize: query.pageSize };
}

/** GET /change-requests/:id: one request the caller sees (404 otherwise). */
export async function getChangeRequest(db: Db, caller: Caller, id: string): Promise<ChangeRequest> {
  if (!maySeeAny(caller.access)) throw notAllowed();
  const [row] = await queryRows<RequestSql>(
    db,
    sql`${SELECT} where cr.id = ${id} and ${visibleCondition(caller.access)}`,
  );
  if (!row) throw changeRequestNotFound();
  const item = present(caller.access, row);
  await logShown(db, caller, [item.person], 'person.read');
  return item;
}

interface LinkSql extends Record<string, unknown> {
  batch_id: string;
  row_number: number;
  outcome: string;
  person_id: string | null;
  disagreements: string[];
  values: Record<string, unknown>;
}

/**
 * POST /links/:linkId/corrections: a sector officer (sector.import in the list's sector and unit)
 * proposes that `field` of the linked person take the list's value (see correction-rules.ts). One
 * open request per person and field (409 naming the open one); refused (409) from a list since
 * replaced by a later one, and for a person with no commune of residence (no police could decide).
 */
export async function proposeCorrection(
  db: Db,
  caller: Caller,
  linkId: string,
  body: { field: Field; value?: string; evidence: string },
): Promise<ChangeRequest> {
  const { access } = caller;
  let grant: Grant | undefined;
  const created = await db.transaction(async (tx) => {
    const [link] = await queryRows<LinkSql>(
      tx,
      sql`select l.batch_id, l.row_number, l.outcome, l.person_id, l.disagreements, r.values
            from sector_data.links l join sector_data.rows r on r.batch_id = l.batch_id and r.row_number = l.row_number
           where l.id = ${linkId}`,
    );
    if (!link) throw linkNotFound();
    const batch = await findBatch(tx, link.batch_id);
    if (!batch || batch.state !== 'committed' || !mayRead(access, batch.sector, batch.unitCode)) throw linkNotFound();
    if (!mayImport(access, batch.sector, batch.unitCode)) throw proposeForbidden(batch.unitCode);
    if (batch.supersededBy !== null)
      throw correctionConflict(
        'Danh sách này đã được thay bằng danh sách nhập sau: hãy đề xuất từ danh sách hiện hành',
        'This list was replaced by a later one: propose from the current list',
      );
    grant = grantAllowing(access, (one) => mayImport(one, batch.sector, batch.unitCode));
    if (!mayProposeFrom(link.outcome) || !link.person_id)
      throw correctionConflict(
        'Chỉ đề xuất điều chỉnh được từ dòng đã khớp với một người nhưng có trường sai khác',
        'A correction can only be proposed from a row matched to a person with fields that differ',
      );
    const names = FIELD_NAMES[body.field];
    if (!fieldDiffers(body.field, link.disagreements))
      throw correctionInvalid(
        'field',
        `${names.vi} của dòng này không sai khác với CSDL dân cư`,
        `This row's ${names.en} does not differ from the registry`,
      );
    const person = await findCorrectablePerson(tx, link.person_id);
    if (!person)
      throw correctionConflict('Người này không còn trong CSDL dân cư', 'This person is no longer in the registry');
    if (person.residenceUnitCode === null)
      throw correctionConflict(
        'CSDL dân cư không ghi xã nơi cư trú của người này: không có công an xã nào quyết định được yêu cầu điều chỉnh',
        'The registry records no commune of residence for this person: no commune police could decide a change request',
      );
    const registryValue = registryValueOf(person, body.field);
    const verdict = proposedValue(body.field, link.values[body.field], body.value, registryValue);
    if (!verdict.ok) throw correctionInvalid('value', verdict.vi, verdict.en);
    if (registryValue === verdict.value)
      throw correctionConflict(
        `CSDL dân cư đã ghi ${names.vi} này; không có gì để điều chỉnh`,
        `The registry already holds this ${names.en}; there is nothing to correct`,
      );
    const contradiction = contradictsIdNumber(body.field, verdict.value, person.nationalId);
    if (contradiction) throw correctionInvalid('value', contradiction.vi, contradiction.en);
    const [inserted] = await queryRows<{ id: string }>(
      tx,
      sql`insert into sector_data.change_requests
            (person_id, field, registry_value, proposed_value, batch_id, row_number, dataset_type, sector,
             batch_unit_code, unit_code, evidence, proposed_by, proposed_role)
          values (${person.id}, ${body.field}, ${registryValue}, ${verdict.value}, ${batch.id}, ${link.row_number},
             ${batch.datasetType}, ${batch.sector}, ${batch.unitCode}, ${person.residenceUnitCode}, ${body.evidence},
             ${access.actor?.accountId ?? 'unknown'}, ${grant?.role ?? 'unknown'})
          on conflict (person_id, field) where state = 'proposed' do nothing
          returning id`,
    );
    if (!inserted) {
      const [open] = await queryRows<{ seq: number | string }>(
        tx,
        sql`select seq from sector_data.change_requests where person_id = ${person.id} and field = ${body.field} and state = 'proposed'`,
      );
      const reference = referenceOf(Number(open?.seq ?? 0));
      throw correctionConflict(
        `Đã có yêu cầu điều chỉnh ${reference} về ${names.vi} của người này đang chờ công an xã quyết định`,
        `Change request ${reference} on this person's ${names.en} is already waiting for the commune police`,
      );
    }
    return (await selectOne(tx, inserted.id))!;
  });
  const item = present(access, created);
  await logShown(db, caller, [item.person], 'person.read', grant);
  return item;
}

/** The open request, locked, when the caller may decide on it (404 outside the person's commune, 409 once decided). */
async function lockDecidable(tx: Db, access: AccessContext, id: string): Promise<RequestSql> {
  const row = await selectOne(tx, id, true);
  if (!row || !mayDecide(access, row.residence_unit_code)) throw changeRequestNotFound();
  if (row.state !== 'proposed') throw alreadyDecided(referenceOf(Number(row.seq)), row.state);
  if (access.actor && row.proposed_by === access.actor.accountId) throw selfDecision(referenceOf(Number(row.seq)));
  return row;
}

/** The grant under which the caller decides on a request about a person of `unitCode`. */
const decidingGrant = (access: AccessContext, unitCode: string | null) =>
  grantAllowing(access, (one) => mayDecide(one, unitCode));

async function close(
  tx: Db,
  access: AccessContext,
  id: string,
  state: 'accepted' | 'rejected' | 'withdrawn',
  reason: string | null,
  grant: Grant | undefined,
) {
  await tx.execute(sql`update sector_data.change_requests
      set state = ${state}, reason = ${reason}, decided_by = ${access.actor?.accountId ?? 'unknown'},
          decided_role = ${grant?.role ?? 'unknown'}, decided_at = now()
      where id = ${id}`);
  return (await selectOne(tx, id))!;
}

/**
 * POST /change-requests/:id/accept: the commune police (population.person.correct in the person's
 * commune) accept; the person is corrected in the same transaction — refused (409, nothing written)
 * when the record changed since the officer saw `version`, the field no longer holds the value
 * the request saw, or the person's ID number (as locked now) contradicts the value. The account that
 * proposed a request neither accepts nor rejects it (403).
 */
export async function acceptChangeRequest(
  db: Db,
  caller: Caller,
  id: string,
  body: { version: number },
): Promise<ChangeRequest> {
  const { access } = caller;
  const row = await db.transaction(async (tx) => {
    const request = await lockDecidable(tx, access, id);
    const grant = decidingGrant(access, request.residence_unit_code);
    const writer: Reader = {
      accountId: access.actor?.accountId ?? null,
      role: grant?.role ?? 'unknown',
      unitCode: grant?.unitCode ?? null,
      requestId: caller.requestId,
      ...(caller.pseudonymKey ? { pseudonymKey: caller.pseudonymKey } : {}),
    };
    await correctPersonData(tx, {
      personId: request.person_id,
      field: request.field,
      expected: request.registry_value,
      value: request.proposed_value,
      seenVersion: body.version,
      changeRequestId: request.id,
      reference: referenceOf(Number(request.seq)),
      writer,
      // The proposal's rules hold on the locked record too: an ID number recorded since may contradict it.
      recheck: (person) => contradictsIdNumber(request.field, request.proposed_value, person.nationalId),
    });
    return close(tx, access, id, 'accepted', null, grant);
  });
  return present(access, row);
}

/** POST /change-requests/:id/reject: the commune police reject with a reason; the registry is not touched. */
export async function rejectChangeRequest(
  db: Db,
  caller: Caller,
  id: string,
  body: { reason: string },
): Promise<ChangeRequest> {
  const { access } = caller;
  let grant: Grant | undefined;
  const row = await db.transaction(async (tx) => {
    const request = await lockDecidable(tx, access, id);
    grant = decidingGrant(access, request.residence_unit_code);
    return close(tx, access, id, 'rejected', body.reason, grant);
  });
  const item = present(access, row);
  await logShown(db, caller, [item.person], 'person.read', grant);
  return item;
}

/** POST /change-requests/:id/withdraw: the proposing side (sector.import in the list's sector and unit) withdraws an open request. */
export async function withdrawChangeRequest(
  db: Db,
  caller: Caller,
  id: string,
  body: { reason?: string },
): Promise<ChangeRequest> {
  const { access } = caller;
  let grant: Grant | undefined;
  const row = await db.transaction(async (tx) => {
    const request = await selectOne(tx, id, true);
    if (!request || !mayRead(access, request.sector, request.batch_unit_code)) throw changeRequestNotFound();
    if (!mayWithdraw(access, request.sector, request.batch_unit_code)) throw proposeForbidden(request.batch_unit_code);
    if (request.state !== 'proposed') throw alreadyDecided(referenceOf(Number(request.seq)), request.state);
    grant = grantAllowing(access, (one) => mayWithdraw(one, request.sector, request.batch_unit_code));
    return close(tx, access, id, 'withdrawn', body.reason ?? null, grant);
  });
  const item = present(access, row);
  await logShown(db, caller, [item.person], 'person.read', grant);
  return item;
}
