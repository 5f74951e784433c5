import { OUTCOMES, TYPED_BY, type Outcome, type TypedBy } from '../../../contracts/counter';
import type { MessageKey } from '../../shell/dictionary';
import type { Translate } from '../../shell/i18n';

const TYPED_BY_KEYS: Record<TypedBy | 'none', MessageKey> = {
  citizen_alone: 'counter.typedBy.citizen_alone',
  citizen_helped: 'counter.typedBy.citizen_helped',
  officer_on_behalf: 'counter.typedBy.officer_on_behalf',
  none: 'counter.typedBy.none',
};

const OUTCOME_KEYS: Record<Outcome, MessageKey> = {
  filed_online: 'counter.outcome.filed_online',
  filed_paper: 'counter.outcome.filed_paper',
  information_only: 'counter.outcome.information_only',
  referred: 'counter.outcome.referred',
  incomplete_documents: 'counter.outcome.incomplete_documents',
};

/** Field names of a visit as the history names them (API name → label key). */
const FIELD_KEYS: Record<string, MessageKey> = {
  citizen: 'counter.col.citizen',
  procedureCode: 'counter.procedure',
  guidedOnline: 'counter.col.guided',
  typedBy: 'counter.col.typedBy',
  outcome: 'counter.outcome',
  dossierCode: 'counter.dossierCode',
  note: 'counter.note',
};

/** "Công dân tự nhập" … ; null = nothing typed. */
export function typedByLabel(t: Translate, value: TypedBy | null): string {
  return t(TYPED_BY_KEYS[value ?? 'none']);
}

export function outcomeLabel(t: Translate, value: Outcome): string {
  return t(OUTCOME_KEYS[value]);
}

export function fieldLabel(t: Translate, field: string): string {
  const key = FIELD_KEYS[field];
  return key ? t(key) : field;
}

/** Radio options in the order of the contract. */
export const typedByOptions = (t: Translate) => TYPED_BY.map((value) => ({ value, label: typedByLabel(t, value) }));
export const outcomeOptions = (t: Translate) => OUTCOMES.map((value) => ({ value, label: outcomeLabel(t, value) }));
