import { and, eq } from 'drizzle-orm';
import type { Db } from '../../platform/db';
import { logWrites } from './person-access-log';
import { households, persons } from './population.schema';
import {
  conflict,
  endResidences,
  lockUnchanged,
  recordChange,
  refuseHeadlessHouseholds,
  type Decision,
  type Locked,
} from './registry-change';

/**
 * The household commands a decision runs (issue 13 §2): a household split (1.010038) and the
 * adjustment of residence data (1.010039) — a new head, or the dwelling's new address line. Shared
 * rules (locks, conflicts, history, access log) in registry-change.ts.
 */

/** Locks a household row; 409 when it no longer exists. */
async function lockHousehold(tx: Db, householdId: string | null, who: string) {
  const [household] = householdId
    ? await tx.select().from(households).where(eq(households.id, householdId)).for('update').limit(1)
    : [];
  if (!household)
    throw conflict(
      `${who} không còn thuộc hộ gia đình nào trong CSDL dân cư; chưa áp dụng gì`,
      `${who} no longer belongs to a household in the registry; nothing was applied`,
    );
  return household;
}

/** The members of a household (living or not), by record id. */
async function membersOf(tx: Db, householdId: string, alive = false): Promise<string[]> {
  const rows = await tx
    .select({ id: persons.id })
    .from(persons)
    .where(and(eq(persons.householdId, householdId), alive ? eq(persons.status, 'alive') : undefined));
  return rows.map((r) => r.id);
}

/**
 * Household split (1.010038, Residence Law 2020 Art. 25): the movers leave their household for a
 * new one at the same dwelling (same commune and address line), headed by `headPersonId` (one of
 * them), each with their relation to the new head. Their residences do not change. The movers must
 * all be of one household; its head cannot leave members behind, and a whole household does not split.
 */
export async function splitHousehold(
  tx: Db,
  decision: Decision,
  input: { movers: ReadonlyArray<{ personId: string; relationToHead: string }>; headPersonId: string },
): Promise<{ householdId: string }> {
  const ids = input.movers.map((m) => m.personId);
  if (!ids.includes(input.headPersonId)) throw new Error('splitHousehold: the new head must be one of the movers');
  const locked = await lockUnchanged(tx, ids, decision);
  const first = locked.get(ids[0]!)!;
  const from = await lockHousehold(tx, first.householdId, first.fullName);
  const stranger = [...locked.values()].find((p) => p.householdId !== from.id);
  if (stranger)
    throw conflict(
      `${stranger.fullName} không cùng hộ với người đề nghị tách hộ; chưa áp dụng gì`,
      `${stranger.fullName} is not of the applicant's household; nothing was applied`,
    );
  const members = await membersOf(tx, from.id, true);
  if (members.every((id) => locked.has(id)))
    throw conflict(
      'Cả hộ cùng tách thì không còn hộ cũ: không có gì để tách; chưa áp dụng gì',
      'The whole household would leave: there is nothing to split from; nothing was applied',
    );
  await refuseHeadlessHouseholds(tx, [...locked.values()]);
  const [created] = await tx
    .insert(households)
    .values({ headPersonId: input.headPersonId, unitCode: from.unitCode, addressLine: from.addressLine })
    .returning({ id: households.id });
  const householdId = created!.id;
  for (const mover of input.movers) {
    const person = locked.get(mover.personId)!;
    const relationToHead = mover.personId === input.headPersonId ? 'head' : mover.relationToHead;
    await recordChange(
      tx,
      person,
      'household_split',
      decision,
      { householdId: person.householdId, relationToHead: person.relationToHead },
      { householdId, relationToHead, addressLine: from.addressLine },
      { householdId, relationToHead },
    );
  }
  await logWrites(tx, decision.writer, [...locked.values()], decision.dossierCode);
  return { householdId };
}

/** What an adjustment of residence data (1.010039) changes. */
export type ResidenceAdjustment =
  /** Art. 26(1)(a): a new head, and members' relations to them (the former head's among them, if given). */
  | { kind: 'household_head'; newHeadPersonId: string; relations: ReadonlyMap<string, string> }
  /** Art. 26(1)(c): the dwelling's address line changed (house renumbered, street renamed). */
  | { kind: 'address_line'; addressLine: string };

