import { describe, expect, it } from 'vitest';
import type { FormResponse, PrefillStats, ProcedureList, ProcedureVersion } from '../../../contracts/procedures';
import { get, useCatalogApp, type ErrorBody } from './procedures.routes.test-support';

useCatalogApp();

describe('public catalog', () => {
  it('lists the 16 procedures in force with their standard fees, without signing in', async () => {
    const res = await get('/api/v1/procedures');
    expect(res.statusCode).toBe(200);
    const { items, total } = res.json<ProcedureList>();
    expect(total).toBe(16);
    expect(items.find((i) => i.code === '1.004222')).toMatchObject({
      nameVi: 'Đăng ký thường trú',
      field: 'residence',
      feeDirect: 20_000,
      feeOnline: 10_000,
      timeLimitWorkingDays: 7,
      requiredEidLevel: 2,
      onlineLevel: 'full',
    });
  });

  it('filters by field', async () => {
    const field = async (f: string) =>
      (await get(`/api/v1/procedures?field=${f}`))
        .json<ProcedureList>()
        .items.map((i) => i.code)
        .sort();
    expect(await field('residence')).toHaveLength(11); // DOMAIN.md §3's ten and 1.010040 (§12)
    expect(await field('civil_status')).toEqual(['1.000656', '1.000894', '1.001193']);
    expect(await field('interlinked')).toEqual(['1.011537', 'LT.01']);
  });

  it.each([
    ['dang ky tam tru', ['1.004194', '1.010028', '1.010040']], // registration, its deletion, "… chưa đủ điều kiện đăng ký … tạm trú"
    ['ĐĂNG KÝ TẠM TRÚ', ['1.004194', '1.010028', '1.010040']],
    ['gia han tam tru', ['1.002755']],
    ['khai sinh', ['1.001193', 'LT.01']],
    ['tach ho', ['1.010038']],
    ['luu tru', ['2.001159']],
    ['1.004222', ['1.004222']],
    ['marriage', ['1.000894']],
    ['khong co thu tuc nay', []],
  ])('finds "%s" ignoring diacritics and case', async (q, codes) => {
    const res = await get(`/api/v1/procedures?q=${encodeURIComponent(q)}`);
    expect(
      res
        .json<ProcedureList>()
        .items.map((i) => i.code)
        .sort(),
    ).toEqual(codes);
  });

  it('shows a procedure: documents (with what the registry replaces), fees and exemptions, time limit, online and e-ID levels', async () => {
    const res = await get('/api/v1/procedures/1.004194');
    expect(res.statusCode).toBe(200);
    const v = res.json<ProcedureVersion>();
    expect(v).toMatchObject({
      code: '1.004194',
      version: 3,
      effectiveFrom: '2026-12-05', // the structured address of the new residence (after Decree 58/2026's version of 15/3/2026)
      effectiveTo: null,
      handledByRole: 'commune_police',
      agencyLevel: 'commune',
      resultDocuments: ['CT08'],
    });
    expect(v.fees.items.map((i) => [i.code, i.basis, i.direct, i.online])).toEqual([
      ['standard', 'per_dossier', 15_000, 7_000],
      ['list', 'per_person', 10_000, 5_000],
    ]);
    expect(v.fees.exemptions.length).toBe(8);
    expect(v.documents.map((d) => d.code)).toContain('lawful_dwelling');
    expect(v.form.formCode).toBe('CT01');
  });

  it('keeps the residence versions before Decree 58/2026 (15/3/2026) as they were, closed the day before', async () => {
    const before = (await get('/api/v1/procedures/1.004194?asOf=2026-03-14')).json<ProcedureVersion>();
    expect(before).toMatchObject({ version: 1, effectiveFrom: '2025-07-01', effectiveTo: '2026-03-14' });
    expect(before.resultDocuments).toEqual([]);
    expect(before.legalBasis.join(' ')).not.toContain('116/2026');
    const after = (await get('/api/v1/procedures/1.004194?asOf=2026-03-15')).json<ProcedureVersion>();
    expect(after.legalBasis).toEqual(
      expect.arrayContaining([
        expect.stringContaining('sửa đổi, bổ sung bởi Nghị định 58/2026/NĐ-CP (hiệu lực từ 15/3/2026'),
        expect.stringContaining('Thông tư 116/2026/TT-BCA (chưa đọc được văn bản'),
      ]),
    );
    expect(after.unconfirmed).toEqual(expect.arrayContaining(['legalBasis', 'resultDocuments']));
  });

  it('lists the component procedures of an interlinked group', async () => {
    const v = (await get('/api/v1/procedures/LT.01?asOf=2026-08-31')).json<ProcedureVersion>(); // version 1
    expect(v.components.map((c) => c.code)).toEqual(['1.001193', '1.004222', null]);
    expect(v.requiredEidLevel).toBe(2);
    expect(v.unconfirmed).toContain('code');
  });

  it('gives the form: JSON Schema and the source of every field', async () => {
    const res = await get('/api/v1/procedures/1.010038/form');
    const { form, versionId, version } = res.json<FormResponse>();
    expect(version).toBe(3); // 1/7/2025, 15/3/2026, 6/12/2026 (the split changes the registry)
    expect(versionId).toMatch(/^[0-9a-f-]{36}$/);
    expect(form.schema).toMatchObject({
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      type: 'object',
      additionalProperties: false,
    });
    expect(Object.keys(form.fields).sort()).toEqual(Object.keys(form.schema.properties as object).sort());
    expect(form.fields.members).toMatchObject({
      source: 'registry.household',
      path: 'members',
      widget: 'table',
      editable: true,
    });
    expect(form.fields.address).toMatchObject({ source: 'registry.household', path: 'addressLine', editable: false });
  });

  it('reports typed inputs before and after prefill, with the method', async () => {
    const s = (await get('/api/v1/procedures/1.004222/prefill-stats')).json<PrefillStats>();
    // The new address is three typed answers since 5/12/2026 (commune, village, house): 19/8 → 21/10.
    expect(s).toMatchObject({ code: '1.004222', typedBefore: 21, typedAfter: 10, reductionPercent: 52.4 });
    expect(s.methodVi.length).toBeGreaterThan(50);
  });

  it('answers a version by id, also after it stopped being in force', async () => {
    const current = (await get('/api/v1/procedures/1.003197')).json<ProcedureVersion>();
    const byId = await get(`/api/v1/procedures/versions/${current.id}`);
    expect(byId.json<ProcedureVersion>()).toEqual(current);
  });

  it.each([
    ['/api/v1/procedures/9.999999', 404, 'PROCEDURE.NOT_FOUND'],
    ['/api/v1/procedures/1.004222?asOf=2025-06-30', 404, 'PROCEDURE.NOT_FOUND'],
    ['/api/v1/procedures/versions/00000000-0000-4000-8000-000000000000', 404, 'PROCEDURE.VERSION_NOT_FOUND'],
    ['/api/v1/procedures/1.004222?asOf=2025-02-30', 400, 'VALIDATION.INVALID'],
    ['/api/v1/procedures/not%20a%20code', 400, 'VALIDATION.INVALID'],
    ['/api/v1/procedures?field=taxes', 400, 'VALIDATION.INVALID'],
    [`/api/v1/procedures?q=${'a'.repeat(101)}`, 400, 'VALIDATION.INVALID'],
    ['/api/v1/procedures/versions/123', 400, 'VALIDATION.INVALID'],
  ])('%s → %i %s with messages in both languages', async (url, status, code) => {
    const res = await get(url);
    expect(res.statusCode).toBe(status);
    const { error } = res.json<ErrorBody>();
    expect(error.code).toBe(code);
    expect(error.messageVi).not.toBe(error.messageEn);
  });
});
