import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

/** Serves something else for an unknown route (the web app's index.html); true when it answered. */
export type NotFoundFallback = (request: FastifyRequest, reply: FastifyReply) => Promise<boolean>;
import { z } from 'zod';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { splitBilingual, type ApiErrorBody, type FieldProblem } from '../../contracts/messages';
import { AppError, statusForCode } from './errors';
import { createOutageReporter, databaseUnavailable, DB_RETRY_AFTER_SECONDS } from './db-errors';

const vi = z.locales.vi().localeError;
const en = z.locales.en().localeError;

type Issue = Parameters<typeof vi>[0] & { path?: PropertyKey[]; message?: string; code?: string };

/** Turns one Zod issue into a bilingual field problem. */
export function fieldProblemFromIssue(issue: Issue): FieldProblem {
  // An unknown property is named by its own path (its message names every unknown key).
  const unknownKeys = issue.code === 'unrecognized_keys' ? ((issue as { keys?: string[] }).keys ?? []) : [];
  const field = [...(issue.path ?? []).map(String), ...unknownKeys.slice(0, 1)].join('.') || '(body)';
  const custom = issue.message && issue.message.includes('\u241E') ? splitBilingual(issue.message) : undefined;
  const localized = (fn: typeof vi) => {
    const r = fn(issue);
    return typeof r === 'string' ? r : (r?.message ?? issue.message ?? 'invalid');
  };
  return {
    field,
    code: issue.code ?? 'invalid',
    messageVi: custom?.vi ?? `Trường "${field}": ${localized(vi)}`,
    messageEn: custom?.en ?? `Field "${field}": ${localized(en)}`,
  };
}

function body(
  code: string,
  messageVi: string,
  messageEn: string,
  requestId: string,
  fields?: FieldProblem[],
): ApiErrorBody {
  return { error: { code, messageVi, messageEn, requestId, ...(fields ? { fields } : {}) } };
}

/**
 * One error handler: AppError → mapped status; validation → 400 with field problems;
 * Fastify client errors (bad JSON, too large) → their 4xx; the database down or stalled →
 * 503 with Retry-After (logged at most once a minute); anything else → generic 500,
 * logged with the request id and never shown to the client.
 */
export function registerErrorHandler(
  app: FastifyInstance,
  options: { notFoundFallback?: NotFoundFallback } = {},
): void {
  const reportOutage = createOutageReporter((fields, message) => app.log.warn(fields, message));
  app.setErrorHandler((error: FastifyError | AppError, request, reply) => {
    if (error instanceof AppError) {
      const status = statusForCode(error.code);
      return reply.status(status).send(body(error.code, error.messageVi, error.messageEn, request.id, error.fields));
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      // The type provider flattens each Zod issue: path → instancePath, code → keyword.
      const fields = error.validation.map((v) =>
        fieldProblemFromIssue({
          ...(v.params as object),
          code: v.keyword,
          message: v.message,
          path: v.instancePath.split('/').filter(Boolean),
        } as Issue),
      );
      const first = fields[0];
      return reply
        .status(400)
        .send(
          body(
            'VALIDATION.INVALID',
            first ? first.messageVi : 'Dữ liệu không hợp lệ',
            first ? first.messageEn : 'Invalid input',
            request.id,
            fields,
          ),
        );
    }
    if (isResponseSerializationError(error)) {
      request.log.error({ err: { message: error.message } }, 'response serialization failed');
      return reply
        .status(500)
        .send(
          body('INTERNAL', 'Lỗi hệ thống, vui lòng thử lại sau', 'Internal error, please try again later', request.id),
        );
    }
    if (reportOutage(error, `${request.method} ${request.routeOptions.url ?? '(no route)'}`)) {
      // The database is down or stalled (ADR 0014): the client may retry the same request later.
      const unavailable = databaseUnavailable();
      return reply
        .status(503)
        .header('retry-after', String(DB_RETRY_AFTER_SECONDS))
        .send(body(unavailable.code, unavailable.messageVi, unavailable.messageEn, request.id));
    }
    const status = error.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      return reply.status(status).send(clientErrorBody(error, request.id));
    }
    request.log.error({ err: error }, 'unhandled error');
    return reply
      .status(500)
      .send(
        body('INTERNAL', 'Lỗi hệ thống, vui lòng thử lại sau', 'Internal error, please try again later', request.id),
      );
  });
  app.setNotFoundHandler(async (request, reply) => {
    if (options.notFoundFallback && (await options.notFoundFallback(request, reply))) return reply;
    return reply.status(404).send(body('ROUTE.NOT_FOUND', 'Không tìm thấy địa chỉ này', 'No such address', request.id));
  });
}

/** Fastify's own 4xx errors (malformed JSON, body too large, wrong content type) in both languages. */
function clientErrorBody(error: FastifyError, requestId: string): ApiErrorBody {
  const known: Record<string, [string, string, string]> = {
    FST_ERR_CTP_BODY_TOO_LARGE: ['REQUEST.TOO_LARGE', 'Dữ liệu gửi lên quá lớn', 'Request body too large'],
    FST_ERR_CTP_INVALID_JSON_BODY: [
      'REQUEST.MALFORMED',
      'Dữ liệu gửi lên không đúng định dạng JSON',
      'Request body is not valid JSON',
    ],
    FST_ERR_CTP_EMPTY_JSON_BODY: ['REQUEST.MALFORMED', 'Thiếu dữ liệu gửi lên', 'Request body is empty'],
    FST_ERR_CTP_INVALID_MEDIA_TYPE: [
      'REQUEST.UNSUPPORTED_MEDIA_TYPE',
      'Kiểu dữ liệu gửi lên không được hỗ trợ',
      'Unsupported content type',
    ],
    // @fastify/multipart's own errors (the parser's uncoded ones become a 400 in platform/uploads.ts).
    FST_INVALID_MULTIPART_CONTENT_TYPE: [
      'REQUEST.UNSUPPORTED_MEDIA_TYPE',
      'Hãy gửi dữ liệu dạng multipart/form-data',
      'Send the data as multipart/form-data',
    ],
    FST_PARTS_LIMIT: [
      'REQUEST.TOO_LARGE',
      'Gửi quá nhiều tệp hoặc trường trong một lần',
      'Too many files or fields in one request',
    ],
    FST_FILES_LIMIT: ['REQUEST.TOO_LARGE', 'Gửi quá nhiều tệp trong một lần', 'Too many files in one request'],
    FST_FIELDS_LIMIT: ['REQUEST.TOO_LARGE', 'Gửi quá nhiều trường trong một lần', 'Too many fields in one request'],
    FST_PROTO_VIOLATION: ['REQUEST.MULTIPART_INVALID', 'Tên trường không được phép', 'Field name not allowed'],
    FST_MP_PREMATURE_CLOSE: [
      'REQUEST.MULTIPART_INVALID',
      'Dữ liệu multipart/form-data bị cắt giữa chừng',
      'The multipart/form-data body was cut short',
    ],
  };
  const [code, mVi, mEn] = known[error.code] ?? ['REQUEST.INVALID', 'Yêu cầu không hợp lệ', 'Invalid request'];
  return body(code, mVi, mEn, requestId, [{ field: '(body)', code, messageVi: mVi, messageEn: mEn }]);
}
