import type { FieldProblem } from '../../../contracts/messages';
import type { FieldWidget, ProcedureDefinition } from '../../../contracts/procedures';
import { problem } from './procedures.errors';

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
  if (def.field !== 'residence' || def.handledByRole !== 'commune_police')
    out.push(
      problem(
        'registryEffect',
        'Chỉ thủ tục cư trú do Công an cấp xã giải quyết mới thay đổi nơi cư trú',
        'Only residence procedures of the commune police change residence',
      ),
    );
  if (effect.kind !== 'extend_temporary_residence') {
    expect('address.commune', effect.address.commune, ['commune']);
    expect('address.village', effect.address.village, ['text']);
    expect('address.street', effect.address.street, ['text']);
  }
  if (effect.kind === 'register_permanent_residence') {
    expect('headNationalId', effect.headNationalId, ['nationalId']);
    expect('relationToHead', effect.relationToHead, ['select']);
    expect('members', effect.members, ['table']);
  } else {
    expect('until', effect.until, ['date']);
  }
  return out;
}
