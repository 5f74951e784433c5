import { beforeAll, expect } from 'vitest';
import type { ProcedureVersion } from '../../../contracts/procedures';
import { AppError } from '../../platform/errors';
import { loadReferenceProcedures } from '../procedures';
import { calculateFee, type ApplicantFacts, type FeeInput, type ListHit, type ListLookup } from './index';

/* Shared fixtures of calculation*.test.ts: the reference versions, a list lookup, applicants and inputs. */
export type Version = Pick<ProcedureVersion, 'id' | 'code' | 'fees' | 'form' | 'field' | 'effectiveFrom'>;
export let versions: Map<string, Version>;
export const version = (code: string): Version => versions.get(code)!;

/** Loads the reference procedures' fees once per test file (per code, its latest dated version). */
export function useReferenceVersions(): void {
  beforeAll(async () => {
    versions = new Map(
      (await loadReferenceProcedures()).map((p) => [
        p.code,
        {
          id: `v-${p.code}`,
          code: p.code,
          fees: p.fees,
          form: p.form,
          field: p.field,
          effectiveFrom: p.effectiveFrom,
        },
      ]),
    );
  });
}

/**
 * The interlinked birth group (birth – permanent residence – health insurance), found by its data
 * rather than its code (the group's code changes with its dated versions): the interlinked
 * procedure that charges a fee and whose form declares a child's date of birth.
 */
export function interlinkedBirthGroup(): Version {
  const found = [...versions.values()].filter(
    (v) => v.field === 'interlinked' && v.fees.items.length > 0 && 'childBirthDate' in v.form.fields,
  );
  if (found.length === 0) throw new Error('no interlinked birth group with a fee in the reference data');
  return found.sort((a, b) => b.effectiveFrom.localeCompare(a.effectiveFrom))[0]!;
}

export const BORDER = '03451'; // Xã Mù Cả
export const DIFFICULT = '03517'; // Xã Nậm Tăm
export const TOWN = '03388'; // Phường Đoàn Kết: in no list
export const POOR_HOUSEHOLD = '11111111-1111-4111-8111-111111111111';

export const entry = (listNameVi: string, provisional = false): ListHit => ({
  listNameVi,
  listNameEn: listNameVi,
  validFrom: '2025-07-01',
  validTo: null,
  source: 'Quyết định thử nghiệm số 1',
  provisional,
});

/** A lookup holding one border commune, one extremely difficult commune and one poor household. */
export function lookup(overrides: { provisional?: boolean; lists?: string[] } = {}): ListLookup {
  const known = overrides.lists ?? ['border_communes', 'extremely_difficult_communes', 'poor_households'];
  const units: Record<string, Record<string, ListHit>> = {
    border_communes: { [BORDER]: entry('Xã biên giới', overrides.provisional) },
    extremely_difficult_communes: {
      [DIFFICULT]: entry('Xã đặc biệt khó khăn', overrides.provisional),
      [BORDER]: entry('Xã đặc biệt khó khăn'),
    },
  };
  return {
    list: (code) => (known.includes(code) ? { nameVi: code, nameEn: code } : undefined),
    unit: (list, unit) => (known.includes(list) ? units[list]?.[unit] : undefined),
    household: (list, id) =>
      known.includes(list) && list === 'poor_households' && id === POOR_HOUSEHOLD ? entry('Hộ nghèo') : undefined,
    unitName: (code) => ({ [BORDER]: 'Xã Mù Cả', [DIFFICULT]: 'Xã Nậm Tăm', [TOWN]: 'Phường Đoàn Kết' })[code] ?? code,
  };
}

/** A Kinh adult with permanent residence in a ward on no list: nothing applies. */
export const plain: ApplicantFacts = {
  personId: 'p1',
  birthDate: '1985-06-15',
  ethnicityCode: '01',
  residenceUnitCode: TOWN,
  householdId: '22222222-2222-4222-8222-222222222222',
};
export const input = (changes: Partial<FeeInput> = {}, facts: Partial<ApplicantFacts> = {}): FeeInput => ({
  channel: 'online',
  persons: 1,
  claim: null,
  asOf: '2026-03-10',
  ...changes,
  applicant: { ...plain, ...facts },
});
export const calc = (
  code: string,
  changes: Partial<FeeInput> = {},
  facts: Partial<ApplicantFacts> = {},
  lists = lookup(),
) => calculateFee(version(code), input(changes, facts), lists);

export function expectError(work: () => unknown, code: string, field?: string): void {
  try {
    work();
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    const e = error as AppError;
    expect(e.code).toBe(code);
    if (field) {
      expect(e.fields?.map((f) => f.field)).toEqual([field]);
      expect(e.fields![0]!.messageVi).toMatch(/[À-ỹ]/);
      expect(e.fields![0]!.messageEn).not.toBe(e.fields![0]!.messageVi);
    }
    return;
  }
  throw new Error(`expected ${code}`);
}
