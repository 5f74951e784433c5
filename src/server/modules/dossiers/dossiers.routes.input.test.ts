import { describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { DossierDetail } from '../../../contracts/dossiers';
import {
  PDF,
  t,
  citizen,
  levelOne,
  police,
  prefilledForm,
  file,
  command,
  counts,
  useDossierApp,
} from './dossiers.routes.test-support';

useDossierApp();

describe('bad input leaves nothing behind', () => {
  it('tells a level-1 e-ID citizen why they cannot file a level-2 procedure', async () => {
    const before = await counts();
    const res = await levelOne.inject({
      method: 'POST',
      url: '/api/v1/dossiers',
      payload: { procedureCode: 'LT.01', procedureVersionId: randomUUID(), form: {} },
    });
    expect([403, 404, 409, 400]).toContain(res.statusCode);
    const interlinked = await t.app.inject('/api/v1/procedures?field=interlinked');
    const group = interlinked
      .json<{ items: Array<{ code: string; id: string; requiredEidLevel: number }> }>()
      .items.find((p) => p.requiredEidLevel === 2);
    if (group) {
      const r = await levelOne.inject({
        method: 'POST',
        url: '/api/v1/dossiers',
        payload: { procedureCode: group.code, procedureVersionId: group.id, form: {} },
      });
      expect(r.statusCode).toBe(403);
      expect(r.json<{ error: { code: string; messageVi: string } }>().error).toMatchObject({
        code: 'DOSSIER.EID_LEVEL_FORBIDDEN',
      });
      expect(r.json<{ error: { messageVi: string } }>().error.messageVi).toContain('mức độ 2');
    }
    expect(await counts()).toEqual(before);
  });

  it.each([
    ['an unknown field', { form: { extra: 'x' } }, 'form.extra'],
    ['a wrong type', { form: { phone: 912345678 } }, 'form.phone'],
    ['a changed registry value', { form: { fullName: 'Người Khác' } }, 'form.fullName'],
  ])('refuses %s (400 naming the field): no dossier, no code, no file', async (_name, change, field) => {
    const before = await counts();
    const base = await prefilledForm(citizen);
    const res = await file(citizen, { form: { ...base, ...change.form } });
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json<{ error: { fields: Array<{ field: string }> } }>().error.fields.map((f) => f.field)).toContain(
      field,
    );
    expect(await counts()).toEqual(before);
  });

  it.each([
    [
      'a file of the wrong type (text renamed .pdf)',
      [
        {
          field: 'file:lawful_dwelling',
          name: 'a.pdf',
          type: 'application/pdf',
          data: Buffer.from('not a pdf at all'),
        },
      ],
      400,
      'file:lawful_dwelling',
    ],
    [
      'a file for no document of the procedure',
      [{ field: 'file:passport', name: 'a.pdf', type: 'application/pdf', data: PDF }],
      400,
      'file:passport',
    ],
    [
      'an oversize file',
      [
        {
          field: 'file:lawful_dwelling',
          name: 'big.pdf',
          type: 'application/pdf',
          data: Buffer.concat([PDF, Buffer.alloc(5 * 1024 * 1024 + 10)]),
        },
      ],
      413,
      'file:lawful_dwelling',
    ],
    ['a missing required document', [], 400, 'file:lawful_dwelling'],
  ])('refuses %s: no dossier, no code, no file', async (_name, files, status, field) => {
    const before = await counts();
    const res = await file(citizen, {}, files);
    expect(res.statusCode, res.body).toBe(status);
    expect(res.json<{ error: { fields: Array<{ field: string }> } }>().error.fields[0]?.field).toBe(field);
    expect(await counts()).toEqual(before);
  });

  it('refuses a stale procedure version with 409 and an unknown one with 400', async () => {
    const stale = await file(citizen, { procedureVersionId: randomUUID() });
    expect(stale.statusCode).toBe(400);
    expect(stale.json<{ error: { fields: Array<{ field: string }> } }>().error.fields[0]?.field).toBe(
      'procedureVersionId',
    );
  });

  it('refuses a stale dossier version with 409', async () => {
    const d = (await file(citizen)).json<DossierDetail>();
    const res = await command(police, d.id, 'receive', { expectedVersion: d.version + 5 });
    expect(res.statusCode).toBe(409);
    expect(res.json<{ error: { code: string } }>().error.code).toBe('DOSSIER.VERSION_CONFLICT');
  });

  it('refuses malformed JSON inside multipart and unknown command fields (400)', async () => {
    const d = (await file(citizen)).json<DossierDetail>();
    const res = await command(police, d.id, 'receive', { hack: true });
    expect(res.statusCode).toBe(400);
    const boundary = 'xyz';
    const bad = await citizen.inject({
      method: 'POST',
      url: '/api/v1/dossiers',
      payload: `--${boundary}\r\nContent-Disposition: form-data; name="dossier"\r\n\r\n{not json\r\n--${boundary}--\r\n`,
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    });
    expect(bad.statusCode).toBe(400);
  });
});

describe('dossier codes', () => {
  it('are unique and gap-free under 20 parallel submissions', async () => {
    const before = (
      await t.database.rows<{ n: string }>(
        sql`select coalesce(max(last_seq), 0)::text as n from dossiers.code_counters where agency_code = '000.00.12.X99'`,
      )
    )[0]!.n;
    const results = await Promise.all(Array.from({ length: 20 }, () => file(citizen)));
    expect(results.map((r) => r.statusCode)).toEqual(Array(20).fill(201));
    const seqs = results.map((r) => Number(r.json<DossierDetail>().code!.slice(-4))).sort((a, b) => a - b);
    expect(seqs).toEqual(Array.from({ length: 20 }, (_, i) => Number(before) + i + 1));
  });
});
