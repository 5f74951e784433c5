import { describe, expect, it } from 'vitest';
import { PILOT_STATES, type PilotState } from '../../../contracts/pilots';
import { agencyNextStates, checkTransition, mayRecordProgress, mayUploadPlan, type TransitionVia } from './lifecycle';

describe('the lifecycle registered → planned → in progress → completed → evaluated', () => {
  it.each<[PilotState, PilotState, TransitionVia, string]>([
    ['registered', 'planned', 'plan_upload', 'ok'],
    ['registered', 'planned', 'agency', 'needs_plan'],
    ['planned', 'in_progress', 'agency', 'ok'],
    ['in_progress', 'completed', 'agency', 'ok'],
    ['completed', 'evaluated', 'evaluation', 'ok'],
    ['completed', 'evaluated', 'agency', 'needs_evaluation'],
    ['registered', 'in_progress', 'agency', 'not_next'],
    ['registered', 'completed', 'agency', 'not_next'],
    ['planned', 'completed', 'agency', 'not_next'],
    ['in_progress', 'planned', 'agency', 'not_next'],
    ['completed', 'in_progress', 'agency', 'not_next'],
    ['in_progress', 'evaluated', 'evaluation', 'not_next'],
    ['planned', 'planned', 'agency', 'same_state'],
    ['evaluated', 'completed', 'agency', 'final'],
    ['evaluated', 'evaluated', 'evaluation', 'final'],
  ])('%s → %s by %s: %s', (from, to, via, expected) => {
    const result = checkTransition(from, to, via);
    expect(result.ok ? 'ok' : result.reason).toBe(expected);
  });

  it('lets an agency move a model only forward, one step, and only between planned and completed', () => {
    expect(Object.fromEntries(PILOT_STATES.map((s) => [s, agencyNextStates(s)]))).toEqual({
      registered: [],
      planned: ['in_progress'],
      in_progress: ['completed'],
      completed: [],
      evaluated: [],
    });
  });

  it('accepts plans, milestones and reports in every state but evaluated', () => {
    for (const s of PILOT_STATES) {
      expect(mayUploadPlan(s)).toBe(s !== 'evaluated');
      expect(mayRecordProgress(s)).toBe(s !== 'evaluated');
    }
  });
});
