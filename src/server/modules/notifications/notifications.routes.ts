import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AppDeps } from '../../platform/app-deps';
import { AppError } from '../../platform/errors';
import {
  Inbox,
  InboxMessage,
  NotificationEvent,
  NotificationPreferences,
  NotificationPreferencesBody,
  OutboxMessage,
  OutboxQuery,
  SandboxMail,
  SandboxSmsPage,
  SandboxSmsQuery,
  TemplateEvent,
  TemplatePreview,
  TemplateTexts,
  TemplateVersion,
  TemplateVersionBody,
} from '../../../contracts/notifications';
import { subjectFor } from '../audit';
import { listOutbox, listSandboxMail, listSandboxSms, retryFailedMessage } from './admin.service';
import { sandboxNotFound } from './notifications.errors';
import { getPreferences, listInbox, markRead, savePreferences, type CitizenRef } from './citizen.service';
import { createTemplateVersion, listTemplateEvents, previewTemplate } from './templates.service';

const tags = ['notifications'];

/** Actions of the module's routes (identity/permissions.ts). */
export const NOTIFICATION_ACTIONS = {
  outbox: 'notifications.outbox.read',
  /** Retrying a message whose delivery failed for good. */
  retry: 'notifications.outbox.retry',
  templates: 'notifications.templates.manage',
  /** The citizen's own inbox and channel choices. */
  own: 'citizen.self.read',
  ownConsent: 'citizen.consent.manage',
} as const;

const provinceForbidden = () =>
  new AppError(
    'NOTIFICATION.PROVINCE_FORBIDDEN',
    'Chỉ quản trị viên được giao quyền ở cấp tỉnh mới làm được việc này',
    'Only administrators granted this at the province level may do this',
  );

