import type { Db } from '../../platform/db';
import { todayInVietnam } from '../../../contracts/common';
import type {
  CitizenLookup,
  CounterSummary,
  SummaryQuery,
  VisitDetail,
  VisitListQuery,
  VisitPage,
} from '../../../contracts/counter';
import type { AccessContext } from '../identity';
import * as repo from './counter.repository';
import { actorOf, lookupCitizen, readUnits, type CounterOptions } from './counter.access';
import { maySeeVisit, recordsIn } from './counter.policy';
import { procedureNamer, unitNamer } from './counter.catalog';
import { visitNotFound } from './counter.errors';
import { presentRevisions, presentVisit, type ReaderView } from './counter.presenter';
import { summarise } from './counter.summary';

async function readerView(db: Db, access: AccessContext, today: string): Promise<ReaderView> {
  return {
    accountId: actorOf(access).accountId,
    today,
    recordsIn: (u) => recordsIn(access, u),
    unitName: await unitNamer(db, today),
  };
}

/**
 * The daily list (newest first) of one counter, one unit (with the units below it) or all the
 * reader's units; names of citizens only for staff who record at that unit.
 */
export async function listVisits(
  db: Db,
  access: AccessContext,
  query: VisitListQuery,
  options: Pick<CounterOptions, 'now'> = {},
): Promise<VisitPage> {
  const today = todayInVietnam(options.now?.() ?? new Date());
  const unitCodes = await readUnits(db, access, query.unitCode);
  const { rows, total } = await repo.listVisits(db, {
    date: query.date ?? today,
    unitCodes,
    counterLabel: query.counter?.normalize('NFC'),
    limit: query.pageSize,
    offset: (query.page - 1) * query.pageSize,
  });
  const view = await readerView(db, access, today);
  const procedureName = procedureNamer(db);
  const items = await Promise.all(
    rows.map(async (r) => presentVisit(r, view, await procedureName(r.rev.procedureCode, r.visitDate))),
  );
  return { items, total, page: query.page, pageSize: query.pageSize };
}

/** One visit with its full correction history (404 outside the reader's units). */
export async function getVisit(
  db: Db,
  access: AccessContext,
  id: string,
  options: Pick<CounterOptions, 'now'> = {},
): Promise<VisitDetail> {
  const row = await repo.findCurrentVisit(db, id);
  if (!row || !maySeeVisit(access, row.unitCode)) throw visitNotFound();
  const today = todayInVietnam(options.now?.() ?? new Date());
  const [view, revisions, procedure] = await Promise.all([
    readerView(db, access, today),
    repo.listRevisions(db, id),
    procedureNamer(db)(row.rev.procedureCode, row.visitDate),
  ]);
  const visit = presentVisit(row, view, procedure);
  return { ...visit, revisions: presentRevisions(revisions, !visit.citizen.masked, () => row.officerName) };
}

/** Who is at the counter: name and birth year to confirm with the citizen (the lookup is logged with its purpose). */
export async function lookup(
  db: Db,
  access: AccessContext,
  nationalId: string,
  options: CounterOptions = {},
): Promise<CitizenLookup> {
  const person = await lookupCitizen(db, access, nationalId, options);
  return {
    personId: person.id,
    fullName: person.fullName,
    birthYear: person.birthYear,
    residenceUnitName: person.residenceUnitName,
    deceased: person.deceased,
  };
}

/**
 * Counts per unit and day over [from, to] — visits, guided to file online, who typed, outcomes —
 * from the current revision of each visit. `unitCodes` null = every unit. The dashboard's source.
 */
export async function counterSummary(
  db: Db,
  query: { from: string; to: string; unitCodes: readonly string[] | null },
): Promise<CounterSummary> {
  const groups = await repo.summaryCounts(db, query);
  const unitName = await unitNamer(db, todayInVietnam());
  return summarise(groups, { from: query.from, to: query.to }, unitName);
}

/** The summary within the reader's units (or one unit and the units below it). */
export async function summaryFor(db: Db, access: AccessContext, query: SummaryQuery): Promise<CounterSummary> {
  const unitCodes = await readUnits(db, access, query.unitCode);
  return counterSummary(db, { from: query.from, to: query.to, unitCodes });
}
