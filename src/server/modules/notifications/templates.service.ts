import { and, desc, eq, lte, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db';
import { todayInVietnam } from '../../../contracts/common';
import {
  EVENT_PLACEHOLDERS,
  NOTIFICATION_EVENTS,
  type NotificationEvent,
  type TemplateEvent,
  type TemplatePreview,
  type TemplateTexts,
  type TemplateVersion,
  type TemplateVersionBody,
} from '../../../contracts/notifications';
import { DEFAULT_TEMPLATES } from './default-templates';
import { templateConflict, templateInvalid } from './notifications.errors';
import { templates } from './notifications.schema';
import { EXAMPLE_VALUES, renderTexts, templateProblems } from './templates';

export type TemplateRow = typeof templates.$inferSelect;

/** Seeds version 1 of each event's template that has none (effective from 2025-07-01). */
export async function seedTemplates(db: Db): Promise<void> {
  for (const event of NOTIFICATION_EVENTS) {
    await db
      .insert(templates)
      .values({ event, version: 1, effectiveFrom: '2025-07-01', ...DEFAULT_TEMPLATES[event] })
      .onConflictDoNothing();
  }
}

/** The version of `event` in force on `day`: the latest effective date on or before it, then the highest version. */
export async function templateInForce(
  db: Db,
  event: NotificationEvent,
  day = todayInVietnam(),
): Promise<TemplateRow | undefined> {
  const [row] = await db
    .select()
    .from(templates)
    .where(and(eq(templates.event, event), lte(templates.effectiveFrom, day)))
    .orderBy(desc(templates.effectiveFrom), desc(templates.version))
    .limit(1);
  return row;
}

function present(row: TemplateRow, currentId: string | undefined): TemplateVersion {
  return {
    id: row.id,
    event: row.event as NotificationEvent,
    version: row.version,
    effectiveFrom: row.effectiveFrom,
    subjectVi: row.subjectVi,
    subjectEn: row.subjectEn,
    bodyVi: row.bodyVi,
    bodyEn: row.bodyEn,
    smsVi: row.smsVi,
    createdAt: row.createdAt.toISOString(),
    current: row.id === currentId,
  };
}

/** Every event with its placeholders and its versions, newest first, the one in force today marked. */
export async function listTemplateEvents(db: Db, day = todayInVietnam()): Promise<TemplateEvent[]> {
  const rows = await db.select().from(templates).orderBy(templates.event, desc(templates.version));
  return NOTIFICATION_EVENTS.map((event) => {
    const versions = rows.filter((r) => r.event === event);
    const current = versions
      .filter((r) => r.effectiveFrom <= day)
      .sort((a, b) => b.effectiveFrom.localeCompare(a.effectiveFrom) || b.version - a.version)[0];
    return {
      event,
      placeholders: [...EVENT_PLACEHOLDERS[event]],
      versions: versions.map((r) => present(r, current?.id)),
    };
  });
}

/** Checks a template's texts: throws NOTIFICATION.TEMPLATE_INVALID naming each field at fault. */
export function checkTemplate(event: NotificationEvent, texts: TemplateTexts): void {
  const problems = templateProblems(event, texts);
  if (problems.length) throw templateInvalid(problems);
}

/** The texts rendered with example values (the editor's live preview); refused like a save when invalid. */
export function previewTemplate(event: NotificationEvent, texts: TemplateTexts): TemplatePreview {
  checkTemplate(event, texts);
  return renderTexts(texts, EXAMPLE_VALUES);
}

/**
 * Adds a new version of `event`'s template (never edits one): checked placeholders, effective from
 * today or a later day. Two administrators saving at once: the second gets a conflict.
 */
export async function createTemplateVersion(
  db: Db,
  event: NotificationEvent,
  body: TemplateVersionBody,
  actorAccountId: string,
  today = todayInVietnam(),
): Promise<TemplateVersion> {
  const { effectiveFrom, ...texts } = body;
  const problems = templateProblems(event, texts);
  if (effectiveFrom < today)
    problems.push({
      field: 'effectiveFrom',
      code: 'NOTIFICATION.TEMPLATE_INVALID',
      messageVi: 'Ngày hiệu lực không được trước hôm nay (phiên bản cũ không bị sửa)',
      messageEn: 'The effective date cannot be before today (past versions are never changed)',
    });
  if (problems.length) throw templateInvalid(problems);
  const [last] = await db
    .select({ version: sql<number>`coalesce(max(${templates.version}), 0)::int` })
    .from(templates)
    .where(eq(templates.event, event));
  const [row] = await db
    .insert(templates)
    .values({ event, version: (last?.version ?? 0) + 1, effectiveFrom, ...texts, createdBy: actorAccountId })
    .onConflictDoNothing()
    .returning();
  if (!row) throw templateConflict();
  const current = await templateInForce(db, event, today);
  return present(row, current?.id);
}
