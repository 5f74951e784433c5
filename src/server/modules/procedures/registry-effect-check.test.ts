import { beforeAll, describe, expect, it } from 'vitest';
import type { ProcedureDefinition } from '../../../contracts/procedures';
import { loadReferenceProcedures } from './procedures.seed';
import { checkRegistryEffect } from './registry-effect-check';

/** The steps of an interlinked group are checked like a version's effect: fields of the right kind, the right role. */
let group: ProcedureDefinition;
beforeAll(async () => {
  const all = await loadReferenceProcedures();
  group = all.find((p) => p.code === 'LT.01' && p.effectiveFrom === '2026-12-06')!;
});

const withComponents = (f: (c: ProcedureDefinition['components']) => ProcedureDefinition['components']) => ({
  ...group,
  components: f(structuredClone(group.components)),
});

describe('the steps of an interlinked group', () => {
  it('accept the reference groups', () => {
    expect(checkRegistryEffect(group)).toEqual([]);
  });

  it('refuse a registry step by a role that does not keep that registry', () => {
    const def = withComponents((c) => [c[0]!, { ...c[1]!, role: 'one_stop_officer' }, ...c.slice(2)]);
    expect(checkRegistryEffect(def).map((p) => p.field)).toEqual(['components.1.role']);
  });

  it('refuse a step naming a field the form does not have', () => {
    const def = withComponents((c) => {
      const step = c[1]!.step!;
      if (step.kind !== 'registry' || step.effect.kind !== 'register_newborn_residence') throw new Error('unexpected');
      step.effect.headNationalId = 'nowhere';
      return c;
    });
    expect(checkRegistryEffect(def).map((p) => p.field)).toEqual(['components.1.step.effect.headNationalId']);
  });

  it('refuse a group where one step says nothing of what it does', () => {
    const def = withComponents((c) => [c[0]!, c[1]!, { ...c[2]!, step: undefined }, c[3]!]);
    expect(checkRegistryEffect(def).map((p) => p.field)).toEqual(['components']);
  });

  it('refuse a sector officer’s step without its sector', () => {
    const def = withComponents((c) => [c[0]!, c[1]!, { ...c[2]!, sector: null }, c[3]!]);
    expect(checkRegistryEffect(def).map((p) => p.field)).toEqual(['components.2.sector']);
  });
});
