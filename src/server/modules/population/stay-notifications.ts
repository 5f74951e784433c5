import { and, desc, gte, inArray, lte } from 'drizzle-orm';
import type { Db } from '../../platform/db';
import { logStayReads, type Reader } from './person-access-log';
import { persons, stayNotifications } from './population.schema';

/** A stay as the host notified it (2.001159). */
export interface StayNotification {
  dossierCode: string;
  unitCode: string;
  hostPersonId: string | null;
  hostName: string;
  address: string;
  arrivalDate: string;
  departureDate: string;
  reason: string | null;
  guests: Array<{ fullName: string; nationalId: string }>;
}

/**
 * Records a stay notification in the filing's transaction (no decision: Residence Law 2020 Art. 30
 * asks the host to notify, the police to receive). The guests' registry records are not touched.
 */
export async function recordStayNotification(tx: Db, stay: StayNotification): Promise<void> {
  if (stay.departureDate < stay.arrivalDate) throw new Error('recordStayNotification: departure before arrival');
  await tx.insert(stayNotifications).values(stay);
}

/**
 * The stays notified in these communes (null: all) that cover `on` (someone staying that day), newest
 * first. With `reader`, every host and guest shown gets an entry in their access log.
 */
export async function listStaysOn(
  db: Db,
  unitCodes: readonly string[] | null,
  on: string,
  reader?: Reader,
  limit = 200,
) {
  if (unitCodes?.length === 0) return [];
  const rows = await db
    .select()
    .from(stayNotifications)
    .where(
      and(
        unitCodes ? inArray(stayNotifications.unitCode, [...unitCodes]) : undefined,
        lte(stayNotifications.arrivalDate, on),
        gte(stayNotifications.departureDate, on),
      ),
    )
    .orderBy(desc(stayNotifications.recordedAt))
    .limit(limit);
  if (reader) {
    const hostIds = [...new Set(rows.flatMap((r) => (r.hostPersonId ? [r.hostPersonId] : [])))];
    const hosts = hostIds.length
      ? await db
          .select({ id: persons.id, nationalId: persons.nationalId })
          .from(persons)
          .where(inArray(persons.id, hostIds))
      : [];
    const idOf = new Map(hosts.map((h) => [h.id, h.nationalId]));
    await logStayReads(
      db,
      reader,
      rows.map((r) => ({
        dossierCode: r.dossierCode,
        host: r.hostPersonId ? { personId: r.hostPersonId, nationalId: idOf.get(r.hostPersonId) ?? undefined } : null,
        guests: r.guests,
      })),
    );
  }
  return rows.map(({ id: _id, hostPersonId: _host, ...r }) => ({ ...r, recordedAt: r.recordedAt.toISOString() }));
}
