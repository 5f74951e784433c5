import { asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db';
import type { CalendarEntry, StoredYear } from './calendar.types';
import { days, years } from './calendar.schema';

/** Queries of the calendar module; every function takes the database or a transaction first. */

/** Every stored year with its days, in order. */
export async function listStoredYears(db: Db): Promise<StoredYear[]> {
  const [yearRows, dayRows] = await Promise.all([
    db.select().from(years).orderBy(asc(years.year)),
    db
      .select({ date: days.day, year: days.year, kind: days.kind, name: days.name, source: days.source })
      .from(days)
      .orderBy(asc(days.day)),
  ]);
  const byYear = new Map<number, CalendarEntry[]>();
  for (const d of dayRows) {
    const list = byYear.get(d.year) ?? [];
    list.push({ date: d.date, kind: d.kind, name: d.name, source: d.source });
    byYear.set(d.year, list);
  }
  return yearRows.map((y) => ({
    year: y.year,
    provisional: y.provisional,
    source: y.source,
    updatedAt: y.updatedAt,
    days: byYear.get(y.year) ?? [],
  }));
}

/**
 * Stores a year with its days unless the year is already stored. Returns false when it was
 * (then nothing is written: administrators' edits are never overwritten).
 */
export async function insertYearIfAbsent(
  db: Db,
  year: Omit<StoredYear, 'updatedAt'>,
  actorId: string | null,
): Promise<boolean> {
  const inserted = await db
    .insert(years)
    .values({ year: year.year, provisional: year.provisional, source: year.source, updatedBy: actorId })
    .onConflictDoNothing({ target: years.year })
    .returning({ year: years.year });
  if (inserted.length === 0) return false;
  if (year.days.length > 0) {
    await db.insert(days).values(
      year.days.map((d) => ({
        day: d.date,
        year: year.year,
        kind: d.kind,
        name: d.name,
        source: d.source,
        updatedBy: actorId,
      })),
    );
  }
  return true;
}

export async function findDay(db: Db, date: string): Promise<CalendarEntry | undefined> {
  const [row] = await db
    .select({ date: days.day, kind: days.kind, name: days.name, source: days.source })
    .from(days)
    .where(eq(days.day, date));
  return row;
}

/** Inserts a day; false when the date already has an entry. */
export async function insertDay(db: Db, entry: CalendarEntry, actorId: string | null): Promise<boolean> {
  const rows = await db
    .insert(days)
    .values({
      day: entry.date,
      year: Number(entry.date.slice(0, 4)),
      kind: entry.kind,
      name: entry.name,
      source: entry.source,
      updatedBy: actorId,
    })
    .onConflictDoNothing({ target: days.day })
    .returning({ day: days.day });
  return rows.length > 0;
}

/** Replaces a day's kind, name and source; false when there is no such day. */
export async function updateDay(db: Db, entry: CalendarEntry, actorId: string | null): Promise<boolean> {
  const rows = await db
    .update(days)
    .set({ kind: entry.kind, name: entry.name, source: entry.source, updatedAt: sql`now()`, updatedBy: actorId })
    .where(eq(days.day, entry.date))
    .returning({ day: days.day });
  return rows.length > 0;
}

export async function deleteDay(db: Db, date: string): Promise<boolean> {
  const rows = await db.delete(days).where(eq(days.day, date)).returning({ day: days.day });
  return rows.length > 0;
}

/** Marks a year as changed (who, when); optionally sets its source and provisional flag. */
export async function touchYear(
  db: Db,
  year: number,
  actorId: string | null,
  change?: { source: string; provisional: boolean },
): Promise<boolean> {
  const rows = await db
    .update(years)
    .set({ ...(change ?? {}), updatedAt: sql`now()`, updatedBy: actorId })
    .where(eq(years.year, year))
    .returning({ year: years.year });
  return rows.length > 0;
}

/** Deletes a stored year and its days (the year goes back to the law-derived schedule). */
export async function deleteYear(db: Db, year: number): Promise<boolean> {
  const rows = await db.delete(years).where(eq(years.year, year)).returning({ year: years.year });
  return rows.length > 0;
}
