import { todayInVietnam } from '../../../contracts/common';
import { visitProblems, type VisitFacts } from '../../../contracts/counter';
import { rulesInvalid, visitedAtInvalid } from './counter.errors';

/** Clock skew tolerated between the counter PC and the server for a given visit time. */
const FUTURE_SKEW_MS = 2 * 60_000;

/** The visit time: now, or a time given by the officer that is today (Vietnam) and not in the future. */
export function visitTime(given: string | undefined, now: Date): Date {
  if (!given) return now;
  const at = new Date(given);
  if (
    Number.isNaN(at.getTime()) ||
    at.getTime() > now.getTime() + FUTURE_SKEW_MS ||
    todayInVietnam(at) !== todayInVietnam(now)
  )
    throw visitedAtInvalid();
  return at;
}

/** Normalises optional fields to null and checks the rules across fields (400 naming each field). */
export function checkedFacts(f: VisitFacts): VisitFacts {
  const facts: VisitFacts = {
    procedureCode: f.procedureCode || null,
    guidedOnline: f.guidedOnline,
    typedBy: f.typedBy ?? null,
    outcome: f.outcome,
    dossierCode: f.dossierCode || null,
    note: f.note || null,
  };
  const problems = visitProblems(facts);
  if (problems.length > 0) throw rulesInvalid(problems);
  return facts;
}
