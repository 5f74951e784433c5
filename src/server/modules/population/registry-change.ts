import { eq, inArray, sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../platform/db';
import { AppError } from '../../platform/errors';
import type { Reader } from './person-access-log';
import { persons, qualityRefreshQueue, registryChanges, residences } from './population.schema';

/**
 * What every registry command shares (issue 13 §2): each runs inside the decision's transaction (the
 * caller's `tx`), locks the persons it changes, refuses a record that changed since the dossier saw
 * it (409, naming what changed), bumps their `registry_version`, keeps history (residences are
 * closed, never rewritten; every change is a `registry_changes` line with before / after) and logs
 * the write in the access log under the dossier's code. The `dossiers` module never writes these tables.
 */

/** The decision that changes the registry. */
export interface Decision {
  dossierCode: string;
  /** The decision date (Vietnam), from which the change takes effect. */
  on: string;
  /** Registry version of each person as the dossier saw it at filing (personId → version). */
  seen: Readonly<Record<string, number>>;
  /** The officer deciding, for the access log. */
  writer: Reader;
}

/** A residence address: today's commune and the address line (village, house, street). */
export interface ResidenceAddress {
  unitCode: string;
  addressLine: string;
}

export const CHANGE_NAMES: Readonly<Record<string, { vi: string; en: string }>> = {
  permanent_residence: { vi: 'đăng ký thường trú', en: 'permanent residence registration' },
  temporary_residence: { vi: 'đăng ký tạm trú', en: 'temporary residence registration' },
  temporary_extension: { vi: 'gia hạn tạm trú', en: 'temporary residence extension' },
  residence_ended: { vi: 'xóa đăng ký cư trú', en: 'deletion of residence registration' },
  temporary_absence: { vi: 'khai báo tạm vắng', en: 'temporary absence' },
  household_split: { vi: 'tách hộ', en: 'household split' },
  residence_data_adjusted: { vi: 'điều chỉnh thông tin cư trú', en: 'adjustment of residence data' },
  birth_registered: { vi: 'đăng ký khai sinh', en: 'birth registration' },
  death_registered: { vi: 'đăng ký khai tử', en: 'death registration' },
  marriage_registered: { vi: 'đăng ký kết hôn', en: 'marriage registration' },
  // A change request accepted by the commune police (person-data-corrections.ts); "dossier" = the request's reference.
  person_data_corrected: { vi: 'điều chỉnh thông tin công dân', en: "correction of the person's data" },
};

export function conflict(vi: string, en: string): AppError {
  return new AppError('POPULATION.REGISTRY_CONFLICT', vi, en);
}

/** The day before an ISO date. */
export function dayBefore(isoDate: string): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

export type Locked = Pick<
  typeof persons.$inferSelect,
  | 'id'
  | 'nationalId'
  | 'fullName'
  | 'status'
  | 'registryVersion'
  | 'householdId'
  | 'relationToHead'
  | 'residenceUnitCode'
>;

/**
 * Locks the persons a decision changes (in id order: two decisions never deadlock) and checks each
 * is still as the dossier saw it: present, alive, same registry version. Otherwise 409 naming the
 * person and the change made since (its kind and dossier), and nothing is written.
 */
export async function lockUnchanged(
  tx: Db,
  personIds: readonly string[],
  decision: Decision,
  options: { allowDeceased?: boolean } = {},
): Promise<Map<string, Locked>> {
  const ids = [...new Set(personIds)].sort();
  const rows = await tx
    .select({
      id: persons.id,
      nationalId: persons.nationalId,
      fullName: persons.fullName,
      status: persons.status,
      registryVersion: persons.registryVersion,
      householdId: persons.householdId,
      relationToHead: persons.relationToHead,
      residenceUnitCode: persons.residenceUnitCode,
    })
    .from(persons)
    .where(inArray(persons.id, ids))
    .orderBy(persons.id)
    .for('update');
  const byId = new Map(rows.map((r) => [r.id, r]));
  for (const id of ids) {
    const row = byId.get(id);
    if (!row)
      throw conflict(
        'Một người trong hồ sơ không còn trong CSDL dân cư; tải lại hồ sơ để đối chiếu',
        'A person of this dossier is no longer in the registry; reload the dossier to compare',
      );
    if (row.status === 'deceased' && !options.allowDeceased)
      throw conflict(
        `${row.fullName} đã được ghi nhận là đã mất; không thể thay đổi thông tin cư trú theo hồ sơ này`,
        `${row.fullName} was recorded as deceased; this dossier cannot change their residence`,
      );
    const seen = decision.seen[id];
    if (seen !== undefined && seen !== row.registryVersion) {
      const [last] = await tx
        .select({ kind: registryChanges.kind, dossierCode: registryChanges.dossierCode })
        .from(registryChanges)
        .where(eq(registryChanges.personId, id))
        .orderBy(sql`${registryChanges.id} desc`)
        .limit(1);
      const what = last ? CHANGE_NAMES[last.kind] : undefined;
      throw conflict(
        `Thông tin cư trú của ${row.fullName} đã thay đổi sau khi nộp hồ sơ${
          last ? ` (${what?.vi ?? last.kind}, hồ sơ ${last.dossierCode})` : ''
        }. Chưa áp dụng gì; tải lại hồ sơ, đối chiếu rồi quyết định lại.`,
        `${row.fullName}'s residence data changed after filing${
          last ? ` (${what?.en ?? last.kind}, dossier ${last.dossierCode})` : ''
        }. Nothing was applied; reload the dossier, compare and decide again.`,
      );
    }
  }
  return byId;
}

/**
 * Records the change of one person: bumps the version, keeps a history line, and queues the person
 * for the quality-refresh job (quality-refresh.ts) with the commune they were counted in — their
 * findings and the scores follow within seconds, in batches, without a dozen rule queries here.
 */
export async function recordChange(
  tx: Db,
  person: Locked,
  kind: keyof typeof CHANGE_NAMES,
  decision: Decision,
  before: Record<string, unknown>,
  after: Record<string, unknown>,
  set: {
    householdId?: string | null;
    relationToHead?: string | null;
    residenceUnitCode?: string;
    /** Death registration: the person is deceased from this date. */
    deathDate?: string;
  } = {},
): Promise<void> {
  // One statement: the person's new values and version, the history line, the quality-refresh queue.
  const assignments = [sql`registry_version = registry_version + 1`, sql`updated_at = now()`];
  if (set.householdId !== undefined) assignments.push(sql`household_id = ${set.householdId}::uuid`);
  // (a null household or relation: the person left their household, e.g. deletion of permanent residence)
  if (set.relationToHead !== undefined) assignments.push(sql`relation_to_head = ${set.relationToHead}`);
  if (set.residenceUnitCode !== undefined) assignments.push(sql`residence_unit_code = ${set.residenceUnitCode}`);
  if (set.deathDate !== undefined) assignments.push(sql`status = 'deceased'`, sql`death_date = ${set.deathDate}::date`);
  await tx.execute(sql`
    with updated as (
      update ${persons} set ${sql.join(assignments, sql`, `)} where id = ${person.id} returning id
    ), change as (
      insert into ${registryChanges} (person_id, kind, effective_on, dossier_code, before, after)
      select id, ${kind}, ${decision.on}, ${decision.dossierCode}, ${JSON.stringify(before)}::jsonb, ${JSON.stringify(after)}::jsonb
      from updated returning person_id
    )
    insert into ${qualityRefreshQueue} (person_id, unit_before)
    select person_id, ${person.residenceUnitCode ?? '?'} from change`);
}

/** A residence a command ended or changed: its person, place and last day before the change. */
export type EndedResidence = {
  person_id: string;
  unit_code: string;
  address_line: string;
  old_valid_to: string | null;
};

/**
 * Ends the residences of one kind in force on the decision date the day before it (at the earliest
 * on their first day), with the ground and the dossier, and opens `opened`; returns what each person had.
 */
export async function endResidences(
  tx: Db,
  ids: readonly string[],
  kind: 'permanent' | 'temporary',
  decision: Decision,
  ground: string,
  opened: ReadonlyArray<{ personId: string; unitCode: string; addressLine: string; validTo: string | null }>,
) {
  // One statement: the residences in force end, the new ones open (from the decision date, with its dossier).
  const values = sql.join(
    opened.map(
      (o) =>
        sql`(${o.personId}::uuid, ${kind}, ${o.unitCode}, ${o.addressLine}, ${decision.on}::date, ${o.validTo}::date, ${decision.dossierCode})`,
    ),
    sql`, `,
  );
  const rows = await queryRows<EndedResidence>(
    tx,
    sql`with opened as (
          insert into ${residences} (person_id, kind, unit_code, address_line, valid_from, valid_to, dossier_code)
          values ${values}
        )
        update ${residences} r set valid_to = greatest(r.valid_from, ${dayBefore(decision.on)}::date),
          end_ground = ${ground}, ended_by_dossier_code = ${decision.dossierCode}
        from (select id, valid_to::text as old_valid_to from ${residences}
              where person_id in (${sql.join(
                ids.map((id) => sql`${id}::uuid`),
                sql`, `,
              )}) and kind = ${kind} and (valid_to is null or valid_to >= ${decision.on}::date) for update) o
        where r.id = o.id
        returning r.person_id, r.unit_code, r.address_line, o.old_valid_to`,
  );
  return new Map(
    rows.map((r) => [r.person_id, { unitCode: r.unit_code, addressLine: r.address_line, validTo: r.old_valid_to }]),
  );
}

/** 409 when a head leaves a household whose other living members stay behind. */
export async function refuseHeadlessHouseholds(tx: Db, leaving: readonly Locked[]): Promise<void> {
  const leavingIds = new Set(leaving.map((p) => p.id));
  for (const head of leaving.filter((p) => p.relationToHead === 'head' && p.householdId)) {
    const staying = await tx
      .select({ id: persons.id })
      .from(persons)
      .where(sql`${persons.householdId} = ${head.householdId} and ${persons.status} = 'alive'`);
    if (staying.some((m) => !leavingIds.has(m.id)))
      throw conflict(
        `${head.fullName} là chủ hộ và hộ còn thành viên khác: cần điều chỉnh chủ hộ (thủ tục 1.010039) trước; chưa áp dụng gì`,
        `${head.fullName} heads a household with other members: its head must be changed first (procedure 1.010039); nothing was applied`,
      );
  }
}

/** The commune of a person's temporary residence in force on `on` (the latest), if any. */
export async function temporaryResidenceUnit(db: Db, personId: string, on: string): Promise<string | undefined> {
  const [row] = await queryRows<{ unit_code: string }>(
    db,
    sql`select unit_code from ${residences} where person_id = ${personId} and kind = 'temporary'
        and valid_from <= ${on}::date and (valid_to is null or valid_to >= ${on}::date)
        order by valid_from desc limit 1`,
  );
  return row?.unit_code;
}

/** The registry version of each of these persons now (missing ones left out): what a dossier records at filing. */
export async function registryVersionsOf(db: Db, personIds: readonly string[]): Promise<Record<string, number>> {
  if (personIds.length === 0) return {};
  const rows = await db
    .select({ id: persons.id, version: persons.registryVersion })
    .from(persons)
    .where(inArray(persons.id, [...new Set(personIds)]));
  return Object.fromEntries(rows.map((r) => [r.id, r.version]));
}

/**
 * Where a person named with the applicant on a residence dossier stands to the applicant's
 * household: of it, of no household (registered nowhere), of another household, or not in the
 * registry. A residence dossier changes the applicant and the applicant's own household members;
 * anyone else files their own dossier (or the head of their household does) — a dossier must not
 * move or delete a stranger because their ID number was typed on a form.
 */
export type MemberStanding = 'same_household' | 'no_household' | 'other_household' | 'not_found';

export function memberStanding(
  applicant: { householdId: string | null } | undefined,
  person: { householdId: string | null } | undefined,
): MemberStanding {
  if (!person) return 'not_found';
  if (!person.householdId) return 'no_household';
  return applicant?.householdId === person.householdId ? 'same_household' : 'other_household';
}

/** The standing of each ID number (as `memberStanding`), read at filing for an early answer. */
export async function memberStandings(
  db: Db,
  applicantPersonId: string | null,
  nationalIds: readonly string[],
): Promise<Map<string, MemberStanding>> {
  const numbers = [...new Set(nationalIds)];
  if (numbers.length === 0) return new Map();
  const rows = await db
    .select({ id: persons.id, nationalId: persons.nationalId, householdId: persons.householdId })
    .from(persons)
    .where(inArray(persons.nationalId, numbers));
  const [applicant] = applicantPersonId
    ? await db.select({ householdId: persons.householdId }).from(persons).where(eq(persons.id, applicantPersonId))
    : [];
  const byNumber = new Map(rows.map((r) => [r.nationalId!, r]));
  return new Map(numbers.map((n) => [n, memberStanding(applicant, byNumber.get(n))]));
}

/**
 * Refuses (409, nothing applied) a residence decision that would change a person outside the
 * applicant's household; `unhoused: true` lets a person of no household register with the applicant
 * (a first registration: the officer checks the relationship proof on the dossier).
 */
export function refuseStrangers(
  locked: ReadonlyMap<string, Locked>,
  applicantPersonId: string,
  options: { unhoused: boolean },
): void {
  const applicant = locked.get(applicantPersonId);
  for (const person of locked.values()) {
    if (person.id === applicantPersonId) continue;
    const standing = memberStanding(applicant, person);
    if (standing === 'same_household' || (standing === 'no_household' && options.unhoused)) continue;
    throw conflict(
      `${person.fullName} không cùng hộ với người nộp hồ sơ; người này (hoặc chủ hộ của họ) phải tự nộp hồ sơ. Chưa áp dụng gì`,
      `${person.fullName} is not of the applicant's household; they (or their household's head) must file their own dossier. Nothing was applied`,
    );
  }
}

/** Record ids by personal ID number (unknown numbers left out). */
export async function personIdsByNationalId(db: Db, nationalIds: readonly string[]): Promise<Map<string, string>> {
  if (nationalIds.length === 0) return new Map();
  const rows = await db
    .select({ id: persons.id, nationalId: persons.nationalId })
    .from(persons)
    .where(inArray(persons.nationalId, [...new Set(nationalIds)]));
  return new Map(rows.map((r) => [r.nationalId!, r.id]));
}
