import type { Db } from '../../platform/db';
import { AppError } from '../../platform/errors';
import { formatDateVi } from '../../../contracts/common';
import type {
  AddFeeListMemberBody,
  EndFeeListMemberBody,
  FeeList,
  FeeListMember,
  FeeListMembers,
  NewFeeListBody,
} from '../../../contracts/fees';
import { getUnit, listUnits } from '../units';
import {
  listAlreadyExists,
  listNotFound,
  memberConflict,
  memberInvalid,
  memberNotFound,
  FEE_ERRORS,
} from './fees.errors';
import * as repo from './fees.repository';

/**
 * Use cases of the exemption lists (administrators): read a list on a date or its whole history,
 * create a list, add a unit or household from a date with its source, end a membership on a date
 * with the decision that ends it. Nothing is deleted, so every past calculation can be explained.
 */

function presentList(
  row: repo.ListRow,
  counts: Map<string, { active: number; provisional: number }>,
  asOf: string,
): FeeList {
  const c = counts.get(row.code);
  return {
    code: row.code,
    kind: row.kind,
    nameVi: row.nameVi,
    nameEn: row.nameEn,
    descriptionVi: row.descriptionVi,
    descriptionEn: row.descriptionEn,
    activeMembers: c?.active ?? 0,
    provisionalMembers: c?.provisional ?? 0,
    asOf,
  };
}

function presentMember(row: repo.MemberRow, unitName: string | null, asOf: string): FeeListMember {
  return {
    id: row.id,
    listCode: row.listCode,
    unitCode: row.unitCode ?? null,
    unitName,
    householdId: row.householdId ?? null,
    validFrom: row.validFrom,
    validTo: row.validTo,
    source: row.source,
    provisional: row.provisional,
    endSource: row.endSource,
    createdAt: row.createdAt.toISOString(),
    endedAt: row.endedAt ? row.endedAt.toISOString() : null,
    active: row.validFrom <= asOf && (row.validTo === null || row.validTo >= asOf),
  };
}

/** Every list with its member counts on `asOf`. */
export async function listFeeLists(db: Db, asOf: string): Promise<FeeList[]> {
  const [rows, counts] = await Promise.all([repo.listLists(db), repo.countActive(db, asOf)]);
  return rows.map((r) => presentList(r, counts, asOf));
}

/** Creates a list (its code is then named by exemption criteria of procedure versions). */
export async function createFeeList(
  db: Db,
  body: NewFeeListBody,
  actorId: string | null,
  asOf: string,
): Promise<FeeList> {
  const row = { ...body, createdBy: actorId };
  if (!(await repo.insertList(db, row))) throw listAlreadyExists(body.code);
  const created = await repo.findList(db, body.code);
  return presentList(created!, new Map(), asOf);
}

/** Names of the communes of some entries, each on its first day (codes are reused across periods). */
async function unitNames(db: Db, rows: readonly repo.MemberRow[]): Promise<(row: repo.MemberRow) => string | null> {
  const dates = [...new Set(rows.filter((r) => r.unitCode).map((r) => r.validFrom))];
  const byDate = new Map(
    await Promise.all(
      dates.map(async (d) => [d, new Map((await listUnits(db, d, {})).map((u) => [u.code, u.fullName]))] as const),
    ),
  );
  return (row) => (row.unitCode ? (byDate.get(row.validFrom)?.get(row.unitCode) ?? null) : null);
}

/** A list and its members: those on `asOf` (`show: 'active'`) or the whole history (`'all'`). */
export async function getListMembers(
  db: Db,
  code: string,
  query: { asOf: string; show: 'active' | 'all' },
): Promise<FeeListMembers> {
  const list = await repo.findList(db, code);
  if (!list) throw listNotFound(code);
  const on = query.show === 'active' ? query.asOf : null;
  const rows: repo.MemberRow[] =
    list.kind === 'unit' ? await repo.listUnitMembers(db, code, on) : await repo.listHouseholdMembers(db, code, on);
  const [nameOf, counts] = await Promise.all([unitNames(db, rows), repo.countActive(db, query.asOf)]);
  return {
    list: presentList(list, counts, query.asOf),
    items: rows.map((r) => presentMember(r, nameOf(r), query.asOf)),
  };
}

