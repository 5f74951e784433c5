import type { Db } from '../../platform/db';
import { todayInVietnam } from '../../../contracts/common';
import type { Visit, VisitCorrectionBody, VisitCreateBody, VisitFacts } from '../../../contracts/counter';
import type { AccessContext } from '../identity';
import * as repo from './counter.repository';
import { actorOf, counterUnit, visitCitizen, type CounterOptions } from './counter.access';
import { correctionRefusal, maySeeVisit, recordingRole, recordsIn } from './counter.policy';
import { procedureInForce, procedureNamer, unitNamer, type ProcedureName } from './counter.catalog';
import { dayClosed, notOwnVisit, revisionConflict, unitForbidden, visitNotFound } from './counter.errors';
import { checkedFacts, visitTime } from './counter.rules';
import { presentVisit } from './counter.presenter';

async function present(
  db: Db,
  access: AccessContext,
  row: repo.CurrentVisitRow,
  procedure: ProcedureName | null,
  today: string,
): Promise<Visit> {
  const unitName = await unitNamer(db, today);
  return presentVisit(
    row,
    { accountId: access.actor!.accountId, today, recordsIn: (u) => recordsIn(access, u), unitName },
    procedure,
  );
}

/**
 * Records a visit at a counter of the officer's unit: the citizen is found by ID number (the
 * lookup is written to the access log with the counter purpose, in the same transaction), the
 * procedure must be in force in the catalog, and only the person id is stored.
 */
export async function recordVisit(
  db: Db,
  access: AccessContext,
  input: VisitCreateBody,
  options: CounterOptions = {},
): Promise<Visit> {
  const officer = actorOf(access);
  const now = options.now?.() ?? new Date();
  const today = todayInVietnam(now);
  const facts = checkedFacts({
    ...input,
    procedureCode: input.procedureCode ?? null,
    typedBy: input.typedBy ?? null,
    dossierCode: input.dossierCode ?? null,
    note: input.note ?? null,
  });
  const visitedAt = visitTime(input.visitedAt, now);
  const unitCode = await counterUnit(db, access, input.unitCode, today);
  const procedure = facts.procedureCode ? await procedureInForce(db, facts.procedureCode, today) : null;
  const row = await db.transaction(async (tx) => {
    const person = await visitCitizen(tx, access, input.nationalId, options);
    return repo.insertVisit(
      tx,
      {
        unitCode,
        counterLabel: input.counterLabel,
        officerAccountId: officer.accountId,
        officerRole: recordingRole(access),
        officerName: officer.displayName,
        visitedAt,
        visitDate: today,
      },
      {
        ...facts,
        personId: person.id,
        citizenName: person.fullName,
        reason: null,
        recordedByAccountId: officer.accountId,
      },
    );
  });
  return present(db, access, row, procedure, today);
}

const FACT_KEYS = ['procedureCode', 'guidedOnline', 'typedBy', 'outcome', 'dossierCode', 'note'] as const;

/** The correctable facts of a stored revision. */
function factsOf(rev: repo.RevisionRow): VisitFacts {
  return {
    procedureCode: rev.procedureCode,
    guidedOnline: rev.guidedOnline,
    typedBy: rev.typedBy as VisitFacts['typedBy'],
    outcome: rev.outcome as VisitFacts['outcome'],
    dossierCode: rev.dossierCode,
    note: rev.note,
  };
}

/**
 * Corrects a visit: only its own officer, only on the day of the visit, while still recording at
 * that unit. The correction is a new revision (the old facts stay, with who changed what and why);
 * a correction that changes nothing returns the visit as it is.
 */
export async function correctVisit(
  db: Db,
  access: AccessContext,
  id: string,
  body: VisitCorrectionBody,
  options: CounterOptions = {},
): Promise<Visit> {
  const officer = actorOf(access);
  const today = todayInVietnam(options.now?.() ?? new Date());
  const { row, procedure } = await db.transaction(async (tx) => {
    const visit = await repo.findVisitForUpdate(tx, id);
    if (!visit || !maySeeVisit(access, visit.unitCode)) throw visitNotFound();
    const refusal = correctionRefusal(access, visit, today);
    if (refusal === 'not_own') throw notOwnVisit();
    if (refusal === 'unit') throw unitForbidden(visit.unitCode);
    if (refusal === 'day_closed') throw dayClosed();
    if (body.revision !== undefined && body.revision !== visit.currentRevision)
      throw revisionConflict(visit.currentRevision);
    const current = (await repo.findCurrentVisit(tx, id))!;
    const merged: VisitFacts = factsOf(current.rev);
    for (const key of FACT_KEYS) if (body[key] !== undefined) Object.assign(merged, { [key]: body[key] });
    const facts = checkedFacts(merged);
    const procedureChanged = facts.procedureCode !== current.rev.procedureCode;
    const procedure =
      facts.procedureCode && procedureChanged ? await procedureInForce(tx, facts.procedureCode, visit.visitDate) : null;
    const person = body.nationalId ? await visitCitizen(tx, access, body.nationalId, options) : undefined;
    const next = {
      ...facts,
      personId: person?.id ?? current.rev.personId,
      citizenName: person?.fullName ?? current.rev.citizenName,
      reason: body.reason || null,
      recordedByAccountId: officer.accountId,
    };
    const unchanged = next.personId === current.rev.personId && FACT_KEYS.every((k) => next[k] === current.rev[k]);
    return { row: unchanged ? current : await repo.appendRevision(tx, visit, next), procedure };
  });
  const name = procedure ?? (await procedureNamer(db)(row.rev.procedureCode, row.visitDate));
  return present(db, access, row, name, today);
}
