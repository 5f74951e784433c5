import type { Db } from '../../platform/db';
import { AppError } from '../../platform/errors';
import { todayInVietnam } from '../../../contracts/common';
import type { Unit } from '../../../contracts/units';
import type {
  Facility,
  FacilityChange,
  FacilityInput,
  FacilityListQuery,
  FacilityPage,
  FacilityType,
  FacilityTypeChange,
  FacilityTypeInput,
} from '../../../contracts/cashless';
import type { AccessContext } from '../identity';
import { listCommunes } from '../units';
import {
  canEditFacilityTypes,
  canManageFacilitiesIn,
  canReadFacility,
  facilityAccess,
  readableCommunes,
} from './cashless.policy';
import { CASHLESS_ERRORS, facilityNotFound, fieldInvalid, scopeForbidden } from './cashless.errors';
import * as repo from './facilities.repository';

/** Today's communes by code, and which of them are wards (units.type 'phuong'). */
export interface CommuneIndex {
  byCode: ReadonlyMap<string, Unit>;
  wardCodes: readonly string[];
  isWard(code: string): boolean;
}

/** The communes of today's structure (2025 two-tier: the province's xã and phường). */
export async function communeIndex(db: Db, asOf = todayInVietnam()): Promise<CommuneIndex> {
  const communes = await listCommunes(db, asOf);
  const byCode = new Map(communes.map((u) => [u.code, u]));
  const wardCodes = communes.filter((u) => u.type === 'phuong').map((u) => u.code);
  const wards = new Set(wardCodes);
  return { byCode, wardCodes, isWard: (code) => wards.has(code) };
}

