import type { Db } from '../../platform/db';
import { AppError } from '../../platform/errors';
import { todayInVietnam } from '../../../contracts/common';
import type { FeeCalculation, FeeQuote, FeeQuoteQuery } from '../../../contracts/fees';
import type { ProcedureVersion } from '../../../contracts/procedures';
import { findOwnRecord } from '../population';
import { getProcedureVersion } from '../procedures';
import { getUnitNames } from '../units';
import { calculateFee } from './calculation';
import { checkFeeInput } from './fee-input';
import { feeSubjectRule, subjectFromDeclared } from './fee-subject';
import { procedureInvalid } from './fees.errors';
import type { ApplicantFacts, FeeInput, ListHit, ListLookup } from './fees.types';
import * as repo from './fees.repository';

/** The registry facts of nobody: nothing can be checked automatically. */
export const UNKNOWN_APPLICANT: ApplicantFacts = {
  personId: null,
  birthDate: null,
  ethnicityCode: null,
  residenceUnitCode: null,
  householdId: null,
};

/** Full name of a unit on a date, or the code when the units table does not know it then. */
async function unitFullName(db: Db, code: string, asOf: string): Promise<string> {
  return (await getUnitNames(db, asOf))(code) ?? code;
}

/**
 * The lists as the engine needs them for one applicant on one day: the definitions, and only the
 * entries of the applicant's commune and household (indexed lookups, one statement), never a whole list.
 */
export async function loadListLookup(db: Db, facts: ApplicantFacts, asOf: string): Promise<ListLookup> {
  const [defs, unitName] = await Promise.all([
    repo.listsWithEntriesOn(db, facts.residenceUnitCode, facts.householdId, asOf),
    facts.residenceUnitCode ? unitFullName(db, facts.residenceUnitCode, asOf) : Promise.resolve(null),
  ]);
  const byCode = new Map(defs.map((d) => [d.code, d]));
  const hit = (def: repo.ListRow, entry: repo.EntryJson | undefined): ListHit | undefined =>
    entry && {
      listNameVi: def.nameVi,
      listNameEn: def.nameEn,
      validFrom: entry.validFrom,
      validTo: entry.validTo,
      source: entry.source,
      provisional: entry.provisional,
    };
  return {
    list: (code) => {
      const def = byCode.get(code);
      return def && { nameVi: def.nameVi, nameEn: def.nameEn };
    },
    unit: (listCode, unitCode) => {
      const def = byCode.get(listCode);
      return def?.kind === 'unit' && unitCode === facts.residenceUnitCode ? hit(def, def.unitEntries[0]) : undefined;
    },
    household: (listCode, householdId) => {
      const def = byCode.get(listCode);
      return def?.kind === 'household' && householdId === facts.householdId
        ? hit(def, def.householdEntries[0])
        : undefined;
    },
    unitName: (code) => (code === facts.residenceUnitCode && unitName ? unitName : code),
  };
}

/**
 * The fee of a dossier under its procedure version (see `calculateFee`), with the lists read from
 * the database for the filing date. The dossiers module passes the applicant's registry facts.
 */
export async function computeDossierFee(db: Db, version: ProcedureVersion, input: FeeInput): Promise<FeeCalculation> {
  checkFeeInput(version, input);
  const lists = await loadListLookup(db, input.subject?.facts ?? input.applicant, input.asOf);
  return calculateFee(version, input, lists);
}

/** A person's registry record reduced to the facts the fee engine uses; permanent residence taken on `asOf`. */
export function applicantFactsOf(
  record: {
    id: string;
    birthDate: string | null;
    ethnicityCode: string | null;
    residenceUnitCode: string | null;
    household: { id: string } | null;
    residences: Array<{ kind: string; unitCode: string; validFrom: string; validTo: string | null }>;
  },
  asOf: string,
): ApplicantFacts {
  const permanent = record.residences.find(
    (r) => r.kind === 'permanent' && r.validFrom <= asOf && (r.validTo === null || r.validTo >= asOf),
  );
  return {
    personId: record.id,
    birthDate: record.birthDate,
    ethnicityCode: record.ethnicityCode,
    residenceUnitCode: permanent?.unitCode ?? (record.residences.length === 0 ? record.residenceUnitCode : null),
    householdId: record.household?.id ?? null,
  };
}

/** The signed-in citizen's facts from their own record (not an officer's access: not logged); undefined when the registry does not hold them. */
async function ownFacts(db: Db, nationalId: string | null, asOf: string): Promise<ApplicantFacts | undefined> {
  const own = await findOwnRecord(db, nationalId, { findings: false });
  return own && applicantFactsOf(own.record, asOf);
}

/**
 * What a signed-in citizen would owe if they filed now: the version in force today, their own
 * registry facts (registry-checkable exemptions applied automatically) — or, when the procedure
 * registers a newborn, the child's date of birth typed on the form (`subjectBirthDate`) — the
 * claimed reason if any, and a temporary waiver their e-ID level meets. Shown before filing and paying. A citizen the province's registry does not hold gets the
 * calculation without automatic exemptions (`registryRecordFound: false`).
 */
export async function feeQuote(
  db: Db,
  citizen: { nationalId: string | null; eidLevel?: number | null },
  query: FeeQuoteQuery,
  asOf: string = todayInVietnam(),
): Promise<FeeQuote> {
  let version: ProcedureVersion;
  try {
    version = await getProcedureVersion(db, query.procedureCode, asOf);
  } catch (error) {
    if (error instanceof AppError && error.code === 'PROCEDURE.NOT_FOUND')
      throw procedureInvalid(query.procedureCode, asOf);
    throw error;
  }
  const facts = await ownFacts(db, citizen.nationalId, asOf);
  // A newborn (interlinked birth group) is not the citizen: the date of birth typed on the form, when given.
  const rule = feeSubjectRule(version);
  const subject = rule?.party === 'newborn' ? subjectFromDeclared(rule, query.subjectBirthDate ?? null) : undefined;
  const calculation = await computeDossierFee(db, version, {
    channel: query.channel,
    persons: query.persons,
    subject,
    eidLevel: citizen.eidLevel ?? null,
    applicant: facts ?? UNKNOWN_APPLICANT,
    claim: query.claim ?? null,
    asOf,
    variant: query.variant,
  });
  if (!facts && !subject && calculation.base > 0) {
    calculation.explanationVi.splice(
      -1,
      0,
      'Không tìm thấy bạn trong cơ sở dữ liệu dân cư của tỉnh nên chưa tự động xét được lý do miễn lệ phí.',
    );
    calculation.explanationEn.splice(
      -1,
      0,
      'You were not found in the province registry, so no exemption could be checked automatically.',
    );
  }
  return {
    procedure: {
      code: version.code,
      versionId: version.id,
      version: version.version,
      nameVi: version.nameVi,
      nameEn: version.nameEn,
    },
    calculation,
    registryRecordFound: facts !== undefined,
  };
}
