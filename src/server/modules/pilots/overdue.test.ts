import { describe, expect, it } from 'vitest';
import { dueDateInForce, milestoneOverdue, overdueMilestones, planOverdue } from './overdue';

const settings = [
  { id: 'plan-2023', dueOn: '2023-06-30', effectiveFrom: '2023-03-27', setAt: '2023-03-27T02:00:00Z' },
  { id: 'extended', dueOn: '2023-09-30', effectiveFrom: '2023-07-01', setAt: '2023-06-25T02:00:00Z' },
  { id: 'corrected', dueOn: '2023-10-15', effectiveFrom: '2023-07-01', setAt: '2023-07-02T02:00:00Z' },
];

describe('the plan due date in force (dated data)', () => {
  it.each([
    ['2023-03-26', undefined],
    ['2023-03-27', 'plan-2023'],
    ['2023-06-30', 'plan-2023'],
    ['2023-07-01', 'corrected'], // two settings effective the same day: the later set holds
    ['2026-12-07', 'corrected'],
  ])('on %s is %s', (day, id) => {
    expect(dueDateInForce(settings, day)?.id).toBe(id);
  });
});

describe('a plan is overdue', () => {
  it.each<[string | null, string, string | null, boolean, string]>([
    [null, '2023-06-30', '2023-06-30', false, 'on the due day itself'],
    [null, '2023-07-01', '2023-06-30', true, 'the day after, with no plan'],
    ['2023-06-29', '2023-07-01', '2023-06-30', false, 'never once uploaded in time'],
    ['2023-07-05', '2023-07-10', '2023-06-30', false, 'no longer once uploaded late'],
    ['2023-07-05', '2023-07-03', '2023-06-30', true, 'as of a day before its late upload'],
    [null, '2026-01-01', null, false, 'without any due date'],
  ])('plan on %s, as of %s, due %s → %s (%s)', (firstPlanOn, asOf, dueOn, expected) => {
    expect(planOverdue({ firstPlanOn, asOf, dueOn, registeredOn: '2023-04-01' })).toBe(expected);
  });

  it('is not held to a due date that passed before the model was registered', () => {
    expect(
      planOverdue({ firstPlanOn: null, asOf: '2026-12-07', dueOn: '2023-06-30', registeredOn: '2026-12-01' }),
    ).toBe(false);
    expect(
      planOverdue({ firstPlanOn: null, asOf: '2026-12-07', dueOn: '2023-06-30', registeredOn: '2023-06-30' }),
    ).toBe(true);
  });
});

describe('a milestone is overdue', () => {
  it.each<[string, string | null, string, boolean]>([
    ['2024-06-30', null, '2024-06-30', false],
    ['2024-06-30', null, '2024-07-01', true],
    ['2024-06-30', '2024-06-29', '2024-07-01', false],
    ['2024-06-30', '2024-07-05', '2024-07-10', false],
    ['2024-06-30', '2024-07-05', '2024-07-02', true],
  ])('due %s, done %s, as of %s → %s', (dueOn, doneOn, asOf, expected) => {
    expect(milestoneOverdue({ dueOn, doneOn, asOf })).toBe(expected);
  });

  it('is not counted once the model is completed or evaluated', () => {
    const ms = [
      { dueOn: '2024-01-01', doneOn: null },
      { dueOn: '2024-02-01', doneOn: '2024-01-20' },
      { dueOn: '2030-01-01', doneOn: null },
    ];
    expect(overdueMilestones(ms, 'in_progress', '2026-01-01')).toBe(1);
    expect(overdueMilestones(ms, 'completed', '2026-01-01')).toBe(0);
    expect(overdueMilestones(ms, 'evaluated', '2026-01-01')).toBe(0);
  });
});
