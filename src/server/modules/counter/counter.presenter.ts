import type { Outcome, TypedBy, Visit, VisitRevision } from '../../../contracts/counter';
import type { CurrentVisitRow, RevisionRow } from './counter.repository';
import type { ProcedureName } from './counter.catalog';

/** What the reader may see and do, decided by the service per visit. */
export interface ReaderView {
  accountId: string;
  today: string;
  /** The reader records at this unit's counters: sees citizens' names and may correct their own visits. */
  recordsIn(unitCode: string): boolean;
  unitName(unitCode: string): string | null;
}

/**
 * Initials of a name ("Lò Thị Thuỷ" → "L. T. T."): what readers outside the counter's unit
 * (leaders, the Standing Agency) see — they need the figures, not who came.
 */
export function maskName(name: string): string {
  return name
    .trim()
    .split(/\s+/)
    .filter(Boolean)
    .map((w) => `${[...w][0]!.toLocaleUpperCase('vi')}.`)
    .join(' ');
}

function citizenOf(rev: RevisionRow, showName: boolean) {
  return { personId: rev.personId, name: showName ? rev.citizenName : maskName(rev.citizenName), masked: !showName };
}

/** A visit row → API JSON with explicit fields (no ID number exists to leak). */
export function presentVisit(row: CurrentVisitRow, view: ReaderView, procedure: ProcedureName | null): Visit {
  const recordsHere = view.recordsIn(row.unitCode);
  const mine = row.officerAccountId === view.accountId;
  return {
    id: row.id,
    unitCode: row.unitCode,
    unitName: view.unitName(row.unitCode),
    counterLabel: row.counterLabel,
    visitedAt: row.visitedAt.toISOString(),
    visitDate: row.visitDate,
    officerName: row.officerName,
    mine,
    canCorrect: mine && recordsHere && row.visitDate === view.today,
    citizen: citizenOf(row.rev, recordsHere),
    procedureCode: row.rev.procedureCode,
    procedureNameVi: procedure?.vi ?? null,
    procedureNameEn: procedure?.en ?? null,
    guidedOnline: row.rev.guidedOnline,
    typedBy: row.rev.typedBy as TypedBy | null,
    outcome: row.rev.outcome as Outcome,
    dossierCode: row.rev.dossierCode,
    note: row.rev.note,
    revision: row.rev.revision,
    correctedAt: row.rev.revision > 1 ? row.rev.recordedAt.toISOString() : null,
  };
}

const COMPARED = ['personId', 'procedureCode', 'guidedOnline', 'typedBy', 'outcome', 'dossierCode', 'note'] as const;
/** API names of the compared columns (the person is corrected through `nationalId`). */
const FIELD_NAME: Record<(typeof COMPARED)[number], string> = {
  personId: 'citizen',
  procedureCode: 'procedureCode',
  guidedOnline: 'guidedOnline',
  typedBy: 'typedBy',
  outcome: 'outcome',
  dossierCode: 'dossierCode',
  note: 'note',
};

/** The fields whose value differs between two revisions. */
export function changedFields(before: RevisionRow | undefined, after: RevisionRow): string[] {
  if (!before) return [];
  return COMPARED.filter((k) => before[k] !== after[k]).map((k) => FIELD_NAME[k]);
}

/** The history of a visit, oldest first, each revision with what it changed. */
export function presentRevisions(
  revisions: RevisionRow[],
  showName: boolean,
  recordedBy: (accountId: string) => string,
): VisitRevision[] {
  return revisions.map((rev, i) => ({
    revision: rev.revision,
    recordedAt: rev.recordedAt.toISOString(),
    recordedBy: recordedBy(rev.recordedByAccountId),
    reason: rev.reason,
    changedFields: changedFields(revisions[i - 1], rev),
    citizen: citizenOf(rev, showName),
    procedureCode: rev.procedureCode,
    guidedOnline: rev.guidedOnline,
    typedBy: rev.typedBy as TypedBy | null,
    outcome: rev.outcome as Outcome,
    dossierCode: rev.dossierCode,
    note: rev.note,
  }));
}
