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
  register_newborn_residence: { headNationalId: ['nationalId'], relationToHead: ['select'] },
  end_residence_of_deceased: { nationalId: ['nationalId'] },
  record_marriage: { partnerNationalId: ['text', 'nationalId'], partnerFullName: ['text'], partnerBirthDate: ['date'] },
};

const CIVIL_STATUS_KINDS: readonly RegistryEffect['kind'][] = ['register_birth', 'record_death', 'record_marriage'];

/**
 * A registry effect names form fields of the kinds its function reads: a commune field for the
 * commune, text for the village and street, an ID number for the household head, a select for
 * the relation, a table for the members, a date for an end date; and only residence procedures
 * handled by the commune police change residence. The steps of an interlinked group are checked
 * the same way against the group's form and the role of the step; a group runs as steps only when
 * every step says what completing it does and who does it.
 */
export function checkRegistryEffect(def: ProcedureDefinition): FieldProblem[] {
  const out: FieldProblem[] = [];
  const effect = def.registryEffect;
  if (effect) {
    const civilStatus = CIVIL_STATUS_KINDS.includes(effect.kind);
    if (civilStatus && (def.field !== 'civil_status' || def.handledByRole !== 'civil_status_officer'))
      out.push(
        problem(
          'registryEffect',
          'Chỉ thủ tục hộ tịch do công chức tư pháp – hộ tịch giải quyết mới ghi khai sinh, khai tử, kết hôn vào CSDL',
          'Only civil-status procedures of the civil-status officer register a birth, a death or a marriage',
        ),
      );
    else if (!civilStatus && (def.field !== 'residence' || def.handledByRole !== 'commune_police'))
      out.push(
        problem(
          'registryEffect',
          'Chỉ thủ tục cư trú do Công an cấp xã giải quyết mới thay đổi nơi cư trú',
          'Only residence procedures of the commune police change residence',
        ),
      );
    out.push(...checkFields(def, effect, 'registryEffect'));
  }
  const stepped = def.components.filter((c) => c.step);
  if (stepped.length && stepped.length !== def.components.length)
    out.push(
      problem('components', 'Mỗi bước liên thông phải có tác động', 'Every step of the group must say what it does'),
    );
  def.components.forEach((c, i) => {
    if (!c.step) return;
    if (!c.role)
      out.push(
        problem(
          `components.${i}.role`,
          'Bước liên thông phải có vai trò thực hiện',
          'A step needs the role that performs it',
        ),
      );
    // A sector officer's step names its sector: otherwise every sector would see and perform it.
    if (c.role === 'sector_officer' && !c.sector)
      out.push(
        problem(
          `components.${i}.sector`,
          'Bước do cán bộ ngành thực hiện phải ghi rõ ngành (bảo hiểm y tế, an sinh xã hội…)',
          "A sector officer's step must name its sector (health insurance, social protection…)",
        ),
      );
    if (c.step.kind !== 'registry') return;
    const wanted = CIVIL_STATUS_KINDS.includes(c.step.effect.kind) ? 'civil_status_officer' : 'commune_police';
    if (c.role !== wanted)
      out.push(
        problem(
          `components.${i}.role`,
          `Bước này thay đổi CSDL: phải do vai trò ${wanted} thực hiện`,
          `This step changes the registry: it must be performed by the role ${wanted}`,
        ),
      );
    out.push(...checkFields(def, c.step.effect, `components.${i}.step.effect`));
  });
  return out;
}

function checkFields(def: ProcedureDefinition, effect: RegistryEffect, at: string): FieldProblem[] {
  const out: FieldProblem[] = [];
  for (const [key, widgets] of Object.entries(EXPECTED_WIDGETS[effect.kind])) {
    const name = key.split('.').reduce<unknown>((v, k) => (v as Record<string, unknown> | undefined)?.[k], effect);
    if (typeof name !== 'string') continue;
    const widget = def.form.fields[name]?.widget;
    if (!widget || !widgets.includes(widget))
      out.push(
        problem(
          `${at}.${key}`,
          `Tác động CSDL: trường ${name} phải là trường "${widgets.join('/')}" của tờ khai`,
          `Registry effect: field ${name} must be a "${widgets.join('/')}" field of the form`,
        ),
      );
  }
  return out;
}
