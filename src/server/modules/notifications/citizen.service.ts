import { and, count, desc, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../platform/db';
import type {
  Inbox,
  InboxMessage,
  NotificationEvent,
  NotificationPreferences,
  NotificationPreferencesBody,
} from '../../../contracts/notifications';
import { SMS_NOTIFICATIONS } from '../../../contracts/consent-texts';
import { grantConsent, hasActiveConsent, withdrawConsent } from '../audit';
import { findPersonIdByNationalId, findRegistryContact } from '../population';
import { isEmailAddress, normalizeMobile } from './addresses';
import { messageNotFound, preferencesInvalid } from './notifications.errors';
import { inboxMessages, preferences } from './notifications.schema';

/** The signed-in citizen, as the routes know them. */
export interface CitizenRef {
  accountId: string;
  personId: string | null;
  nationalId: string | null;
  /** The citizen's access-log subject (audit pseudonym), for their consent record. */
  subject: string | null;
}

function presentMessage(row: typeof inboxMessages.$inferSelect): InboxMessage {
  return {
    id: row.id,
    event: row.event as NotificationEvent,
    dossierCode: row.dossierCode,
    subjectVi: row.subjectVi,
    subjectEn: row.subjectEn,
    bodyVi: row.bodyVi,
    bodyEn: row.bodyEn,
    createdAt: row.createdAt.toISOString(),
    readAt: row.readAt?.toISOString() ?? null,
  };
}

/** The citizen's in-app messages, newest first (at most `limit`), and how many are unread. */
export async function listInbox(db: Db, accountId: string, limit = 50): Promise<Inbox> {
  const rows = await db
    .select()
    .from(inboxMessages)
    .where(eq(inboxMessages.accountId, accountId))
    .orderBy(desc(inboxMessages.createdAt), desc(inboxMessages.id))
    .limit(limit);
  const [unread] = await db
    .select({ n: count() })
    .from(inboxMessages)
    .where(and(eq(inboxMessages.accountId, accountId), isNull(inboxMessages.readAt)));
  return { unread: Number(unread?.n ?? 0), items: rows.map(presentMessage) };
}

/** Marks one of the citizen's messages read (again: unchanged); someone else's answers 404 like a missing one. */
export async function markRead(db: Db, accountId: string, messageId: string): Promise<InboxMessage> {
  const [row] = await db
    .select()
    .from(inboxMessages)
    .where(and(eq(inboxMessages.id, messageId), eq(inboxMessages.accountId, accountId)))
    .limit(1);
  if (!row) throw messageNotFound();
  if (row.readAt) return presentMessage(row);
  const [updated] = await db
    .update(inboxMessages)
    .set({ readAt: new Date() })
    .where(eq(inboxMessages.id, row.id))
    .returning();
  return presentMessage(updated ?? row);
}

/** The citizen's channels: their choice, else the defaults (inbox and the registry's e-mail), registry values as prefill. */
export async function getPreferences(db: Db, citizen: CitizenRef): Promise<NotificationPreferences> {
  const personId =
    citizen.personId ?? (citizen.nationalId ? await findPersonIdByNationalId(db, citizen.nationalId) : undefined);
  const registry = personId ? await findRegistryContact(db, personId) : undefined;
  const [prefs] = await db.select().from(preferences).where(eq(preferences.accountId, citizen.accountId)).limit(1);
  const registryEmail = registry?.email ?? null;
  const registryPhone = registry?.phone ?? null;
  if (!prefs)
    return {
      emailEnabled: Boolean(registryEmail),
      email: registryEmail,
      smsEnabled: false,
      phone: registryPhone,
      registryEmail,
      registryPhone,
      chosen: false,
    };
  return {
    emailEnabled: prefs.emailEnabled,
    email: prefs.email,
    smsEnabled: prefs.smsEnabled,
    phone: prefs.phone,
    registryEmail,
    registryPhone,
    chosen: true,
  };
}

/**
 * Saves the citizen's channels. An enabled channel needs a well-formed address; turning SMS on
 * needs the citizen's explicit consent (the `sms_notifications` offer of consent-texts, recorded in
 * `audit`; one given on the consents page counts), turning it off withdraws it. One transaction.
 */
export async function savePreferences(
  db: Db,
  citizen: CitizenRef,
  body: NotificationPreferencesBody,
): Promise<NotificationPreferences> {
  const email = body.email?.trim() || null;
  const phoneRaw = body.phone?.trim() || null;
  if (email && !isEmailAddress(email))
    throw preferencesInvalid('email', 'Địa chỉ e-mail không hợp lệ', 'The e-mail address is not valid');
  if (body.emailEnabled && !email)
    throw preferencesInvalid('email', 'Nhập địa chỉ e-mail để nhận thông báo qua e-mail', 'Enter an e-mail address');
  const phone = phoneRaw ? normalizeMobile(phoneRaw) : undefined;
  if (phoneRaw && !phone)
    throw preferencesInvalid(
      'phone',
      'Số điện thoại di động không hợp lệ (ví dụ 0912345678)',
      'Not a Vietnamese mobile number (e.g. 0912345678)',
    );
  if (body.smsEnabled && !phone)
    throw preferencesInvalid('phone', 'Nhập số điện thoại để nhận tin nhắn SMS', 'Enter a mobile number for SMS');
  await db.transaction(async (tx) => {
    const subject = citizen.subject;
    const consented = subject ? await hasActiveConsent(tx, subject, SMS_NOTIFICATIONS.purposeCode) : false;
    if (body.smsEnabled && !consented) {
      if (!body.consent || !subject)
        throw preferencesInvalid(
          'consent',
          'Cần bạn đồng ý cho gửi số điện thoại tới nhà mạng để nhận SMS',
          'Your consent is needed to send your number to the SMS carrier',
        );
      await grantConsent(tx, {
        subject,
        accountId: citizen.accountId,
        purposeCode: SMS_NOTIFICATIONS.purposeCode,
        textVersion: body.lang === 'en' ? SMS_NOTIFICATIONS.versionEn : SMS_NOTIFICATIONS.versionVi,
        text: body.lang === 'en' ? SMS_NOTIFICATIONS.textEn : SMS_NOTIFICATIONS.textVi,
        channel: 'web',
        agreed: true,
      });
    }
    if (!body.smsEnabled && consented && subject)
      await withdrawConsent(tx, { subject, purposeCode: SMS_NOTIFICATIONS.purposeCode });
    const values = {
      emailEnabled: body.emailEnabled,
      email,
      smsEnabled: body.smsEnabled,
      phone: phone ? `0${phone.slice(2)}` : null,
      updatedAt: new Date(),
    };
    await tx
      .insert(preferences)
      .values({ accountId: citizen.accountId, ...values })
      .onConflictDoUpdate({ target: preferences.accountId, set: values });
  });
  return getPreferences(db, citizen);
}
