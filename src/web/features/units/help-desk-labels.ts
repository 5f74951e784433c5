import type { HelpDeskKind, HelpDeskRecord } from '../../../contracts/help-desks';
import type { MessageKey } from '../../shell/dictionary';
import type { StatusKind } from '../../components/StatusTag';

/** The name of each kind of help desk. */
export const KIND_LABEL: Record<HelpDeskKind, MessageKey> = {
  one_stop_counter: 'units.desks.kind.one_stop_counter',
  police: 'units.desks.kind.police',
  service_centre: 'units.desks.kind.service_centre',
};

/** The kinds a unit of this level may have (as the server checks them: help-desks.rules.ts). */
export function kindsFor(level: 'province' | 'district' | 'commune'): HelpDeskKind[] {
  if (level === 'province') return ['service_centre', 'police'];
  if (level === 'district') return ['one_stop_counter', 'police'];
  return ['one_stop_counter', 'police', 'service_centre'];
}

/** Where a row stands today: in force, from a later day, ended, replaced, or withdrawn before it held. */
export function deskStatus(desk: HelpDeskRecord, today: string): { kind: StatusKind; label: MessageKey } {
  if (desk.validTo !== null && desk.validTo < desk.validFrom)
    return { kind: 'neutral', label: 'units.desks.withdrawn' };
  if (desk.validFrom > today) return { kind: 'info', label: 'units.desks.future' };
  if (desk.validTo === null || desk.validTo >= today) return { kind: 'ok', label: 'units.desks.current' };
  return { kind: 'neutral', label: desk.replacedById ? 'units.desks.replaced' : 'units.desks.ended' };
}
