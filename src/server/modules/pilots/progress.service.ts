import type { Db } from '../../platform/db';
import type { FileStore } from '../../platform/files';
import { todayInVietnam } from '../../../contracts/common';
import type {
  EvaluationInput,
  MilestoneDone,
  MilestoneInput,
  PilotModel,
  PilotState,
  TransitionInput,
} from '../../../contracts/pilots';
import { ProgressReportInput } from '../../../contracts/pilots';
import type { AccessContext } from '../identity';
import { checkTransition, mayRecordProgress, mayUploadPlan } from './lifecycle';
import { actorOf, getModel, requireManage } from './models.service';
import { canEvaluate, canReadModel } from './pilots.policy';
import {
  PILOTS_ERRORS,
  fieldInvalid,
  modelNotFound,
  scopeForbidden,
  stateConflict,
  transitionRefused,
} from './pilots.errors';
import { checkFile, storeFiles, type IncomingFile } from './pilot-files';
import * as repo from './pilots.repository';
import { AppError, invalidField } from '../../platform/errors';
import { fieldProblemFromIssue } from '../../platform/http-errors';

/** A change made under the model's row lock; the model is re-read and checked inside. */
async function underLock<T>(
  db: Db,
  access: AccessContext,
  id: string,
  write: (tx: Db, model: repo.ModelRow) => Promise<T>,
): Promise<T> {
  return db.transaction(async (tx) => write(tx, requireManage(access, await repo.lockModel(tx, id))));
}

/** Milestones and reports are recorded until the evaluation: afterwards a 409 naming `field`. */
function requireOpen(model: repo.ModelRow, field: string, whatVi: string, whatEn: string): void {
  const state = model.state as PilotState;
  if (!mayRecordProgress(state)) throw stateConflict(field, state, whatVi, whatEn);
}

/**
 * Uploads the implementation plan (a new version each time): a model `registered` becomes
 * `planned` with a history row; after the evaluation no plan is accepted.
 */
export async function uploadPlan(
  db: Db,
  store: FileStore,
  access: AccessContext,
  id: string,
  files: IncomingFile[],
): Promise<PilotModel> {
  requireManage(access, await repo.findModel(db, id)); // 404/403 before reading the file
  if (files.length !== 1)
    throw fieldInvalid(PILOTS_ERRORS.FILE_INVALID, 'file', 'Gửi đúng một tệp kế hoạch', 'Send exactly one plan file');
  const checked = await checkFile(files[0]!, 'file');
  const [stored] = await storeFiles(store, [checked]);
  const actor = actorOf(access);
  await underLock(db, access, id, async (tx, model) => {
    const state = model.state as PilotState;
    if (!mayUploadPlan(state)) throw stateConflict('file', state, 'tải lên kế hoạch', 'upload a plan');
    const [file] = await repo.insertFiles(tx, [
      {
        modelId: id,
        kind: 'plan',
        sha256: stored!.sha256,
        fileName: stored!.fileName,
        mediaType: stored!.mediaType,
        size: stored!.size,
        uploadedBy: actor.id,
        uploadedByName: actor.name,
      },
    ]);
    if (state === 'registered') {
      await repo.setState(tx, id, 'registered', 'planned');
      await repo.insertTransition(tx, {
        modelId: id,
        fromState: 'registered',
        toState: 'planned',
        at: file!.uploadedAt,
        by: actor.id,
        byName: actor.name,
        note: `Tải lên kế hoạch triển khai: ${stored!.fileName}`,
      });
    }
  });
  return getModel(db, access, id);
}

/** Adds a milestone at the end: due on or after the registration letter and the previous milestone. */
export async function addMilestone(
  db: Db,
  access: AccessContext,
  id: string,
  input: MilestoneInput,
): Promise<PilotModel> {
  await underLock(db, access, id, async (tx, model) => {
    requireOpen(model, 'dueOn', 'thêm mốc', 'add a milestone');
    if (input.dueOn < model.letterDate)
      throw fieldInvalid(
        PILOTS_ERRORS.MILESTONE_INVALID,
        'dueOn',
        'Hạn của mốc không được trước ngày văn bản đăng ký',
        'A milestone cannot be due before the registration letter',
      );
    const existing = await repo.listMilestones(tx, [id]);
    const last = existing.at(-1);
    if (last && input.dueOn < last.dueOn)
      throw fieldInvalid(
        PILOTS_ERRORS.MILESTONE_INVALID,
        'dueOn',
        `Các mốc theo thứ tự thời gian: hạn mốc mới không được trước hạn mốc "${last.title}" (${last.dueOn})`,
        `Milestones are in date order: the new one cannot be due before "${last.title}" (${last.dueOn})`,
      );
    await repo.insertMilestone(tx, {
      modelId: id,
      position: (last?.position ?? 0) + 1,
      title: input.title,
      dueOn: input.dueOn,
      createdBy: actorOf(access).id,
    });
  });
  return getModel(db, access, id);
}

