import { and, asc, count, desc, eq, gt, gte, inArray, isNotNull, lte, ne, or, sql, type SQL } from 'drizzle-orm';
import { queryRows, type Db } from '../../platform/db';
import { foldedSql, wordsLikePattern } from '../../platform/sql-fold';
import { dossiers, dossierSteps } from './dossiers.schema';

/* Lists and counts of dossiers (workqueues, searches, the counter log, reports); re-exported by dossiers.repository.ts. */

type DossierRow = typeof dossiers.$inferSelect;

export interface ListFilter {
  /** Units the reader may see (null = the whole province). */
  unitCodes: readonly string[] | null;
  ownerAccountId?: string;
  applicantPersonId?: string;
  /** Folded words of the applicant's name in order (the text kernel's `foldForSearch`; SQL side `platform/sql-fold.ts`). */
  applicantNameFolded?: string;
  state?: string;
  states?: readonly string[];
  procedureCode?: string;
  procedureCodes?: readonly string[];
  /**
   * An officer who handles only some procedures (and steps of interlinked groups): the dossiers of
   * `procedureCodes` while no other role's step runs on them, and the dossiers whose running step is
   * for one of `roles` (and, for a sector step, one of `sectors`). Replaces `procedureCodes`.
   */
  handledBy?: { procedureCodes: readonly string[]; roles: readonly string[] };
  /**
   * Grants that perform the steps of interlinked groups (sector officers): besides what the unit
   * and handling filters give, the dossiers whose running step is for one of them, in its units.
   */
  stepGrants?: ReadonlyArray<{ role: string; sector: string | null; units: readonly string[] | null }>;
  /**
   * With `states`: also the dossiers handed over to the caller's agency — a later step of an
   * interlinked group now running for their role or step grant (new work for them, as a filing is).
   */
  orHandedOver?: boolean;
  unitCode?: string;
  codePrefix?: string;
  assigneeAccountId?: string;
  dueBefore?: Date;
  dueAfter?: Date;
  excludeDrafts?: boolean;
}

function whereOf(f: ListFilter): SQL | undefined {
  const parts: (SQL | undefined)[] = [
    scopeCondition(f),
    f.ownerAccountId ? eq(dossiers.ownerAccountId, f.ownerAccountId) : undefined,
    f.applicantPersonId ? eq(dossiers.applicantPersonId, f.applicantPersonId) : undefined,
    f.applicantNameFolded
      ? sql`${foldedSql(dossiers.applicantName)} like ${wordsLikePattern(f.applicantNameFolded)}`
      : undefined,
    f.state ? eq(dossiers.state, f.state) : undefined,
    f.states
      ? f.orHandedOver && (f.handledBy || f.stepGrants?.length)
        ? or(inArray(dossiers.state, [...f.states]), runningStepOf(f.handledBy?.roles ?? [], f.stepGrants ?? [], true))
        : inArray(dossiers.state, [...f.states])
      : undefined,
    f.procedureCode ? eq(dossiers.procedureCode, f.procedureCode) : undefined,
    f.procedureCodes
      ? f.procedureCodes.length
        ? inArray(dossiers.procedureCode, [...f.procedureCodes])
        : sql`false`
      : undefined,
    f.unitCode ? eq(dossiers.unitCode, f.unitCode) : undefined,
    f.codePrefix ? sql`${dossiers.code} like ${`${f.codePrefix.replace(/[\\%_]/g, (c) => `\\${c}`)}%`}` : undefined,
    f.assigneeAccountId ? eq(dossiers.assigneeAccountId, f.assigneeAccountId) : undefined,
    f.dueBefore ? and(isNotNull(dossiers.dueAt), lte(dossiers.dueAt, f.dueBefore)) : undefined,
    f.dueAfter ? and(isNotNull(dossiers.dueAt), gt(dossiers.dueAt, f.dueAfter)) : undefined,
    f.excludeDrafts ? ne(dossiers.state, 'draft') : undefined,
  ];
  const defined = parts.filter((p): p is SQL => p !== undefined);
  return defined.length ? and(...defined) : undefined;
}

const list = (values: readonly string[]) =>
  values.length
    ? sql.join(
        values.map((v) => sql`${v}`),
        sql`, `,
      )
    : sql`null`;

