import type { CalendarDayKind } from '../../../contracts/calendar';
import type { MessageKey } from '../../shell/dictionary';
import type { StatusKind } from '../../components/StatusTag';

/** Dictionary key of a kind of calendar day. */
export function kindKey(kind: CalendarDayKind): MessageKey {
  return `calendar.kind.${kind}`;
}

/** Tag colour of a kind: days off warn, working Saturdays are informational. */
export function kindTone(kind: CalendarDayKind): StatusKind {
  return kind === 'working_saturday' ? 'info' : kind === 'holiday' ? 'danger' : 'warn';
}

/** Dictionary key of the weekday of a YYYY-MM-DD date (0 = Sunday). */
export function weekdayKey(date: string): MessageKey {
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay() as 0 | 1 | 2 | 3 | 4 | 5 | 6;
  return `calendar.weekday.${weekday}`;
}

/** "dd/mm/yyyy HH:mm" of an instant written with the +07:00 offset, read as Vietnam wall time (not the browser's zone). */
export function formatVietnamDateTime(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(iso);
  return m ? `${m[4]}:${m[5]} ${m[3]}/${m[2]}/${m[1]}` : iso;
}

/** The ISO 8601 instant of a wall-clock time in Vietnam (YYYY-MM-DDTHH:mm picked in a form). */
export function vietnamInstant(localDateTime: string): string {
  return `${localDateTime.slice(0, 16)}:00+07:00`;
}
