import type { Db } from '../../platform/db';
import { todayInVietnam } from '../../../contracts/common';
import type {
  PilotFile,
  PilotListQuery,
  PilotModel,
  PilotModelInput,
  PilotModelPage,
  PilotModelSummary,
  PilotRating,
  PilotSector,
  PilotState,
} from '../../../contracts/pilots';
import type { AccessContext } from '../identity';
import { findUnitCached, getUnitNames } from '../units';
import { agencyNextStates } from './lifecycle';
import { dueDateInForce, overdueMilestones, planOverdue, milestoneOverdue } from './overdue';
import { canEvaluate, canReadModel, canRegisterIn, modelAccess, readableScope } from './pilots.policy';
import { PILOTS_ERRORS, fieldInvalid, modelNotFound, scopeForbidden } from './pilots.errors';
import * as repo from './pilots.repository';

/** Who acts: account id and display name (kept with each row, as the history shows it). */
export function actorOf(access: AccessContext): { id: string | null; name: string | null } {
  return { id: access.actor?.accountId ?? null, name: access.actor?.displayName ?? null };
}

/** The Vietnam day of a moment. */
export const dayOf = (at: Date): string => todayInVietnam(at);

export function presentFile(f: repo.FileRow): PilotFile {
  return {
    id: f.id,
    fileName: f.fileName,
    mediaType: f.mediaType,
    size: f.size,
    uploadedAt: f.uploadedAt.toISOString(),
    uploadedByName: f.uploadedByName,
  };
}

interface SummaryContext {
  today: string;
  dueOn: string | null;
  unitName: (code: string) => string | null;
  plans: ReadonlyMap<string, repo.FileRow[]>;
  milestones: ReadonlyMap<string, repo.MilestoneRow[]>;
}

function groupBy<T extends { modelId: string }>(rows: readonly T[]): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const r of rows) out.set(r.modelId, [...(out.get(r.modelId) ?? []), r]);
  return out;
}

async function summaryContext(db: Db, modelIds: string[]): Promise<SummaryContext> {
  const today = todayInVietnam();
  const [names, settings, plans, milestones] = await Promise.all([
    getUnitNames(db, today),
    repo.listDueDates(db),
    repo.listFiles(db, modelIds, 'plan'),
    repo.listMilestones(db, modelIds),
  ]);
  const due = dueDateInForce(
    settings.map((s) => ({ ...s, setAt: s.setAt.toISOString() })),
    today,
  );
  return { today, dueOn: due?.dueOn ?? null, unitName: names, plans: groupBy(plans), milestones: groupBy(milestones) };
}

function presentSummary(m: repo.ModelRow, c: SummaryContext): PilotModelSummary {
  const plans = c.plans.get(m.id) ?? [];
  const firstPlanOn = plans[0] ? dayOf(plans[0].uploadedAt) : null;
  return {
    id: m.id,
    unitCode: m.unitCode,
    unitName: c.unitName(m.unitCode),
    agencyName: m.agencyName,
    agencyCode: m.agencyCode,
    sector: m.sector as PilotSector,
    title: m.title,
    targets: [...m.targets].sort((a, b) => a - b),
    letterNumber: m.letterNumber,
    letterDate: m.letterDate,
    state: m.state as PilotState,
    planDueOn: c.dueOn,
    planUploaded: plans.length > 0,
    planOverdue: planOverdue({ firstPlanOn, asOf: c.today, dueOn: c.dueOn, registeredOn: dayOf(m.registeredAt) }),
    milestonesOverdue: overdueMilestones(c.milestones.get(m.id) ?? [], m.state, c.today),
    registeredAt: m.registeredAt.toISOString(),
  };
}

/** The models the caller may see, with their flags; filters by state, unit, target and overdue. */
export async function listModels(db: Db, access: AccessContext, query: PilotListQuery): Promise<PilotModelPage> {
  const scope = readableScope(access);
  const rows = (await repo.listModels(db, scope === null ? null : [...scope])).filter(
    (m) =>
      (!query.state || m.state === query.state) &&
      (!query.unitCode || m.unitCode === query.unitCode) &&
      (!query.target || m.targets.includes(query.target)),
  );
  const context = await summaryContext(
    db,
    rows.map((r) => r.id),
  );
  const all = rows
    .map((m) => presentSummary(m, context))
    .filter((s) => query.overdue === undefined || (s.planOverdue || s.milestonesOverdue > 0) === query.overdue);
  const start = (query.page - 1) * query.pageSize;
  return {
    items: all.slice(start, start + query.pageSize),
    total: all.length,
    page: query.page,
    pageSize: query.pageSize,
  };
}

