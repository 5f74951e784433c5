import { FILED_OUTCOMES, visitProblems, type Outcome, type TypedBy, type Visit } from '../../../contracts/counter';
import type { FieldProblem } from '../../../contracts/messages';
import type { VisitInput } from './counter-api';

/** What the quick form holds while the officer fills it ('none' = nothing was typed). */
export interface VisitFormValues {
  nationalId?: string;
  procedureCode?: string | null;
  guidedOnline?: boolean;
  typedBy?: TypedBy | 'none';
  outcome?: Outcome;
  dossierCode?: string;
  note?: string;
  /** Correction only: why. */
  reason?: string;
}

/** The fields the form shows, so server problems on other fields go to the page's alert. */
export const FORM_FIELDS = [
  'nationalId',
  'procedureCode',
  'guidedOnline',
  'typedBy',
  'outcome',
  'dossierCode',
  'note',
  'reason',
] as const;

const blank = (s: string | null | undefined) => (s?.trim() ? s.trim() : null);

/** Form values → the API's facts (empty strings become null). */
export function toVisitInput(v: VisitFormValues): VisitInput {
  return {
    nationalId: (v.nationalId ?? '').trim(),
    procedureCode: blank(v.procedureCode),
    guidedOnline: v.guidedOnline ?? false,
    typedBy: v.typedBy && v.typedBy !== 'none' ? v.typedBy : null,
    outcome: v.outcome ?? 'information_only',
    dossierCode: blank(v.dossierCode),
    note: blank(v.note),
  };
}

/** A visit → the form's values for a correction (the ID number is not known to the page: left empty). */
export function toFormValues(visit: Visit): VisitFormValues {
  return {
    procedureCode: visit.procedureCode,
    guidedOnline: visit.guidedOnline,
    typedBy: visit.typedBy ?? 'none',
    outcome: visit.outcome,
    dossierCode: visit.dossierCode ?? undefined,
    note: visit.note ?? undefined,
  };
}

/** The same rules across fields as the server, before sending (each naming its field). */
export function formProblems(input: VisitInput): FieldProblem[] {
  return visitProblems(input).map((p) => ({
    field: p.field,
    code: p.code,
    messageVi: p.messageVi,
    messageEn: p.messageEn,
  }));
}

/** Does this outcome mean a dossier was filed (so "who typed it" and the dossier code apply)? */
export const isFiled = (outcome: Outcome | undefined): boolean =>
  outcome !== undefined && FILED_OUTCOMES.includes(outcome);

/**
 * The changes of a correction: only the facts that differ from the visit, plus a new ID number
 * when one was typed (a different citizen).
 */
export function correctionChanges(visit: Visit, values: VisitFormValues): Partial<VisitInput> {
  const next = toVisitInput(values);
  const changes: Partial<VisitInput> = {};
  if (next.nationalId) changes.nationalId = next.nationalId;
  if (next.procedureCode !== visit.procedureCode) changes.procedureCode = next.procedureCode;
  if (next.guidedOnline !== visit.guidedOnline) changes.guidedOnline = next.guidedOnline;
  if (next.typedBy !== visit.typedBy) changes.typedBy = next.typedBy;
  if (next.outcome !== visit.outcome) changes.outcome = next.outcome;
  if (next.dossierCode !== visit.dossierCode) changes.dossierCode = next.dossierCode;
  if (next.note !== visit.note) changes.note = next.note;
  return changes;
}

const COUNTER_KEY = 'dvc06.counter';

/** The counter this PC serves (unit + label), remembered between sessions on this browser. */
export interface CounterChoice {
  unitCode?: string;
  counterLabel: string;
}

export function loadCounterChoice(storage: Pick<Storage, 'getItem'> | undefined): CounterChoice {
  try {
    const parsed = JSON.parse(storage?.getItem(COUNTER_KEY) ?? 'null') as Partial<CounterChoice> | null;
    return {
      unitCode: typeof parsed?.unitCode === 'string' ? parsed.unitCode : undefined,
      counterLabel: typeof parsed?.counterLabel === 'string' ? parsed.counterLabel : '',
    };
  } catch {
    return { counterLabel: '' };
  }
}

export function saveCounterChoice(storage: Pick<Storage, 'setItem'> | undefined, choice: CounterChoice): void {
  try {
    storage?.setItem(COUNTER_KEY, JSON.stringify(choice));
  } catch {
    // storage blocked: the choice lasts for this page only
  }
}

/**
 * The visit of a citizen who filed on the counter device: guided online, filed online, typed by
 * the citizen with help, the procedure and the dossier code. The officer still looks the citizen
 * up by ID number (the log never takes a name on trust).
 */
export function visitFromAssistedFiling(filing: { procedureCode: string; code: string | null }): VisitFormValues {
  return {
    procedureCode: filing.procedureCode,
    guidedOnline: true,
    outcome: 'filed_online',
    typedBy: 'citizen_helped',
    dossierCode: filing.code ?? undefined,
  };
}
