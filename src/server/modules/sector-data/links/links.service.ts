/**
 * Reading and reviewing the links of batches (issue 16 §3): the rows of a batch beside the
 * registry fields of the person each is linked to (every person shown is written in the access
 * log, purpose data_cleaning), the review queue of probable links within the officer's sectors
 * and units, and the officer's decision (kept by row key and person, reused on the next list).
 *
 * Reads population.persons directly (read-only), as linking/registry-sql.ts does: population
 * publishes no read of persons by id for other modules yet (see ADR 0028).
 */
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Database, type Db } from '../../../platform/db';
import { AppError } from '../../../platform/errors';
import type { AccessContext } from '../../identity';
import { recordAccess, subjectFor } from '../../audit';
import { DATASET_TYPES } from '../types';
import { neutralise } from '../error-rows.export';
import { batchNotFound, SECTOR_ERRORS } from '../sector-data.errors';
import { mayImport, mayRead, readableScope, SECTOR_ROUTE_ACTIONS } from '../sector-data.policy';
import { findBatch, type BatchRow } from '../sector-data.repository';
import { LINK_OUTCOMES } from '../sector-data.schema';
import type { RowOutcomeCode } from '../../../../contracts/sector-links';
import type { LinkBatchResult } from './link-batch';
import { claimLink, runClaimedLink } from './link-job';
import { presentBatch } from '../sector-data.presenter';
import type { Batch } from '../../../../contracts/sector-data';

/** Who reads, for the access log; `pseudonymKey` undefined: not logged (tests of other things, benchmarks). */
export interface LinkReader {
  access: AccessContext;
  requestId: string;
  pseudonymKey?: string;
}

/** Raw rows of a statement, in the shape drizzle's `execute` gives on both engines. */
const q = async <T extends Record<string, unknown>>(db: Pick<Db, 'execute'>, query: SQL) => ({
  rows: await queryRows<T>(db, query),
});

export interface Person {
  personId: string;
  nationalId: string | null;
  fullName: string;
  birthDate: string | null;
  birthYear: number;
  sex: string;
  unitCode: string | null;
  status: string;
}

export interface LinkedRowView {
  linkId: string | null;
  row: number;
  outcome: RowOutcomeCode;
  score: number | null;
  disagreements: string[];
  cells: string[];
  errors: Array<{ field: string | null; vi: string; en: string }>;
  person: Person | null;
  actualPerson: Person | null;
  duplicateOfRow: number | null;
  explanation: unknown;
  review: { decision: 'accept' | 'reject'; reason: string | null; decidedAt: string } | null;
}

interface RowSql extends Record<string, unknown> {
  link_id: string | null;
  row_number: number;
  outcome: RowOutcomeCode | null;
  score: number | string | null;
  disagreements: string[] | null;
  cells: string[];
  errors: Array<{ field: string | null; vi: string; en: string }>;
  duplicate_of_row: number | null;
  explanation: unknown;
  person: Record<string, unknown> | null;
  actual_person: Record<string, unknown> | null;
  decision: 'accept' | 'reject' | null;
  reason: string | null;
  decided_at: Date | string | null;
  batch_id?: string;
  dataset_type?: string;
  unit_code?: string;
  file_name?: string;
  header?: string[];
  total?: number | string;
}

const personJson = (alias: string) =>
  sql.raw(`case when ${alias}.id is null then null else json_build_object(
    'personId', ${alias}.id, 'nationalId', ${alias}.national_id, 'fullName', ${alias}.full_name,
    'birthDate', ${alias}.birth_date::text, 'birthYear', ${alias}.birth_year, 'sex', ${alias}.sex,
    'unitCode', ${alias}.residence_unit_code, 'status', ${alias}.status) end`);

const ROW_COLUMNS = sql`l.id as link_id, r.row_number, l.outcome, l.score, l.disagreements, r.cells, r.errors,
  l.duplicate_of_row, l.explanation, ${personJson('p')} as person, ${personJson('ap')} as actual_person,
  v.decision, v.reason, v.decided_at`;
