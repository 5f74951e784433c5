import { readFileSync } from 'node:fs';
import type { FastifySchema, RouteOptions } from 'fastify';
import type { FastifyDynamicSwaggerOptions } from '@fastify/swagger';
import type { FastifySwaggerUiOptions } from '@fastify/swagger-ui';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';

/** A security requirement of an operation: scheme name → scopes (always none here). `{}` = anonymous allowed. */
export type SecurityRequirement = Record<string, string[]>;

/** One security scheme of the document (OpenAPI 3.1 Security Scheme Object, the API-key kind used here). */
export interface ApiKeySecurityScheme {
  type: 'apiKey';
  in: 'cookie' | 'header';
  name: string;
  description: string;
}

/** What the access layer (identity) says about one route: who may call it, and the refusals it may answer. */
export interface RouteAccessDoc {
  security: SecurityRequirement[];
  /** Of 401, 403, 429: the statuses the access checks may answer on this route. */
  errors: number[];
}

export interface OpenApiDocOptions {
  /** PUBLIC_URL: the one server of the document. */
  publicUrl: string;
  securitySchemes: Record<string, ApiKeySecurityScheme>;
  describeAccess(route: RouteOptions): RouteAccessDoc;
}

const ERROR_MARK = 'x-dvc06-errors';
const FREE_QUERY_MARK = 'x-dvc06-free-query';
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

/** The shared answer of each error status: every API error has the same bilingual body (platform/http-errors.ts). */
const ERROR_RESPONSES: Record<number, { name: string; description: string; retryAfter?: boolean }> = {
  400: {
    name: 'BadRequest',
    description: 'Dữ liệu không hợp lệ / invalid input: `fields` names each field (VALIDATION.INVALID, REQUEST.*)',
  },
  401: { name: 'Unauthenticated', description: 'Chưa đăng nhập / not signed in (AUTH.UNAUTHENTICATED)' },
  403: {
    name: 'Forbidden',
    description:
      'Không có quyền, hoặc thiếu mã chống giả mạo / not allowed, or missing CSRF token (AUTH.FORBIDDEN, AUTH.CSRF_FORBIDDEN, *.SCOPE_FORBIDDEN)',
  },
  404: { name: 'NotFound', description: 'Không tìm thấy / not found (*.NOT_FOUND)' },
  409: {
    name: 'Conflict',
    description: 'Xung đột với trạng thái hiện tại / conflicts with the current state (*.CONFLICT, *.ALREADY_EXISTS)',
  },
  413: { name: 'PayloadTooLarge', description: 'Dữ liệu gửi lên quá lớn / request body too large (REQUEST.TOO_LARGE)' },
  429: {
    name: 'TooManyRequests',
    description: 'Quá nhiều yêu cầu, thử lại sau Retry-After giây / too many requests (*.RATE_LIMITED)',
    retryAfter: true,
  },
  503: {
    name: 'ServiceUnavailable',
    description: 'Cơ sở dữ liệu tạm thời không sẵn sàng / database unavailable, retry later (ADR 0014)',
    retryAfter: true,
  },
};

/** JSON Schema of the body of every API error (`ApiErrorBody` in src/contracts/messages.ts). */
export const API_ERROR_SCHEMA = {
  type: 'object',
  description: 'Lỗi, bằng tiếng Việt và tiếng Anh / an error, in Vietnamese and English',
  required: ['error'],
  additionalProperties: false,
  properties: {
    error: {
      type: 'object',
      required: ['code', 'messageVi', 'messageEn'],
      additionalProperties: false,
      properties: {
        code: { type: 'string', description: 'stable code, e.g. DOSSIER.NOT_FOUND', examples: ['VALIDATION.INVALID'] },
        messageVi: { type: 'string' },
        messageEn: { type: 'string' },
        requestId: { type: 'string', description: 'the request id, also in the server log' },
        fields: {
          type: 'array',
          description: 'one problem per field (400)',
          items: {
            type: 'object',
            required: ['field', 'code', 'messageVi', 'messageEn'],
            additionalProperties: false,
            properties: {
              field: { type: 'string', description: 'dotted path of the field, or (body)' },
              code: { type: 'string' },
              messageVi: { type: 'string' },
              messageEn: { type: 'string' },
            },
          },
        },
      },
    },
  },
} as const;

/**
 * The statuses the platform itself may answer on a route: 400 for input (a schema, or any body),
 * 404 when the path names a resource, 409 and 413 for a state-changing request, 503 for every route
 * that reaches the database (all documented ones).
 */
function platformErrors(method: string, url: string, schema: FastifySchema | undefined): number[] {
  const errors = [503];
  if (UNSAFE.has(method) || schema?.body || schema?.querystring || schema?.params) errors.push(400);
  if (url.includes(':')) errors.push(404);
  if (UNSAFE.has(method)) errors.push(409, 413);
  return errors;
}

/** Words of a path segment: 'facility-types' → ['facility', 'types'], 'receipt.pdf' → ['receipt', 'pdf']. */
const words = (segment: string) => segment.split(/[^A-Za-z0-9]+/).filter(Boolean);
const capital = (word: string) => word.charAt(0).toUpperCase() + word.slice(1).toLowerCase();

