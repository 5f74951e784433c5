import type { PilotState } from '../../../contracts/pilots';

/**
 * The lifecycle of a pilot model (pure; table-tested in lifecycle.test.ts):
 *
 *   registered ──plan uploaded──▶ planned ──▶ in_progress ──▶ completed ──evaluation──▶ evaluated
 *
 * `registered → planned` happens only by uploading the implementation plan, and
 * `completed → evaluated` only by the Standing Agency's evaluation: neither is a plain transition.
 * The agency moves `planned → in_progress → completed` itself. Nothing leaves `evaluated`.
 */
export type TransitionVia = 'plan_upload' | 'agency' | 'evaluation';

const STEPS: ReadonlyArray<{ from: PilotState; to: PilotState; via: TransitionVia }> = [
  { from: 'registered', to: 'planned', via: 'plan_upload' },
  { from: 'planned', to: 'in_progress', via: 'agency' },
  { from: 'in_progress', to: 'completed', via: 'agency' },
  { from: 'completed', to: 'evaluated', via: 'evaluation' },
];

export type TransitionCheck =
  { ok: true } | { ok: false; reason: 'same_state' | 'not_next' | 'needs_plan' | 'needs_evaluation' | 'final' };

/** May a model in `from` move to `to` by `via`? */
export function checkTransition(from: PilotState, to: PilotState, via: TransitionVia): TransitionCheck {
  if (from === 'evaluated') return { ok: false, reason: 'final' };
  if (from === to) return { ok: false, reason: 'same_state' };
  const step = STEPS.find((s) => s.from === from && s.to === to);
  if (!step) return { ok: false, reason: 'not_next' };
  if (step.via === via) return { ok: true };
  if (step.via === 'plan_upload') return { ok: false, reason: 'needs_plan' };
  if (step.via === 'evaluation') return { ok: false, reason: 'needs_evaluation' };
  return { ok: false, reason: 'not_next' };
}

/** The states an agency may move a model in `from` to with a plain transition. */
export function agencyNextStates(from: PilotState): PilotState[] {
  return STEPS.filter((s) => s.from === from && s.via === 'agency').map((s) => s.to);
}

/** A plan may be uploaded (a first one, or a revised version) until the model is evaluated. */
export function mayUploadPlan(state: PilotState): boolean {
  return state !== 'evaluated';
}

/** Milestones and progress reports are recorded until the model is evaluated. */
export function mayRecordProgress(state: PilotState): boolean {
  return state !== 'evaluated';
}