/** The commune a unit list may hold on `validFrom`, or a 400 naming unitCode. */
async function communeOn(db: Db, unitCode: string, validFrom: string): Promise<string> {
  try {
    const unit = await getUnit(db, unitCode, validFrom);
    if (unit.level === 'commune') return unit.fullName;
  } catch (error) {
    if (!(error instanceof AppError && error.code === 'UNIT.NOT_FOUND')) throw error;
  }
  throw memberInvalid(
    'unitCode',
    `Mã ${unitCode} không phải một xã, phường vào ngày ${formatDateVi(validFrom)}`,
    `${unitCode} is not a commune on ${validFrom}`,
  );
}

/**
 * Adds a unit (unit lists) or a household (household lists) from `validFrom`, open-ended, with
 * its source. Refused when the member already has an entry reaching that day (end it first).
 * Edits of one list are serialised by locking the list's row.
 */
export async function addListMember(
  db: Db,
  code: string,
  body: AddFeeListMemberBody,
  actorId: string | null,
  asOf: string,
): Promise<FeeListMember> {
  return db.transaction(async (tx) => {
    const list = await repo.lockList(tx, code);
    if (!list) throw listNotFound(code);
    const base = {
      listCode: code,
      validFrom: body.validFrom,
      source: body.source,
      provisional: body.provisional,
      createdBy: actorId,
    };
    if (list.kind === 'unit') {
      if (!body.unitCode)
        throw memberInvalid('unitCode', 'Chọn xã, phường cần thêm vào danh sách', 'Choose the commune to add');
      if (body.householdId)
        throw memberInvalid(
          'householdId',
          'Danh sách này gồm xã, phường, không gồm hộ gia đình',
          'This list holds communes, not households',
        );
      const name = await communeOn(tx, body.unitCode, body.validFrom);
      const overlap = await repo.findUnitOverlap(tx, code, body.unitCode, body.validFrom);
      if (overlap) throw memberConflict('unitCode', overlap.validFrom, overlap.validTo);
      return presentMember(await repo.insertUnitMember(tx, { ...base, unitCode: body.unitCode }), name, asOf);
    }
    if (!body.householdId)
      throw memberInvalid('householdId', 'Nhập mã hộ gia đình cần thêm vào danh sách', 'Enter the household id to add');
    if (body.unitCode)
      throw memberInvalid(
        'unitCode',
        'Danh sách này gồm hộ gia đình, không gồm xã, phường',
        'This list holds households, not communes',
      );
    const overlap = await repo.findHouseholdOverlap(tx, code, body.householdId, body.validFrom);
    if (overlap) throw memberConflict('householdId', overlap.validFrom, overlap.validTo);
    return presentMember(await repo.insertHouseholdMember(tx, { ...base, householdId: body.householdId }), null, asOf);
  });
}

/** Ends an open membership: `validTo` is its last day (inclusive), `source` the decision that ends it. */
export async function endListMember(
  db: Db,
  code: string,
  id: string,
  body: EndFeeListMemberBody,
  actorId: string | null,
  asOf: string,
): Promise<FeeListMember> {
  return db.transaction(async (tx) => {
    const list = await repo.lockList(tx, code);
    if (!list) throw listNotFound(code);
    const member = await repo.findMember(tx, list.kind, code, id);
    if (!member) throw memberNotFound();
    if (member.validTo !== null) {
      const vi = `Dòng này đã kết thúc ngày ${formatDateVi(member.validTo)}`;
      throw new AppError(FEE_ERRORS.MEMBER_CONFLICT, vi, `This entry already ended on ${member.validTo}`, [
        {
          field: 'validTo',
          code: FEE_ERRORS.MEMBER_CONFLICT,
          messageVi: vi,
          messageEn: `Already ended on ${member.validTo}`,
        },
      ]);
    }
    if (body.validTo < member.validFrom) {
      throw memberInvalid(
        'validTo',
        `Ngày kết thúc không được trước ngày bắt đầu ${formatDateVi(member.validFrom)}`,
        `The end may not be before the start ${member.validFrom}`,
      );
    }
    const ended = await repo.endMember(tx, list.kind, id, {
      validTo: body.validTo,
      source: body.source,
      endedBy: actorId,
    });
    const nameOf = await unitNames(tx, [ended!]);
    return presentMember(ended!, nameOf(ended!), asOf);
  });
}
