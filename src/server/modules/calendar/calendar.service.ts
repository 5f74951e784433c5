import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import type { Db } from '../../platform/db';
import {
  CALENDAR_DAY_KINDS,
  CALENDAR_YEAR_LIMITS,
  type CalendarDayChange,
  type CalendarDayInput,
  type CalendarYear,
  type CalendarYearChange,
} from '../../../contracts/calendar';
import { formatDateVi } from '../../../contracts/common';
import type { CalendarEntry, StoredYear, WorkingHours } from './calendar.types';
import { CalendarYearError, dayAlreadyExists, dayInvalid, dayNotFound, yearNotStored } from './calendar.errors';
import { dayNumberOf, weekdayOf } from './days';
import { workingDaysBetween } from './deadline';
import { PROVISIONAL_YEAR_SOURCE } from './provisional';
import * as repo from './calendar.repository';
import { buildWorkingCalendar, workingHoursFrom, type WorkingCalendar } from './working-calendar';

/**
 * How long a cached snapshot is trusted without re-reading the tables. Edits made through this
 * process invalidate it at once; the time-to-live bounds staleness when several server processes
 * share one PostgreSQL database.
 */
export const CALENDAR_CACHE_TTL_MS = 60_000;

const cache = new WeakMap<Db, { loadedAt: number; snapshot: Promise<WorkingCalendar> }>();
const hoursByDb = new WeakMap<Db, WorkingHours>();

/** Binds the configured working hours to a database handle (done by `calendarRoutes` at app start). */
export function bindWorkingHours(db: Db, hours: WorkingHours): void {
  if (hoursByDb.get(db)?.text !== hours.text) cache.delete(db);
  hoursByDb.set(db, hours);
}

/** Forgets the cached snapshot of a database (after an edit). */
export function invalidateWorkingCalendar(db: Db): void {
  cache.delete(db);
}

/**
 * The working calendar of a database: stored years from the tables, other years derived from the
 * law; the working hours bound by `calendarRoutes` (the configuration) or the default ones.
 * Cached in memory per database handle — pass the application's `database.db`, not a transaction.
 */
export async function loadWorkingCalendar(
  db: Db,
  options: { workingHours?: WorkingHours } = {},
): Promise<WorkingCalendar> {
  if (options.workingHours) return buildWorkingCalendar(await repo.listStoredYears(db), options.workingHours);
  const hit = cache.get(db);
  if (hit && Date.now() - hit.loadedAt < CALENDAR_CACHE_TTL_MS) return hit.snapshot;
  const snapshot = repo
    .listStoredYears(db)
    .then((stored) => buildWorkingCalendar(stored, hoursByDb.get(db) ?? workingHoursFrom()));
  const entry = { loadedAt: Date.now(), snapshot };
  cache.set(db, entry);
  snapshot.catch(() => {
    if (cache.get(db) === entry) cache.delete(db);
  });
  return snapshot;
}

/** A year's schedule as the API shows it. */
export function presentYear(cal: WorkingCalendar, year: number): CalendarYear {
  const y = cal.years.get(year);
  if (!y) throw new CalendarYearError(year, cal.coverage);
  return {
    year,
    provisional: y.provisional,
    stored: y.stored,
    source: y.source,
    updatedAt: y.updatedAt ? y.updatedAt.toISOString() : null,
    days: y.days.map((d) => ({
      date: d.date,
      kind: d.kind,
      name: d.name,
      source: d.source,
      provisional: y.provisional,
    })),
    workingDays: workingDaysBetween(cal, `${year}-01-01`, `${year}-12-31`),
    workingHours: cal.workingHours.text,
  };
}

/** Refuses an entry whose kind does not fit its date. */
function checkEntry(entry: CalendarEntry): void {
  const weekday = weekdayOf(dayNumberOf(entry.date));
  const when = formatDateVi(entry.date);
  const year = Number(entry.date.slice(0, 4));
  if (year < CALENDAR_YEAR_LIMITS.min || year > CALENDAR_YEAR_LIMITS.max) {
    const range = `${CALENDAR_YEAR_LIMITS.min}–${CALENDAR_YEAR_LIMITS.max}`;
    throw dayInvalid(
      'date',
      `Ngày ${when} nằm ngoài các năm lịch quản lý (${range})`,
      `${entry.date} is outside the years the calendar keeps (${range})`,
    );
  }
  if (entry.kind === 'working_saturday' && weekday !== 6) {
    throw dayInvalid(
      'kind',
      `Ngày ${when} không phải thứ Bảy: chỉ thứ Bảy mới là ngày làm bù`,
      `${entry.date} is not a Saturday: only Saturdays can be working Saturdays`,
    );
  }
  if (entry.kind !== 'working_saturday' && (weekday === 0 || weekday === 6)) {
    throw dayInvalid(
      'date',
      `Ngày ${when} là ngày nghỉ hằng tuần; ngày lễ trùng cuối tuần thì nhập ngày nghỉ bù (ngày làm việc kế tiếp)`,
      `${entry.date} is a weekend day; for a holiday on a weekend enter its compensatory weekday instead`,
    );
  }
}

