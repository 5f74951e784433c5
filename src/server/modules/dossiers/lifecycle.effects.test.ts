import { describe, expect, it } from 'vitest';
import { buildWorkingCalendar, workingHoursFrom } from '../calendar';
import { feeOf } from '../fees/fee-state.test-support';
import { commandEffects, stateAfterPayment, type CommandInput, type DossierFacts } from './lifecycle';

// A 2026 with no day off: working days are Monday to Friday, 07:30–11:30 and 13:30–17:00.
const cal = buildWorkingCalendar(
  [{ year: 2026, provisional: false, source: 'test', updatedAt: null, days: [] }],
  workingHoursFrom('07:30-11:30,13:30-17:00'),
);
const MONDAY_9 = new Date('2026-03-02T09:00:00+07:00');
const TUESDAY_9 = new Date('2026-03-03T09:00:00+07:00');

const dossier = (over: Partial<DossierFacts> = {}): DossierFacts => ({
  state: 'submitted',
  channel: 'online',
  submittedAt: MONDAY_9,
  timeLimitWorkingDays: 3,
  sameDayCutoff: null,
  dueAt: null,
  pausedRemainingMinutes: null,
  fee: null,
  feeStatus: 'none',
  ...over,
});
const input = (over: Partial<CommandInput> = {}): CommandInput => ({
  to: 'received',
  actors: ['intake'],
  actorAccountId: 'officer',
  body: {},
  now: MONDAY_9,
  cal,
  ...over,
});

describe('commandEffects: what a command changes', () => {
  it('starts the deadline at receipt, assigning the dossier to a processor who receives it', () => {
    const intake = commandEffects('receive', dossier(), input());
    const processor = commandEffects('receive', dossier(), input({ actors: ['intake', 'processor'] }));
    expect(intake).toMatchObject({ ok: true, set: { state: 'received', receivedAt: MONDAY_9 } });
    expect(intake.ok && intake.set.assigneeAccountId).toBeUndefined();
    expect(processor.ok && processor.set.assigneeAccountId).toBe('officer');
    expect(intake.ok && intake.dueAfter).toEqual(intake.ok && intake.set.dueAt);
  });

  it.each([
    ['at 09:00: due the same day 17:00', '2026-03-02T09:00:00+07:00', '2026-03-02T17:00:00+07:00'],
    [
      'at 15:30 (after 15:00): due the next working day 17:00',
      '2026-03-02T15:30:00+07:00',
      '2026-03-03T17:00:00+07:00',
    ],
  ])(
    'receives a civil-status dossier submitted %s (Civil Status Law 2014 Art. 5(3), 16(2))',
    (_what, submitted, due) => {
      const facts = dossier({ timeLimitWorkingDays: 0, sameDayCutoff: '15:00', submittedAt: new Date(submitted) });
      const received = commandEffects('receive', facts, input({ now: new Date('2026-03-04T09:00:00+07:00') }));
      expect(received.ok && received.set.dueAt).toEqual(new Date(due));
    },
  );

  it('pauses the deadline for a supplement and resumes it with the minutes left', () => {
    const dueAt = new Date('2026-03-05T09:00:00+07:00');
    const paused = commandEffects('request_supplement', dossier({ state: 'in_processing', dueAt }), input());
    expect(paused).toMatchObject({ ok: true, dueAfter: null, set: { pausedRemainingMinutes: 3 * 450 } });
    const resumed = commandEffects(
      'resubmit',
      dossier({ state: 'supplement_requested', pausedRemainingMinutes: 450 }),
      input({ to: 'in_processing', now: TUESDAY_9 }),
    );
    expect(resumed).toMatchObject({ ok: true, set: { pausedRemainingMinutes: null } });
    expect(resumed.ok && resumed.dueAfter).toEqual(new Date('2026-03-04T09:00:00+07:00'));
  });

  it.each([
    ['on time', new Date('2026-03-05T09:00:00+07:00'), undefined],
    ['late', new Date('2026-03-01T09:00:00+07:00'), true],
  ])('stops the clock at a decision taken %s', (_, dueAt, late) => {
    const effects = commandEffects('approve', dossier({ state: 'in_processing', dueAt }), input({ to: 'approved' }));
    expect(effects).toMatchObject({ ok: true, set: { state: 'approved', decidedAt: MONDAY_9 } });
    expect(effects.ok && effects.set.late).toBe(late);
  });

  it('moves the due time only later with an apology slip', () => {
    const dueAt = new Date('2026-03-05T09:00:00+07:00');
    const facts = dossier({ state: 'in_processing', dueAt });
    const later = '2026-03-06T09:00:00+07:00';
    expect(commandEffects('extend', facts, input({ to: 'in_processing', body: { newDueAt: later } }))).toEqual({
      ok: true,
      set: { state: 'in_processing', dueAt: new Date(later), late: true },
      dueAfter: new Date(later),
    });
    const earlier = { newDueAt: '2026-03-04T09:00:00+07:00' };
    expect(commandEffects('extend', facts, input({ body: earlier }))).toEqual({ ok: false, reason: 'due_not_later' });
  });

  it.each([
    ['confirm_exemption', 'online', 'submitted', 'exempt', 'submitted'],
    ['reject_exemption', 'online', 'awaiting_payment', 'unpaid', 'awaiting_payment'],
    ['reject_exemption', 'paper', 'awaiting_payment', 'cash', 'submitted'],
  ] as const)('%s on a %s filing settles the fee as %s', (command, channel, to, feeStatus, state) => {
    const facts = dossier({ channel, fee: feeOf(20_000, 'pending'), feeStatus: 'exemption_pending' });
    const effects = commandEffects(command, facts, input({ to, body: { reason: 'Đã kiểm tra giấy tờ' } }));
    expect(effects).toMatchObject({ ok: true, set: { state, feeStatus } });
  });

  it('refuses an exemption decision when none is pending', () => {
    const effects = commandEffects('confirm_exemption', dossier({ feeStatus: 'unpaid' }), input({ to: 'submitted' }));
    expect(effects).toEqual({ ok: false, reason: 'fee_not_pending' });
  });
});

describe('stateAfterPayment: the system’s pay transition', () => {
  it.each([
    ['awaiting_payment', 'submitted'],
    ['submitted', 'submitted'],
    ['in_processing', 'in_processing'],
  ] as const)('leaves a dossier in %s in %s', (state, after) => {
    expect(stateAfterPayment(state)).toBe(after);
  });
});
