import type { FastifyInstance } from 'fastify';
import { invalidField } from './errors';

/** The deepest nesting of arrays and objects a request may carry (real forms use a handful of levels). */
export const MAX_INPUT_DEPTH = 32;

/** What is wrong with an input, and where (dotted path, `(body)` for the whole value). */
export interface InputProblem {
  field: string;
  /** `nul`: a string holds NUL (PostgreSQL text cannot); `depth`: nested deeper than MAX_INPUT_DEPTH. */
  kind: 'nul' | 'depth';
}

interface Frame {
  value: unknown;
  key: string | number | null;
  parent: Frame | null;
  depth: number;
}

function pathOf(frame: Frame): string {
  const keys: Array<string | number> = [];
  for (let f: Frame | null = frame; f && f.key !== null; f = f.parent) keys.push(f.key);
  return keys.reverse().join('.') || '(body)';
}

/**
 * The first problem of a parsed input, in document order: a string holding a NUL character, or
 * arrays/objects nested deeper than `maxDepth`. Walked with an explicit stack (no recursion, so no
 * stack overflow whatever the nesting), and the path is built only for the problem found, so a
 * large body costs one pass.
 */
export function findInputProblem(input: unknown, maxDepth = MAX_INPUT_DEPTH): InputProblem | undefined {
  const stack: Frame[] = [{ value: input, key: null, parent: null, depth: 0 }];
  const push = (value: unknown, key: string | number, parent: Frame) => {
    if (typeof value === 'string' || (value !== null && typeof value === 'object'))
      stack.push({ value, key, parent, depth: parent.depth + 1 });
  };
  for (let frame = stack.pop(); frame; frame = stack.pop()) {
    const { value } = frame;
    if (typeof value === 'string') {
      if (value.includes('\u0000')) return { field: pathOf(frame), kind: 'nul' };
      continue;
    }
    if (value === null || typeof value !== 'object') continue;
    if (frame.depth >= maxDepth) return { field: pathOf(frame), kind: 'depth' };
    if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) push(value[i], i, frame);
    } else {
      const entries = Object.entries(value);
      for (let i = entries.length - 1; i >= 0; i--) push(entries[i]![1], entries[i]![0], frame);
    }
  }
  return undefined;
}

/** Throws the bilingual 400 naming the field when `input` has a problem (see findInputProblem). */
export function assertSafeInput(input: unknown, prefix = ''): void {
  const problem = findInputProblem(input);
  if (!problem) return;
  const field = prefix ? (problem.field === '(body)' ? prefix : `${prefix}.${problem.field}`) : problem.field;
  // A field nested too deep has a very long path: name its first levels.
  const shown = field.length > 120 ? `${field.slice(0, 120)}…` : field;
  if (problem.kind === 'nul')
    throw invalidField(
      'REQUEST.INVALID',
      shown,
      `Trường "${shown}" chứa ký tự không hợp lệ`,
      `Field "${shown}" contains an invalid character`,
    );
  throw invalidField(
    'REQUEST.INVALID',
    shown,
    `Trường "${shown}" lồng nhau quá sâu (tối đa ${MAX_INPUT_DEPTH} cấp)`,
    `Field "${shown}" is nested too deep (at most ${MAX_INPUT_DEPTH} levels)`,
  );
}

/** Refuses NUL characters and over-deep nesting in the body, query or params with a 400 naming the field (never a 500). */
export function registerInputGuard(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    assertSafeInput(request.body);
    assertSafeInput(request.query);
    assertSafeInput(request.params);
  });
}