const ROW_JOINS = sql`left join population.persons p on p.id = l.person_id
  left join population.persons ap on ap.id = l.actual_person_id
  left join sector_data.link_reviews v on v.id = l.review_id`;

function toPerson(json: Record<string, unknown> | null): Person | null {
  if (!json) return null;
  return {
    personId: String(json.personId),
    nationalId: (json.nationalId as string | null) ?? null,
    fullName: String(json.fullName),
    birthDate: (json.birthDate as string | null) ?? null,
    birthYear: Number(json.birthYear),
    sex: String(json.sex),
    unitCode: (json.unitCode as string | null) ?? null,
    status: String(json.status),
  };
}

function toView(r: RowSql): LinkedRowView {
  return {
    linkId: r.link_id,
    row: r.row_number,
    outcome: r.outcome ?? (r.errors.length > 0 ? 'invalid' : 'unlinked'),
    score: r.score === null ? null : Number(r.score),
    disagreements: r.disagreements ?? [],
    cells: r.cells,
    errors: r.errors,
    person: toPerson(r.person),
    actualPerson: toPerson(r.actual_person),
    duplicateOfRow: r.duplicate_of_row,
    explanation: r.explanation ?? null,
    review:
      r.decision === null
        ? null
        : { decision: r.decision, reason: r.reason, decidedAt: new Date(r.decided_at!).toISOString() },
  };
}

/** Writes one access-log entry per person shown (purpose data_cleaning). */
async function logPeople(db: Db, reader: LinkReader, views: LinkedRowView[], action: 'person.list' | 'person.export') {
  if (!reader.pseudonymKey) return;
  const people = new Map<string, Person>();
  for (const v of views) for (const p of [v.person, v.actualPerson]) if (p) people.set(p.personId, p);
  if (people.size === 0) return;
  const grant =
    reader.access.grantFor(SECTOR_ROUTE_ACTIONS.read) ?? reader.access.grantFor(SECTOR_ROUTE_ACTIONS.import);
  const key = reader.pseudonymKey;
  await recordAccess(
    db,
    [...people.values()].map((p) => ({
      actorAccountId: reader.access.actor?.accountId ?? null,
      actorRole: grant?.role ?? 'unknown',
      actorUnit: grant?.unitCode ?? null,
      action,
      subject: subjectFor(key, { nationalId: p.nationalId, personId: p.personId }),
      purpose: 'data_cleaning',
      requestId: reader.requestId,
      target: { kind: 'person_record' as const, id: p.personId },
    })),
    { standaloneRead: true },
  );
}

/** The batch, when the caller may read it (else: not found, so that others' batches are not revealed). */
async function readableBatch(db: Db, access: AccessContext, batchId: string): Promise<BatchRow> {
  const batch = await findBatch(db, batchId);
  if (!batch || batch.state !== 'committed' || !mayRead(access, batch.sector, batch.unitCode)) throw batchNotFound();
  return batch;
}

export const linkForbidden = (unitCode: string) =>
  new AppError(
    SECTOR_ERRORS.SCOPE_FORBIDDEN,
    `Bạn không được liên kết hoặc rà soát danh sách của ngành này cho đơn vị ${unitCode}`,
    `You may not link or review this sector's lists for unit ${unitCode}`,
  );

/**
 * POST /batches/:id/link: links the batch (sector.import in its sector and unit) — with `wait`,
 * awaited (the counts); else in the background (the batch, `linking`: its progress and outcome are
 * on the batch). 409 while the batch is being linked.
 */
export async function startLink(
  database: Database,
  access: AccessContext,
  batchId: string,
  wait: boolean,
): Promise<{ done: LinkBatchResult } | { batch: Batch }> {
  const batch = await readableBatch(database.db, access, batchId);
  if (!mayImport(access, batch.sector, batch.unitCode)) throw linkForbidden(batch.unitCode);
  const claimed = await claimLink(database.db, batchId);
  const work = runClaimedLink(database, batchId);
  if (wait) return { done: await work };
  work.catch(() => undefined); // the outcome is on the batch (linked / failed)
  return { batch: presentBatch(claimed) };
}