/**
 * Adjustment of residence data (1.010039) for the household of `personId`, with before / after kept
 * on every person it touches: a new household head, or a new address line (the household's, and the
 * current permanent residence of each living member: closed the day before, reopened with the new line).
 */
export async function adjustResidenceData(
  tx: Db,
  decision: Decision,
  input: { personId: string; change: ResidenceAdjustment },
): Promise<void> {
  // Persons first, then the household (the order every command takes); the members read unlocked
  // are checked again once the household is locked.
  const [applicant] = await tx
    .select({ householdId: persons.householdId, fullName: persons.fullName })
    .from(persons)
    .where(eq(persons.id, input.personId));
  const ids = applicant?.householdId ? await membersOf(tx, applicant.householdId) : [];
  const locked = await lockUnchanged(tx, [input.personId, ...ids], decision, { allowDeceased: true });
  const household = await lockHousehold(tx, locked.get(input.personId)?.householdId ?? null, applicant?.fullName ?? '');
  const now = await membersOf(tx, household.id);
  if (now.length !== ids.length || now.some((id) => !locked.has(id)))
    throw conflict(
      'Thành viên của hộ vừa thay đổi trong lúc quyết định; tải lại hồ sơ rồi quyết định lại',
      "The household's members changed during the decision; reload the dossier and decide again",
    );
  if (input.change.kind === 'household_head') await changeHead(tx, decision, household, locked, input.change);
  else await changeAddressLine(tx, decision, household, locked, input.change.addressLine);
  await logWrites(tx, decision.writer, [...locked.values()], decision.dossierCode);
}

async function changeHead(
  tx: Db,
  decision: Decision,
  household: typeof households.$inferSelect,
  members: ReadonlyMap<string, Locked>,
  change: Extract<ResidenceAdjustment, { kind: 'household_head' }>,
): Promise<void> {
  const newHead = members.get(change.newHeadPersonId);
  if (!newHead || newHead.status !== 'alive')
    throw conflict(
      'Chủ hộ mới khai trên tờ khai không phải thành viên còn sống của hộ; chưa áp dụng gì',
      'The new head named on the form is not a living member of the household; nothing was applied',
    );
  if (newHead.relationToHead === 'head')
    throw conflict(
      `${newHead.fullName} đã là chủ hộ; chưa áp dụng gì`,
      `${newHead.fullName} is already the head; nothing was applied`,
    );
  await tx.update(households).set({ headPersonId: newHead.id }).where(eq(households.id, household.id));
  for (const person of members.values()) {
    const relationToHead =
      person.id === newHead.id
        ? 'head'
        : (change.relations.get(person.id) ?? (person.relationToHead === 'head' ? 'other' : null));
    if (relationToHead === null || relationToHead === person.relationToHead) continue;
    await recordChange(
      tx,
      person,
      'residence_data_adjusted',
      decision,
      { relationToHead: person.relationToHead, headPersonId: household.headPersonId },
      { relationToHead, headPersonId: newHead.id },
      { relationToHead },
    );
  }
}

async function changeAddressLine(
  tx: Db,
  decision: Decision,
  household: typeof households.$inferSelect,
  members: ReadonlyMap<string, Locked>,
  addressLine: string,
): Promise<void> {
  if (addressLine === household.addressLine)
    throw conflict(
      'Địa chỉ mới trùng địa chỉ đang ghi trong CSDL: không có gì để điều chỉnh',
      'The new address is the one already recorded: nothing to adjust',
    );
  await tx.update(households).set({ addressLine }).where(eq(households.id, household.id));
  const ids = [...members.values()].filter((p) => p.status === 'alive').map((p) => p.id);
  const reopened = ids.map((personId) => ({ personId, unitCode: household.unitCode, addressLine, validTo: null }));
  const previous = await endResidences(
    tx,
    ids,
    'permanent',
    decision,
    'Điều chỉnh địa chỉ chỗ ở (Luật Cư trú 2020, Điều 26)',
    reopened,
  );
  for (const person of [...members.values()].filter((p) => p.status === 'alive'))
    await recordChange(
      tx,
      person,
      'residence_data_adjusted',
      decision,
      { addressLine: previous.get(person.id)?.addressLine ?? household.addressLine },
      { addressLine },
    );
}
