import type { Db } from '../../platform/db';
import { AppError, invalidField, notFound } from '../../platform/errors';
import { formatDateVi, todayInVietnam } from '../../../contracts/common';
import type { FieldProblem } from '../../../contracts/messages';
import type {
  NewVersionBody,
  ProcedureDefinition,
  ProcedureList,
  ProcedureListQuery,
  ProcedureVersion,
} from '../../../contracts/procedures';
import { searchKey } from '../population';
import { validateFormDefinition } from './form-definition';
import { checkRegistryEffect } from './registry-effect-check';
import { PROCEDURE_ERRORS, definitionInvalid, problem, procedureNotFound } from './procedures.errors';
import { presentSummary, presentVersion } from './procedures.presenter';
import * as repo from './procedures.repository';

/**
 * How long a process trusts the version in force it read (every filing and form asks for it).
 * A version created in this process is seen at once (the cache is dropped); one created by
 * another server process within this many milliseconds (ADR 0012).
 */
export const VERSION_IN_FORCE_TTL_MS = 5_000;
const inForce = new WeakMap<Db, Map<string, { at: number; version: Promise<ProcedureVersion> }>>();

/** The version of `code` in force on `asOf` (default: today in Vietnam); PROCEDURE.NOT_FOUND otherwise. */
export async function getProcedureVersion(
  db: Db,
  code: string,
  asOf: string = todayInVietnam(),
): Promise<ProcedureVersion> {
  let cache = inForce.get(db);
  if (!cache) inForce.set(db, (cache = new Map<string, { at: number; version: Promise<ProcedureVersion> }>()));
  const key = `${code}@${asOf}`;
  const hit = cache.get(key);
  if (hit && Date.now() - hit.at < VERSION_IN_FORCE_TTL_MS) return hit.version;
  if (cache.size > 2_000) cache.clear();
  const version = repo.findInForce(db, code, asOf).then((row) => {
    if (!row) throw procedureNotFound(code, asOf);
    return presentVersion(row);
  });
  // Only answers are kept: an unknown code is asked again next time.
  version.catch(() => cache.delete(key));
  cache.set(key, { at: Date.now(), version });
  return version;
}

/** A version by id, whatever its period (a dossier's version); PROCEDURE.VERSION_NOT_FOUND otherwise. */
export async function getProcedureVersionById(db: Db, id: string): Promise<ProcedureVersion> {
  const row = await repo.findById(db, id);
  if (!row) throw notFound(PROCEDURE_ERRORS.VERSION_NOT_FOUND, 'phiên bản thủ tục này', 'Procedure version');
  return presentVersion(row);
}

/** The catalog on a date: procedures in force, filtered by field and by words of the name or code (diacritics ignored). */
export async function listProcedures(db: Db, query: ProcedureListQuery = {}): Promise<ProcedureList> {
  const words = query.q ? searchKey(query.q).split(' ').filter(Boolean) : [];
  const rows = await repo.listInForce(db, query.asOf ?? todayInVietnam(), { field: query.field, words });
  return { items: rows.map(presentSummary), total: rows.length };
}

/** Every version of a procedure, newest first; PROCEDURE.NOT_FOUND when the code has none. */
export async function listVersions(db: Db, code: string): Promise<ProcedureVersion[]> {
  const rows = await repo.listByCode(db, code);
  if (rows.length === 0) throw notFound(PROCEDURE_ERRORS.NOT_FOUND, `thủ tục mã ${code}`, `Procedure ${code}`);
  return rows.map(presentVersion);
}

/** Who handles which field: commune police for residence, the civil-status officer otherwise. */
const ROLE_OF_FIELD = {
  residence: 'commune_police',
  civil_status: 'civil_status_officer',
  interlinked: 'civil_status_officer',
} as const;

function duplicates(codes: string[]): string[] {
  return codes.filter((c, i) => codes.indexOf(c) !== i);
}

