import { describe, expect, it } from 'vitest';
import type { ProcedureForm } from '../../../contracts/procedures';
import { validateFormDefinition } from './form-definition';
import { checkInPersonRules, validateSubmission } from './form-validation';
import { referenceProcedures } from './test-support';

/** The temporary-absence version from 15/3/2026 (the one with the Art. 31 question). */
async function absence() {
  const v = (await referenceProcedures()).find((p) => p.code === '1.003677' && p.effectiveFrom === '2026-03-15');
  if (!v) throw new Error('no 1.003677 version from 2026-03-15');
  return v;
}

const filled = (supervisionStatus: string) => ({
  fullName: 'Lò Thị Mẩy',
  birthDate: '1990-03-04',
  sex: 'female',
  nationalId: '012190001234',
  phone: '0912000111',
  address: 'Bản Nà Luồng, xã Bình Lư, tỉnh Lai Châu',
  requestContent: 'Khai báo tạm vắng',
  headFullName: 'Lò Văn Páo',
  relationToHead: 'spouse',
  supervisionStatus,
  absenceFrom: '2026-12-10',
  absenceTo: '2027-12-31',
  destination: 'Hà Nội',
});

describe('temporary absence in person — Residence Law 2020 Art. 31(2)(3) (form.inPersonOnly)', () => {
  it.each([
    ['criminal_procedure', 'online', true],
    ['administrative_measure', 'online', true],
    ['military_or_state_duty', 'online', false],
    ['long_absence', 'online', false],
    ['criminal_procedure', 'assisted', false],
    ['administrative_measure', 'paper', false],
  ] as const)('Art. 31(1) case %s filed %s → refused: %s', async (status, channel, refused) => {
    const v = await absence();
    const errors = checkInPersonRules(v, filled(status), channel);
    expect(errors.length > 0).toBe(refused);
    const result = validateSubmission(v, filled(status), undefined, channel);
    expect(result.ok).toBe(!refused);
    if (!result.ok) {
      expect(result.errors).toEqual([
        {
          field: 'supervisionStatus',
          vi: expect.stringContaining('(khoản 2, 3 Điều 31 Luật Cư trú số 68/2020/QH14)') as string,
          en: expect.stringContaining('in person') as string,
        },
      ]);
    }
  });

  it('a schema error comes first: an unknown case is refused by the schema, not by the rule', async () => {
    const result = validateSubmission(await absence(), filled('on_holiday'), undefined, 'online');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]?.vi).toContain('phải là một trong');
  });

  it('the definition check wants a select field and values among its options', async () => {
    const form: ProcedureForm = structuredClone((await absence()).form);
    expect(validateFormDefinition(form)).toEqual([]);
    form.inPersonOnly = [{ ...form.inPersonOnly![0]!, values: ['criminal_procedure', 'tourist'] }];
    expect(validateFormDefinition(form).map((p) => p.field)).toEqual(['form.inPersonOnly.0.values']);
    form.inPersonOnly = [{ ...form.inPersonOnly[0]!, field: 'destination' }];
    expect(validateFormDefinition(form).map((p) => p.field)).toEqual(['form.inPersonOnly.0.field']);
  });
});
