import { describe, expect, it } from 'vitest';
import type { AccessContext } from '../identity';
import { accessAs, OTHER_UNIT, OWN_UNIT, PROVINCE } from '../../../../test/access';
import {
  canReadStats,
  canReconcile,
  canReconcileFilter,
  canReconcileUnit,
  canSeeUnassigned,
  reconcileUnits,
  statsUnits,
} from './payment-reconciliation.policy';

const OWN = OWN_UNIT;
const OTHER = OTHER_UNIT;

/**
 * Who × what: reconcile at all, reconcile the own unit, reconcile the other unit, see lines of no
 * unit, ask for the own unit's report, ask for the other's; read stats of the own unit, of the other.
 */
type Row = [boolean, boolean, boolean, boolean, boolean, boolean, boolean, boolean];
const MATRIX: Array<[string, AccessContext, Row]> = [
  ['a citizen', accessAs('citizen'), [false, false, false, false, false, false, false, false]],
  ['commune police of the unit', accessAs('commune_police', OWN), [true, true, false, false, true, false, true, false]],
  [
    'commune police of the province',
    accessAs('commune_police', PROVINCE),
    [true, true, true, true, true, true, true, true],
  ],
  [
    'civil-status officer of the unit',
    accessAs('civil_status_officer', OWN),
    [true, true, false, false, true, false, true, false],
  ],
  [
    'one-stop officer of the unit',
    accessAs('one_stop_officer', OWN),
    [true, true, false, false, true, false, true, false],
  ],
  [
    'Standing Agency of the unit (reads only)',
    accessAs('standing_agency', OWN),
    [false, false, false, false, false, false, true, false],
  ],
  ['leader of the unit', accessAs('leader', OWN), [false, false, false, false, false, false, false, false]],
  ['administrator', accessAs('admin', PROVINCE), [false, false, false, false, false, false, false, false]],
  ['anonymous', accessAs('anonymous'), [false, false, false, false, false, false, false, false]],
];

describe('payment-reconciliation policy: role × action × own/other unit', () => {
  for (const [who, ctx, expected] of MATRIX) {
    it(`${who}: ${expected.join(', ')}`, () => {
      expect([
        canReconcile(ctx),
        canReconcileUnit(ctx, OWN),
        canReconcileUnit(ctx, OTHER),
        canSeeUnassigned(ctx),
        canReconcileFilter(ctx, OWN),
        canReconcileFilter(ctx, OTHER),
        canReadStats(ctx, OWN),
        canReadStats(ctx, OTHER),
      ]).toEqual(expected);
    });
  }

  it('limits the figures to the caller’s scope, narrowed to an asked unit', () => {
    const unit = accessAs('commune_police', OWN);
    const province = accessAs('commune_police', PROVINCE);
    expect(reconcileUnits(unit)).toEqual([OWN]);
    expect(reconcileUnits(unit, OTHER)).toEqual([]);
    expect(reconcileUnits(province)).toBeNull();
    expect(reconcileUnits(province, OTHER)).toEqual([OTHER]);
    expect(statsUnits(unit)).toEqual([OWN]);
    expect(statsUnits(province)).toBeNull();
    expect(statsUnits(province, OWN)).toEqual([OWN]);
  });
});