/**
 * Which dossiers the reader may list: those of their units (narrowed, for an officer who handles
 * only some procedures, to those procedures while no other agency's step runs on them, and to the
 * group steps running for their role), or — for a step grant — those whose running step it performs.
 */
function scopeCondition(f: ListFilter): SQL | undefined {
  const units = f.unitCodes
    ? f.unitCodes.length
      ? inArray(dossiers.unitCode, [...f.unitCodes])
      : sql`false`
    : undefined;
  const h = f.handledBy;
  const handled = h
    ? or(
        h.procedureCodes.length
          ? sql`(${dossiers.procedureCode} in (${list(h.procedureCodes)}) and not exists (select 1 from ${dossierSteps} s
              where s.dossier_id = ${dossiers.id} and s.state = 'in_processing' and s.role not in (${list(h.roles)})))`
          : sql`false`,
        runningStepOf(h.roles, [], false),
      )
    : undefined;
  const regular = units && handled ? and(units, handled) : (units ?? handled);
  if (!f.stepGrants?.length) return regular;
  return or(regular ?? sql`true`, runningStepOf([], f.stepGrants, false));
}

/**
 * The dossier has a running step (received or in processing: not paused, not closed) for one of
 * `roles` (a step without sector), or for one of the step grants (its role, sector and units);
 * `handedOver`: a later step only (the first one starts with the dossier's own receipt).
 */
function runningStepOf(
  roles: readonly string[],
  grants: NonNullable<ListFilter['stepGrants']>,
  handedOver: boolean,
): SQL {
  const byRole = roles.length ? sql`(s.role in (${list(roles)}) and s.sector is null)` : sql`false`;
  const byGrant = grants.map(
    (g) =>
      sql`(s.role = ${g.role} and ${g.sector === null ? sql`true` : sql`s.sector = ${g.sector}`}${
        g.units ? sql` and ${dossiers.unitCode} in (${list(g.units)})` : sql``
      })`,
  );
  const who = sql.join([byRole, ...byGrant], sql` or `);
  return sql`(${dossiers.state} in ('received', 'in_processing') and exists (select 1 from ${dossierSteps} s
    where s.dossier_id = ${dossiers.id} and s.state = 'in_processing'${handedOver ? sql` and s.seq > 1` : sql``} and (${who})))`;
}

export async function listDossiers(
  db: Db,
  f: ListFilter,
  limit: number,
  offset: number,
  order: 'due' | 'newest' | 'oldest',
): Promise<DossierRow[]> {
  return db
    .select()
    .from(dossiers)
    .where(whereOf(f))
    .orderBy(
      ...(order === 'due'
        ? [sql`${dossiers.dueAt} asc nulls last`, asc(dossiers.submittedAt)]
        : order === 'oldest'
          ? [sql`greatest(${dossiers.submittedAt}, ${dossiers.feePaidAt}) asc nulls last`]
          : [desc(dossiers.createdAt)]),
      asc(dossiers.id),
    )
    .limit(limit)
    .offset(offset);
}

export async function countDossiers(db: Db, f: ListFilter): Promise<number> {
  const rows = await db.select({ n: count() }).from(dossiers).where(whereOf(f));
  return Number(rows[0]?.n ?? 0);
}

/** Codes that appear more than once (the benchmark's duplicate check; the unique index forbids it). */
export async function duplicateCodes(db: Db): Promise<number> {
  const rows = await queryRows<{ n: string }>(
    db,
    sql`select count(*)::text as n from (select code from dossiers.dossiers where code is not null group by code having count(*) > 1) d`,
  );
  return Number(rows[0]?.n ?? 0);
}

/**
 * Fees paid in cash at the counter (paper filings with fee_status 'cash'), per receiving unit and
 * month of submission (Vietnam time): the cash side of the cashless share (plan target 7).
 */