/** English singular of a plural word, for the common cases of this API ('dossiers', 'facilities', 'statuses'). */
export function singular(word: string): string {
  if (/ies$/i.test(word)) return word.slice(0, -3) + 'y';
  if (/(ss|x|ch|sh|us)es$/i.test(word)) return word.slice(0, -2);
  if (/[^su]s$/i.test(word)) return word.slice(0, -1);
  return word;
}

/**
 * A readable operationId from method and path: `list` for a GET answering a page (`{ items }`),
 * else the method; then the path's words without `/api/v1` and without parameters, a segment
 * followed by a parameter (and the last one of a POST) in the singular.
 * GET /api/v1/dossiers → listDossiers; GET /api/v1/dossiers/{id} → getDossier;
 * POST /api/v1/dossiers/{id}/commands/{command} → postDossierCommand.
 */
export function operationIdFor(method: string, path: string, answersPage = false): string {
  const segments = path
    .replace(/^\/api\/v\d+/, '')
    .split('/')
    .filter(Boolean);
  const verb = method.toLowerCase() === 'get' && answersPage ? 'list' : method.toLowerCase();
  const parts: string[] = [];
  segments.forEach((segment, i) => {
    if (segment.startsWith('{')) return;
    const next = segments[i + 1];
    const last = i === segments.length - 1;
    const ws = words(segment);
    if ((next?.startsWith('{') ?? false) || (last && verb === 'post')) ws.push(singular(ws.pop() ?? ''));
    parts.push(...ws.map(capital));
  });
  return verb + parts.join('');
}

/** `By` and the path's parameters, to tell apart two operations that would get the same name. */
function byParams(path: string): string {
  const params = [...path.matchAll(/\{([^}]+)\}/g)].map(([, name]) => name!.charAt(0).toUpperCase() + name!.slice(1));
  return params.length ? `By${params.join('And')}` : '';
}

type Operation = {
  operationId?: string;
  security?: SecurityRequirement[];
  responses?: Record<string, unknown>;
  parameters?: unknown[];
  [ERROR_MARK]?: number[];
  [FREE_QUERY_MARK]?: unknown;
};
type Doc = {
  paths?: Record<string, Partial<Record<(typeof METHODS)[number], Operation>>>;
  components?: Record<string, Record<string, unknown>>;
  servers?: unknown[];
  [key: string]: unknown;
};

function answersPage(operation: Operation): boolean {
  const ok = (operation.responses?.['200'] ?? operation.responses?.['201']) as
    { content?: Record<string, { schema?: { properties?: Record<string, { type?: unknown }> } }> } | undefined;
  return ok?.content?.['application/json']?.schema?.properties?.items?.type === 'array';
}

/** Names every operation, unique and stable (two candidates for one name both take their parameters). */
function nameOperations(doc: Doc): void {
  const all: Array<{ path: string; method: string; operation: Operation; id: string }> = [];
  const seen = new Set<Operation>();
  for (const [path, item] of Object.entries(doc.paths ?? {}))
    for (const method of METHODS) {
      let operation = item[method];
      if (!operation || operation.operationId) continue;
      // A route declared for several methods shares one operation object between them: one each, to name each.
      if (seen.has(operation)) operation = item[method] = { ...operation };
      seen.add(operation);
      all.push({ path, method, operation, id: operationIdFor(method, path, answersPage(operation)) });
    }
  const count = new Map<string, number>();
  for (const { id } of all) count.set(id, (count.get(id) ?? 0) + 1);
  const taken = new Set<string>();
  for (const entry of all) {
    const id = (count.get(entry.id) ?? 0) > 1 ? entry.id + byParams(entry.path) : entry.id;
    if (taken.has(id)) throw new Error(`OpenAPI: two operations named ${id} (${entry.method} ${entry.path})`);
    taken.add(id);
    entry.operation.operationId = id;
  }
}

/**
 * Finishes what `transform` marked on each operation: its error statuses as references to the
 * shared answers, and a free-form query as one `form`-style object parameter.
 */
function finishOperations(doc: Doc): void {
  for (const item of Object.values(doc.paths ?? {}))
    for (const method of METHODS) {
      const operation = item[method];
      if (!operation) continue;
      if (FREE_QUERY_MARK in operation) {
        operation.parameters = [
          ...(operation.parameters ?? []),
          {
            name: 'query',
            in: 'query',
            description: 'tham số tự do / free-form query parameters',
            style: 'form',
            explode: true,
            schema: { type: 'object', additionalProperties: operation[FREE_QUERY_MARK] },
          },
        ];
        delete operation[FREE_QUERY_MARK];
      }
      const statuses = [...new Set(operation[ERROR_MARK] ?? [])].sort();
      delete operation[ERROR_MARK];
      operation.responses ??= {};
      for (const status of statuses)
        operation.responses[String(status)] ??= { $ref: `#/components/responses/${ERROR_RESPONSES[status]!.name}` };
    }
}

