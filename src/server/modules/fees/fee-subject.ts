import { isRealIsoDate } from '../../../contracts/common';
import type { FeeCalculationSubject } from '../../../contracts/fees';
import type { ProcedureVersion } from '../../../contracts/procedures';
import { referenceFeeRules, type SubjectRule } from './fee-rules';
import type { ApplicantFacts, FeeSubject } from './fees.types';

/**
 * Whose facts a fee exemption is checked on (Circular 75/2022/TT-BTC Art. 4 exempts the person
 * being registered, not whoever files): the rule of the reference data whose form fields the
 * version's form has — the newborn of the interlinked birth group, the person named on CT01 — or,
 * when none matches, the filer. Pure; the dossiers module reads the registry when the form names
 * someone else.
 */
export function feeSubjectRule(
  version: Pick<ProcedureVersion, 'form' | 'fees'>,
  rules: readonly SubjectRule[] = referenceFeeRules().subjects,
): SubjectRule | undefined {
  if (version.fees.items.length === 0) return undefined;
  return rules.find((r) => r.formFields.every((f) => Object.hasOwn(version.form.fields, f)));
}

/** What the form declares of the subject: the ID number (12 digits) and a real date of birth, or null. */
export function declaredSubject(
  rule: SubjectRule,
  form: Record<string, unknown>,
): { nationalId: string | null; birthDate: string | null } {
  const id = rule.nationalIdField ? form[rule.nationalIdField] : null;
  const birth = form[rule.birthDateField];
  return {
    nationalId: typeof id === 'string' && /^[0-9]{12}$/.test(id) ? id : null,
    birthDate: typeof birth === 'string' && isRealIsoDate(birth) ? birth : null,
  };
}

const NOBODY: Omit<ApplicantFacts, 'birthDate'> = {
  personId: null,
  ethnicityCode: null,
  residenceUnitCode: null,
  householdId: null,
};

/** A subject the registry does not hold (a newborn, or someone else named by a citizen): only the declared date of birth. */
export function subjectFromDeclared(rule: SubjectRule, birthDate: string | null): FeeSubject {
  return {
    party: rule.party,
    labelVi: rule.labelVi,
    labelEn: rule.labelEn,
    source: birthDate ? 'declared' : 'unknown',
    facts: { ...NOBODY, birthDate, source: 'declared' },
  };
}

/** A subject other than the filer, found in the registry. */
export function subjectFromRecord(rule: SubjectRule, facts: ApplicantFacts): FeeSubject {
  return { party: rule.party, labelVi: rule.labelVi, labelEn: rule.labelEn, source: 'registry', facts };
}

/** The filer is the person registered (or the version names nobody else). */
export function filerSubject(facts: ApplicantFacts, inRegistry: boolean): FeeSubject {
  return {
    party: 'filer',
    labelVi: 'người nộp hồ sơ',
    labelEn: 'the applicant',
    source: inRegistry ? 'registry' : 'unknown',
    facts,
  };
}

/** The subject as stored with the calculation (no personal facts). */
export function subjectSummary(subject: FeeSubject): FeeCalculationSubject {
  return { party: subject.party, labelVi: subject.labelVi, labelEn: subject.labelEn, facts: subject.source };
}
