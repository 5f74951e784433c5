import { describe, expect, it } from 'vitest';
import { DEFAULT_ROLES, type AccessContext, type Action } from '../identity';
import { canPay, canQueryGateway, canRefund, canSeePayment, type PaymentRef } from './payments.policy';

const UNIT = '03445';
const OWNER = 'acc-owner';

/** An access context from the default role matrix; a grant covers exactly its own unit here. */
function access(
  kind: 'citizen' | 'staff' | null,
  role: string | null,
  unitCode: string | null,
  accountId = 'acc-x',
): AccessContext {
  const actions = new Set<Action>(DEFAULT_ROLES.find((r) => r.code === role)?.actions ?? []);
  const actor = kind
    ? {
        accountId,
        kind,
        displayName: 'x',
        grants: role ? [{ role, unitCode, sector: null }] : [],
        personId: null,
        nationalId: null,
        acr: 2,
      }
    : null;
  const ctx: AccessContext = {
    actor,
    requestId: 'r',
    can: (a) => !!actor && actions.has(a),
    canInUnit: (a, u) => !!actor && actions.has(a) && (unitCode === null || unitCode === u),
    unitScope: () => new Set(unitCode ? [unitCode] : []),
    grantFor: () => undefined,
    only: () => ctx,
  };
  return ctx;
}

const payment: PaymentRef = { unitCode: UNIT, ownerAccountId: OWNER };

/** Who × what: pay, see, refund, query the gateway. */
const MATRIX: Array<[string, AccessContext, [boolean, boolean, boolean, boolean]]> = [
  ['the citizen who owns the dossier', access('citizen', 'citizen', null, OWNER), [true, true, false, false]],
  ['another citizen', access('citizen', 'citizen', null, 'acc-other'), [false, false, false, false]],
  ['commune police of the unit', access('staff', 'commune_police', UNIT), [false, true, true, true]],
  ['commune police of another commune', access('staff', 'commune_police', '03388'), [false, false, false, false]],
  [
    'one-stop officer of the unit (no payments.refund)',
    access('staff', 'one_stop_officer', UNIT),
    [false, true, false, false],
  ],
  ['civil-status officer of the unit', access('staff', 'civil_status_officer', UNIT), [false, true, true, true]],
  ['Standing Agency (reads only)', access('staff', 'standing_agency', UNIT), [false, true, false, false]],
  ['leader', access('staff', 'leader', UNIT), [false, false, false, false]],
  ['administrator', access('staff', 'admin', UNIT), [false, false, false, false]],
  ['anonymous', access(null, null, null), [false, false, false, false]],
];

describe('payments policy: role × action', () => {
  for (const [who, ctx, [pay, see, refund, query]] of MATRIX) {
    it(`${who}: pay ${pay}, see ${see}, refund ${refund}, query ${query}`, () => {
      expect([
        canPay(ctx, payment),
        canSeePayment(ctx, payment),
        canRefund(ctx, payment),
        canQueryGateway(ctx, payment),
      ]).toEqual([pay, see, refund, query]);
    });
  }
});
