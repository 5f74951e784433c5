import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../platform/db';
import { todayInVietnam } from '../../../contracts/common';
import type { ReportedExpected, ReportedExpectedQuery, ReportedExpectedRow, UnitLevel } from '../../../contracts/kpi';
import type { AccessContext } from '../identity';
import { findUnitCached, listUnits } from '../units';
import { KPI_ACTIONS } from './kpi.policy';
import * as repo from './kpi.repository';
import { dueOnOf, eventsOf, isOverdue, mayRead, presentValue, tookPartIn, type Row } from './reported';
import { reportedValues } from './kpi.schema';
import { asOfFor, parsePeriod } from './periods';

/*
 * What is expected of units for a period (issue 15 §3): every reported indicator in force × every
 * unit that must report it, within the session's scope, whether or not anything was entered — a
 * commune that never entered its value is listed `not_entered`, and overdue after the due day, as
 * DHIS2's data-set completeness shows the units that did not report.
 */

/** Lowest first: an indicator is owed by the units of its lowest level (the communes of T5.OFFICERS). */
const LEVELS: readonly UnitLevel[] = ['commune', 'district', 'province'];

interface UnitInfo {
  code: string;
  name: string;
  level: UnitLevel;
}

/** The expected values of a period in the session's units (optionally one unit), by indicator then unit. */
export async function expectedReported(
  db: Db,
  access: AccessContext,
  query: ReportedExpectedQuery,
  today = todayInVietnam(),
): Promise<ReportedExpected> {
  const period = parsePeriod(query.period);
  const asOf = asOfFor(period, today); // a future period is refused, naming the field
  const dueOn = dueOnOf(period.code);
  const indicators = (await repo.indicatorsInForce(db, asOf)).filter(
    (i) => i.method === 'reported' && i.periodType === period.type,
  );
  const codes = indicators.map((i) => i.code);
  const [units, entered] = await Promise.all([
    listUnits(db, today, {}),
    codes.length === 0
      ? Promise.resolve([] as Row[])
      : db
          .select()
          .from(reportedValues)
          .where(and(eq(reportedValues.period, period.code), inArray(reportedValues.indicatorCode, codes))),
  ]);
  const inScope = (code: string) => (!query.unitCode || code === query.unitCode) && mayRead(access, code);
  const unitByCode = new Map<string, UnitInfo>(
    units.map((u) => [u.code, { code: u.code, name: u.fullName, level: u.level }]),
  );
  const values = entered.filter((r) => inScope(r.unitCode));
  for (const r of values)
    if (!unitByCode.has(r.unitCode)) {
      // A unit that no longer exists today: named as on the period's last day.
      const u = await findUnitCached(db, r.unitCode, period.to);
      unitByCode.set(r.unitCode, { code: r.unitCode, name: u?.fullName ?? r.unitCode, level: u?.level ?? 'commune' });
    }
  const events = await eventsOf(
    db,
    values.map((r) => r.id),
  );
  const rows: ReportedExpectedRow[] = [];
  for (const indicator of indicators) {
    const owing = LEVELS.find((l) => indicator.unitLevels.includes(l));
    const required = units.filter((u) => u.level === owing && inScope(u.code)).map((u) => u.code);
    const byUnit = new Map(values.filter((v) => v.indicatorCode === indicator.code).map((v) => [v.unitCode, v]));
    const codesHere = [...new Set([...required, ...byUnit.keys()])].sort();
    for (const unitCode of codesHere) {
      const value = byUnit.get(unitCode);
      const unit = unitByCode.get(unitCode)!;
      rows.push(
        rowOf(access, {
          indicatorCode: indicator.code,
          unit,
          required: required.includes(unitCode),
          value: value && { row: value, events: events.get(value.id) ?? [] },
          dueOn,
          today,
        }),
      );
    }
  }
  return {
    period: period.code,
    dueOn,
    indicators: indicators.map((i) => ({
      code: i.code,
      target: i.target,
      nameVi: i.nameVi,
      nameEn: i.nameEn,
      numeratorVi: i.numeratorVi,
      numeratorEn: i.numeratorEn,
      denominatorVi: i.denominatorVi,
      denominatorEn: i.denominatorEn,
      comparison: i.comparison,
      threshold: i.threshold,
      unitLevels: i.unitLevels as UnitLevel[],
      periodType: i.periodType,
    })),
    rows,
  };
}

function rowOf(
  access: AccessContext,
  r: {
    indicatorCode: string;
    unit: UnitInfo;
    required: boolean;
    value: { row: Row; events: Parameters<typeof presentValue>[1] } | undefined;
    dueOn: string;
    today: string;
  },
): ReportedExpectedRow {
  const state = r.value?.row.state ?? 'not_entered';
  const enters = access.canInUnit(KPI_ACTIONS.submit, r.unit.code);
  const approves = access.canInUnit(KPI_ACTIONS.approve, r.unit.code);
  const open = state === 'not_entered' || state === 'draft' || state === 'returned';
  const me = access.actor?.accountId;
  return {
    indicatorCode: r.indicatorCode,
    unitCode: r.unit.code,
    unitName: r.unit.name,
    unitLevel: r.unit.level,
    required: r.required,
    state,
    dueOn: r.dueOn,
    overdue: isOverdue(state, r.dueOn, r.today),
    value: r.value ? presentValue(r.value.row, r.value.events, r.today) : null,
    may: {
      enter: enters && open,
      submit: enters && (state === 'draft' || state === 'returned'),
      decide: approves && state === 'submitted' && !!me && !!r.value && !tookPartIn(r.value.row, r.value.events, me),
      unapprove: approves && state === 'approved',
    },
  };
}
