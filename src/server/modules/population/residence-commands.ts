import { eq, sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../platform/db';
import { logWrites } from './person-access-log';
import { households, persons, qualityRefreshQueue, residences, temporaryAbsences } from './population.schema';
import {
  conflict,
  endResidences,
  lockUnchanged,
  refuseHeadlessHouseholds,
  refuseStrangers,
  recordChange,
  type Decision,
  type EndedResidence,
  type Locked,
  type ResidenceAddress,
} from './registry-change';

/**
 * The residence commands a decision runs (issue 13 §2): registration of permanent and temporary
 * residence, extension, deletion, temporary absence. Shared rules (locks, conflicts, history, access
 * log) in registry-change.ts.
 */

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
  // The first mover is the applicant; the others are of their household, or registered nowhere yet.
  refuseStrangers(locked, input.movers[0]!.personId, { unhoused: true });
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
  await queueLeftBehind(tx, [...locked.values()], householdId);
  await logWrites(tx, decision.writer, [...locked.values()], decision.dossierCode);
  return { householdId, created };
}

/**
 * A head who moved into another household leaves the members of the old one headless: they are
 * queued for the quality refresh so that LIVE.HOUSEHOLD_WITHOUT_HEAD shows within seconds, for the
 * police to change the head (1.010039). The move itself is the citizen's right and is not refused.
 */
async function queueLeftBehind(tx: Db, movers: readonly Locked[], newHouseholdId: string): Promise<void> {
  const left = movers
    .filter((m) => m.relationToHead === 'head' && m.householdId && m.householdId !== newHouseholdId)
    .map((m) => m.householdId!);
  if (left.length === 0) return;
  await tx.execute(sql`
    insert into ${qualityRefreshQueue} (person_id, unit_before)
    select id, coalesce(residence_unit_code, '?') from ${persons}
    where household_id in (${sql.join(
      left.map((h) => sql`${h}::uuid`),
      sql`, `,
    )}) and status = 'alive'`);
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

/**
 * Deletion of permanent or temporary residence (1.003197 / 1.010028): the residence of that kind in
 * force on the decision date ends on that date, with the legal ground. A permanent deletion also
 * takes the person out of their household; the head of a household whose other living members stay
 * cannot be deleted before the household has a new head (1.010039) — it would leave it headless.
 * A person recorded as deceased can be deleted (death is a ground).
 */
export async function endResidence(
  tx: Db,
  decision: Decision,
  input: {
    personIds: readonly string[];
    kind: 'permanent' | 'temporary';
    ground: string;
    /** Persons without a residence of that kind in force are passed over instead of refused (a death). */
    ifAny?: boolean;
    /** The applicant of a deletion: every other person must be of their household. */
    applicantPersonId?: string;
  },
): Promise<number> {
  const locked = await lockUnchanged(tx, input.personIds, decision, { allowDeceased: true });
  if (input.applicantPersonId) refuseStrangers(locked, input.applicantPersonId, { unhoused: false });
  // A deceased head leaves the household headless whatever is decided: not refused, the members are
  // queued so that the quality refresh shows it for the police to change the head (1.010039).
  const deceased = [...locked.values()].filter((p) => p.status === 'deceased');
  if (input.kind === 'permanent') {
    await refuseHeadlessHouseholds(
      tx,
      [...locked.values()].filter((p) => p.status !== 'deceased'),
    );
    await queueLeftBehind(tx, deceased, '');
  }
  const ended = await queryRows<EndedResidence>(
    tx,
    sql`update ${residences} r set valid_to = ${decision.on}::date, end_ground = ${input.ground},
          ended_by_dossier_code = ${decision.dossierCode}
        from (select id, valid_to::text as old_valid_to from ${residences}
              where person_id in (${sql.join(
                [...locked.keys()].map((id) => sql`${id}::uuid`),
                sql`, `,
              )}) and kind = ${input.kind}
                and valid_from <= ${decision.on}::date and (valid_to is null or valid_to >= ${decision.on}::date)
              for update) o
        where r.id = o.id
        returning r.person_id, r.unit_code, r.address_line, o.old_valid_to`,
  );
  const byPerson = new Map(ended.map((r) => [r.person_id, r]));
  const kindVi = input.kind === 'permanent' ? 'thường trú' : 'tạm trú';
  for (const person of locked.values()) {
    const old = byPerson.get(person.id);
    if (!old && input.ifAny) continue;
    if (!old)
      throw conflict(
        `${person.fullName} không còn nơi ${kindVi} đang có hiệu lực để xóa; chưa áp dụng gì`,
        `${person.fullName} has no ${input.kind} residence in force to delete; nothing was applied`,
      );
    const residence = { unitCode: old.unit_code, addressLine: old.address_line };
    await recordChange(
      tx,
      person,
      'residence_ended',
      decision,
      {
        [input.kind]: { ...residence, until: old.old_valid_to },
        householdId: person.householdId,
        relationToHead: person.relationToHead,
      },
      {
        [input.kind]: { ...residence, until: decision.on },
        ground: input.ground,
        ...(input.kind === 'permanent' ? { householdId: null, relationToHead: null } : {}),
      },
      input.kind === 'permanent' ? { householdId: null, relationToHead: null } : {},
    );
  }
  await logWrites(tx, decision.writer, [...locked.values()], decision.dossierCode);
  return byPerson.size;
}

/**
 * Permanent residence of a newborn (interlinked group 1, after the birth step): the child joins the
 * household whose head has `headNationalId`, at that household's address, with the relation given.
 */
export async function registerNewbornResidence(
  tx: Db,
  decision: Decision,
  input: { personId: string; headNationalId: string; relationToHead: string },
): Promise<{ householdId: string; address: ResidenceAddress }> {
  const [head] = await queryRows<{ unit_code: string; address_line: string }>(
    tx,
    sql`select h.unit_code, h.address_line from ${persons} p join ${households} h on h.id = p.household_id
        where p.national_id = ${input.headNationalId} and p.relation_to_head = 'head' and p.status = 'alive' limit 1`,
  );
  if (!head)
    throw conflict(
      'Chủ hộ khai trên tờ khai không còn là chủ hộ trong CSDL dân cư (hộ đã thay đổi); chưa áp dụng gì',
      'The household head named on the form is no longer a household head in the registry; nothing was applied',
    );
  const address = { unitCode: head.unit_code, addressLine: head.address_line };
  const { householdId } = await registerPermanentResidence(tx, decision, {
    address,
    movers: [{ personId: input.personId, relationToHead: input.relationToHead }],
    joinHeadNationalId: input.headNationalId,
  });
  return { householdId, address };
}

/**
 * Temporary absence (1.003677, Residence Law 2020 Art. 31): a period away, where to and why,
 * recorded on the person; their residences do not change.
 */
export async function recordTemporaryAbsence(
  tx: Db,
  decision: Decision,
  input: { personId: string; from: string; until: string; destination: string; reason: string | null },
): Promise<void> {
  if (input.until < input.from) throw new Error('recordTemporaryAbsence: the period ends before it starts');
  const locked = await lockUnchanged(tx, [input.personId], decision);
  const person = locked.get(input.personId)!;
  await tx.insert(temporaryAbsences).values({
    personId: person.id,
    fromDate: input.from,
    untilDate: input.until,
    destination: input.destination,
    reason: input.reason,
    dossierCode: decision.dossierCode,
  });
  await recordChange(
    tx,
    person,
    'temporary_absence',
    decision,
    {},
    {
      absence: { from: input.from, until: input.until, destination: input.destination, reason: input.reason },
    },
  );
  await logWrites(tx, decision.writer, [person], decision.dossierCode);
}
