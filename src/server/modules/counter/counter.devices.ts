import type { FastifyRequest } from 'fastify';
import { and, eq, gt, isNull } from 'drizzle-orm';
import type { Db } from '../../platform/db';
import { todayInVietnam } from '../../../contracts/common';
import type { CounterDeviceInfo, CounterDeviceStartBody } from '../../../contracts/counter';
import type { AccessContext } from '../identity';
import { getUnitNames } from '../units';
import { actorOf, counterUnit } from './counter.access';
import { recordsIn } from './counter.policy';
import { devices } from './counter.schema';

/** The signed cookie that marks a browser as a counter device (it holds the device id only). */
export const COUNTER_DEVICE_COOKIE = 'dvc06_counter_device';

/**
 * Who guided an assisted filing, as the dossier keeps it: the device, the counter's unit and
 * label, the officer. Taken from a device in use, never from what the citizen's browser says.
 */
export interface CounterAssistance {
  deviceId: string;
  unitCode: string;
  counterLabel: string;
  officerAccountId: string;
  officerName: string;
}

type DeviceRow = typeof devices.$inferSelect;

/** The device id in the request's cookie if its signature holds (a forged or edited cookie is no device). */
export function deviceIdOf(req: FastifyRequest): string | null {
  const raw = req.cookies[COUNTER_DEVICE_COOKIE];
  if (!raw) return null;
  const { valid, value } = req.unsignCookie(raw);
  return valid && value && /^[0-9a-f-]{36}$/.test(value) ? value : null;
}

/** The end of the day in Vietnam (UTC+7) of `day`: a counter device lasts one working day at most. */
export function endOfDayInVietnam(day: string): Date {
  return new Date(`${day}T23:59:59.999+07:00`);
}

async function present(db: Db, row: DeviceRow, today: string): Promise<CounterDeviceInfo> {
  const unitName = await getUnitNames(db, today);
  return {
    unitCode: row.unitCode,
    unitName: unitName(row.unitCode) ?? row.unitCode,
    counterLabel: row.counterLabel,
    officerName: row.officerName,
    startedAt: row.startedAt.toISOString(),
    expiresAt: row.expiresAt.toISOString(),
  };
}

/**
 * An officer makes the browser a counter device at their counter until the end of today. The
 * unit is one where they record counter visits (the same rule as a visit's unit).
 */
export async function startDevice(
  db: Db,
  access: AccessContext,
  body: CounterDeviceStartBody,
  now: Date,
): Promise<{ id: string; info: CounterDeviceInfo }> {
  const officer = actorOf(access);
  const today = todayInVietnam(now);
  const unitCode = await counterUnit(db, access, body.unitCode, today);
  const [row] = await db
    .insert(devices)
    .values({
      unitCode,
      counterLabel: body.counterLabel,
      officerAccountId: officer.accountId,
      officerName: officer.displayName,
      startedAt: now,
      expiresAt: endOfDayInVietnam(today),
    })
    .returning();
  return { id: row!.id, info: await present(db, row!, today) };
}

async function findActive(db: Db, id: string, now: Date): Promise<DeviceRow | undefined> {
  const rows = await db
    .select()
    .from(devices)
    .where(and(eq(devices.id, id), isNull(devices.endedAt), gt(devices.expiresAt, now)))
    .limit(1);
  return rows[0];
}

/** The device in use behind a (verified) cookie id, or null when it ended, expired or never was. */
export async function activeDevice(db: Db, id: string | null, now: Date): Promise<CounterDeviceInfo | null> {
  if (!id) return null;
  const row = await findActive(db, id, now);
  return row ? present(db, row, todayInVietnam(now)) : null;
}

/** The assistance a filing from this request's browser records: its counter device in use, or null. */
export async function assistanceOf(
  db: Db,
  req: FastifyRequest,
  now: Date = new Date(),
): Promise<CounterAssistance | null> {
  const id = deviceIdOf(req);
  if (!id) return null;
  const row = await findActive(db, id, now);
  return row
    ? {
        deviceId: row.id,
        unitCode: row.unitCode,
        counterLabel: row.counterLabel,
        officerAccountId: row.officerAccountId,
        officerName: row.officerName,
      }
    : null;
}

/** An officer turns the device off (any officer who records at its unit: the counter's colleagues too). Idempotent. */
export async function endDevice(db: Db, access: AccessContext, id: string | null, now: Date): Promise<void> {
  const officer = actorOf(access);
  if (!id) return;
  const row = await findActive(db, id, now);
  if (!row || !recordsIn(access, row.unitCode)) return;
  await db
    .update(devices)
    .set({ endedAt: now, endedByAccountId: officer.accountId })
    .where(and(eq(devices.id, id), isNull(devices.endedAt)));
}
