import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db';
import { evaluations, files, milestones, models, planDueDates, reports, transitions } from './pilots.schema';

export type ModelRow = typeof models.$inferSelect;
export type FileRow = typeof files.$inferSelect;
export type MilestoneRow = typeof milestones.$inferSelect;
export type ReportRow = typeof reports.$inferSelect;
export type TransitionRow = typeof transitions.$inferSelect;
export type EvaluationRow = typeof evaluations.$inferSelect;
export type DueDateRow = typeof planDueDates.$inferSelect;

export async function insertModel(tx: Db, row: typeof models.$inferInsert): Promise<ModelRow> {
  const [created] = await tx.insert(models).values(row).returning();
  return created!;
}

export async function insertTransition(tx: Db, row: typeof transitions.$inferInsert): Promise<void> {
  await tx.insert(transitions).values(row);
}

/** Moves the state only if it is still `from` (a concurrent change loses: false). */
export async function setState(tx: Db, id: string, from: string, to: string): Promise<boolean> {
  const rows = await tx
    .update(models)
    .set({ state: to })
    .where(and(eq(models.id, id), eq(models.state, from)))
    .returning({ id: models.id });
  return rows.length === 1;
}

export async function findModel(db: Db, id: string): Promise<ModelRow | undefined> {
  const [row] = await db.select().from(models).where(eq(models.id, id));
  return row;
}

/** The model, locked for the rest of the transaction (one writer at a time per model). */
export async function lockModel(tx: Db, id: string): Promise<ModelRow | undefined> {
  const [row] = await tx.select().from(models).where(eq(models.id, id)).for('update');
  return row;
}

/** Models of the units given (null: all), oldest registration first. Pilot models are tens per province. */
export async function listModels(db: Db, unitCodes: readonly string[] | null): Promise<ModelRow[]> {
  if (unitCodes !== null && unitCodes.length === 0) return [];
  return db
    .select()
    .from(models)
    .where(unitCodes === null ? undefined : inArray(models.unitCode, [...unitCodes]))
    .orderBy(asc(models.registeredAt), asc(models.id));
}

export async function listFiles(db: Db, modelIds: readonly string[], kind?: 'plan' | 'report'): Promise<FileRow[]> {
  if (modelIds.length === 0) return [];
  return db
    .select()
    .from(files)
    .where(and(inArray(files.modelId, [...modelIds]), kind ? eq(files.kind, kind) : undefined))
    .orderBy(asc(files.uploadedAt), asc(files.id));
}

export async function findFile(db: Db, modelId: string, fileId: string): Promise<FileRow | undefined> {
  const [row] = await db
    .select()
    .from(files)
    .where(and(eq(files.id, fileId), eq(files.modelId, modelId)));
  return row;
}

export async function insertFiles(tx: Db, rows: Array<typeof files.$inferInsert>): Promise<FileRow[]> {
  return rows.length ? tx.insert(files).values(rows).returning() : [];
}

export async function listMilestones(db: Db, modelIds: readonly string[]): Promise<MilestoneRow[]> {
  if (modelIds.length === 0) return [];
  return db
    .select()
    .from(milestones)
    .where(inArray(milestones.modelId, [...modelIds]))
    .orderBy(asc(milestones.modelId), asc(milestones.position));
}

export async function insertMilestone(tx: Db, row: typeof milestones.$inferInsert): Promise<MilestoneRow> {
  const [created] = await tx.insert(milestones).values(row).returning();
  return created!;
}

export async function setMilestoneDone(tx: Db, id: string, doneOn: string | null): Promise<void> {
  await tx.update(milestones).set({ doneOn }).where(eq(milestones.id, id));
}

export async function listReports(db: Db, modelId: string): Promise<ReportRow[]> {
  return db
    .select()
    .from(reports)
    .where(eq(reports.modelId, modelId))
    .orderBy(desc(reports.createdAt), desc(reports.id));
}

export async function insertReport(tx: Db, row: typeof reports.$inferInsert): Promise<ReportRow> {
  const [created] = await tx.insert(reports).values(row).returning();
  return created!;
}

export async function listTransitions(db: Db, modelId: string): Promise<TransitionRow[]> {
  return db
    .select()
    .from(transitions)
    .where(eq(transitions.modelId, modelId))
    .orderBy(asc(transitions.at), asc(transitions.id));
}

/** Every transition made up to `until` (exclusive), for the state of each model at a moment. */
export async function transitionsBefore(db: Db, until: Date): Promise<TransitionRow[]> {
  return db
    .select()
    .from(transitions)
    .where(sql`${transitions.at} < ${until.toISOString()}`)
    .orderBy(asc(transitions.at), asc(transitions.id));
}

export async function findEvaluation(db: Db, modelId: string): Promise<EvaluationRow | undefined> {
  const [row] = await db.select().from(evaluations).where(eq(evaluations.modelId, modelId));
  return row;
}

export async function listEvaluations(db: Db, modelIds: readonly string[]): Promise<EvaluationRow[]> {
  if (modelIds.length === 0) return [];
  return db
    .select()
    .from(evaluations)
    .where(inArray(evaluations.modelId, [...modelIds]));
}

export async function insertEvaluation(tx: Db, row: typeof evaluations.$inferInsert): Promise<void> {
  await tx.insert(evaluations).values(row);
}

export async function listDueDates(db: Db): Promise<DueDateRow[]> {
  return db.select().from(planDueDates).orderBy(desc(planDueDates.effectiveFrom), desc(planDueDates.setAt));
}

export async function insertDueDate(db: Db, row: typeof planDueDates.$inferInsert): Promise<DueDateRow> {
  const [created] = await db.insert(planDueDates).values(row).returning();
  return created!;
}

/** How many models are stored (the demo seeds only an empty register). */
export async function countModels(db: Db): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(models);
  return Number(row?.n ?? 0);
}