const outcomeFilter = (outcome: string | undefined): SQL => {
  if (outcome === undefined) return sql`true`;
  if (outcome === 'invalid') return sql`l.id is null and jsonb_array_length(r.errors) > 0`;
  if (outcome === 'unlinked') return sql`l.id is null and jsonb_array_length(r.errors) = 0`;
  return sql`l.outcome = ${outcome}`;
};

/** Rows per outcome of a batch, every outcome present; `invalid`: the rows that failed validation. */
async function countsOf(db: Db, batch: BatchRow): Promise<Record<string, number>> {
  const counts: Record<string, number> = Object.fromEntries([...LINK_OUTCOMES, 'invalid'].map((o) => [o, 0]));
  const rows = await q<{ outcome: string; n: number | string }>(
    db,
    sql`select outcome, count(*) as n from sector_data.links where batch_id = ${batch.id} group by outcome`,
  );
  for (const r of rows.rows) counts[r.outcome] = Number(r.n);
  counts.invalid = batch.errorCount;
  return counts;
}

/** GET /batches/:id/links: counts per outcome and a page of rows with the persons beside them. */
export async function listLinks(
  db: Db,
  reader: LinkReader,
  batchId: string,
  query: { outcome?: string; page: number; pageSize: number },
) {
  const batch = await readableBatch(db, reader.access, batchId);
  const filter = outcomeFilter(query.outcome);
  const result = await q<RowSql>(
    db,
    sql`
    select ${ROW_COLUMNS}, count(*) over () as total
      from sector_data.rows r
      left join sector_data.links l on l.batch_id = r.batch_id and l.row_number = r.row_number
      ${ROW_JOINS}
     where r.batch_id = ${batch.id} and ${filter}
     order by r.row_number
     limit ${query.pageSize} offset ${(query.page - 1) * query.pageSize}`,
  );
  const items = result.rows.map(toView);
  await logPeople(db, reader, items, 'person.list');
  const total = result.rows[0]?.total;
  return {
    batchId: batch.id,
    header: batch.header,
    counts: await countsOf(db, batch),
    items,
    total: total === undefined ? await countFiltered(db, batch.id, filter) : Number(total),
    page: query.page,
    pageSize: query.pageSize,
  };
}

async function countFiltered(db: Db, batchId: string, filter: SQL): Promise<number> {
  const r = await q<{ n: number | string }>(
    db,
    sql`select count(*) as n from sector_data.rows r
    left join sector_data.links l on l.batch_id = r.batch_id and l.row_number = r.row_number
    where r.batch_id = ${batchId} and ${filter}`,
  );
  return Number(r.rows[0]?.n ?? 0);
}

const PAGE = 2_000;

/** The Vietnamese label of each row outcome (`invalid`: failed validation; `unlinked`: a valid row not linked yet). */
export const OUTCOME_VI: Record<string, string> = {
  matched: 'Khớp',
  matched_with_discrepancies: 'Khớp, có sai khác',
  probable: 'Có thể khớp (cần rà soát)',
  not_found: 'Không tìm thấy',
  duplicate_in_list: 'Trùng trong danh sách',
  id_belongs_to_someone_else: 'Số định danh của người khác',
  invalid: 'Dòng lỗi',
  unlinked: 'Chưa liên kết',
};

