import { describe, expect, it } from 'vitest';
import type { Fees } from '../../../contracts/procedures';
import { AppError } from '../../platform/errors';
import { baseFee } from './fees';
import { referenceProcedure, referenceProcedures } from './test-support';

describe('baseFee on the reference catalog (Circular 75/2022/TT-BTC)', () => {
  it.each([
    ['1.004222', 'direct', 1, undefined, 20_000],
    ['1.004222', 'online', 1, undefined, 10_000],
    ['1.004222', 'online', 4, undefined, 10_000], // per registration, not per person
    ['1.010038', 'direct', 1, undefined, 10_000],
    ['1.010038', 'online', 2, undefined, 5_000],
    ['1.004194', 'direct', 1, undefined, 15_000],
    ['1.004194', 'online', 1, undefined, 7_000],
    ['1.004194', 'direct', 3, 'list', 30_000], // by list: 10,000 per person
    ['1.004194', 'online', 3, 'list', 15_000],
    ['1.002755', 'online', 1, undefined, 7_000], // extension: as temporary residence
    ['1.002755', 'direct', 2, 'list', 20_000],
    ['LT.01', 'online', 1, undefined, 10_000], // the residence part of interlinked group 1 (exemptions come later)
  ] as const)('%s, %s, %i person(s), variant %s costs %i VND', async (code, channel, persons, variant, amount) => {
    const fee = baseFee(await referenceProcedure(code), { channel, persons, variant });
    expect(fee.amount).toBe(amount);
    expect(fee.currency).toBe('VND');
    expect(fee.lines).toHaveLength(1);
    expect(fee.lines[0]!.amount).toBe(amount);
    expect(fee.lines[0]!.unitAmount * fee.lines[0]!.quantity).toBe(amount);
  });

  it.each([
    '1.003197',
    '1.010039',
    '1.010028',
    '1.003677',
    '2.001159',
    '1.010041',
    '1.001193',
    '1.000656',
    '1.000894',
    '1.011537',
  ])('%s is free: amount 0, no lines, on both channels', async (code) => {
    const version = await referenceProcedure(code);
    for (const channel of ['online', 'direct'] as const)
      expect(baseFee(version, { channel, persons: 2 })).toEqual({ amount: 0, currency: 'VND', lines: [] });
  });

  it('charges online less than at the counter for every paid procedure', async () => {
    for (const p of await referenceProcedures()) {
      for (const item of p.fees.items) expect(item.online, `${p.code} ${item.code}`).toBeLessThan(item.direct);
    }
  });

  it('stores the exemption reasons of Art. 4 with whether the registry can check them', async () => {
    const { fees } = await referenceProcedure('1.004222');
    const byCode = new Map(fees.exemptions.map((e) => [e.code, e]));
    expect([...byCode.keys()].sort()).toEqual([
      'border_commune',
      'child',
      'disability',
      'elderly',
      'ethnic_minority_difficult_commune',
      'merit',
      'orphan_16_18',
      'poor_household',
    ]);
    expect(byCode.get('child')).toMatchObject({ check: 'registry', criterion: { kind: 'age_below', years: 16 } });
    expect(byCode.get('elderly')).toMatchObject({ check: 'registry', criterion: { kind: 'age_at_least', years: 60 } });
    expect(byCode.get('ethnic_minority_difficult_commune')?.criterion).toEqual({
      kind: 'ethnic_minority_in_unit_list',
      list: 'extremely_difficult_communes',
    });
    expect(byCode.get('border_commune')?.criterion).toEqual({ kind: 'resident_in_unit_list', list: 'border_communes' });
    expect(byCode.get('poor_household')?.check).toBe('registry');
    expect(byCode.get('disability')).toMatchObject({ check: 'proof', criterion: null });
    expect(byCode.get('disability')?.proofVi).toBeTruthy();
  });
});

describe('baseFee rules', () => {
  const fees: Fees = {
    legalBasis: null,
    items: [
      {
        code: 'standard',
        labelVi: 'Mức chuẩn',
        labelEn: 'Standard',
        basis: 'per_person',
        direct: 3_000,
        online: 1_500,
      },
      {
        code: 'list',
        labelVi: 'Theo danh sách',
        labelEn: 'By list',
        basis: 'per_dossier',
        direct: 50_000,
        online: 40_000,
      },
    ],
    exemptions: [],
    noteVi: null,
    noteEn: null,
  };

  it('multiplies a per-person rate by the persons and keeps a per-dossier rate once', () => {
    expect(baseFee({ fees }, { channel: 'direct', persons: 5 })).toMatchObject({
      amount: 15_000,
      lines: [{ code: 'standard', quantity: 5, unitAmount: 3_000 }],
    });
    expect(baseFee({ fees }, { channel: 'online', persons: 5, variant: 'list' })).toMatchObject({
      amount: 40_000,
      lines: [{ code: 'list', quantity: 1 }],
    });
  });

  it.each([0, -1, 1.5, Number.NaN, 1001])('refuses %s persons with a bilingual error naming the field', (persons) => {
    const call = () => baseFee({ fees }, { channel: 'online', persons });
    expect(call).toThrow(AppError);
    try {
      call();
    } catch (error) {
      expect((error as AppError).code).toBe('PROCEDURE.FEE_INVALID');
      expect((error as AppError).fields?.[0]?.field).toBe('persons');
    }
  });

  it('refuses an unknown variant and names the known ones', () => {
    expect(() => baseFee({ fees }, { channel: 'online', persons: 1, variant: 'vip' })).toThrow(/standard, list/);
  });
});
