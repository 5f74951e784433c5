import { foldHeader } from '../../../../shared/text';
import type { TableRow } from '../../../platform/tabular-import';
import { AppError } from '../../../platform/errors';
import type { DatasetType } from '../types';
import { SECTOR_ERRORS } from '../sector-data.errors';

/** A column mapping: field key → the header text of the column holding it (as written in the file). */
export type ColumnMapping = Record<string, string>;

/** How a header row is read: each field's column index, and the mapping (field → header text) that says so. */
export interface ResolvedMapping {
  index: Map<string, number>;
  mapping: ColumnMapping;
}

/** Rows above the header that may hold a title ("DANH SÁCH HỘ NGHÈO NĂM 2025…"): looked at before giving up. */
export const HEADER_SEARCH_ROWS = 20;

function headerProblem(vi: string, en: string, field = 'header'): AppError {
  return new AppError(SECTOR_ERRORS.HEADER_INVALID, vi, en, [
    { field, code: SECTOR_ERRORS.HEADER_INVALID, messageVi: vi, messageEn: en },
  ]);
}

/** The field a header cell names by the type's aliases (label and key included), compared after foldHeader. */
function fieldOfHeader(type: DatasetType, cell: string): string | undefined {
  const folded = foldHeader(cell);
  if (folded === '') return undefined;
  return type.fields.find((f) => [f.key, f.labelVi, f.labelEn, ...f.aliases].some((a) => foldHeader(a) === folded))
    ?.key;
}

/** How many fields a row names by their usual headers (to recognise the header under title rows). */
export function headerScore(type: DatasetType, row: TableRow): number {
  return new Set(row.cells.map((c) => fieldOfHeader(type, c)).filter(Boolean)).size;
}

/**
 * Reads a header row against a type: with `manual` (field → header text, e.g. a saved mapping),
 * each named header must be found exactly once; otherwise the usual headers are recognised.
 * Refused, bilingually: two columns naming the same field (or the same header text twice, when
 * it is used), a required field without a column, a manual header not in the file.
 */
export function resolveMapping(type: DatasetType, header: TableRow, manual?: ColumnMapping): ResolvedMapping {
  const folded = header.cells.map((c) => foldHeader(c));
  const index = new Map<string, number>();
  if (manual) {
    for (const [key, text] of Object.entries(manual)) {
      const field = type.fields.find((f) => f.key === key);
      if (!field)
        throw headerProblem(
          `Loại dữ liệu không có trường "${key}"`,
          `The dataset type has no field "${key}"`,
          `mapping.${key}`,
        );
      const at = folded.flatMap((f, i) => (f !== '' && f === foldHeader(text) ? [i] : []));
      if (at.length === 0)
        throw headerProblem(
          `Không có cột "${text}" (cho "${field.labelVi}") trong dòng tiêu đề`,
          `There is no column "${text}" (for "${field.labelEn}") in the header row`,
          `mapping.${key}`,
        );
      if (at.length > 1) throw duplicateColumns(header, at);
      index.set(key, at[0]!);
    }
  } else {
    header.cells.forEach((cell, at) => {
      const key = fieldOfHeader(type, cell);
      if (!key) return;
      const before = index.get(key);
      if (before !== undefined) throw duplicateColumns(header, [before, at]);
      index.set(key, at);
    });
  }
  const missing = type.fields.filter((f) => f.required && !index.has(f.key));
  if (missing.length > 0)
    throw headerProblem(
      `Thiếu cột bắt buộc: ${missing.map((f) => f.labelVi).join(', ')}. Các cột trong tệp: ${shown(header)}. Hãy đặt tên cột như mẫu hoặc chọn cột bằng tay`,
      `Required columns missing: ${missing.map((f) => f.labelEn).join(', ')}. Columns in the file: ${shown(header)}. Name the columns as in the template or map them by hand`,
    );
  const mapping: ColumnMapping = {};
  for (const [key, at] of index) mapping[key] = header.cells[at]!.trim();
  return { index, mapping };
}

function shown(header: TableRow): string {
  const names = header.cells.map((c) => c.trim()).filter((c) => c !== '');
  return names.length ? names.map((c) => `"${c}"`).join(', ') : '—';
}

function duplicateColumns(header: TableRow, at: number[]): AppError {
  const cols = at.map((i) => `"${header.cells[i]!.trim()}" (${i + 1})`);
  return headerProblem(
    `Cột bị trùng: ${cols.join(' và ')} cùng chỉ một thông tin, không biết dùng cột nào. Hãy xoá cột thừa hoặc chọn cột bằng tay`,
    `Duplicate columns: ${cols.join(' and ')} name the same thing; which one to use is unclear. Remove the extra column or map the columns by hand`,
  );
}
