import { sql } from 'drizzle-orm';
import type { Database, Db } from '../../platform/db';
import { queryRows } from '../../platform/db';
import {
  FORMER_STRUCTURE_DAY,
  type IndicatorSource,
  type IndicatorPeriod,
  type SourceCount,
  type UnitStructure,
} from '../../platform/indicator-sources';
import { listCommunes, listUnits, successorCodes } from '../units';
import { meets, percent } from './compare';
import { runConflict } from './kpi.errors';
import * as repo from './kpi.repository';
import { asOfFor, parsePeriod } from './periods';
import { approvedValues } from './reported';
import { freezeSections } from './run-sections';

/*
 * One computation of the plan's indicators for a period (issue 15 §2): every indicator version in
 * force on the period's as-of day, each computed indicator through the source its `source` names
 * (sources are handed in by the composition root: kpi knows no source module), per commune of
 * today's structure — a row of a former commune (a dossier filed before 1/7/2025) counts in the
 * commune it merged into — and for the province (the sums of every row's numerator and denominator).
 * On the former structure (`structure: 'former'`), the districts and communes of 30/6/2025: a row
 * of a former commune counts there and in its district; a source that cannot place its rows on
 * former units itself (`formerUnits: 'placed'`) gives them for any period, one whose rows carry the
 * units in force when they happened (`'as_recorded'`) for periods that ended before 1/7/2025, any
 * other never — there its district and commune values are `no_structure`, never a guess; the
 * province is the same on both structures.
 * The run and its values are written in one REPEATABLE READ transaction: every source counts the
 * same snapshot of the data, and a run is either whole or absent. A value is kept with its
 * numerator, denominator and the version of the indicator, so a past report is reproduced exactly
 * from its run even after the registry, the thresholds or the units changed.
 */

/** The advisory lock of a computation (a constant bigint unique in DVC06). */
const KPI_RUN_LOCK = 6_006_001n;

export type SourceMap = ReadonlyMap<string, IndicatorSource>;

export interface RunInput {
  period: string;
  /** Today (Vietnam date): the as-of day of a period under way. */
  today: string;
  provinceCode: string;
  trigger: 'schedule' | 'manual' | 'start';
  startedBy?: string | null;
  now?: Date;
  /** Scheduled runs skip (null) when another run holds the lock; manual runs answer 409. */
  skipIfBusy?: boolean;
  /** The unit structure the figures are placed on (default today's communes). */
  structure?: UnitStructure;
  /**
   * Checked again under the lock (scheduled runs): false → skipped (null). Another process may have
   * made the same run between the caller's check and the lock.
   */
  stillDue?: (tx: Db) => Promise<boolean>;
}

/** The first day of today's two-tier structure. */
const MERGER_DAY = '2025-07-01';

/** Computes and stores a run; its id, or null when skipped because another run was under way. */
export async function computeRun(database: Database, sources: SourceMap, input: RunInput): Promise<number | null> {
  const period = parsePeriod(input.period);
  const asOf = asOfFor(period, input.today);
  return database.db.transaction(
    async (tx) => {
      const [lock] = await queryRows<{ held: boolean }>(
        tx,
        sql`select pg_try_advisory_xact_lock(${KPI_RUN_LOCK}) as held`,
      );
      if (!lock?.held) {
        if (input.skipIfBusy) return null;
        throw runConflict();
      }
      if (input.stillDue && !(await input.stillDue(tx))) return null;
      const run = await repo.insertRun(tx, {
        period: period.code,
        periodType: period.type,
        fromDate: period.from,
        toDate: period.to,
        asOf,
        structure: input.structure ?? 'current',
        trigger: input.trigger,
        startedBy: input.startedBy ?? null,
        startedAt: input.now ?? new Date(),
      });
      const rows = await valuesFor(tx, sources, period, asOf, input.provinceCode, input.today, input.structure);
      await repo.insertValues(
        tx,
        rows.map((r) => ({ ...r, runId: run.id })),
      );
      // The report's other sections, from the same snapshot, frozen with the run.
      await freezeSections(tx, run, await repo.indicatorsInForce(tx, asOf), input.today);
      await repo.finishRun(tx, run.id, new Date());
      return run.id;
    },
    { isolationLevel: 'repeatable read' },
  );
}

