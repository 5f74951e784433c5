import type {
  Inbox,
  InboxMessage,
  NotificationChannel,
  NotificationEvent,
  NotificationPreferences,
  NotificationPreferencesBody,
  OutboxMessage,
  OutboxStatus,
  SandboxMail,
  SandboxSmsPage,
  TemplateEvent,
  TemplatePreview,
  TemplateTexts,
  TemplateVersion,
  TemplateVersionBody,
} from '../../../contracts/notifications';
import { apiGet, apiPost, apiPut, type RequestOptions } from '../../api/client';

const BASE = '/api/v1/notifications';

/** The signed-in citizen's messages. */
export const getInbox = (options?: RequestOptions) => apiGet<Inbox>(`${BASE}/inbox`, options);
export const markRead = (id: string) => apiPost<InboxMessage>(`${BASE}/inbox/${encodeURIComponent(id)}/read`, {});

/** The citizen's channels. */
export const getPreferences = (options?: RequestOptions) =>
  apiGet<NotificationPreferences>(`${BASE}/preferences`, options);
export const savePreferences = (body: NotificationPreferencesBody) =>
  apiPut<NotificationPreferences>(`${BASE}/preferences`, body);

/** Administrators: templates, previews, new versions. */
export const getTemplates = (options?: RequestOptions) => apiGet<TemplateEvent[]>(`${BASE}/templates`, options);
export const previewTemplate = (event: NotificationEvent, texts: TemplateTexts, options?: RequestOptions) =>
  apiPost<TemplatePreview>(`${BASE}/templates/${event}/preview`, texts, options);
export const createTemplateVersion = (event: NotificationEvent, body: TemplateVersionBody) =>
  apiPost<TemplateVersion>(`${BASE}/templates/${event}/versions`, body);

/** Administrators: the outbox and what the local SMTP server received. */
export const getOutbox = (q: { status?: OutboxStatus; channel?: NotificationChannel }, options?: RequestOptions) => {
  const params = new URLSearchParams();
  if (q.status) params.set('status', q.status);
  if (q.channel) params.set('channel', q.channel);
  params.set('limit', '200');
  return apiGet<{ counts: Record<string, number>; items: OutboxMessage[] }>(`${BASE}/outbox?${params}`, options);
};
export const getSandboxMail = (options?: RequestOptions) => apiGet<SandboxMail[]>(`${BASE}/sandbox-mail`, options);
/** Administrators: retry a message whose delivery failed for good (back to queued, its send job enqueued). */
export const retryMessage = (id: string) =>
  apiPost<OutboxMessage>(`${BASE}/outbox/${encodeURIComponent(id)}/retry`, {});
/** Administrators: what the SMS sandbox received (development; 404 where it does not run), newest first. */
export const getSandboxSms = (q: { page: number; pageSize: number }, options?: RequestOptions) =>
  apiGet<SandboxSmsPage>(`${BASE}/sandbox-sms?page=${q.page}&pageSize=${q.pageSize}`, options);
