import { eq } from 'drizzle-orm';
import type { Db } from '../../platform/db';
import { todayInVietnam } from '../../../contracts/common';
import type { NotificationChannel, NotificationEvent } from '../../../contracts/notifications';
import { consumeTransitionFeed, handleEachTransition, supplementWindowEnd, type TransitionFeedItem } from '../dossiers';
import { findRegistryContact } from '../population';
import { hasActiveConsent } from '../audit';
import { dossierFeeMoney } from '../payments';
import { SMS_NOTIFICATIONS } from '../../../contracts/consent-texts';
import type { JobQueue } from '../jobs';
import { isEmailAddress, normalizeMobile } from './addresses';
import { eventOf, valuesFor, type MessageValues } from './events';
import { feedCursors, handledTransitions, outbox, preferences } from './notifications.schema';
import { render } from './templates';
import { templateInForce, type TemplateRow } from './templates.service';

/** The queue whose jobs send one outbox message each (`{ outboxId }`). */
export const SEND_QUEUE = 'notifications.send';
const CURSOR = 'notifications';
const PAGE = 200;
const MAX_PAGES = 10;
/** Transitions older than this when first seen (a server down for days, a restore) send nothing. */
export const MAX_EVENT_AGE_MS = 3 * 24 * 3_600_000;

export interface CollectOptions {
  portalUrl: string;
  /** The result message's link to rate the service (service-index's `buildRatingLink`); absent: the portal's address. */
  ratingLink?: (dossierId: string) => string;
  /** Enqueue a send job per queued message in the same transaction (absent: the delivery loop finds them). */
  queue?: Pick<JobQueue, 'send'>;
  now?: Date;
  settleMs?: number;
}

type NewOutboxRow = typeof outbox.$inferInsert;

/**
 * Turns the dossier transitions not handled yet into outbox messages (one per event × channel), with
 * a marker per transition, in one transaction with the feed cursor (locked: one process collects at
 * a time; the others skip). A transition that fails (a missing template) is left for the next run
 * and does not hold the others. The first run starts at the latest transition (no messages for the
 * history). Returns the number of messages created.
 */
export async function collectNotifications(db: Db, options: CollectOptions): Promise<number> {
  const now = options.now ?? new Date();
  const templates = new Map<NotificationEvent, TemplateRow | undefined>();
  return consumeTransitionFeed(db, {
    name: CURSOR,
    cursorTable: feedCursors,
    startAt: 'latest',
    pageSize: PAGE,
    maxPages: MAX_PAGES,
    now,
    settleMs: options.settleMs,
    handlePage: (tx, items) =>
      handleEachTransition(tx, items, {
        markers: handledTransitions,
        holdDossierAfterFailure: false,
        handle: (sp, item) => handleTransition(sp, item, { ...options, now, templates }),
      }),
  });
}

async function handleTransition(
  tx: Db,
  item: TransitionFeedItem,
  ctx: CollectOptions & { now: Date; templates: Map<NotificationEvent, TemplateRow | undefined> },
): Promise<number> {
  const event = eventOf(item);
  const stale = ctx.now.getTime() - item.at.getTime() > MAX_EVENT_AGE_MS;
  await tx.insert(handledTransitions).values({ transitionId: item.id, event: stale ? null : event });
  if (!event || stale) return 0;
  if (!ctx.templates.has(event)) ctx.templates.set(event, await templateInForce(tx, event, todayInVietnam(ctx.now)));
  const template = ctx.templates.get(event);
  if (!template) throw new Error(`no template in force for ${event}`);
  const supplementDeadline =
    event === 'supplement_requested' ? await supplementWindowEnd(tx, item.dossierId, item.at) : null;
  const ratingLink = event === 'result_ready' ? ctx.ratingLink?.(item.dossierId) : undefined;
  // The amount actually paid, and this refund's amount (payments' record, in each language).
  const money =
    event === 'payment_received' || event === 'payment_refunded'
      ? await dossierFeeMoney(tx, item.dossierId)
      : undefined;
  const values = valuesFor(item, { portalUrl: ctx.portalUrl, supplementDeadline, ratingLink, money });
  const rows = await messagesFor(tx, item, event, template, values);
  if (rows.length === 0) return 0;
  const inserted = await tx
    .insert(outbox)
    .values(rows)
    .onConflictDoNothing()
    .returning({ id: outbox.id, status: outbox.status });
  for (const r of inserted)
    if (r.status === 'queued' && ctx.queue)
      await ctx.queue.send(tx, SEND_QUEUE, { outboxId: r.id }, { singletonKey: r.id });
  return inserted.length;
}

