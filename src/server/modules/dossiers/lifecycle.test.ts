import { describe, expect, it } from 'vitest';
import { DOSSIER_COMMANDS, DOSSIER_STATES, type DossierCommand, type DossierState } from '../../../contracts/dossiers';
import { availableCommands, checkTransition, type CommandActor } from './lifecycle';

/**
 * The whole transition table, written out independently of lifecycle.ts: every (state, command)
 * pair that is legal, with its target. Everything else must be refused as a wrong state.
 */
const LEGAL: ReadonlyArray<[DossierState, DossierCommand, DossierState]> = [
  ['draft', 'submit', 'submitted'],
  ['submitted', 'receive', 'received'],
  ['submitted', 'refuse_intake', 'not_accepted'],
  ['submitted', 'withdraw', 'withdrawn'],
  ['submitted', 'confirm_exemption', 'submitted'],
  ['submitted', 'reject_exemption', 'awaiting_payment'],
  ['awaiting_payment', 'pay', 'submitted'],
  ['awaiting_payment', 'withdraw', 'withdrawn'],
  // Not paid in time: the system withdraws it (unpaid-expiry.ts).
  ['awaiting_payment', 'expire_unpaid', 'withdrawn'],
  ['received', 'start_processing', 'in_processing'],
  ['received', 'request_supplement', 'supplement_requested'],
  ['received', 'withdraw', 'withdrawn'],
  ['received', 'extend', 'received'],
  ['in_processing', 'request_supplement', 'supplement_requested'],
  ['in_processing', 'approve', 'approved'],
  // An interlinked group's running step is done; run-command approves the dossier with the last one.
  ['in_processing', 'complete_step', 'in_processing'],
  ['in_processing', 'refuse', 'refused'],
  ['in_processing', 'withdraw', 'withdrawn'],
  ['in_processing', 'extend', 'in_processing'],
  ['supplement_requested', 'resubmit', 'in_processing'],
  ['supplement_requested', 'withdraw', 'withdrawn'],
  ['approved', 'issue_result', 'result_issued'],
  ['refused', 'issue_result', 'result_issued'],
  ['result_issued', 'return_result', 'returned'],
];

const everyone: CommandActor[] = ['owner', 'intake', 'processor', 'system'];
const fullBody = {
  reason: 'Lý do đầy đủ',
  legalBasis: 'Điều 27 Luật Cư trú 2020',
  items: [{ item: 'x', reason: 'y' }],
  newDueAt: '2026-12-01T10:00:00+07:00',
};

describe('the dossier state machine', () => {
  const cases = DOSSIER_STATES.flatMap((state) => DOSSIER_COMMANDS.map((command) => [state, command] as const));
  it.each(cases)('%s + %s', (state, command) => {
    const legal = LEGAL.find(([s, c]) => s === state && c === command);
    const result = checkTransition(state, command, everyone, fullBody);
    expect(result).toEqual(legal ? { ok: true, to: legal[2] } : { ok: false, reason: 'wrong_state' });
  });

  it('has no way out of the final states', () => {
    for (const state of ['not_accepted', 'returned', 'withdrawn'] as const)
      expect(availableCommands(state, everyone)).toEqual([]);
  });

  it('lets the citizen withdraw only before the decision', () => {
    expect(availableCommands('awaiting_payment', ['owner'])).toEqual(['withdraw']);
    expect(availableCommands('in_processing', ['owner'])).toEqual(['withdraw']);
    expect(availableCommands('approved', ['owner'])).toEqual([]);
    expect(availableCommands('supplement_requested', ['owner'])).toEqual(['resubmit', 'withdraw']);
  });
});

describe('who may run a command', () => {
  it.each([
    ['submitted', 'receive', ['owner'], false],
    ['submitted', 'receive', ['intake'], true],
    ['in_processing', 'approve', ['intake'], false],
    ['in_processing', 'approve', ['processor'], true],
    ['in_processing', 'withdraw', ['processor'], false],
    ['supplement_requested', 'resubmit', ['processor'], false],
    ['supplement_requested', 'resubmit', ['intake'], true],
    ['received', 'extend', ['intake'], false],
    ['result_issued', 'return_result', ['intake'], true],
    ['awaiting_payment', 'pay', ['owner', 'intake', 'processor'], false],
    ['awaiting_payment', 'pay', ['system'], true],
    ['awaiting_payment', 'expire_unpaid', ['owner', 'intake', 'processor'], false],
    ['awaiting_payment', 'expire_unpaid', ['system'], true],
    ['submitted', 'reject_exemption', ['processor'], false],
  ] as const)('%s + %s by %j → %s', (state, command, actors, allowed) => {
    const result = checkTransition(state, command, actors, fullBody);
    expect(result.ok ? true : result.reason).toBe(allowed ? true : 'not_allowed');
  });
});

describe('what a command needs', () => {
  it.each([
    ['submitted', 'refuse_intake', { reason: 'Lý do đầy đủ' }, 'legalBasis'],
    ['in_processing', 'refuse', { legalBasis: 'Điều 27' }, 'reason'],
    ['in_processing', 'request_supplement', { items: [] }, 'items'],
    ['received', 'extend', { reason: 'Cần xác minh' }, 'newDueAt'],
    ['submitted', 'reject_exemption', {}, 'reason'],
  ] as const)('%s + %s without %j is missing %s', (state, command, body, field) => {
    expect(checkTransition(state, command, everyone, body)).toEqual({ ok: false, reason: 'missing_field', field });
  });

  it('checks the state before the actor and the fields (a stale screen gets a conflict, not a form error)', () => {
    expect(checkTransition('approved', 'refuse', ['owner'], {})).toEqual({ ok: false, reason: 'wrong_state' });
  });
});