/** A same-day cut-off goes with a limit of 0 working days, for the procedure and for each step of a group. */
function checkTimeLimits(def: ProcedureDefinition): FieldProblem[] {
  const out: FieldProblem[] = [];
  const vi = 'Giờ chốt "trong ngày, nhận sau giờ này thì ngày làm việc tiếp theo" chỉ dùng với thời hạn 0 ngày';
  const en = 'A same-day cut-off ("the next working day when received after it") needs a time limit of 0 days';
  if (def.sameDayCutoff != null && def.timeLimitWorkingDays !== 0) out.push(problem('sameDayCutoff', vi, en));
  def.components.forEach((c, i) => {
    if (c.sameDayCutoff != null && c.timeLimitWorkingDays !== 0)
      out.push(problem(`components.${i}.sameDayCutoff`, vi, en));
  });
  return out;
}

/** Every check a definition must pass beyond its Zod shape: form, roles, fee and document codes. */
export function checkDefinition(def: ProcedureDefinition): FieldProblem[] {
  const out = validateFormDefinition(def.form);
  if (def.handledByRole !== ROLE_OF_FIELD[def.field]) {
    out.push(
      problem(
        'handledByRole',
        `Lĩnh vực này do "${ROLE_OF_FIELD[def.field]}" giải quyết`,
        `This field is handled by "${ROLE_OF_FIELD[def.field]}"`,
      ),
    );
  }
  if (def.field === 'interlinked' && (def.components.length < 2 || def.requiredEidLevel !== 2)) {
    out.push(
      problem(
        'components',
        'Nhóm thủ tục liên thông cần ít nhất 2 thủ tục thành phần và tài khoản định danh mức 2',
        'An interlinked group needs at least 2 component procedures and e-ID level 2',
      ),
    );
  }
  // An interlinked group with a residence step gives the CT08 of that step (about the child, or the deceased).
  const residenceStep = def.components.some((c) => c.role === 'commune_police' && c.step?.kind === 'registry');
  const residenceResult =
    def.field === 'residence' || (residenceStep && def.resultDocuments.every((k) => k === 'CT08'));
  if (def.resultDocuments.length > 0 && !residenceResult)
    out.push(
      problem(
        'resultDocuments',
        'Mẫu CT03, CT07, CT08 chỉ dùng cho thủ tục cư trú (nhóm liên thông có bước cư trú: mẫu CT08)',
        'Forms CT03, CT07, CT08 are for residence procedures only (an interlinked group with a residence step: CT08)',
      ),
    );
  for (const dup of duplicates([...def.resultDocuments]))
    out.push(problem('resultDocuments', `Mẫu "${dup}" bị trùng`, `Form "${dup}" is repeated`));
  out.push(...checkTimeLimits(def), ...checkRegistryEffect(def));
  const items = def.fees.items.map((i) => i.code);
  if (items.length > 0 && !items.includes('standard'))
    out.push(problem('fees.items', 'Cần một mức lệ phí mã "standard"', 'A fee item with code "standard" is required'));
  for (const [list, codes] of [
    ['fees.items', items],
    ['fees.exemptions', def.fees.exemptions.map((e) => e.code)],
    ['documents', def.documents.map((d) => d.code)],
  ] as const) {
    for (const dup of duplicates([...codes]))
      out.push(problem(list, `Mã "${dup}" bị trùng`, `Code "${dup}" is repeated`));
  }
  return out;
}

function dayBefore(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

function overlaps(
  a: { effectiveFrom: string; effectiveTo: string | null },
  b: { effectiveFrom: string; effectiveTo: string | null },
): boolean {
  return (
    (a.effectiveTo === null || a.effectiveTo >= b.effectiveFrom) &&
    (b.effectiveTo === null || b.effectiveTo >= a.effectiveFrom)
  );
}

function versionConflict(
  code: string,
  clash: { version: number; effectiveFrom: string; effectiveTo: string | null } | null,
): AppError {
  const periodVi = clash
    ? ` (từ ${formatDateVi(clash.effectiveFrom)} ${clash.effectiveTo ? `đến ${formatDateVi(clash.effectiveTo)}` : 'đến nay'})`
    : '';
  const periodEn = clash ? ` (${clash.effectiveFrom} → ${clash.effectiveTo ?? 'open'})` : '';
  const vi = `Thời gian hiệu lực trùng với phiên bản ${clash?.version ?? 'khác'} của thủ tục ${code}${periodVi}`;
  const en = `The period overlaps version ${clash?.version ?? '(another)'} of procedure ${code}${periodEn}`;
  return new AppError(PROCEDURE_ERRORS.VERSION_CONFLICT, vi, en, [
    { field: 'effectiveFrom', code: PROCEDURE_ERRORS.VERSION_CONFLICT, messageVi: vi, messageEn: en },
  ]);
}

/** The PostgreSQL error code of an error or of the driver error Drizzle wraps. */
function sqlState(error: unknown): string | undefined {
  for (let e: unknown = error; e && typeof e === 'object'; e = (e as { cause?: unknown }).cause) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code;
  }
  return undefined;
}

