import { eq, inArray, sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../platform/db';
import { AppError } from '../../platform/errors';
import { logWrites, type Reader } from './person-access-log';
import { households, persons, qualityRefreshQueue, registryChanges, residences } from './population.schema';

/**
 * The registry's commands: what a decision on a dossier changes in the province's copy of the
 * population registry (issue 13 §2). Each runs inside the decision's transaction (the caller's
 * `tx`), locks the persons it changes, refuses a record that changed since the dossier saw it (409,
 * naming what changed), bumps their `registry_version`, keeps history (residences are closed, never
 * rewritten; every change is a `registry_changes` line with before / after) and logs the write in
 * the access log under the dossier's code. The `dossiers` module never writes these tables.
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

const CHANGE_NAMES: Readonly<Record<string, { vi: string; en: string }>> = {
  permanent_residence: { vi: 'đăng ký thường trú', en: 'permanent residence registration' },
  temporary_residence: { vi: 'đăng ký tạm trú', en: 'temporary residence registration' },
  temporary_extension: { vi: 'gia hạn tạm trú', en: 'temporary residence extension' },
};

function conflict(vi: string, en: string): AppError {
  return new AppError('POPULATION.REGISTRY_CONFLICT', vi, en);
}

/** The day before an ISO date. */
function dayBefore(isoDate: string): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

type Locked = Pick<
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
async function lockUnchanged(tx: Db, personIds: readonly string[], decision: Decision): Promise<Map<string, Locked>> {
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
    if (row.status === 'deceased')
      throw conflict(
        `${row.fullName} đã được ghi nhận là đã mất sau khi nộp hồ sơ; không thể đăng ký cư trú`,
        `${row.fullName} was recorded as deceased after filing; residence cannot be registered`,
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
async function recordChange(
  tx: Db,
  person: Locked,
  kind: keyof typeof CHANGE_NAMES,
  decision: Decision,
  before: Record<string, unknown>,
  after: Record<string, unknown>,
  set: { householdId?: string; relationToHead?: string; residenceUnitCode?: string } = {},
): Promise<void> {
  // One statement: the person's new values and version, the history line, the quality-refresh queue.
  const assignments = [sql`registry_version = registry_version + 1`, sql`updated_at = now()`];
  if (set.householdId !== undefined) assignments.push(sql`household_id = ${set.householdId}::uuid`);
  if (set.relationToHead !== undefined) assignments.push(sql`relation_to_head = ${set.relationToHead}`);
  if (set.residenceUnitCode !== undefined) assignments.push(sql`residence_unit_code = ${set.residenceUnitCode}`);
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

/**
 * Ends the residences of one kind in force on the decision date the day before it (at the earliest
 * on their first day), with the ground and the dossier, and opens `opened`; returns what each person had.
 */
async function endResidences(
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
  const rows = await queryRows<{
    person_id: string;
    unit_code: string;
    address_line: string;
    old_valid_to: string | null;
  }>(
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

/** Where a household joined on a permanent residence registration is, by its head's ID number. */
async function householdOfHead(tx: Db, headNationalId: string, unitCode: string) {
  const [head] = await tx
    .select({
      id: persons.id,
      status: persons.status,
      relationToHead: persons.relationToHead,
      householdId: persons.householdId,
    })
    .from(persons)
    .where(eq(persons.nationalId, headNationalId))
    .limit(1);
  const household = head?.householdId
    ? (await tx.select().from(households).where(eq(households.id, head.householdId)).for('update').limit(1))[0]
    : undefined;
  if (!head || head.status !== 'alive' || head.relationToHead !== 'head' || !household)
    throw conflict(
      'Chủ hộ khai trên tờ khai không còn là chủ hộ trong CSDL dân cư (hộ đã thay đổi); chưa áp dụng gì',
      'The household head named on the form is no longer a household head in the registry; nothing was applied',
    );
  if (household.unitCode !== unitCode)
    throw conflict(
      'Hộ của chủ hộ khai trên tờ khai không ở xã, phường nơi đăng ký; chưa áp dụng gì',
      "The named head's household is not in the commune of registration; nothing was applied",
    );
  return household;
}

/**
 * Permanent residence (1.004222): each mover gets the new permanent residence from the decision
 * date, their current one ending the day before; they join the household of `joinHeadNationalId`
 * (with their relation to its head), or a new household is created at the address with the first
 * mover as head. Returns the household.
 */
export async function registerPermanentResidence(
  tx: Db,
  decision: Decision,
  input: {
    address: ResidenceAddress;
    movers: ReadonlyArray<{ personId: string; relationToHead: string }>;
    /** Join the household whose head has this ID number; null: a new household headed by the first mover. */
    joinHeadNationalId: string | null;
  },
): Promise<{ householdId: string; created: boolean }> {
  if (input.movers.length === 0) throw new Error('registerPermanentResidence: no one to register');
  const locked = await lockUnchanged(
    tx,
    input.movers.map((m) => m.personId),
    decision,
  );
  let householdId: string;
  let created = false;
  if (input.joinHeadNationalId) {
    householdId = (await householdOfHead(tx, input.joinHeadNationalId, input.address.unitCode)).id;
  } else {
    const [row] = await tx
      .insert(households)
      .values({
        headPersonId: input.movers[0]!.personId,
        unitCode: input.address.unitCode,
        addressLine: input.address.addressLine,
      })
      .returning({ id: households.id });
    householdId = row!.id;
    created = true;
  }
  const ids = input.movers.map((m) => m.personId);
  const previous = await endResidences(
    tx,
    ids,
    'permanent',
    decision,
    'Đăng ký thường trú tại nơi ở mới (Luật Cư trú 2020, Điều 24)',
    ids.map((personId) => ({ personId, ...input.address, validTo: null })),
  );
  for (const mover of input.movers) {
    const person = locked.get(mover.personId)!;
    const relation = created && mover.personId === input.movers[0]!.personId ? 'head' : mover.relationToHead;
    const old = previous.get(mover.personId);
    await recordChange(
      tx,
      person,
      'permanent_residence',
      decision,
      {
        unitCode: old?.unitCode ?? person.residenceUnitCode,
        addressLine: old?.addressLine ?? null,
        householdId: person.householdId,
        relationToHead: person.relationToHead,
      },
      { ...input.address, householdId, relationToHead: relation },
      { householdId, relationToHead: relation, residenceUnitCode: input.address.unitCode },
    );
  }
  await logWrites(tx, decision.writer, [...locked.values()], decision.dossierCode);
  return { householdId, created };
}

/**
 * Temporary residence (1.004194): the person gets a temporary residence from the decision date to
 * `until` (the caller bounds it by the legal limit); a current temporary residence ends the day before.
 */
export async function registerTemporaryResidence(
  tx: Db,
  decision: Decision,
  input: { personId: string; address: ResidenceAddress; until: string },
): Promise<void> {
  const locked = await lockUnchanged(tx, [input.personId], decision);
  const person = locked.get(input.personId)!;
  // A temporary residence is recorded with its end: `valid_to` is the last day it is valid.
  const previous = (
    await endResidences(tx, [input.personId], 'temporary', decision, 'Đăng ký tạm trú tại nơi ở mới', [
      { personId: input.personId, ...input.address, validTo: input.until },
    ])
  ).get(input.personId);
  await recordChange(
    tx,
    person,
    'temporary_residence',
    decision,
    { temporary: previous ?? null },
    { temporary: { ...input.address, from: decision.on, until: input.until } },
  );
  await logWrites(tx, decision.writer, [person], decision.dossierCode);
}

/**
 * Extension of a temporary residence (1.002755): the temporary residence in force on the decision
 * date gets `until` as its last day (the caller bounds it by the legal limit). None in force → 409.
 */
export async function extendTemporaryResidence(
  tx: Db,
  decision: Decision,
  input: { personId: string; until: string },
): Promise<void> {
  const locked = await lockUnchanged(tx, [input.personId], decision);
  const person = locked.get(input.personId)!;
  const [extended] = await queryRows<{ unit_code: string; address_line: string; old_valid_to: string | null }>(
    tx,
    sql`update ${residences} r set valid_to = ${input.until}::date
        from (select id, valid_to::text as old_valid_to from ${residences}
              where person_id = ${input.personId} and kind = 'temporary'
                and valid_from <= ${decision.on}::date and (valid_to is null or valid_to >= ${decision.on}::date)
              order by valid_from desc limit 1 for update) o
        where r.id = o.id
        returning r.unit_code, r.address_line, o.old_valid_to`,
  );
  if (!extended)
    throw conflict(
      `${person.fullName} không còn nơi tạm trú đang có hiệu lực để gia hạn; chưa áp dụng gì`,
      `${person.fullName} has no temporary residence in force to extend; nothing was applied`,
    );
  await recordChange(
    tx,
    person,
    'temporary_extension',
    decision,
    { temporary: { unitCode: extended.unit_code, addressLine: extended.address_line, until: extended.old_valid_to } },
    { temporary: { unitCode: extended.unit_code, addressLine: extended.address_line, until: input.until } },
  );
  await logWrites(tx, decision.writer, [person], decision.dossierCode);
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

/** Record ids by personal ID number (unknown numbers left out). */
export async function personIdsByNationalId(db: Db, nationalIds: readonly string[]): Promise<Map<string, string>> {
  if (nationalIds.length === 0) return new Map();
  const rows = await db
    .select({ id: persons.id, nationalId: persons.nationalId })
    .from(persons)
    .where(inArray(persons.nationalId, [...new Set(nationalIds)]));
  return new Map(rows.map((r) => [r.nationalId!, r.id]));
}