/**
 * Runs an edit of one year in a transaction. A year still derived from the law is first stored
 * as derived (provisional), so the edit applies to the whole schedule the administrator sees.
 */
async function editYear<T>(
  db: Db,
  cal: WorkingCalendar,
  year: number,
  actorId: string | null,
  edit: (tx: Db) => Promise<T>,
): Promise<T> {
  const shown = cal.years.get(year);
  const result = await db.transaction(async (tx) => {
    if (shown && !shown.stored)
      await repo.insertYearIfAbsent(
        tx,
        { year, provisional: true, source: PROVISIONAL_YEAR_SOURCE, days: shown.days },
        actorId,
      );
    else if (!shown)
      await repo.insertYearIfAbsent(
        tx,
        { year, provisional: true, source: 'Nhập tay bởi quản trị viên; chưa có thông báo chính thức', days: [] },
        actorId,
      );
    const value = await edit(tx);
    await repo.touchYear(tx, year, actorId);
    return value;
  });
  invalidateWorkingCalendar(db);
  return result;
}

/** Adds a day off or a working Saturday. */
export async function addDay(db: Db, input: CalendarDayInput, actorId: string | null): Promise<CalendarEntry> {
  const entry: CalendarEntry = { date: input.date, kind: input.kind, name: input.name, source: input.source };
  checkEntry(entry);
  const cal = await loadWorkingCalendar(db);
  await editYear(db, cal, Number(entry.date.slice(0, 4)), actorId, async (tx) => {
    if (!(await repo.insertDay(tx, entry, actorId))) throw dayAlreadyExists(entry.date);
  });
  return entry;
}

/** Changes the kind, name or source of a day. */
export async function changeDay(
  db: Db,
  date: string,
  change: CalendarDayChange,
  actorId: string | null,
): Promise<CalendarEntry> {
  const entry: CalendarEntry = { date, ...change };
  checkEntry(entry);
  const cal = await loadWorkingCalendar(db);
  await editYear(db, cal, Number(date.slice(0, 4)), actorId, async (tx) => {
    if (!(await repo.updateDay(tx, entry, actorId))) throw dayNotFound(date);
  });
  return entry;
}

/** Removes a day (it becomes an ordinary day: a working weekday or a weekend). */
export async function removeDay(db: Db, date: string, actorId: string | null): Promise<void> {
  const cal = await loadWorkingCalendar(db);
  await editYear(db, cal, Number(date.slice(0, 4)), actorId, async (tx) => {
    if (!(await repo.deleteDay(tx, date))) throw dayNotFound(date);
  });
}

/** Sets a year's announcement and whether it is still provisional (stores the derived schedule first if needed). */
export async function changeYear(
  db: Db,
  year: number,
  change: CalendarYearChange,
  actorId: string | null,
): Promise<void> {
  const cal = await loadWorkingCalendar(db);
  await editYear(db, cal, year, actorId, async (tx) => {
    await repo.touchYear(tx, year, actorId, change);
  });
}

/** Drops a year's stored schedule: the year goes back to the provisional one derived from the law. */
export async function resetYear(db: Db, year: number): Promise<void> {
  if (!(await repo.deleteYear(db, year))) throw yearNotStored(year);
  invalidateWorkingCalendar(db);
}

/** The reference file of announced schedules (public facts, attribution inside). */
export const CALENDAR_REFERENCE_FILE = fileURLToPath(
  new URL('../../../../reference/calendar/holidays-2024-2026.json', import.meta.url),
);

const ReferenceFile = z.object({
  attribution: z.string(),
  years: z.array(
    z.object({
      year: z.number().int(),
      source: z.string().min(1),
      days: z.array(
        z.object({
          date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
          kind: z.enum(CALENDAR_DAY_KINDS),
          name: z.string().min(1),
          source: z.string().min(1),
        }),
      ),
    }),
  ),
});

/** The announced schedules shipped in reference/calendar, checked (kinds fit their dates, dates in their year). */
export async function readReferenceSchedules(file = CALENDAR_REFERENCE_FILE): Promise<StoredYear[]> {
  const parsed = ReferenceFile.parse(JSON.parse(await readFile(file, 'utf8')));
  return parsed.years.map((y) => {
    for (const d of y.days) {
      if (!d.date.startsWith(`${y.year}-`)) throw new RangeError(`${file}: ${d.date} is not in ${y.year}`);
      checkEntry(d);
    }
    return { year: y.year, provisional: false, source: y.source, updatedAt: null, days: y.days };
  });
}

/**
 * Stores the announced schedules of reference/calendar (2024–2026) for every year not stored
 * yet. Idempotent; never overwrites a year an administrator has edited. Called at start.
 */
export async function seedCalendar(db: Db): Promise<void> {
  const schedules = await readReferenceSchedules();
  let changed = false;
  await db.transaction(async (tx) => {
    for (const y of schedules) changed = (await repo.insertYearIfAbsent(tx, y, null)) || changed;
  });
  if (changed) invalidateWorkingCalendar(db);
}
