import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../../test/app';

/**
 * Issue #10 point 5: a name that folds to fewer than 2 letters or digits (punctuation, CJK,
 * full-width letters) matched every dossier in the officer's scope. It is refused, naming `name`.
 */
let t: TestApp;
let police: Session;

beforeAll(async () => {
  t = await createTestApp();
  police = await t.staff('commune_police', '03445');
});
afterAll(async () => t?.close());

describe('POST /api/v1/dossiers/search by name', () => {
  it.each(['!!', '--', '李明', 'ＭＡＩ', '. .', 'a!', 'Đ-', '\u0301\u0301'])(
    'refuses %j (under 2 letters or digits once folded) with a bilingual 400 naming name',
    async (name) => {
      const res = await police.inject({ method: 'POST', url: '/api/v1/dossiers/search', payload: { name } });
      expect(res.statusCode, res.body).toBe(400);
      const error = res.json<{ error: { messageVi: string; messageEn: string; fields: Array<{ field: string }> } }>()
        .error;
      expect(error.fields.map((f) => f.field)).toEqual(['name']);
      expect(error.messageVi).toMatch(/ít nhất 2/);
      expect(error.messageEn).toMatch(/at least 2/);
    },
  );

  it('accepts two letters typed with tone marks (the check is on letters, not on the typed length)', async () => {
    const res = await police.inject({ method: 'POST', url: '/api/v1/dossiers/search', payload: { name: 'Lò' } });
    expect(res.statusCode, res.body).toBe(200);
  });
});
