import { describe, expect, it } from 'vitest';
import { assertSafeInput, findInputProblem, MAX_INPUT_DEPTH } from './input-guard';
import { AppError, statusForCode } from './errors';

const nested = (depth: number, leaf: unknown = 1): unknown => {
  let value = leaf;
  for (let i = 0; i < depth; i++) value = i % 2 ? { a: value } : [value];
  return value;
};

describe('the input guard (NUL characters and nesting depth, walked without recursion)', () => {
  it('names the first string holding a NUL character, in document order', () => {
    expect(findInputProblem({ a: 'ok', b: [{ c: 'x' }, { d: 'y\u0000' }], e: '\u0000' })).toEqual({
      field: 'b.1.d',
      kind: 'nul',
    });
    expect(findInputProblem('\u0000')).toEqual({ field: '(body)', kind: 'nul' });
    expect(findInputProblem({ a: ['plain', 1, null, true, { b: 'fine' }] })).toBeUndefined();
  });

  it('accepts nesting up to the limit and names the field where a deeper one starts', () => {
    expect(findInputProblem({ form: nested(MAX_INPUT_DEPTH - 1) })).toBeUndefined();
    const problem = findInputProblem({ form: nested(MAX_INPUT_DEPTH + 5) });
    expect(problem?.kind).toBe('depth');
    expect(problem?.field.startsWith('form.')).toBe(true);
    expect(problem?.field.split('.')).toHaveLength(MAX_INPUT_DEPTH);
  });

  it('walks JSON nested 100,000 deep without overflowing the stack', () => {
    const text = `{"code":${'['.repeat(100_000)}${']'.repeat(100_000)}}`;
    expect(findInputProblem(JSON.parse(text))?.kind).toBe('depth');
  });

  it('throws a bilingual 400 naming the field', () => {
    let error: unknown;
    try {
      assertSafeInput({ code: nested(1000) });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AppError);
    const e = error as AppError;
    expect(statusForCode(e.code)).toBe(400);
    expect(e.fields?.[0]?.field.startsWith('code.a.0.a')).toBe(true);
    expect(e.messageVi).toContain(`${MAX_INPUT_DEPTH}`);
    expect(e.messageEn).toContain('nested');
  });
});