type NewValue = Omit<Parameters<typeof repo.insertValues>[1][number], 'runId'>;
type UnitLevel = NewValue['unitLevel'];

/** The units a run places its figures on, and where a source row's unit goes. */
interface UnitLayout {
  /** The communes of the structure (today's, or those of 30/6/2025). */
  communeCodes: string[];
  /** Today's communes (reported values are entered by them, on either structure). */
  currentCommuneCodes: string[];
  /** Former structure: the former communes whose code a commune of today reuses. */
  reusedCodes: string[];
  /** Former structure: the districts, and each commune's district. */
  districtCodes: string[];
  districtOf: ReadonlyMap<string, string>;
  /** The commune (or, former, district) a row of `code` counts in; undefined: the province only. */
  place(code: string): string | undefined;
}

async function unitLayout(tx: Db, structure: UnitStructure, today: string): Promise<UnitLayout> {
  const current = (await listCommunes(tx, today)).map((c) => c.code);
  if (structure === 'current') {
    const successors = await successorCodes(tx);
    const set = new Set(current);
    return {
      communeCodes: current,
      currentCommuneCodes: current,
      reusedCodes: [],
      districtCodes: [],
      districtOf: new Map(),
      // Its own code, or the commune a former commune merged into whole (2025).
      place: (code) => {
        const onToday = set.has(code) ? code : successors.get(code);
        return onToday && set.has(onToday) ? onToday : undefined;
      },
    };
  }
  // One after the other: a transaction is one connection (pg queues concurrent queries on a client, and pg 9 refuses them).
  const communes = await listUnits(tx, FORMER_STRUCTURE_DAY, { level: 'commune' });
  const districts = await listUnits(tx, FORMER_STRUCTURE_DAY, { level: 'district' });
  const known = new Set([...communes, ...districts].map((u) => u.code));
  return {
    communeCodes: communes.map((c) => c.code),
    currentCommuneCodes: current,
    reusedCodes: communes.map((c) => c.code).filter((code) => current.includes(code)),
    districtCodes: districts.map((d) => d.code),
    districtOf: new Map(communes.filter((c) => c.parentCode).map((c) => [c.code, c.parentCode!])),
    place: (code) => (known.has(code) ? code : undefined),
  };
}