export async function cashFeeCounts(
  db: Db,
  q: { from: Date; to: Date; unitCodes: string[] | null },
): Promise<Array<{ unitCode: string; month: string; count: number }>> {
  const units = q.unitCodes
    ? q.unitCodes.length
      ? sql`and unit_code in (${sql.join(
          q.unitCodes.map((u) => sql`${u}`),
          sql`, `,
        )})`
      : sql`and false`
    : sql``;
  const rows = await queryRows<{ unit_code: string; month: string; n: string }>(
    db,
    sql`
    select unit_code, to_char(submitted_at at time zone 'Asia/Ho_Chi_Minh', 'YYYY-MM') as month, count(*)::text as n
    from dossiers.dossiers
    where fee_status = 'cash' and submitted_at >= ${q.from.toISOString()}::timestamptz and submitted_at < ${q.to.toISOString()}::timestamptz ${units}
    group by 1, 2 order by 1, 2`,
  );
  return rows.map((r) => ({ unitCode: r.unit_code, month: r.month, count: Number(r.n) }));
}

/** A dossier whose fee was paid in cash at the counter, as the list behind the online-share figure shows it. */
export interface CashFeeListRow {
  dossierCode: string | null;
  procedureCode: string;
  amount: number;
  submittedAt: string;
}

/**
 * One page of a unit's dossiers with the fee paid in cash (fee_status 'cash') submitted in [from, to),
 * newest first, and their total — the cash side of `cashFeeCounts`; codes and amounts, no applicant.
 */
export async function cashFeePage(
  db: Db,
  q: { from: Date; to: Date; unitCode: string; limit: number; offset: number },
): Promise<{ rows: CashFeeListRow[]; total: number }> {
  const where = sql`fee_status = 'cash' and unit_code = ${q.unitCode}
    and submitted_at >= ${q.from.toISOString()}::timestamptz and submitted_at < ${q.to.toISOString()}::timestamptz`;
  // In turn: a kpi list may be read in a transaction, one connection.
  const rows = await queryRows<{ code: string | null; procedure_code: string; amount: number; at: string }>(
    db,
    sql`select code, procedure_code, greatest(fee_paid_amount, fee_amount) as amount,
          to_char(submitted_at at time zone 'Asia/Ho_Chi_Minh', 'YYYY-MM-DD HH24:MI') as at
        from dossiers.dossiers where ${where} order by submitted_at desc, id limit ${q.limit} offset ${q.offset}`,
  );
  const [total] = await queryRows<{ n: string | number }>(
    db,
    sql`select count(*) as n from dossiers.dossiers where ${where}`,
  );
  return {
    total: Number(total?.n ?? 0),
    rows: rows.map((r) => ({
      dossierCode: r.code,
      procedureCode: r.procedure_code,
      amount: Number(r.amount),
      submittedAt: r.at,
    })),
  };
}

/**
 * Dossiers filed on counter devices of the given units (`assisted_by.unitCode`; null = any) with
 * a submission time in [from, to), newest first.
 */
export async function listAssistedFilings(
  db: Db,
  q: { counterUnits: readonly string[] | null; from: Date; to: Date },
  limit = 200,
): Promise<DossierRow[]> {
  const unit = sql`${dossiers.assistedBy}->>'unitCode'`;
  return db
    .select()
    .from(dossiers)
    .where(
      and(
        eq(dossiers.channel, 'assisted'),
        isNotNull(dossiers.assistedBy),
        gte(dossiers.submittedAt, q.from),
        sql`${dossiers.submittedAt} < ${q.to}`,
        q.counterUnits ? (q.counterUnits.length ? inArray(unit, [...q.counterUnits]) : sql`false`) : undefined,
      ),
    )
    .orderBy(desc(dossiers.submittedAt), asc(dossiers.id))
    .limit(limit);
}

/**
 * How many dossiers each procedure received since `since` (filed, not drafts): the portal orders
 * each field's procedures by it. Counts only: nothing about who filed.
 */
export async function filingsPerProcedure(
  db: Db,
  since: Date,
): Promise<Array<{ procedureCode: string; count: number }>> {
  const rows = await db
    .select({ procedureCode: dossiers.procedureCode, n: count() })
    .from(dossiers)
    .where(and(ne(dossiers.state, 'draft'), gte(dossiers.submittedAt, since)))
    .groupBy(dossiers.procedureCode)
    .orderBy(desc(count()), asc(dossiers.procedureCode));
  return rows.map((r) => ({ procedureCode: r.procedureCode, count: Number(r.n) }));
}
