import type { FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { AppError } from '../../platform/errors';
import { fieldProblemFromIssue } from '../../platform/http-errors';
import { assertSafeInput } from '../../platform/input-guard';
import { multipartParts, partBytes } from '../../platform/uploads';
import type { IncomingFile } from './attachments';
import { requestInvalid } from './dossiers.errors';

/** Parses a Zod schema, turning failures into the same bilingual 400 the type provider gives. */
export function parseOr400<T extends z.ZodTypeAny>(schema: T, value: unknown, prefix: string): z.infer<T> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const fields = result.error.issues.map((i) => {
    const p = fieldProblemFromIssue(i as Parameters<typeof fieldProblemFromIssue>[0]);
    return prefix ? { ...p, field: `${prefix}.${p.field}` } : p;
  });
  throw new AppError(
    'VALIDATION.INVALID',
    fields[0]?.messageVi ?? 'Dữ liệu không hợp lệ',
    fields[0]?.messageEn ?? 'Invalid input',
    fields,
  );
}

/**
 * Reads a JSON body, or a multipart body with one JSON field (`jsonField`) and file parts named
 * `file:<documentKey>`. Files are read into memory up to ATTACHMENT_MAX_BYTES each (a larger part
 * is cut by the parser and refused with 413 naming the field).
 */
export async function readBody(
  request: FastifyRequest,
  jsonField: string,
): Promise<{ json: unknown; files: IncomingFile[] }> {
  if (!request.isMultipart()) return { json: request.body ?? {}, files: [] };
  let json: unknown;
  const files: IncomingFile[] = [];
  for await (const part of multipartParts(request)) {
    if (part.type === 'file') {
      const data = await partBytes(part);
      files.push({
        field: part.fieldname,
        fileName: part.filename,
        data: data ?? Buffer.alloc(0),
        truncated: data === null,
      });
    } else if (part.fieldname === jsonField) {
      try {
        json = JSON.parse(String(part.value));
      } catch {
        throw requestInvalid(
          jsonField,
          `Trường "${jsonField}" phải là JSON hợp lệ`,
          `Field "${jsonField}" must be valid JSON`,
        );
      }
    } else {
      throw requestInvalid(
        part.fieldname,
        `Trường "${part.fieldname}" không được hỗ trợ`,
        `Field "${part.fieldname}" is not supported`,
      );
    }
  }
  if (json === undefined)
    throw requestInvalid(jsonField, `Thiếu trường "${jsonField}"`, `Field "${jsonField}" is missing`);
  assertSafeInput(json, jsonField); // the guard of JSON bodies, for the form sent as a field
  return { json, files };
}