/** Records (or clears) the day a milestone was done: not before the letter, not in the future. */
export async function markMilestone(
  db: Db,
  access: AccessContext,
  id: string,
  milestoneId: string,
  input: MilestoneDone,
): Promise<PilotModel> {
  await underLock(db, access, id, async (tx, model) => {
    requireOpen(model, 'doneOn', 'sửa mốc', 'change a milestone');
    const milestone = (await repo.listMilestones(tx, [id])).find((m) => m.id === milestoneId);
    if (!milestone)
      throw invalidField(
        PILOTS_ERRORS.MILESTONE_NOT_FOUND,
        'milestoneId',
        'Không tìm thấy mốc này',
        'Milestone not found',
      );
    if (input.doneOn !== null && (input.doneOn < model.letterDate || input.doneOn > todayInVietnam()))
      throw fieldInvalid(
        PILOTS_ERRORS.MILESTONE_INVALID,
        'doneOn',
        'Ngày hoàn thành phải từ ngày văn bản đăng ký đến hôm nay',
        'The done date must be between the registration letter and today',
      );
    await repo.setMilestoneDone(tx, milestoneId, input.doneOn);
  });
  return getModel(db, access, id);
}

/** Adds a progress report with its attachments (all or nothing). */
export async function addReport(
  db: Db,
  store: FileStore,
  access: AccessContext,
  id: string,
  body: unknown,
  files: IncomingFile[],
): Promise<PilotModel> {
  requireManage(access, await repo.findModel(db, id));
  const parsed = ProgressReportInput.safeParse(body ?? {});
  if (!parsed.success) {
    // A 400 naming each field of the JSON part, as a route's own schema would answer.
    const fields = parsed.error.issues.map((issue) =>
      fieldProblemFromIssue({ ...issue, path: ['report', ...issue.path] } as Parameters<
        typeof fieldProblemFromIssue
      >[0]),
    );
    throw new AppError('VALIDATION.INVALID', fields[0]!.messageVi, fields[0]!.messageEn, fields);
  }
  const checked = [];
  for (const [i, f] of files.entries()) checked.push(await checkFile(f, `file[${i}]`));
  const stored = await storeFiles(store, checked);
  const actor = actorOf(access);
  await underLock(db, access, id, async (tx, model) => {
    requireOpen(model, 'report', 'thêm báo cáo', 'add a report');
    const report = await repo.insertReport(tx, {
      modelId: id,
      period: parsed.data.period,
      body: parsed.data.text,
      indicators: parsed.data.indicators,
      createdBy: actor.id,
      createdByName: actor.name,
    });
    await repo.insertFiles(
      tx,
      stored.map((f) => ({
        modelId: id,
        kind: 'report',
        reportId: report.id,
        sha256: f.sha256,
        fileName: f.fileName,
        mediaType: f.mediaType,
        size: f.size,
        uploadedBy: actor.id,
        uploadedByName: actor.name,
      })),
    );
  });
  return getModel(db, access, id);
}

/** The agency moves its model on (planned → in progress → completed), with a history row. */
export async function transition(
  db: Db,
  access: AccessContext,
  id: string,
  input: TransitionInput,
): Promise<PilotModel> {
  await underLock(db, access, id, async (tx, model) => {
    const from = model.state as PilotState;
    const check = checkTransition(from, input.to, 'agency');
    if (!check.ok) throw transitionRefused(from, input.to, check);
    await repo.setState(tx, id, from, input.to);
    const actor = actorOf(access);
    await repo.insertTransition(tx, {
      modelId: id,
      fromState: from,
      toState: input.to,
      by: actor.id,
      byName: actor.name,
      note: input.note ?? null,
    });
  });
  return getModel(db, access, id);
}

/** The Standing Agency's evaluation of a completed model: the evaluation and the move to `evaluated`, together. */
export async function evaluate(db: Db, access: AccessContext, id: string, input: EvaluationInput): Promise<PilotModel> {
  await db.transaction(async (tx) => {
    const model = await repo.lockModel(tx, id);
    if (!model || !canReadModel(access, model.unitCode)) throw modelNotFound();
    if (!canEvaluate(access, model.unitCode)) throw scopeForbidden(model.unitCode);
    const from = model.state as PilotState;
    const check = checkTransition(from, 'evaluated', 'evaluation');
    if (!check.ok)
      throw from === 'evaluated'
        ? stateConflict('rating', from, 'đánh giá lần nữa', 'evaluate it again')
        : transitionRefused(from, 'evaluated', check);
    const actor = actorOf(access);
    await repo.insertEvaluation(tx, {
      modelId: id,
      body: input.text,
      rating: input.rating,
      proposeCommendation: input.proposeCommendation,
      commendationReason: input.commendationReason ?? null,
      evaluatedBy: actor.id,
      evaluatedByName: actor.name,
    });
    await repo.setState(tx, id, from, 'evaluated');
    await repo.insertTransition(tx, {
      modelId: id,
      fromState: from,
      toState: 'evaluated',
      by: actor.id,
      byName: actor.name,
      note: 'Cơ quan thường trực đánh giá kết quả',
    });
  });
  return getModel(db, access, id);
}
