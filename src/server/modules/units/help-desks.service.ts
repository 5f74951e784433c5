import type { Db } from '../../platform/db';
import { invalidField } from '../../platform/errors';
import { formatDateVi } from '../../../contracts/common';
import {
  HELP_DESK_KINDS,
  normalisePhone,
  type HelpDesk,
  type HelpDeskContactInput,
  type HelpDeskHistory,
  type HelpDeskList,
  type HelpDeskRecord,
  type NewHelpDeskBody,
} from '../../../contracts/help-desks';
import type { Unit } from '../../../contracts/units';
import * as repo from './help-desks.repository';
import {
  HELP_DESK_ERRORS,
  KIND_NAMES,
  helpDeskClosed,
  helpDeskDateTooEarly,
  helpDeskNotFound,
  helpDeskOverlaps,
  helpDeskUnitForbidden,
} from './help-desks.errors';
import { deskKindFits } from './help-desks.rules';
import { dayBefore, findUnitCached, getUnit, getUnitHierarchy } from './units.service';
import * as unitsRepo from './units.repository';

/** Who records or closes a row: an account (its name kept as it was then), or nobody for the demo seed. */
export interface Recorder {
  accountId: string | null;
  name: string | null;
}

/** May the caller manage the desks of this unit (unit scope of `units.manage`)? */
export type UnitScope = (unitCode: string) => boolean;

const kindRank = (kind: string) => HELP_DESK_KINDS.indexOf(kind as (typeof HELP_DESK_KINDS)[number]);

function present(row: repo.HelpDeskRow, unit: Pick<Unit, 'fullName' | 'level'> | undefined): HelpDesk {
  return {
    id: row.id,
    unitCode: row.unitCode,
    unitName: unit?.fullName ?? row.unitCode,
    unitLevel: unit?.level ?? 'commune',
    kind: row.kind,
    name: row.name,
    address: row.address,
    phone: row.phone,
    email: row.email,
    openingHours: row.openingHours,
    validFrom: row.validFrom,
    validTo: row.validTo,
  };
}

async function presentRecord(db: Db, row: repo.HelpDeskRow, replacedById: string | null): Promise<HelpDeskRecord> {
  // The unit as it was when the row began: codes were reused across the 2025 reform.
  const unit = await findUnitCached(db, row.unitCode, row.validFrom);
  return {
    ...present(row, unit),
    source: row.source,
    recordedAt: row.recordedAt.toISOString(),
    recordedByName: row.recordedByName,
    closedAt: row.closedAt?.toISOString() ?? null,
    closedByName: row.closedByName,
    replacedById,
  };
}

/**
 * The desks holding on `asOf` for a unit and every unit above it (a commune's counter and police,
 * then the province's service centre); the province's own without a unit. UNIT.NOT_FOUND for a
 * code no unit carries that day.
 */
export async function listHelpDesksFor(
  db: Db,
  provinceCode: string,
  unitCode: string | undefined,
  asOf: string,
): Promise<HelpDeskList> {
  const code = unitCode ?? provinceCode;
  await getUnit(db, code, asOf);
  const chain = (await getUnitHierarchy(db, asOf)).ancestry(code);
  const rows = await repo.listHeldOn(db, chain, asOf);
  rows.sort(
    (a, b) =>
      chain.indexOf(a.unitCode) - chain.indexOf(b.unitCode) ||
      kindRank(a.kind) - kindRank(b.kind) ||
      a.name.localeCompare(b.name, 'vi'),
  );
  const items = await Promise.all(rows.map(async (r) => present(r, await findUnitCached(db, r.unitCode, asOf))));
  return { asOf, unitCode: code, items };
}

/** Every row of a unit's desks, closed and replaced ones too, with who recorded and closed them. */
export async function listHelpDeskHistory(db: Db, unitCode: string): Promise<HelpDeskHistory> {
  const rows = await repo.listByUnit(db, unitCode);
  const replacements = await repo.listReplacements(
    db,
    rows.map((r) => r.id),
  );
  const items = await Promise.all(rows.map((r) => presentRecord(db, r, replacements.get(r.id) ?? null)));
  return { unitCode, items };
}

/** The current unit a desk from `validFrom` belongs to: it exists that day and has not been abolished. */
async function unitForDesk(db: Db, unitCode: string, validFrom: string): Promise<Unit> {
  const unit = await unitsRepo.findUnitValidOn(db, unitCode, validFrom);
  if (!unit)
    throw invalidField(
      HELP_DESK_ERRORS.UNIT_INVALID,
      'unitCode',
      `Không có đơn vị hành chính mã ${unitCode} vào ngày ${formatDateVi(validFrom)}`,
      `No administrative unit ${unitCode} on ${validFrom}`,
    );
  if (unit.validTo)
    throw invalidField(
      HELP_DESK_ERRORS.UNIT_INVALID,
      'unitCode',
      `${unit.fullName} chỉ tồn tại đến ${formatDateVi(unit.validTo)}: không ghi nơi hỗ trợ mới cho đơn vị đã giải thể`,
      `${unit.fullName} existed until ${unit.validTo}: no new desk for a unit that no longer exists`,
    );
  return unit;
}

