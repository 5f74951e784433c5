import { createHash } from 'node:crypto';
import type { Db } from '../../platform/db';
import { readTable } from '../../platform/tabular-import';
import { todayInVietnam } from '../../../contracts/common';
import {
  IMPORT_MAX_BYTES,
  IMPORT_MAX_PROBLEMS,
  IMPORT_MAX_ROWS,
  monthOf,
  type ImportReplacement,
  type ImportResult,
  type MonthlyFigures,
} from '../../../contracts/cashless';
import type { FieldProblem } from '../../../contracts/messages';
import type { AccessContext } from '../identity';
import { CASHLESS_ERRORS, fileInvalid, importInvalid } from './cashless.errors';
import { canImportFiguresFor } from './cashless.policy';
import * as facilitiesRepo from './facilities.repository';
import { checkRows, problemAt, shown, type ImportRow } from './import-rows';
import { figuresOf } from './imports.history';
import * as repo from './imports.repository';

/** Most replacements listed in an import's answer (the counts are always complete). */
export const MAX_REPLACEMENTS_LISTED = 1000;

/** A row ready to be written: the facility found, its month and figures. */
export interface FiguresToRecord {
  line: number;
  facilityId: string;
  facilityCode: string;
  month: string;
  figures: MonthlyFigures;
}

/** Who records figures and from where. */
export interface ImportMeta {
  fileName: string;
  format: 'csv' | 'xlsx' | 'demo';
  sha256: string;
  accountId: string | null;
  accountName: string | null;
  skipped: number;
}

type Outcome = {
  created: FiguresToRecord[];
  replaced: Array<FiguresToRecord & { previous: repo.CurrentFigures }>;
  unchanged: FiguresToRecord[];
};

const sameFigures = (a: MonthlyFigures, b: MonthlyFigures) =>
  a.cashlessCount === b.cashlessCount &&
  a.cashCount === b.cashCount &&
  a.cashlessAmount === b.cashlessAmount &&
  a.cashAmount === b.cashAmount;

/** Sorts rows into new months, replaced figures and unchanged ones, against the figures in force. */
async function classify(db: Db, rows: readonly FiguresToRecord[]): Promise<Outcome> {
  const current = await repo.currentFiguresFor(
    db,
    [...new Set(rows.map((r) => r.facilityId))],
    [...new Set(rows.map((r) => r.month))],
  );
  const byKey = new Map(current.map((c) => [`${c.facilityId}|${c.month}`, c]));
  const outcome: Outcome = { created: [], replaced: [], unchanged: [] };
  for (const row of rows) {
    const previous = byKey.get(`${row.facilityId}|${row.month}`);
    if (!previous) outcome.created.push(row);
    else if (sameFigures(previous, row.figures)) outcome.unchanged.push(row);
    else outcome.replaced.push({ ...row, previous });
  }
  return outcome;
}

/**
 * Writes figures in one transaction: an import row, revision 1 of each new month, the next
 * revision of each replaced month (the earlier one stays as history) and the moved pointers.
 * Unchanged rows write nothing. Imports are serialised by a table lock.
 */
export async function recordFigures(
  db: Db,
  meta: ImportMeta,
  rows: readonly FiguresToRecord[],
): Promise<{ importId: string; outcome: Outcome }> {
  return db.transaction(async (tx) => {
    await repo.lockForImport(tx);
    const outcome = await classify(tx, rows);
    const imported = await repo.insertImport(tx, {
      importedBy: meta.accountId,
      importedByName: meta.accountName,
      fileName: meta.fileName,
      format: meta.format,
      sha256: meta.sha256,
      rowCount: rows.length + meta.skipped,
      created: outcome.created.length,
      replaced: outcome.replaced.length,
      unchanged: outcome.unchanged.length,
      skipped: meta.skipped,
    });
    const recorded = { importId: imported.id, recordedBy: meta.accountId, recordedAt: imported.importedAt };
    await repo.insertReports(tx, outcome.created);
    await repo.insertFigures(tx, [
      ...outcome.created.map((r) => ({
        facilityId: r.facilityId,
        month: repo.monthDate(r.month),
        revision: 1,
        ...figuresOf(r.figures),
        ...recorded,
      })),
      ...outcome.replaced.map((r) => ({
        facilityId: r.facilityId,
        month: repo.monthDate(r.month),
        revision: r.previous.revision + 1,
        ...figuresOf(r.figures),
        ...recorded,
      })),
    ]);
    await repo.advanceReports(tx, outcome.replaced);
    return { importId: imported.id, outcome };
  });
}