/** GET /batches/:id/links.xlsx: every row, its outcome and the person's registry fields (streamed; each person logged as exported). */
export async function linksXlsx(db: Db, reader: LinkReader, batchId: string): Promise<NodeJS.ReadableStream> {
  const batch = await readableBatch(db, reader.access, batchId);
  const out = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: false, useSharedStrings: false });
  const sheet = workbook.addWorksheet('Liên kết');
  const write = async () => {
    sheet
      .addRow([
        'Dòng dữ liệu',
        ...batch.header.map(neutralise),
        'Kết quả',
        'Outcome',
        'Điểm',
        'Trường sai khác',
        'Số định danh',
        'Họ và tên (CSDL)',
        'Ngày sinh (CSDL)',
        'Giới tính (CSDL)',
        'Đơn vị (CSDL)',
        'Người thực sự (số định danh)',
      ])
      .commit();
    for (let after = 0; ;) {
      const result = await q<RowSql>(
        db,
        sql`
        select ${ROW_COLUMNS}
          from sector_data.rows r
          left join sector_data.links l on l.batch_id = r.batch_id and l.row_number = r.row_number
          ${ROW_JOINS}
         where r.batch_id = ${batch.id} and r.row_number > ${after}
         order by r.row_number limit ${PAGE}`,
      );
      const views = result.rows.map(toView);
      await logPeople(db, reader, views, 'person.export');
      for (const v of views)
        sheet
          .addRow([
            v.row,
            ...batch.header.map((_, i) => neutralise(v.cells[i] ?? '')),
            OUTCOME_VI[v.outcome] ?? v.outcome,
            v.outcome,
            v.score ?? '',
            v.disagreements.join('; '),
            v.person?.nationalId ?? '',
            v.person?.fullName ?? '',
            v.person?.birthDate ?? v.person?.birthYear ?? '',
            v.person?.sex ?? '',
            v.person?.unitCode ?? '',
            v.actualPerson?.nationalId ?? '',
          ])
          .commit();
      if (views.length < PAGE) break;
      after = views[views.length - 1]!.row;
    }
    sheet.commit();
    await workbook.commit();
  };
  write().catch((error: unknown) => out.destroy(error as Error));
  return out;
}

/** The batches' scope condition for the caller (sector.read or sector.import in the batch's sector and unit). */
function scopeCondition(access: AccessContext): SQL {
  const scope = readableScope(
    access,
    DATASET_TYPES.map((t) => t.sector),
  );
  const parts: SQL[] = [];
  for (const [sector, units] of scope) {
    if (units === null) parts.push(sql`b.sector = ${sector}`);
    else if (units.size > 0)
      parts.push(
        sql`(b.sector = ${sector} and b.unit_code in (${sql.join(
          [...units].map((u) => sql`${u}`),
          sql`, `,
        )}))`,
      );
  }
  return parts.length ? sql`(${sql.join(parts, sql` or `)})` : sql`false`;
}

/** GET /review: the probable links not yet decided, of current committed lists in the caller's sectors and units. */
export async function reviewQueue(
  db: Db,
  reader: LinkReader,
  query: { datasetType?: string; unitCode?: string; page: number; pageSize: number },
) {
  const result = await q<RowSql>(
    db,
    sql`
    select ${ROW_COLUMNS}, b.id as batch_id, b.dataset_type, b.unit_code, b.file_name, b.header, count(*) over () as total
      from sector_data.links l
      join sector_data.batches b on b.id = l.batch_id
      join sector_data.rows r on r.batch_id = l.batch_id and r.row_number = l.row_number
      ${ROW_JOINS}
     where l.outcome = 'probable' and l.review_id is null
       and b.state = 'committed' and b.superseded_by is null
       and ${scopeCondition(reader.access)}
       ${query.datasetType ? sql`and b.dataset_type = ${query.datasetType}` : sql``}
       ${query.unitCode ? sql`and b.unit_code = ${query.unitCode}` : sql``}
     order by b.created_at, l.batch_id, l.row_number
     limit ${query.pageSize} offset ${(query.page - 1) * query.pageSize}`,
  );
  const items = result.rows.map((r) => ({
    ...toView(r),
    batch: { id: r.batch_id!, datasetType: r.dataset_type!, unitCode: r.unit_code!, fileName: r.file_name! },
    header: r.header ?? [],
  }));
  await logPeople(db, reader, items, 'person.list');
  return { items, total: Number(result.rows[0]?.total ?? 0), page: query.page, pageSize: query.pageSize };
}