/** Routes of the `notifications` module, mounted at /api/v1/notifications. */
export function notificationsRoutes({ database, config, jobs }: AppDeps): FastifyPluginAsyncZod {
  const db = database.db;
  const citizenOf = (req: FastifyRequest): CitizenRef => {
    const actor = req.access.actor;
    if (actor?.kind !== 'citizen')
      throw new AppError('NOTIFICATION.FORBIDDEN', 'Chỉ dành cho công dân', 'For citizens only');
    const subject =
      actor.nationalId || actor.personId
        ? subjectFor(config.AUDIT_PSEUDONYM_KEY!, { nationalId: actor.nationalId, personId: actor.personId })
        : null;
    return { accountId: actor.accountId, personId: actor.personId, nationalId: actor.nationalId, subject };
  };
  const atProvince = (req: FastifyRequest, action: (typeof NOTIFICATION_ACTIONS)['outbox' | 'retry' | 'templates']) => {
    if (!req.access.canInUnit(action, config.PROVINCE_CODE)) throw provinceForbidden();
  };
  return async (app) => {
    app.get(
      '/inbox',
      {
        config: { action: NOTIFICATION_ACTIONS.own },
        schema: { tags, summary: 'Hộp thư thông báo của tôi / my in-app messages', response: { 200: Inbox } },
      },
      async (req) => listInbox(db, citizenOf(req).accountId),
    );

    app.post(
      '/inbox/:id/read',
      {
        config: { action: NOTIFICATION_ACTIONS.own },
        schema: {
          tags,
          summary: 'Đánh dấu đã đọc / mark a message read',
          params: z.object({ id: z.string().uuid() }),
          response: { 200: InboxMessage },
        },
      },
      async (req) => markRead(db, citizenOf(req).accountId, req.params.id),
    );

    app.get(
      '/preferences',
      {
        config: { action: NOTIFICATION_ACTIONS.own },
        schema: {
          tags,
          summary: 'Kênh nhận thông báo của tôi / my notification channels',
          response: { 200: NotificationPreferences },
        },
      },
      async (req) => getPreferences(db, citizenOf(req)),
    );

    app.put(
      '/preferences',
      {
        config: { action: NOTIFICATION_ACTIONS.ownConsent },
        schema: {
          tags,
          summary: 'Chọn kênh nhận thông báo / choose my notification channels',
          body: NotificationPreferencesBody,
          response: { 200: NotificationPreferences },
        },
      },
      async (req) => savePreferences(db, citizenOf(req), req.body),
    );

    app.get(
      '/templates',
      {
        config: { action: NOTIFICATION_ACTIONS.templates },
        schema: {
          tags,
          summary: 'Mẫu thông báo và các phiên bản / notification templates and their versions',
          response: { 200: z.array(TemplateEvent) },
        },
      },
      async (req) => {
        atProvince(req, NOTIFICATION_ACTIONS.templates);
        return listTemplateEvents(db);
      },
    );

    app.post(
      '/templates/:event/preview',
      {
        config: { action: NOTIFICATION_ACTIONS.templates },
        schema: {
          tags,
          summary: 'Xem trước mẫu với dữ liệu ví dụ / preview a template with example values',
          params: z.object({ event: NotificationEvent }),
          body: TemplateTexts,
          response: { 200: TemplatePreview },
        },
      },
      async (req) => {
        atProvince(req, NOTIFICATION_ACTIONS.templates); // as saving: the templates are the province's
        return previewTemplate(req.params.event, req.body);
      },
    );

    app.post(
      '/templates/:event/versions',
      {
        config: { action: NOTIFICATION_ACTIONS.templates },
        schema: {
          tags,
          summary: 'Ban hành phiên bản mới của mẫu / issue a new template version',
          params: z.object({ event: NotificationEvent }),
          body: TemplateVersionBody,
          response: { 201: TemplateVersion },
        },
      },
      async (req, reply) => {
        atProvince(req, NOTIFICATION_ACTIONS.templates);
        const version = await createTemplateVersion(db, req.params.event, req.body, req.access.actor!.accountId);
        return reply.status(201).send(version);
      },
    );

    app.get(
      '/outbox',
      {
        config: { action: NOTIFICATION_ACTIONS.outbox },
        schema: {
          tags,
          summary: 'Hộp thư đi: từng thông báo, kênh, trạng thái, số lần gửi, lỗi / the outbox',
          querystring: OutboxQuery,
          response: { 200: z.object({ counts: z.record(z.string(), z.number()), items: z.array(OutboxMessage) }) },
        },
      },
      async (req) => {
        atProvince(req, NOTIFICATION_ACTIONS.outbox);
        return listOutbox(db, req.query);
      },
    );

    app.post(
      '/outbox/:id/retry',
      {
        config: { action: NOTIFICATION_ACTIONS.retry },
        schema: {
          tags,
          summary: 'Gửi lại thông báo đã gửi lỗi / retry a message whose delivery failed for good',
          params: z.object({ id: z.string().uuid() }),
          response: { 200: OutboxMessage },
        },
      },
      async (req) => {
        atProvince(req, NOTIFICATION_ACTIONS.retry);
        // The send job in the same transaction; without the queue the server's delivery loop finds the message.
        return retryFailedMessage(db, req.params.id, jobs);
      },
    );

    app.get(
      '/sandbox-sms',
      {
        config: { action: NOTIFICATION_ACTIONS.outbox },
        schema: {
          tags,
          summary: 'Tin nhắn hộp cát SMS đã nhận (phát triển) / what the SMS sandbox received (development)',
          querystring: SandboxSmsQuery,
          response: { 200: SandboxSmsPage },
        },
      },
      async (req) => {
        atProvince(req, NOTIFICATION_ACTIONS.outbox);
        // Only where the sandbox itself is served (outside production, SMS_SANDBOX on).
        if (config.SMS_SANDBOX !== 'on') throw sandboxNotFound();
        return listSandboxSms(db, req.query);
      },
    );

    app.get(
      '/sandbox-mail',
      {
        config: { action: NOTIFICATION_ACTIONS.outbox },
        schema: {
          tags,
          summary: 'Thư máy chủ SMTP nội bộ đã nhận (phát triển) / what the local SMTP server received',
          response: { 200: z.array(SandboxMail) },
        },
      },
      async (req) => {
        atProvince(req, NOTIFICATION_ACTIONS.outbox);
        return listSandboxMail(db);
      },
    );
  };
}