async function valuesFor(
  tx: Db,
  sources: SourceMap,
  period: IndicatorPeriod,
  asOf: string,
  provinceCode: string,
  today: string,
  structure: UnitStructure = 'current',
): Promise<NewValue[]> {
  const versions = await repo.indicatorsInForce(tx, asOf); // in turn: `tx` is one connection (see unitLayout)
  const layout = await unitLayout(tx, structure, today);
  const { communeCodes, districtCodes, districtOf } = layout;
  /** The rows summed per commune of the structure, and (former) per district. */
  const placed = (rows: SourceCount[]): Map<string, SourceCount> => {
    const byUnit = new Map<string, SourceCount>();
    const add = (code: string, r: SourceCount) => {
      const t = byUnit.get(code) ?? { unitCode: code, numerator: 0, denominator: 0 };
      byUnit.set(code, {
        unitCode: code,
        numerator: t.numerator + r.numerator,
        denominator: t.denominator + r.denominator,
      });
    };
    for (const r of rows) {
      const code = layout.place(r.unitCode);
      if (!code) continue;
      add(code, r);
      const district = districtOf.get(code);
      if (district) add(district, r);
    }
    return byUnit;
  };
  const reported = await approvedValues(
    tx,
    period.code,
    versions.filter((v) => v.method === 'reported').map((v) => v.code),
  );
  const out: NewValue[] = [];
  for (const version of versions) {
    const levels = new Set(version.unitLevels);
    // Districts exist on the former structure only; an indicator of communes is also shown per district there.
    const byDistrict = districtCodes.length > 0 && (levels.has('district') || levels.has('commune'));
    const source = version.method === 'computed' && version.source ? sources.get(version.source) : undefined;
    // Whether the source's rows can be placed on the structure's communes (see IndicatorSource.formerUnits).
    const placing =
      structure === 'current' ||
      (version.method === 'computed' &&
        (source?.formerUnits === 'placed' || (source?.formerUnits === 'as_recorded' && period.to < MERGER_DAY)));
    const counts = source
      ? checked(
          source.key,
          await source.count(
            tx,
            placing
              ? { period, asOf, communeCodes, structure, reusedCodes: layout.reusedCodes }
              : { period, asOf, communeCodes: layout.currentCommuneCodes, structure: 'current' },
          ),
        )
      : null;
    const missing = version.method === 'reported' ? 'not_reported' : 'no_source';
    const valueOf = (unitCode: string, unitLevel: UnitLevel, c: Omit<SourceCount, 'unitCode'> | null): NewValue => {
      const base = { indicatorId: version.id, unitCode, unitLevel };
      if (unitLevel !== 'province' && !placing && (source || version.method === 'reported'))
        return { ...base, numerator: null, denominator: null, value: null, met: null, status: 'no_structure' };
      if (!c) return { ...base, numerator: null, denominator: null, value: null, met: null, status: missing };
      if (c.denominator === 0)
        return { ...base, numerator: c.numerator, denominator: 0, value: null, met: null, status: 'no_denominator' };
      return {
        ...base,
        numerator: c.numerator,
        denominator: c.denominator,
        value: percent(c.numerator, c.denominator),
        met: meets(c.numerator, c.denominator, version.comparison, version.threshold),
        status: 'ok',
      };
    };
    /** Values of the districts (former structure) and communes from the figures per unit (null: none). */
    const belowProvince = (byUnit: ReadonlyMap<string, Omit<SourceCount, 'unitCode'>> | null, zero: boolean) => {
      const of = (code: string) => byUnit?.get(code) ?? (zero && byUnit ? { numerator: 0, denominator: 0 } : null);
      if (byDistrict) for (const code of districtCodes) out.push(valueOf(code, 'district', of(code)));
      if (levels.has('commune')) for (const code of communeCodes) out.push(valueOf(code, 'commune', of(code)));
    };
    // A reported indicator is due by its own period type: a monthly run does not call a quarterly one missing.
    if (version.method === 'reported' && version.periodType !== period.type) continue;
    if (version.method === 'reported') {
      // Approved values only (§3), entered by today's units. The province: its own approved value,
      // else the sum of today's communes' once every one is approved — a partial sum would read as
      // the province's. On the former structure the units' values are `no_structure`.
      const approved = reported.get(version.code) ?? new Map<string, Omit<SourceCount, 'unitCode'>>();
      if (levels.has('province')) {
        const current = layout.currentCommuneCodes;
        const sum = current.every((c) => approved.has(c))
          ? current.reduce(
              (t, c) => ({
                numerator: t.numerator + approved.get(c)!.numerator,
                denominator: t.denominator + approved.get(c)!.denominator,
              }),
              { numerator: 0, denominator: 0 },
            )
          : null;
        out.push(valueOf(provinceCode, 'province', approved.get(provinceCode) ?? sum));
      }
      belowProvince(approved, false);
      continue;
    }
    if (levels.has('province')) {
      // The province counts every row, placed or not (a provincial counter, a person not placed).
      const total = counts
        ? counts.reduce(
            (t, c) => ({ numerator: t.numerator + c.numerator, denominator: t.denominator + c.denominator }),
            {
              numerator: 0,
              denominator: 0,
            },
          )
        : null;
      out.push(valueOf(provinceCode, 'province', total));
    }
    // A unit with no row has nothing to count (no denominator) — when the source exists.
    belowProvince(counts ? placed(counts) : null, true);
  }
  return out;
}

/**
 * A source's rows are data from another module: a wrong one is a bug there, stopped here (nothing
 * stored). A row of a former commune counts in the commune it merged into (`UnitLayout.place`); a
 * row of a unit that is no commune of the structure (the provincial centre's counter, a person not
 * placed on a former commune) counts in the province only.
 */
function checked(key: string, rows: SourceCount[]): SourceCount[] {
  const seen = new Set<string>();
  for (const r of rows) {
    const ok =
      !seen.has(r.unitCode) &&
      Number.isSafeInteger(r.numerator) &&
      Number.isSafeInteger(r.denominator) &&
      r.numerator >= 0 &&
      r.numerator <= r.denominator;
    if (!ok) throw new Error(`kpi source ${key}: invalid row for unit ${r.unitCode} (${r.numerator}/${r.denominator})`);
    seen.add(r.unitCode);
  }
  return rows;
}
