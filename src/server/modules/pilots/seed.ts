import type { Db } from '../../platform/db';
import type { FileStore } from '../../platform/files';
import type { EvaluationInput, PilotModelInput, PilotState } from '../../../contracts/pilots';
import * as repo from './pilots.repository';

/** A demo pilot model with its back-dated history. */
export interface SeedPilotModel {
  model: PilotModelInput;
  registeredAt: Date;
  plan?: { fileName: string; data: Buffer; at: Date };
  milestones?: Array<{ title: string; dueOn: string; doneOn?: string }>;
  reports?: Array<{ period: string; text: string; indicators?: Array<{ label: string; value: number }>; at: Date }>;
  /** Agency transitions after the plan (in_progress, completed), in order. */
  steps?: Array<{ to: PilotState; at: Date; note?: string }>;
  evaluation?: EvaluationInput & { at: Date };
}

const BY = 'Dữ liệu mẫu (demo)';

/** Records the demo models into an empty register (one transaction each); how many were added. */
export async function seedPilotModels(db: Db, store: FileStore, seeds: readonly SeedPilotModel[]): Promise<number> {
  if ((await repo.countModels(db)) > 0) return 0;
  for (const s of seeds) {
    const plan = s.plan ? await store.put(s.plan.data) : undefined;
    await db.transaction(async (tx) => {
      const model = await repo.insertModel(tx, {
        ...s.model,
        agencyCode: s.model.agencyCode ?? null,
        registeredAt: s.registeredAt,
        registeredByName: BY,
      });
      let state: PilotState = 'registered';
      const move = async (to: PilotState, at: Date, note: string | null) => {
        await repo.insertTransition(tx, {
          modelId: model.id,
          fromState: state === to ? null : state,
          toState: to,
          at,
          byName: BY,
          note,
        });
        state = to;
      };
      await repo.insertTransition(tx, {
        modelId: model.id,
        fromState: null,
        toState: 'registered',
        at: s.registeredAt,
        byName: BY,
        note: `Đăng ký theo văn bản số ${s.model.letterNumber}`,
      });
      if (s.plan && plan) {
        await repo.insertFiles(tx, [
          {
            modelId: model.id,
            kind: 'plan',
            sha256: plan.sha256,
            fileName: s.plan.fileName,
            mediaType: 'application/pdf',
            size: plan.size,
            uploadedAt: s.plan.at,
            uploadedByName: BY,
          },
        ]);
        await move('planned', s.plan.at, `Tải lên kế hoạch triển khai: ${s.plan.fileName}`);
      }
      for (const [i, m] of (s.milestones ?? []).entries())
        await repo.insertMilestone(tx, {
          modelId: model.id,
          position: i + 1,
          title: m.title,
          dueOn: m.dueOn,
          doneOn: m.doneOn ?? null,
        });
      for (const r of s.reports ?? [])
        await repo.insertReport(tx, {
          modelId: model.id,
          period: r.period,
          body: r.text,
          indicators: r.indicators ?? [],
          createdAt: r.at,
          createdByName: BY,
        });
      for (const step of s.steps ?? []) await move(step.to, step.at, step.note ?? null);
      if (s.evaluation) {
        const { at, text, ...rest } = s.evaluation;
        await repo.insertEvaluation(tx, {
          modelId: model.id,
          body: text,
          ...rest,
          commendationReason: rest.commendationReason ?? null,
          evaluatedAt: at,
          evaluatedByName: BY,
        });
        await move('evaluated', at, 'Cơ quan thường trực đánh giá kết quả');
      }
      await repo.setState(tx, model.id, 'registered', state);
    });
  }
  return seeds.length;
}