/** A model the caller may see; outside their units it answers 404 like a missing one. */
export async function findReadableModel(db: Db, access: AccessContext, id: string): Promise<repo.ModelRow> {
  const row = await repo.findModel(db, id);
  if (!row || !canReadModel(access, row.unitCode)) throw modelNotFound();
  return row;
}

/** A model the caller may act on for its agency: 404 when unseen, 403 when only read. */
export function requireManage(access: AccessContext, row: repo.ModelRow | undefined): repo.ModelRow {
  const may = row ? modelAccess(access, row.unitCode) : 'none';
  if (!row || may === 'none') throw modelNotFound();
  if (may !== 'manage') throw scopeForbidden(row.unitCode);
  return row;
}

/** Everything recorded about a model, for its page. */
export async function getModel(db: Db, access: AccessContext, id: string): Promise<PilotModel> {
  const m = await findReadableModel(db, access, id);
  const [context, files, reports, transitions, evaluation] = await Promise.all([
    summaryContext(db, [m.id]),
    repo.listFiles(db, [m.id]),
    repo.listReports(db, m.id),
    repo.listTransitions(db, m.id),
    repo.findEvaluation(db, m.id),
  ]);
  const manage = modelAccess(access, m.unitCode) === 'manage';
  const state = m.state as PilotState;
  return {
    ...presentSummary(m, context),
    description: m.description,
    plans: files.filter((f) => f.kind === 'plan').map(presentFile),
    milestones: (context.milestones.get(m.id) ?? []).map((ms) => ({
      id: ms.id,
      position: ms.position,
      title: ms.title,
      dueOn: ms.dueOn,
      doneOn: ms.doneOn,
      overdue: state !== 'completed' && state !== 'evaluated' && milestoneOverdue({ ...ms, asOf: context.today }),
    })),
    reports: reports.map((r) => ({
      id: r.id,
      period: r.period,
      text: r.body,
      indicators: r.indicators,
      files: files.filter((f) => f.reportId === r.id).map(presentFile),
      createdAt: r.createdAt.toISOString(),
      createdByName: r.createdByName,
    })),
    transitions: transitions.map((t) => ({
      fromState: t.fromState as PilotState | null,
      toState: t.toState as PilotState,
      at: t.at.toISOString(),
      byName: t.byName,
      note: t.note,
    })),
    evaluation: evaluation
      ? {
          text: evaluation.body,
          rating: evaluation.rating as PilotRating,
          proposeCommendation: evaluation.proposeCommendation,
          commendationReason: evaluation.commendationReason,
          evaluatedAt: evaluation.evaluatedAt.toISOString(),
          evaluatedByName: evaluation.evaluatedByName,
        }
      : null,
    may: { manage, evaluate: canEvaluate(access, m.unitCode) && state === 'completed' },
    nextStates: manage ? agencyNextStates(state) : [],
  };
}

/** Registers a model for an agency of the caller's units: state `registered`, its first transition row. */
export async function registerModel(db: Db, access: AccessContext, input: PilotModelInput): Promise<PilotModel> {
  const today = todayInVietnam();
  if (!(await findUnitCached(db, input.unitCode, today)))
    throw fieldInvalid(
      PILOTS_ERRORS.MODEL_INVALID,
      'unitCode',
      `Mã ${input.unitCode} không phải đơn vị hành chính hiện hành của tỉnh`,
      `${input.unitCode} is not a current unit of the province`,
    );
  if (!canRegisterIn(access, input.unitCode)) throw scopeForbidden(input.unitCode);
  if (input.letterDate > today)
    throw fieldInvalid(
      PILOTS_ERRORS.MODEL_INVALID,
      'letterDate',
      'Ngày văn bản đăng ký không được sau hôm nay',
      'The registration letter cannot be dated after today',
    );
  const actor = actorOf(access);
  const id = await db.transaction(async (tx) => {
    const row = await repo.insertModel(tx, {
      ...input,
      agencyCode: input.agencyCode ?? null,
      registeredBy: actor.id,
      registeredByName: actor.name,
    });
    await repo.insertTransition(tx, {
      modelId: row.id,
      fromState: null,
      toState: 'registered',
      at: row.registeredAt,
      by: actor.id,
      byName: actor.name,
      note: `Đăng ký theo văn bản số ${input.letterNumber}`,
    });
    return row.id;
  });
  return getModel(db, access, id);
}