function errorComponents(): Record<string, unknown> {
  const retryAfter = {
    'Retry-After': { description: 'seconds to wait before trying again', schema: { type: 'integer', minimum: 1 } },
  };
  return Object.fromEntries(
    Object.values(ERROR_RESPONSES).map(({ name, description, retryAfter: retry }) => [
      name,
      {
        description,
        ...(retry ? { headers: retryAfter } : {}),
        content: { 'application/json': { schema: { $ref: '#/components/schemas/ApiError' } } },
      },
    ]),
  );
}

/**
 * Options of @fastify/swagger for the API's OpenAPI 3.1 document (`/api/openapi.json`): Zod schemas
 * converted by fastify-type-provider-zod, then for every operation a readable `operationId`, its
 * security (session cookie, CSRF header, or none for public routes) and the shared bilingual error
 * answers that apply to it; paths without a trailing slash; the server is PUBLIC_URL. Checked by
 * scripts/lint-openapi.ts against Redocly's recommended rules in CI.
 */
export function openApiOptions(options: OpenApiDocOptions): FastifyDynamicSwaggerOptions {
  return {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'DVC06 API',
        version: '1',
        description:
          'Dịch vụ công Đề án 06 — public-service platform on population data. Errors: one bilingual body (`ApiError`).',
        license: { name: 'MIT', identifier: 'MIT' },
      },
      servers: [{ url: options.publicUrl.replace(/\/$/, ''), description: 'PUBLIC_URL' }],
      // Here already, not only in transformObject: @fastify/swagger reads them for each route's security.
      components: { securitySchemes: options.securitySchemes },
    },
    stripBasePath: false,
    transform: (document) => {
      const { schema, url } = jsonSchemaTransform(document) as { schema: FastifySchema | undefined; url: string };
      if (schema?.hide) return { schema, url };
      const methods = [document.route.method].flat().map(String);
      const access = options.describeAccess(document.route);
      const errors = [...access.errors, ...methods.flatMap((m) => platformErrors(m, url, document.schema))];
      const query = schema?.querystring as { properties?: object; additionalProperties?: unknown } | undefined;
      const freeQuery = query && !query.properties ? { [FREE_QUERY_MARK]: query.additionalProperties ?? true } : {};
      return {
        // A route registered as '/' under a prefix answers without the slash too: document that spelling.
        url: url.length > 1 ? url.replace(/\/+$/, '') : url,
        schema: {
          ...schema,
          // A free-form query (a record, e.g. the payment gateway's signed parameters) is one object parameter, added below.
          ...(query && !query.properties ? { querystring: { type: 'object', properties: {} } } : {}),
          ...freeQuery,
          security: access.security,
          [ERROR_MARK]: errors,
        } as unknown as FastifySchema,
      };
    },
    transformObject: (documentObject) => {
      const doc = jsonSchemaTransformObject(documentObject) as Doc;
      doc.components = {
        ...doc.components,
        schemas: { ...doc.components?.schemas, ApiError: API_ERROR_SCHEMA },
        responses: { ...doc.components?.responses, ...errorComponents() },
      };
      finishOperations(doc);
      nameOperations(doc);
      return doc as ReturnType<typeof jsonSchemaTransformObject>;
    },
  };
}

/**
 * Browser script of `/api/docs` (served from the page's own origin, so its strict policy holds): a
 * Swagger UI plugin drawing every operation. Swagger UI ≥ 5.33 otherwise draws only the operations in
 * view once the list has 150 rows (tags + operations), with no option to turn that off.
 */
const ALL_OPERATIONS_JS = readFileSync(new URL('./openapi-ui-all-operations.js', import.meta.url), 'utf8');

/**
 * Options of @fastify/swagger-ui for `/api/docs`, with a Content-Security-Policy of its own on its
 * pages only (the rest of the app keeps helmet's): no inline script or style at all. Swagger UI's
 * standalone top bar draws its logo as an SVG with an inline `<style>`, which that policy blocks (the
 * console error of issue 14): the base layout has no top bar, and the document's URL is fixed anyway.
 * Every operation is drawn, whatever their number (openapi-ui-all-operations.js, ADR 0027).
 */
export function apiDocsUiOptions(publicUrl: string): FastifySwaggerUiOptions {
  return {
    routePrefix: '/api/docs',
    uiConfig: { layout: 'BaseLayout', deepLinking: true },
    theme: { js: [{ filename: 'all-operations.js', content: ALL_OPERATIONS_JS }] },
    staticCSP: {
      'default-src': ["'self'"],
      'base-uri': ["'self'"],
      'script-src': ["'self'"],
      'script-src-attr': ["'none'"],
      'style-src': ["'self'"],
      'img-src': ["'self'", 'data:'],
      'font-src': ["'self'", 'data:'],
      'connect-src': ["'self'"],
      'object-src': ["'none'"],
      'frame-ancestors': ["'none'"],
      'form-action': ["'self'"],
      ...(publicUrl.startsWith('https:') ? { 'upgrade-insecure-requests': [] } : {}),
    },
  };
}