/** Resolves facility codes; unknown codes and facilities outside the importer's units are problems. */
async function resolveFacilities(
  db: Db,
  access: AccessContext,
  rows: readonly ImportRow[],
): Promise<{ resolved: FiguresToRecord[]; problems: FieldProblem[] }> {
  const found = await facilitiesRepo.listFacilitiesByCodes(db, [...new Set(rows.map((r) => r.facilityCode))]);
  const byCode = new Map(found.map((f) => [f.code, f]));
  const resolved: FiguresToRecord[] = [];
  const problems: FieldProblem[] = [];
  for (const row of rows) {
    const facility = byCode.get(row.facilityCode);
    if (!facility) {
      problems.push(
        problemAt(
          row.line,
          'facility_code',
          `không có cơ sở mã "${shown(row.facilityCode)}" trong danh mục`,
          `no facility with code "${shown(row.facilityCode)}" in the register`,
        ),
      );
    } else if (!canImportFiguresFor(access, facility.communeCode)) {
      problems.push(
        problemAt(
          row.line,
          'facility_code',
          `cơ sở ${row.facilityCode} ở đơn vị ${facility.communeCode}, ngoài phạm vi bạn được giao`,
          `facility ${row.facilityCode} is in unit ${facility.communeCode}, outside your assignment`,
        ),
      );
    } else {
      resolved.push({
        line: row.line,
        facilityId: facility.id,
        facilityCode: row.facilityCode,
        month: row.month,
        figures: row.figures,
      });
    }
  }
  return { resolved, problems };
}

/** A file name fit to keep: the last path segment, no control characters, at most 200 characters. */
export function cleanFileName(name: string | undefined): string {
  const base = (name ?? '').split(/[\\/]/).pop() ?? '';
  const clean = base
    .replace(/\p{Cc}/gu, '')
    .trim()
    .normalize('NFC')
    .slice(0, 200);
  return clean || 'tep-tai-len';
}

/**
 * Imports a CSV or XLSX file of monthly figures — all or nothing. Every row is checked first
 * (format, month, numbers, duplicates in the file, unknown facilities, the importer's units);
 * any problem refuses the whole file with CASHLESS.IMPORT_INVALID listing the lines. A dry run
 * checks and classifies without writing.
 */
export async function importFile(
  db: Db,
  access: AccessContext,
  bytes: Uint8Array,
  options: { fileName?: string; dryRun: boolean; now?: Date },
): Promise<ImportResult> {
  const sheet = await readTable(bytes, {
    errorCode: CASHLESS_ERRORS.FILE_INVALID,
    maxBytes: IMPORT_MAX_BYTES,
    maxDataRows: IMPORT_MAX_ROWS,
  });
  const checked = checkRows(sheet.rows, monthOf(todayInVietnam(options.now)));
  const { resolved, problems } = await resolveFacilities(db, access, checked.rows);
  const all = [...checked.problems, ...problems].sort((a, b) => lineOf(a) - lineOf(b));
  if (all.length > 0) throw importInvalid(all.slice(0, IMPORT_MAX_PROBLEMS), all.length);
  if (resolved.length === 0)
    throw fileInvalid(
      'Tệp không có dòng nào có số liệu (các dòng của tệp mẫu còn để trống)',
      'The file has no line with figures (the template lines are still blank)',
    );
  const fileName = cleanFileName(options.fileName);
  let importId: string | null = null;
  let outcome: Outcome;
  if (options.dryRun) outcome = await classify(db, resolved);
  else {
    const meta: ImportMeta = {
      fileName,
      format: sheet.format,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      accountId: access.actor?.accountId ?? null,
      accountName: access.actor?.displayName ?? null,
      skipped: checked.skippedLines.length,
    };
    ({ importId, outcome } = await recordFigures(db, meta, resolved));
  }
  const replacements: ImportReplacement[] = outcome.replaced.slice(0, MAX_REPLACEMENTS_LISTED).map((r) => ({
    line: r.line,
    facilityCode: r.facilityCode,
    month: r.month,
    previous: figuresOf(r.previous),
    next: figuresOf(r.figures),
  }));
  return {
    id: importId,
    dryRun: options.dryRun,
    fileName,
    format: sheet.format,
    rows: resolved.length + checked.skippedLines.length,
    created: outcome.created.length,
    replaced: outcome.replaced.length,
    unchanged: outcome.unchanged.length,
    skipped: checked.skippedLines.length,
    skippedLines: checked.skippedLines,
    months: [...new Set(resolved.map((r) => r.month))].sort(),
    facilities: new Set(resolved.map((r) => r.facilityId)).size,
    replacements,
  };
}

function lineOf(problem: FieldProblem): number {
  return Number(/^line\.(\d+)/.exec(problem.field)?.[1] ?? 0);
}
