import { and, desc, gte, inArray, lte } from 'drizzle-orm';
import type { Db } from '../../platform/db';
import { stayNotifications } from './population.schema';

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

/** The stays notified in these communes (null: all) that cover `on` (someone staying that day), newest first. */
export async function listStaysOn(db: Db, unitCodes: readonly string[] | null, on: string, limit = 200) {
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
  return rows.map(({ id: _id, hostPersonId: _host, ...r }) => ({ ...r, recordedAt: r.recordedAt.toISOString() }));
}
