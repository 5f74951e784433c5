import { fileTypeFromBuffer } from 'file-type';
import type { FastifyRequest } from 'fastify';
import { AppError } from '../../platform/errors';
import type { FileStore } from '../../platform/files';
import { multipartParts, partBytes } from '../../platform/uploads';
import { PILOT_FILE_MAX_BYTES, PILOT_FILE_MEDIA_TYPES, PILOT_REPORT_MAX_FILES } from '../../../contracts/pilots';
import { PILOTS_ERRORS, fieldInvalid } from './pilots.errors';

/** A file of an upload, read whole. */
export interface IncomingFile {
  fileName: string;
  data: Buffer;
}

export interface CheckedFile extends IncomingFile {
  mediaType: (typeof PILOT_FILE_MEDIA_TYPES)[number];
}

export function fileTooLarge(field: string): AppError {
  const mb = PILOT_FILE_MAX_BYTES / 1024 / 1024;
  return new AppError(PILOTS_ERRORS.FILE_TOO_LARGE, `Tệp lớn hơn ${mb} MB`, `The file is larger than ${mb} MB`, [
    { field, code: PILOTS_ERRORS.FILE_TOO_LARGE, messageVi: `Tối đa ${mb} MB`, messageEn: `At most ${mb} MB` },
  ]);
}

const fileInvalid = (field: string, vi: string, en: string) => fieldInvalid(PILOTS_ERRORS.FILE_INVALID, field, vi, en);

/**
 * Checks a plan or an attachment as dossiers check theirs: not empty, within the size limit, and
 * of a type read from its bytes (magic numbers, and for DOCX/XLSX the parts inside the ZIP) —
 * never from the name or the browser's claim: PDF, DOCX or XLSX.
 */
export async function checkFile(f: IncomingFile, field: string): Promise<CheckedFile> {
  if (f.data.length > PILOT_FILE_MAX_BYTES) throw fileTooLarge(field);
  if (f.data.length === 0) throw fileInvalid(field, `Tệp "${f.fileName}" rỗng`, `File "${f.fileName}" is empty`);
  const type = await fileTypeFromBuffer(f.data);
  const mediaType = PILOT_FILE_MEDIA_TYPES.find((t) => t === type?.mime);
  if (!mediaType)
    throw fileInvalid(
      field,
      `Tệp "${f.fileName}" phải là PDF, Word (.docx) hoặc Excel (.xlsx)`,
      `File "${f.fileName}" must be a PDF, Word (.docx) or Excel (.xlsx) file`,
    );
  return { ...f, fileName: f.fileName.slice(0, 200) || 'tep-dinh-kem', mediaType };
}

/** The parts of a multipart upload: at most one JSON field `jsonField` (if named) and files in `file`. */
export async function readUpload(
  request: FastifyRequest,
  options: { jsonField?: string; maxFiles: number },
): Promise<{ json: unknown; files: IncomingFile[] }> {
  if (!request.isMultipart())
    throw fileInvalid(
      'file',
      'Gửi dạng multipart/form-data, tệp ở trường "file"',
      'Send multipart/form-data, files in the field "file"',
    );
  let json: unknown;
  const files: IncomingFile[] = [];
  for await (const part of multipartParts(request)) {
    if (part.type === 'field' && options.jsonField && part.fieldname === options.jsonField && json === undefined) {
      try {
        json = JSON.parse(String(part.value));
      } catch {
        throw fieldInvalid(
          PILOTS_ERRORS.REPORT_INVALID,
          options.jsonField,
          `Trường "${options.jsonField}" không phải JSON hợp lệ`,
          `The field "${options.jsonField}" is not valid JSON`,
        );
      }
      continue;
    }
    if (part.type !== 'file' || part.fieldname !== 'file') {
      if (part.type === 'file') part.file.resume();
      throw fileInvalid(
        part.fieldname,
        `Trường "${part.fieldname}" không được hỗ trợ`,
        `Field "${part.fieldname}" is not supported`,
      );
    }
    if (files.length >= options.maxFiles) {
      part.file.resume();
      throw fileInvalid('file', `Tối đa ${options.maxFiles} tệp`, `At most ${options.maxFiles} files`);
    }
    const data = await partBytes(part);
    if (data === null) throw fileTooLarge('file');
    files.push({ fileName: part.filename, data });
  }
  return { json, files };
}

/** Multipart limits of the plan and report routes. */
export const UPLOAD_LIMITS = {
  fileSize: PILOT_FILE_MAX_BYTES,
  files: PILOT_REPORT_MAX_FILES,
  fields: 1,
  parts: PILOT_REPORT_MAX_FILES + 1,
  fieldSize: 64 * 1024,
};

/**
 * Puts checked files in the platform's store (content-addressed, shared with dossiers and receipts).
 * A write that then fails leaves an unreferenced file, never removes one: another module's row
 * may refer to the same bytes (ADR 0025).
 */
export async function storeFiles(
  store: FileStore,
  checked: readonly CheckedFile[],
): Promise<Array<CheckedFile & { sha256: string; size: number }>> {
  const out = [];
  for (const f of checked) {
    const put = await store.put(f.data);
    out.push({ ...f, sha256: put.sha256, size: put.size });
  }
  return out;
}
