import type { FastifyInstance } from 'fastify';
import { invalidField } from './errors';

/** Path of the first string containing a NUL character (PostgreSQL text cannot hold one), if any. */
export function findNul(value: unknown, path = ''): string | undefined {
  if (typeof value === 'string') return value.includes('\u0000') ? path || '(body)' : undefined;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const hit = findNul(value[i], `${path}${path ? '.' : ''}${i}`);
      if (hit) return hit;
    }
    return undefined;
  }
  if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      const hit = findNul(v, `${path}${path ? '.' : ''}${k}`);
      if (hit) return hit;
    }
  }
  return undefined;
}

/** Refuses NUL characters anywhere in the body, query or params with a 400 naming the field (never a database 500). */
export function registerInputGuard(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    const field = findNul(request.body) ?? findNul(request.query) ?? findNul(request.params);
    if (field) throw invalidField('REQUEST.INVALID', field, `Trường "${field}" chứa ký tự không hợp lệ`, `Field "${field}" contains an invalid character`);
  });
}