/** Where the citizen is told: their choices, else the inbox and the registry's e-mail (no SMS without a choice). */
async function recipientsOf(tx: Db, item: TransitionFeedItem) {
  const accountId = item.dossier.ownerAccountId;
  const [prefs] = accountId
    ? await tx.select().from(preferences).where(eq(preferences.accountId, accountId)).limit(1)
    : [];
  if (prefs) {
    // SMS needs the applicant's active consent (it may have been withdrawn on the consents page since).
    const subject = item.dossier.applicantSubject;
    const consented =
      prefs.smsEnabled && subject ? await hasActiveConsent(tx, subject, SMS_NOTIFICATIONS.purposeCode) : false;
    return {
      accountId,
      email: prefs.emailEnabled ? { address: prefs.email } : null,
      sms: prefs.smsEnabled ? { address: prefs.phone, consented } : null,
    };
  }
  const registry = item.dossier.applicantPersonId
    ? await findRegistryContact(tx, item.dossier.applicantPersonId)
    : undefined;
  return { accountId, email: registry?.email ? { address: registry.email } : null, sms: null };
}

async function messagesFor(
  tx: Db,
  item: TransitionFeedItem,
  event: NotificationEvent,
  template: TemplateRow,
  values: MessageValues,
): Promise<NewOutboxRow[]> {
  const to = await recipientsOf(tx, item);
  const base = {
    event,
    accountId: to.accountId,
    dossierId: item.dossierId,
    dossierCode: item.dossier.code,
    templateId: template.id,
    subjectVi: render(template.subjectVi, values.vi),
    subjectEn: render(template.subjectEn, values.en),
    bodyVi: render(template.bodyVi, values.vi),
    bodyEn: render(template.bodyEn, values.en),
  };
  const key = (channel: NotificationChannel) => `t${item.id}.${channel}`;
  const rows: NewOutboxRow[] = [];
  if (to.accountId) rows.push({ ...base, idempotencyKey: key('inbox'), channel: 'inbox', status: 'queued' });
  if (to.email) {
    const address = to.email.address?.trim() ?? '';
    const problem = !address
      ? 'không có địa chỉ e-mail / no e-mail address'
      : isEmailAddress(address)
        ? null
        : 'địa chỉ e-mail không hợp lệ / malformed e-mail address';
    rows.push({
      ...base,
      idempotencyKey: key('email'),
      channel: 'email',
      recipient: address || null,
      status: problem ? 'skipped' : 'queued',
      skipReason: problem,
    });
  }
  if (to.sms) {
    const raw = to.sms.address?.trim() ?? '';
    const phone = raw && to.sms.consented ? normalizeMobile(raw) : undefined;
    const sms = render(template.smsVi, values.vi);
    rows.push({
      ...base,
      bodyVi: sms,
      bodyEn: sms,
      idempotencyKey: key('sms'),
      channel: 'sms',
      recipient: phone ?? (raw || null),
      status: phone ? 'queued' : 'skipped',
      skipReason: phone
        ? null
        : !to.sms.consented
          ? 'chưa có hoặc đã rút sự đồng ý nhận SMS / no SMS consent'
          : raw
            ? 'số điện thoại di động không hợp lệ / malformed mobile number'
            : 'không có số điện thoại / no phone number',
    });
  }
  return rows;
}
