import { describe, expect, it } from 'vitest';
import { inputsOf, prefillStats } from './prefill-stats';
import { referenceProcedure, referenceProcedures } from './test-support';

describe('typed inputs before and after prefill (the plan: ≥ 20% fewer; ≥ 50% for residence)', () => {
  it('saves at least 20% of the typing on every procedure and at least 50% on every residence procedure', async () => {
    const all = await referenceProcedures(); // every dated version of every procedure
    expect(new Set(all.map((p) => p.code)).size).toBe(16);
    for (const p of all) {
      const s = prefillStats({ id: p.code, code: p.code, form: p.form });
      expect(s.typedAfter, p.code).toBeLessThan(s.typedBefore);
      expect(s.reductionPercent, p.code).toBeGreaterThanOrEqual(20);
      if (p.field === 'residence') expect(s.reductionPercent, p.code).toBeGreaterThanOrEqual(50);
    }
  });

  it('counts CT01 for permanent residence: 19 inputs, 8 typed (destination head, new address, request, consents)', async () => {
    const p = await referenceProcedure('1.004222');
    const s = prefillStats({ id: 'v', code: p.code, form: p.form });
    expect(s).toMatchObject({ typedBefore: 19, typedAfter: 8, reductionPercent: 57.9, inputsTotal: 19 });
    expect(
      s.byField
        .filter((f) => !f.prefilled)
        .map((f) => f.field)
        .sort(),
    ).toEqual([
      'address',
      'consentGuardian',
      'consentHead',
      'consentOwner',
      'headFullName',
      'headNationalId',
      'relationToHead',
      'requestContent',
    ]);
    expect(s.byField.find((f) => f.field === 'members')).toMatchObject({
      inputs: 5,
      prefilled: true,
      source: 'registry.household',
    });
    expect(s.methodVi).toContain('Trước');
    expect(s.methodEn).toContain('Before');
  });

  it('counts a table once per column and anything else once', () => {
    const columns = [
      { key: 'a', labelVi: 'A', labelEn: 'A', widget: 'text' as const, editable: true },
      { key: 'b', labelVi: 'B', labelEn: 'B', widget: 'text' as const, editable: true },
    ];
    expect(
      inputsOf({ labelVi: 'x', labelEn: 'x', source: 'typed', path: null, editable: true, widget: 'table', columns }),
    ).toBe(2);
    expect(
      inputsOf({ labelVi: 'x', labelEn: 'x', source: 'typed', path: null, editable: true, widget: 'checkbox' }),
    ).toBe(1);
  });
});
