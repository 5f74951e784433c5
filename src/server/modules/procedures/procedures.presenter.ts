import type { ProcedureSummary, ProcedureVersion } from '../../../contracts/procedures';
import type { VersionRow } from './procedures.repository';
import { standardRates } from './fees';

/** A stored version as the API and other modules see it (time limit back in working days). */
export function presentVersion(row: VersionRow): ProcedureVersion {
  return {
    id: row.id,
    code: row.code,
    version: row.version,
    effectiveFrom: row.effectiveFrom,
    effectiveTo: row.effectiveTo,
    nameVi: row.nameVi,
    nameEn: row.nameEn,
    field: row.field,
    agencyLevel: row.agencyLevel,
    handledByRole: row.handledByRole as ProcedureVersion['handledByRole'],
    onlineLevel: row.onlineLevel,
    requiredEidLevel: row.requiredEidLevel as 1 | 2,
    timeLimitWorkingDays: row.timeLimitHalfDays / 2,
    sameDayCutoff: row.sameDayCutoff,
    timeLimitNote: row.timeLimitNoteVi,
    timeLimitNoteEn: row.timeLimitNoteEn,
    nationalCode: row.nationalCode,
    fees: row.fees,
    documents: row.documents,
    form: row.form,
    components: row.components,
    resultDocuments: row.resultDocuments,
    resultValidDays: row.resultValidDays ?? null,
    registryEffect: row.registryEffect ?? null,
    legalBasis: row.legalBasis,
    sources: row.sources,
    unconfirmed: row.unconfirmed,
    changeNote: row.changeNote,
    createdAt: new Date(row.createdAt).toISOString(),
  };
}

/** A catalog line: names, field, limits and the standard fee of each channel. */
export function presentSummary(row: VersionRow): ProcedureSummary {
  const rates = standardRates(row.fees);
  return {
    id: row.id,
    code: row.code,
    version: row.version,
    nameVi: row.nameVi,
    nameEn: row.nameEn,
    field: row.field,
    handledByRole: row.handledByRole as ProcedureSummary['handledByRole'],
    onlineLevel: row.onlineLevel,
    requiredEidLevel: row.requiredEidLevel as 1 | 2,
    timeLimitWorkingDays: row.timeLimitHalfDays / 2,
    sameDayCutoff: row.sameDayCutoff,
    timeLimitNote: row.timeLimitNoteVi,
    timeLimitNoteEn: row.timeLimitNoteEn,
    nationalCode: row.nationalCode,
    effectiveFrom: row.effectiveFrom,
    effectiveTo: row.effectiveTo,
    feeDirect: rates.direct,
    feeOnline: rates.online,
  };
}
