import { PgTransaction } from 'drizzle-orm/pg-core';
import type { Db } from '../../platform/db';
import { todayInVietnam } from '../../../contracts/common';
import { getUnit } from '../units';
import { entryInvalid, purposeInvalid, subjectInvalid } from './audit.errors';
import { isSubject } from './audit.pseudonym';
import * as repo from './audit.repository';
import { stageReadEntries } from './audit.batcher';

/**
 * What was accessed, shown to the citizen: a dossier (by its code), or the person's registry record
 * (by its id, and the dossier it was opened for, if any). Stored in the entry's `details.target`.
 */
export type AccessTarget =
  { kind: 'dossier'; code: string } | { kind: 'person_record'; id: string; dossierCode?: string };

/** One access to one person's data, as the calling module records it. */
export interface AccessEntryInput {
  /** The signed-in account; null for system jobs. Never shown to the citizen. */
  actorAccountId: string | null;
  /** Role code the access was made under (e.g. `commune_police`). */
  actorRole: string;
  /** Unit code of the role assignment (e.g. the commune), or null for province-wide roles. */
  actorUnit: string | null;
  /** What was done: `person.read`, `person.search`, `person.update`, `citizen.self.read`… */
  action: string;
  /** From `subjectFor`: a keyed pseudonym or `rec:<uuid>`, never the ID number. */
  subject: string;
  /** A code from audit.purposes (check it first with `assertPurpose`); null for the citizen's own access. */
  purpose: string | null;
  requestId: string;
  /** Identifiers only (record ids, counts, the search kind) — never names, numbers or addresses. */
  details?: Record<string, unknown>;
  /** What was accessed (the citizen sees it; repeated reads of the same target are one line in their view). */
  target?: AccessTarget;
}

const ROLE = /^[a-z][a-z0-9_]{0,63}$/;
const ACTION = /^[a-z][a-z0-9_]*(\.[a-z0-9_]+){1,4}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** A run of exactly 12 digits anywhere: what a personal ID number looks like (checked after removing uuids). */
const TWELVE_DIGITS = /(^|\D)\d{12}(\D|$)/;
const UUIDS = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;
const MAX_DETAILS_CHARS = 4_000;

/** Refuses entries that could leak personal data or break the log's meaning (a caller's bug, not user input). */
function checkEntry(e: AccessEntryInput): void {
  if (!ROLE.test(e.actorRole)) throw entryInvalid('actorRole');
  if (!ACTION.test(e.action)) throw entryInvalid('action');
  if (!isSubject(e.subject)) throw entryInvalid('subject must come from subjectFor()');
  if (e.actorAccountId !== null && !UUID.test(e.actorAccountId)) throw entryInvalid('actorAccountId');
  if (!e.requestId || e.requestId.length > 200) throw entryInvalid('requestId');
  if (e.details !== undefined) {
    const text = JSON.stringify(e.details);
    if (text.length > MAX_DETAILS_CHARS) throw entryInvalid('details too large');
    if (TWELVE_DIGITS.test(text.replace(UUIDS, ''))) throw entryInvalid('details look like they contain an ID number');
  }
}

export interface RecordOptions {
  /**
   * The entries record a read that changed nothing and is not inside a business transaction (a
   * search, opening a record): their commit need not wait for the disk (ADR 0004) — the response
   * does not wait for a WAL flush, and only a database crash within ~0.6 s could lose them — and
   * reads of the same few milliseconds are staged with one statement (group commit); the call
   * still resolves only once its own entries are stored.
   */
  standaloneRead?: boolean;
}

/**
 * Appends entries to the access log inside the caller's transaction (house style: audit is
 * explicit and commits or rolls back with the business change). The entries are staged without
 * any lock shared with other requests; the sealer job (`startAccessLogSealer`) chains them
 * within about a second, and the citizen's view shows them at once (ADR 0004).
 */
export async function recordAccess(db: Db, entries: AccessEntryInput[], options: RecordOptions = {}): Promise<void> {
  if (entries.length === 0) return;
  entries.forEach(checkEntry);
  // Only a standalone read may skip the wait for the WAL flush: inside a transaction the setting would
  // make the business change's own commit asynchronous too.
  const insert = options.standaloneRead && !(db instanceof PgTransaction) ? stageReadEntries : repo.insertPendingRows;
  await insert(
    db,
    entries.map((e) => ({
      actorAccountId: e.actorAccountId,
      actorRole: e.actorRole,
      actorUnit: e.actorUnit,
      action: e.action,
      subject: e.subject,
      purpose: e.purpose,
      requestId: e.requestId,
      details: e.target ? { ...e.details, target: e.target } : (e.details ?? null),
    })),
  );
}

/** A purpose an officer can state, with its Vietnamese and English names. */
export interface Purpose {
  code: string;
  nameVi: string;
  nameEn: string;
  active: boolean;
}

/** Every purpose (active and retired), by code. */
export async function listPurposes(db: Db): Promise<Purpose[]> {
  return repo.listPurposeRows(db);
}

/** Throws AUDIT.PURPOSE_INVALID (400) unless `code` is an active purpose. */
export async function assertPurpose(db: Db, code: string | null | undefined): Promise<Purpose> {
  const purpose = code ? await repo.findPurpose(db, code) : undefined;
  if (!purpose?.active) throw purposeInvalid(code ?? null);
  return purpose;
}

