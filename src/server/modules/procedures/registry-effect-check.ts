import type { FieldProblem } from '../../../contracts/messages';
import type { FieldWidget, ProcedureDefinition, RegistryEffect } from '../../../contracts/procedures';
import { problem } from './procedures.errors';

const ADDRESS = {
  'address.commune': ['commune'],
  'address.village': ['text'],
  'address.street': ['text'],
} as const satisfies Record<string, readonly FieldWidget[]>;

/** Per kind of effect, the widget each form field it names must have (dotted paths into the effect). */
const EXPECTED_WIDGETS: Record<RegistryEffect['kind'], Record<string, readonly FieldWidget[]>> = {
  register_permanent_residence: {
    ...ADDRESS,
    headNationalId: ['nationalId'],
    relationToHead: ['select'],
    members: ['table'],
  },
  register_temporary_residence: { ...ADDRESS, until: ['date'] },
  extend_temporary_residence: { until: ['date'] },
  end_residence: { ground: ['select'], members: ['table'] },
  record_temporary_absence: { from: ['date'], until: ['date'], destination: ['text'], reason: ['select'] },
  split_household: { headNationalId: ['nationalId'], relationToHead: ['select'], members: ['table'] },
  register_birth: {
    fullName: ['text'],
    birthDate: ['date'],
    sex: ['select'],
    ethnicity: ['text', 'select'],
    nationality: ['text', 'select'],
  },
  record_death: { nationalId: ['nationalId'], fullName: ['text'], birthDate: ['date'], deathDate: ['date'] },
  record_stay: {
    address: ['text', 'textarea'],
    arrival: ['date'],
    departure: ['date'],
    reason: ['text', 'textarea'],
    guests: ['table'],
  },
  adjust_residence_data: {
    what: ['select'],
    headNationalId: ['nationalId'],
    addressLine: ['text'],
    members: ['table'],
  },
};

/**
 * A registry effect names form fields of the kinds its function reads: a commune field for the
 * commune, text for the village and street, an ID number for the household head, a select for
 * the relation, a table for the members, a date for an end date; and only residence procedures
 * handled by the commune police change residence.
 */
export function checkRegistryEffect(def: ProcedureDefinition): FieldProblem[] {
  const effect = def.registryEffect;
  if (!effect) return [];
  const out: FieldProblem[] = [];
  const expect = (key: string, name: string | undefined, widgets: readonly FieldWidget[]) => {
    if (name === undefined) return;
    const widget = def.form.fields[name]?.widget;
    if (!widget || !widgets.includes(widget))
      out.push(
        problem(
          `registryEffect.${key}`,
          `Tác động CSDL: trường ${name} phải là trường "${widgets.join('/')}" của tờ khai`,
          `Registry effect: field ${name} must be a "${widgets.join('/')}" field of the form`,
        ),
      );
  };
  if (effect.kind === 'register_birth' || effect.kind === 'record_death') {
    if (def.field !== 'civil_status' || def.handledByRole !== 'civil_status_officer')
      out.push(
        problem(
          'registryEffect',
          'Chỉ thủ tục hộ tịch do công chức tư pháp – hộ tịch giải quyết mới ghi khai sinh, khai tử vào CSDL',
          'Only civil-status procedures of the civil-status officer register a birth or a death',
        ),
      );
  } else if (def.field !== 'residence' || def.handledByRole !== 'commune_police')
    out.push(
      problem(
        'registryEffect',
        'Chỉ thủ tục cư trú do Công an cấp xã giải quyết mới thay đổi nơi cư trú',
        'Only residence procedures of the commune police change residence',
      ),
    );
  for (const [key, widgets] of Object.entries(EXPECTED_WIDGETS[effect.kind])) {
    const name = key.split('.').reduce<unknown>((v, k) => (v as Record<string, unknown> | undefined)?.[k], effect);
    expect(key, typeof name === 'string' ? name : undefined, widgets);
  }
  return out;
}