export interface CreateVersionOptions {
  /** Account creating the version; null for reference data. */
  createdBy: string | null;
  /** Reference data may start in the past; administrators start today or later. */
  allowPast?: boolean;
  today?: string;
}

/**
 * Creates a new version of `code` (the first one creates the procedure). Nothing already stored
 * changes except one thing: the open version in force before the new start is closed the day
 * before it. Any other overlap is PROCEDURE.VERSION_CONFLICT (409), also when two administrators
 * race (the database trigger backs the check). Administrators cannot start a version in the past,
 * so no dossier filed under the old version ever falls outside its version's period.
 */
export async function createVersion(
  db: Db,
  code: string,
  body: NewVersionBody,
  options: CreateVersionOptions,
): Promise<{ version: ProcedureVersion; closed: string | null }> {
  const problems = checkDefinition(body);
  if (problems.length) throw definitionInvalid(problems);
  const today = options.today ?? todayInVietnam();
  if (!options.allowPast && body.effectiveFrom < today) {
    throw invalidField(
      PROCEDURE_ERRORS.EFFECTIVE_FROM_INVALID,
      'effectiveFrom',
      `Phiên bản mới chỉ có hiệu lực từ hôm nay (${formatDateVi(today)}) trở đi`,
      `A new version takes effect today (${today}) or later`,
    );
  }
  const effectiveTo = body.effectiveTo ?? null;
  if (effectiveTo !== null && effectiveTo < body.effectiveFrom) {
    throw invalidField(
      PROCEDURE_ERRORS.EFFECTIVE_FROM_INVALID,
      'effectiveTo',
      'Ngày hết hiệu lực phải sau ngày bắt đầu',
      'The end date must not be before the start date',
    );
  }
  const period = { effectiveFrom: body.effectiveFrom, effectiveTo };
  try {
    return await db.transaction(async (tx) => {
      await repo.lockProcedure(tx, code);
      const existing = await repo.listByCode(tx, code);
      const open = existing.find((v) => v.effectiveTo === null && v.effectiveFrom < body.effectiveFrom);
      const clash = existing.find((v) => v !== open && overlaps(v, period));
      if (clash) throw versionConflict(code, clash);
      if (open) await repo.closeVersion(tx, open.id, dayBefore(body.effectiveFrom));
      const row = await repo.insertVersion(tx, {
        code,
        version: (existing[0]?.version ?? 0) + 1,
        ...period,
        nameVi: body.nameVi,
        nameEn: body.nameEn,
        searchKey: searchKey(`${code} ${body.nameVi} ${body.nameEn}`),
        field: body.field,
        agencyLevel: body.agencyLevel,
        handledByRole: body.handledByRole,
        onlineLevel: body.onlineLevel,
        requiredEidLevel: body.requiredEidLevel,
        timeLimitHalfDays: Math.round(body.timeLimitWorkingDays * 2),
        sameDayCutoff: body.sameDayCutoff ?? null,
        nationalCode: body.nationalCode ?? null,
        timeLimitNoteVi: body.timeLimitNote,
        timeLimitNoteEn: body.timeLimitNoteEn,
        fees: body.fees,
        documents: body.documents,
        form: body.form,
        components: body.components,
        resultDocuments: body.resultDocuments,
        resultValidDays: body.resultValidDays ?? null,
        registryEffect: body.registryEffect ?? null,
        legalBasis: body.legalBasis,
        sources: body.sources,
        unconfirmed: body.unconfirmed,
        changeNote: body.changeNote,
        createdBy: options.createdBy,
      });
      return { version: presentVersion(row), closed: open?.id ?? null };
    });
  } catch (error) {
    // Another writer won the race between our check and the insert: the trigger refused the overlap.
    if (sqlState(error) === '23P01') throw versionConflict(code, null);
    throw error;
  } finally {
    // This process sees a new version (or a closed old one) at once.
    inForce.delete(db);
  }
}
