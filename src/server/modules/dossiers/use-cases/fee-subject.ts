import type { AccessContext } from '../../identity';
import type { ProcedureVersion } from '../../procedures';
import { findPersonIdByNationalId } from '../../population';
import {
  applicantFactsOf,
  declaredSubject,
  feeSubjectRule,
  subjectFromDeclared,
  subjectFromRecord,
  type FeeSubject,
} from '../../fees';
import { readForFiling } from './applicant';
import type { DossierDeps } from './deps';
import type { ApplicantRecord } from './prepare-filing';

/**
 * The person a dossier's fee exemption is checked on (Circular 75/2022/TT-BTC Art. 4: the person
 * being registered), from the version's form as the fees module's reference rules read it:
 * - the newborn of the interlinked birth group — not in the registry yet: its declared date of birth;
 * - another person named on the form (a filing on behalf of someone) — an officer's read of their
 *   record, logged for dossier processing like the applicant's; a citizen never reads someone
 *   else's record (the explanation would show it): the declared date of birth only;
 * - undefined: the filer is the person registered (the fees module then uses the applicant's facts).
 */
export async function resolveFeeSubject(
  deps: DossierDeps,
  access: AccessContext,
  version: ProcedureVersion,
  form: Record<string, unknown>,
  filer: { nationalId: string | null; record: ApplicantRecord | null },
  today: string,
): Promise<FeeSubject | undefined> {
  const rule = feeSubjectRule(version);
  if (!rule) return undefined;
  const declared = declaredSubject(rule, form);
  if (rule.party === 'newborn') return subjectFromDeclared(rule, declared.birthDate);
  const filerId = filer.record?.nationalId ?? filer.nationalId;
  if (!declared.nationalId || declared.nationalId === filerId) return undefined;
  if (access.actor?.kind !== 'staff') return subjectFromDeclared(rule, declared.birthDate);
  const personId = await findPersonIdByNationalId(deps.db, declared.nationalId);
  if (!personId) return subjectFromDeclared(rule, declared.birthDate);
  const person = await readForFiling(deps, access, personId);
  return subjectFromRecord(rule, applicantFactsOf(person, today));
}