/** Row → API shape; `inWard` and the commune's name come from today's units. */
export function presentFacility(row: repo.FacilityWithType, communes: CommuneIndex): Facility {
  return {
    id: row.id,
    code: row.code,
    kind: row.kind,
    typeCode: row.typeCode,
    typeNameVi: row.typeNameVi,
    typeNameEn: row.typeNameEn,
    name: row.name,
    communeCode: row.communeCode,
    communeName: communes.byCode.get(row.communeCode)?.fullName ?? null,
    inWard: communes.isWard(row.communeCode),
    active: row.active,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export async function listFacilityTypes(db: Db): Promise<FacilityType[]> {
  return repo.listFacilityTypes(db);
}

/** Types apply to the whole province: only a province-wide `cashless.facilities.manage` grant edits them. */
function requireProvinceWide(access: AccessContext): void {
  if (!canEditFacilityTypes(access)) {
    throw new AppError(
      CASHLESS_ERRORS.SCOPE_FORBIDDEN,
      'Chỉ quản trị cấp tỉnh được sửa danh mục loại hình cơ sở',
      'Only a province-wide administrator edits the facility types',
    );
  }
}

export async function createFacilityType(
  db: Db,
  access: AccessContext,
  input: FacilityTypeInput,
): Promise<FacilityType> {
  requireProvinceWide(access);
  if (await repo.findFacilityType(db, input.code)) {
    throw fieldInvalid(
      CASHLESS_ERRORS.TYPE_ALREADY_EXISTS,
      'code',
      `Loại hình "${input.code}" đã có`,
      `Type "${input.code}" already exists`,
    );
  }
  return repo.insertFacilityType(db, { ...input, position: input.position ?? 500 });
}

export async function changeFacilityType(
  db: Db,
  access: AccessContext,
  code: string,
  change: FacilityTypeChange,
): Promise<FacilityType> {
  requireProvinceWide(access);
  const row = Object.keys(change).length
    ? await repo.updateFacilityType(db, code, change)
    : await repo.findFacilityType(db, code);
  if (!row)
    throw fieldInvalid(
      CASHLESS_ERRORS.TYPE_NOT_FOUND,
      'code',
      `Không có loại hình "${code}"`,
      `No facility type "${code}"`,
    );
  return row;
}

export async function listFacilities(db: Db, access: AccessContext, query: FacilityListQuery): Promise<FacilityPage> {
  const communes = await communeIndex(db);
  const { page, pageSize, ...filter } = query;
  const result = await repo.listFacilities(
    db,
    { ...filter, communeCodes: readableCommunes(access, communes.byCode.keys()), wardCodes: communes.wardCodes },
    page,
    pageSize,
  );
  return { items: result.items.map((r) => presentFacility(r, communes)), total: result.total, page, pageSize };
}

/** A facility the caller may read; outside their units it answers 404 like a missing one. */
export async function getFacility(db: Db, access: AccessContext, id: string): Promise<Facility> {
  const communes = await communeIndex(db);
  const row = await repo.findFacility(db, id);
  if (!row || !canReadFacility(access, row.communeCode)) throw facilityNotFound();
  return presentFacility(row, communes);
}

async function checkType(db: Db, typeCode: string, allowInactive: boolean): Promise<repo.FacilityTypeRow> {
  const type = await repo.findFacilityType(db, typeCode);
  if (!type || (!type.active && !allowInactive)) {
    throw fieldInvalid(
      CASHLESS_ERRORS.FACILITY_INVALID,
      'typeCode',
      `Không có loại hình cơ sở "${typeCode}" đang dùng`,
      `No facility type "${typeCode}" in use`,
    );
  }
  return type;
}

function checkCommune(communes: CommuneIndex, access: AccessContext, communeCode: string): void {
  if (!communes.byCode.has(communeCode)) {
    throw fieldInvalid(
      CASHLESS_ERRORS.FACILITY_INVALID,
      'communeCode',
      `Mã ${communeCode} không phải xã, phường hiện hành của tỉnh`,
      `${communeCode} is not a current commune or ward of the province`,
    );
  }
  if (!canManageFacilitiesIn(access, communeCode)) throw scopeForbidden(communeCode);
}

function codeTaken(code: string): AppError {
  return fieldInvalid(
    CASHLESS_ERRORS.FACILITY_ALREADY_EXISTS,
    'code',
    `Mã cơ sở ${code} đã được dùng`,
    `Facility code ${code} is already used`,
  );
}

async function checkCodeFree(db: Db, code: string, exceptId?: string): Promise<void> {
  const existing = await repo.findFacilityByCode(db, code);
  if (existing && existing.id !== exceptId) throw codeTaken(code);
}

/** The constraint a unique violation broke (pg and PGlite errors, possibly wrapped by Drizzle). */
export function violatedConstraint(error: unknown): string | undefined {
  for (
    let e: unknown = error, depth = 0;
    e && typeof e === 'object' && depth < 5;
    e = (e as { cause?: unknown }).cause, depth++
  ) {
    const { code, constraint } = e as { code?: unknown; constraint?: unknown };
    if (code === '23505' && typeof constraint === 'string') return constraint;
  }
  return undefined;
}

/** Runs a write; a concurrent writer taking the same code first gives 409, not 500. */
async function guardCode<T>(code: string | undefined, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (code && violatedConstraint(error) === 'facilities_code_uq') throw codeTaken(code);
    throw error;
  }
}

export async function createFacility(db: Db, access: AccessContext, input: FacilityInput): Promise<Facility> {
  const communes = await communeIndex(db);
  checkCommune(communes, access, input.communeCode);
  const type = await checkType(db, input.typeCode, false);
  await checkCodeFree(db, input.code);
  const actor = access.actor?.accountId ?? null;
  const [row] = await guardCode(input.code, () =>
    repo.insertFacilities(db, [
      { ...input, kind: type.kind, active: input.active ?? true, createdBy: actor, updatedBy: actor },
    ]),
  );
  return presentFacility({ ...row!, typeNameVi: type.nameVi, typeNameEn: type.nameEn }, communes);
}

export async function changeFacility(
  db: Db,
  access: AccessContext,
  id: string,
  change: FacilityChange,
): Promise<Facility> {
  const communes = await communeIndex(db);
  const current = await repo.findFacility(db, id);
  const may = current ? facilityAccess(access, current.communeCode) : 'none';
  if (!current || may === 'none') throw facilityNotFound();
  if (may !== 'manage') throw scopeForbidden(current.communeCode);
  if (change.communeCode !== undefined && change.communeCode !== current.communeCode)
    checkCommune(communes, access, change.communeCode);
  const type =
    change.typeCode !== undefined
      ? await checkType(db, change.typeCode, change.typeCode === current.typeCode)
      : undefined;
  if (change.code !== undefined) await checkCodeFree(db, change.code, id);
  if (Object.keys(change).length === 0) return presentFacility(current, communes);
  await guardCode(change.code, () =>
    repo.updateFacility(db, id, {
      ...change,
      ...(type ? { kind: type.kind } : {}),
      updatedAt: new Date(),
      updatedBy: access.actor?.accountId ?? null,
    }),
  );
  return presentFacility((await repo.findFacility(db, id))!, communes);
}