const linkNotFound = () =>
  new AppError('SECTOR.LINK_NOT_FOUND', 'Không tìm thấy liên kết này', 'Link not found', [
    {
      field: 'linkId',
      code: 'SECTOR.LINK_NOT_FOUND',
      messageVi: 'Không tìm thấy liên kết này',
      messageEn: 'Link not found',
    },
  ]);

const notProbable = () =>
  new AppError(
    'SECTOR.LINK_CONFLICT',
    'Liên kết này không chờ rà soát (đã được quyết định, hoặc không phải liên kết có thể khớp)',
    'This link is not waiting for review (already decided, or not a probable link)',
  );

/**
 * POST /review/:linkId: an officer (sector.import in the batch's sector and unit) accepts or
 * rejects a probable link. The decision is kept by dataset type, sector, the row's key and the
 * person, and reused when the next list of the type proposes the same pair; the link is updated
 * (accept: matched or matched_with_discrepancies; reject: not_found).
 */
export async function decideReview(
  db: Db,
  access: AccessContext,
  linkId: string,
  body: { decision: 'accept' | 'reject'; reason?: string },
) {
  return db.transaction(async (tx) => {
    const found = await q<{
      batch_id: string;
      row_number: number;
      outcome: string;
      person_id: string | null;
      disagreements: string[];
      row_key: string | null;
    }>(
      tx,
      sql`select l.batch_id, l.row_number, l.outcome, l.person_id, l.disagreements, r.row_key
             from sector_data.links l join sector_data.rows r on r.batch_id = l.batch_id and r.row_number = l.row_number
            where l.id = ${linkId} for update of l`,
    );
    const link = found.rows[0];
    if (!link) throw linkNotFound();
    const batch = await findBatch(tx, link.batch_id);
    if (!batch || batch.state !== 'committed' || !mayRead(access, batch.sector, batch.unitCode)) throw linkNotFound();
    if (!mayImport(access, batch.sector, batch.unitCode)) throw linkForbidden(batch.unitCode);
    if (link.outcome !== 'probable' || link.person_id === null) throw notProbable();
    const rowKey = link.row_key ?? `batch:${batch.id}:${link.row_number}`;
    const decidedBy = access.actor?.accountId ?? 'unknown';
    const review = await q<{ id: string; decided_at: Date | string }>(
      tx,
      sql`
      insert into sector_data.link_reviews
        (dataset_type, sector, row_key, person_id, decision, reason, batch_id, row_number, decided_by)
      values (${batch.datasetType}, ${batch.sector}, ${rowKey}, ${link.person_id}, ${body.decision},
              ${body.reason ?? null}, ${batch.id}, ${link.row_number}, ${decidedBy})
      on conflict (dataset_type, sector, row_key, person_id) do update
        set decision = excluded.decision, reason = excluded.reason, batch_id = excluded.batch_id,
            row_number = excluded.row_number, decided_by = excluded.decided_by, decided_at = now()
      returning id, decided_at`,
    );
    const reviewId = review.rows[0]!.id;
    const outcome =
      body.decision === 'reject'
        ? 'not_found'
        : link.disagreements.length === 0
          ? 'matched'
          : 'matched_with_discrepancies';
    if (body.decision === 'accept')
      await q(tx, sql`update sector_data.links set outcome = ${outcome}, review_id = ${reviewId} where id = ${linkId}`);
    else
      await q(
        tx,
        sql`update sector_data.links
        set outcome = 'not_found', person_id = null, national_id = null, disagreements = '{}'::text[], review_id = ${reviewId},
            explanation = explanation || jsonb_build_object('rejectedPersonId', person_id::text)
        where id = ${linkId}`,
      );
    return {
      linkId,
      outcome,
      decision: body.decision,
      reason: body.reason ?? null,
      decidedAt: new Date(review.rows[0]!.decided_at).toISOString(),
    };
  });
}
