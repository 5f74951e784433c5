import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../test/app';
import { MALFORMED_MULTIPART } from '../../../test/malformed-input';

/** Input that used to reach a 500: JSON nested thousands deep, and multipart bodies the parser cannot read. */
let t: TestApp;
let citizen: Session;
let police: Session;
let admin: Session;

beforeAll(async () => {
  t = await createTestApp({ LOG_LEVEL: 'fatal' });
  citizen = await t.citizen({ nationalId: '012190099001', fullName: 'Lò Thị Thử' });
  police = await t.staff('commune_police', '03445');
  admin = await t.staff('admin', '12');
}, 120_000);
afterAll(async () => t?.close());

type ErrorBody = { error: { code: string; messageVi: string; messageEn: string; fields?: Array<{ field: string }> } };

describe('JSON nested 10,000 deep', () => {
  it('is refused before sign-in with a 400 naming the field', async () => {
    const deep = `{"code":${'['.repeat(10_000)}${']'.repeat(10_000)},"nationalId":"012190099001"}`;
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/dossiers/status-lookup',
      payload: deep,
      headers: { 'content-type': 'application/json' },
    });
    expect(res.statusCode).toBe(400);
    const { error } = res.json<ErrorBody>();
    expect(error.fields?.[0]?.field).toMatch(/^code\.0\.0/);
    expect(error.messageVi).toContain('lồng nhau quá sâu');
  });
});

describe('malformed multipart bodies', () => {
  const uploads: Array<[string, () => Session, string]> = [
    ['dossier filing', () => citizen, '/api/v1/dossiers'],
    ['bank statement import', () => police, '/api/v1/payments/statements'],
    ['cashless import', () => admin, '/api/v1/cashless/imports?month=2026-01'],
  ];
  for (const [name, session, url] of uploads) {
    it(`are a bilingual 400 on the ${name}, never a 500`, async () => {
      for (const [shape, { contentType, body }] of Object.entries(MALFORMED_MULTIPART)) {
        const res = await session().inject({
          method: 'POST',
          url,
          payload: body,
          headers: { 'content-type': contentType },
        });
        expect(res.statusCode, `${shape}: ${res.body}`).toBe(400);
        const { error } = res.json<ErrorBody>();
        expect(error.messageVi.length, shape).toBeGreaterThan(0);
        expect(error.messageEn.length, shape).toBeGreaterThan(0);
      }
    });
  }
});