function checkKind(kind: string, unit: Unit): void {
  if (deskKindFits(kind, unit.level)) return;
  const [vi, en] = KIND_NAMES[kind] ?? [kind, kind];
  throw invalidField(
    HELP_DESK_ERRORS.KIND_INVALID,
    'kind',
    `${unit.fullName} không có "${vi}" (Bộ phận Một cửa thuộc cấp xã, cấp huyện trước 01/07/2025; tỉnh có Trung tâm Phục vụ hành chính công)`,
    `${unit.fullName} has no ${en} (one-stop counters belong to communes, and districts before 1 July 2025; the province has a service centre)`,
  );
}

function rowOf(input: HelpDeskContactInput, by: Recorder) {
  return {
    name: input.name.normalize('NFC'),
    address: input.address.normalize('NFC'),
    phone: input.phone ? normalisePhone(input.phone) : null,
    email: input.email ? input.email.trim() : null,
    openingHours: input.openingHours ? input.openingHours.normalize('NFC') : null,
    source: input.source.normalize('NFC'),
    validFrom: input.validFrom,
    recordedBy: by.accountId,
    recordedByName: by.name,
  };
}

/** Refuses a new open period from `validFrom` that meets another row of the unit and kind. */
async function assertFree(db: Db, unitCode: string, kind: repo.HelpDeskRow['kind'], validFrom: string) {
  const clash = (await repo.listPeriods(db, unitCode, kind)).find((r) => r.validTo === null || r.validTo >= validFrom);
  if (clash) throw helpDeskOverlaps(clash);
}

/**
 * Records a new desk of a unit from `validFrom`: HELP_DESK.FORBIDDEN outside the caller's units,
 * HELP_DESK.CONFLICT when one of its kind already holds then.
 */
export async function recordHelpDesk(
  db: Db,
  body: NewHelpDeskBody,
  by: Recorder,
  mayManage: UnitScope,
): Promise<HelpDeskRecord> {
  const unit = await unitForDesk(db, body.unitCode, body.validFrom);
  if (!mayManage(unit.code)) throw helpDeskUnitForbidden(unit.code);
  checkKind(body.kind, unit);
  return db.transaction(async (tx) => {
    await repo.lockUnitKind(tx, unit.code, body.kind);
    await assertFree(tx, unit.code, body.kind, body.validFrom);
    const row = await repo.insertHelpDesk(tx, { ...rowOf(body, by), unitCode: unit.code, kind: body.kind });
    return presentRecord(tx, row, null);
  });
}

/** The open row `id` within the caller's units, locked: 404 otherwise, 409 when closed already. */
async function openRow(db: Db, id: string, mayManage: UnitScope): Promise<repo.HelpDeskRow> {
  const row = await repo.findForUpdate(db, id);
  if (!row || !mayManage(row.unitCode)) throw helpDeskNotFound(id);
  if (row.validTo !== null) throw helpDeskClosed(row.validTo);
  return row;
}

/**
 * Closes an open desk on `lastDay` (its last day). The day before its first day withdraws a row
 * that never held (a mistake noticed at once); the row stays in the history either way.
 */
export async function closeHelpDesk(
  db: Db,
  id: string,
  lastDay: string,
  by: Recorder,
  mayManage: UnitScope,
): Promise<HelpDeskRecord> {
  return db.transaction(async (tx) => {
    const row = await openRow(tx, id, mayManage);
    const earliest = dayBefore(row.validFrom);
    if (lastDay < earliest) throw helpDeskDateTooEarly('lastDay', earliest);
    await repo.lockUnitKind(tx, row.unitCode, row.kind);
    return presentRecord(tx, await repo.closeHelpDesk(tx, id, lastDay, by), null);
  });
}

/**
 * Replaces an open desk from `validFrom`: the old row is closed the day before and kept; the new
 * row (same unit and kind) names it. Replacing from the old row's own first day withdraws it.
 */
export async function replaceHelpDesk(
  db: Db,
  id: string,
  input: HelpDeskContactInput,
  by: Recorder,
  mayManage: UnitScope,
): Promise<{ closed: HelpDeskRecord; desk: HelpDeskRecord }> {
  return db.transaction(async (tx) => {
    const old = await openRow(tx, id, mayManage);
    if (input.validFrom < old.validFrom) throw helpDeskDateTooEarly('validFrom', old.validFrom);
    const unit = await unitForDesk(tx, old.unitCode, input.validFrom);
    await repo.lockUnitKind(tx, unit.code, old.kind);
    const closed = await repo.closeHelpDesk(tx, id, dayBefore(input.validFrom), by);
    await assertFree(tx, unit.code, old.kind, input.validFrom);
    const row = await repo.insertHelpDesk(tx, {
      ...rowOf(input, by),
      unitCode: unit.code,
      kind: old.kind,
      replacesId: old.id,
    });
    return { closed: await presentRecord(tx, closed, row.id), desk: await presentRecord(tx, row, null) };
  });
}

/** How many desk rows are recorded at all (the demo adds its own only to an empty register). */
export async function countHelpDesks(db: Db): Promise<number> {
  return repo.countHelpDesks(db);
}
