import { beforeAll } from 'vitest';
import { toVietnamIso } from '../../../contracts/calendar';
import { readReferenceSchedules } from './calendar.service';
import { buildWorkingCalendar, type WorkingCalendar } from './working-calendar';

/** A Vietnam-time instant from "YYYY-MM-DDTHH:MM:SS". */
export const at = (local: string) => new Date(`${local}+07:00`);

/** An instant as Vietnam time without the offset, "YYYY-MM-DDTHH:MM:SS". */
export const vn = (d: Date) => toVietnamIso(d).replace('+07:00', '');

/**
 * The real announced schedules of 2024–2026 (reference/calendar, DOMAIN.md §6) with other years
 * derived, default hours 07:30–11:30 and 13:30–17:00, built once for the calling test file.
 */
export function useReferenceCalendar(): () => WorkingCalendar {
  let cal: WorkingCalendar | undefined;
  beforeAll(async () => {
    cal = buildWorkingCalendar(await readReferenceSchedules());
  });
  return () => cal!;
}