/** Names of the actions a citizen may find in their log (others are shown by code). */
export const ACTION_NAMES: Readonly<Record<string, { vi: string; en: string }>> = {
  'person.read': { vi: 'Xem thông tin công dân', en: 'Viewed your record' },
  'person.search': { vi: 'Tìm kiếm trong cơ sở dữ liệu dân cư', en: 'Found you in a registry search' },
  'person.update': { vi: 'Cập nhật thông tin công dân', en: 'Updated your record' },
  'person.list': {
    vi: 'Có tên trong danh sách theo dõi một chỉ tiêu Đề án 06 (ví dụ: người chưa kích hoạt định danh điện tử)',
    en: 'Listed you in a Project 06 follow-up list (e.g. people whose e-ID is not activated yet)',
  },
  'person.export': {
    vi: 'Xuất danh sách theo dõi một chỉ tiêu Đề án 06 có tên bạn ra tệp',
    en: 'Exported a Project 06 follow-up list naming you to a file',
  },
  'citizen.self.read': { vi: 'Bạn tự xem thông tin của mình', en: 'You viewed your own data' },
  'dossier.read': { vi: 'Xem hồ sơ thủ tục hành chính của bạn', en: 'Viewed your administrative dossier' },
  'dossier.search': { vi: 'Tìm các hồ sơ thủ tục hành chính của bạn', en: 'Looked up your administrative dossiers' },
  'stay.read': {
    vi: 'Xem thông báo lưu trú có tên bạn (chủ nhà hoặc người lưu trú)',
    en: 'Viewed a stay notification naming you (host or guest)',
  },
};

/** Roles that are not accounts' roles: a read made on the server's command line (`dvc06 person show --purpose …`). */
export const CLI_OPERATOR_ROLE = 'cli_operator';
const OPERATOR_ROLES: Readonly<Record<string, { vi: string; en: string }>> = {
  [CLI_OPERATOR_ROLE]: {
    vi: 'Quản trị viên hệ thống (dòng lệnh trên máy chủ)',
    en: 'System administrator (server command line)',
  },
};

/** One line of the citizen's "who looked at my data" page: a role and unit, never a person. */
export interface SubjectAccessItem {
  /** The latest access of the line; `firstAt` the first, `count` how many (repeated reads within 10 minutes are one line). */
  at: string;
  firstAt: string;
  count: number;
  /** What was accessed: a dossier's code, or the registry record (with the dossier it was opened for); null when not recorded. */
  target: { kind: string; code: string | null } | null;
  action: string;
  actionNameVi: string;
  actionNameEn: string;
  purposeCode: string | null;
  purposeNameVi: string | null;
  purposeNameEn: string | null;
  actorRole: string;
  actorRoleNameVi: string | null;
  actorRoleNameEn: string | null;
  actorUnitCode: string | null;
  actorUnitName: string | null;
}

export interface SubjectAccessPage {
  items: SubjectAccessItem[];
  total: number;
  page: number;
  pageSize: number;
}

export interface SubjectAccessQuery {
  page: number;
  pageSize: number;
  /** Role names (identity owns them); the code is shown when absent. */
  roleName?: (code: string) => { vi: string; en: string } | undefined;
}

/**
 * The citizen's view of who accessed their data (PDP Law 91/2025 right of access): time,
 * action, purpose, and the actor's ROLE and UNIT — never the officer's name or account id.
 * Newest first. `subject` may list several subjects of one person (see `subjectsFor`).
 */
export async function listAccessForSubject(
  db: Db,
  subject: string | string[],
  query: SubjectAccessQuery,
): Promise<SubjectAccessPage> {
  const subjects = [subject].flat();
  if (subjects.length === 0 || !subjects.every(isSubject)) {
    throw subjectInvalid('Chủ thể dữ liệu không hợp lệ', 'Invalid data subject');
  }
  const page = Math.max(1, Math.trunc(query.page));
  const pageSize = Math.min(100, Math.max(1, Math.trunc(query.pageSize)));
  const [rows, total] = await Promise.all([
    repo.listAccessBySubjects(db, subjects, pageSize, (page - 1) * pageSize),
    repo.countAccessBySubjects(db, subjects),
  ]);
  const unitName = unitNamer(db);
  const items = await Promise.all(
    rows.map(async (r) => presentAccess(r, await unitName(r.actorUnit, todayInVietnam(r.at)), query.roleName)),
  );
  return { items, total, page, pageSize };
}

function presentAccess(
  r: repo.SubjectAccessRow,
  unitName: string | null,
  roleName: SubjectAccessQuery['roleName'],
): SubjectAccessItem {
  const action = ACTION_NAMES[r.action];
  const role = roleName?.(r.actorRole) ?? OPERATOR_ROLES[r.actorRole];
  return {
    at: r.at.toISOString(),
    firstAt: r.firstAt.toISOString(),
    count: r.count,
    target: r.targetKind ? { kind: r.targetKind, code: r.targetCode } : null,
    action: r.action,
    actionNameVi: action?.vi ?? r.action,
    actionNameEn: action?.en ?? r.action,
    purposeCode: r.purpose,
    purposeNameVi: r.purposeNameVi,
    purposeNameEn: r.purposeNameEn,
    actorRole: r.actorRole,
    actorRoleNameVi: role?.vi ?? null,
    actorRoleNameEn: role?.en ?? null,
    actorUnitCode: r.actorUnit,
    actorUnitName: unitName,
  };
}

/** Unit name as of the access day (codes were reused after the 2025 reform), memoised per call. */
function unitNamer(db: Db): (code: string | null, asOf: string) => Promise<string | null> {
  const memo = new Map<string, Promise<string | null>>();
  return (code, asOf) => {
    if (!code) return Promise.resolve(null);
    const key = `${code}@${asOf}`;
    let name = memo.get(key);
    if (!name) {
      name = getUnit(db, code, asOf).then(
        (u) => u.fullName,
        () => null,
      );
      memo.set(key, name);
    }
    return name;
  };
}
