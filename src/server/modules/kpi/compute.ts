import { sql } from 'drizzle-orm';
import type { Database, Db } from '../../platform/db';
import { queryRows } from '../../platform/db';
import type { IndicatorSource, IndicatorPeriod, SourceCount } from '../../platform/indicator-sources';
import { listCommunes, successorCodes } from '../units';
import { meets, percent } from './compare';
import { runConflict } from './kpi.errors';
import * as repo from './kpi.repository';
import { asOfFor, parsePeriod } from './periods';
import { approvedValues } from './reported';

/*
 * One computation of the plan's indicators for a period (issue 15 §2): every indicator version in
 * force on the period's as-of day, each computed indicator through the source its `source` names
 * (sources are handed in by the composition root: kpi knows no source module), per commune of
 * today's structure — a row of a former commune (a dossier filed before 1/7/2025) counts in the
 * commune it merged into — and for the province (the sums of every row's numerator and denominator).
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
}

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
      const run = await repo.insertRun(tx, {
        period: period.code,
        periodType: period.type,
        fromDate: period.from,
        toDate: period.to,
        asOf,
        trigger: input.trigger,
        startedBy: input.startedBy ?? null,
        startedAt: input.now ?? new Date(),
      });
      const rows = await valuesFor(tx, sources, period, asOf, input.provinceCode, input.today);
      await repo.insertValues(
        tx,
        rows.map((r) => ({ ...r, runId: run.id })),
      );
      await repo.finishRun(tx, run.id, new Date());
      return run.id;
    },
    { isolationLevel: 'repeatable read' },
  );
}

type NewValue = Omit<Parameters<typeof repo.insertValues>[1][number], 'runId'>;

async function valuesFor(
  tx: Db,
  sources: SourceMap,
  period: IndicatorPeriod,
  asOf: string,
  provinceCode: string,
  today: string,
): Promise<NewValue[]> {
  const [versions, communes, successors] = await Promise.all([
    repo.indicatorsInForce(tx, asOf),
    listCommunes(tx, today),
    successorCodes(tx),
  ]);
  const communeCodes = communes.map((c) => c.code);
  const current = new Set(communeCodes);
  /** Today's commune of a row: its own code, or the commune a former commune merged into (2025). */
  const onToday = (rows: SourceCount[]): Map<string, SourceCount> => {
    const byUnit = new Map<string, SourceCount>();
    for (const r of rows) {
      const code = current.has(r.unitCode) ? r.unitCode : successors.get(r.unitCode);
      if (!code || !current.has(code)) continue;
      const t = byUnit.get(code) ?? { unitCode: code, numerator: 0, denominator: 0 };
      byUnit.set(code, {
        unitCode: code,
        numerator: t.numerator + r.numerator,
        denominator: t.denominator + r.denominator,
      });
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
    const source = version.method === 'computed' && version.source ? sources.get(version.source) : undefined;
    const counts = source ? checked(source.key, await source.count(tx, { period, asOf, communeCodes })) : null;
    const missing = version.method === 'reported' ? 'not_reported' : 'no_source';
    const valueOf = (unitCode: string, unitLevel: 'province' | 'commune', c: Omit<SourceCount, 'unitCode'> | null) => {
      if (!c)
        return {
          indicatorId: version.id,
          unitCode,
          unitLevel,
          numerator: null,
          denominator: null,
          value: null,
          met: null,
          status: missing,
        } as const;
      if (c.denominator === 0)
        return {
          indicatorId: version.id,
          unitCode,
          unitLevel,
          numerator: c.numerator,
          denominator: 0,
          value: null,
          met: null,
          status: 'no_denominator',
        } as const;
      return {
        indicatorId: version.id,
        unitCode,
        unitLevel,
        numerator: c.numerator,
        denominator: c.denominator,
        value: percent(c.numerator, c.denominator),
        met: meets(c.numerator, c.denominator, version.comparison, version.threshold),
        status: 'ok',
      } as const;
    };
    // A reported indicator is due by its own period type: a monthly run does not call a quarterly one missing.
    if (version.method === 'reported' && version.periodType !== period.type) continue;
    if (version.method === 'reported') {
      // Approved values only (§3). The province: its own approved value, else the sum of the
      // communes' once every commune's is approved — a partial sum would read as the province's.
      const approved = reported.get(version.code) ?? new Map<string, Omit<SourceCount, 'unitCode'>>();
      if (levels.has('province')) {
        const all = communeCodes.every((c) => approved.has(c));
        const sum = all
          ? communeCodes.reduce(
              (t, c) => ({
                numerator: t.numerator + approved.get(c)!.numerator,
                denominator: t.denominator + approved.get(c)!.denominator,
              }),
              { numerator: 0, denominator: 0 },
            )
          : null;
        out.push(valueOf(provinceCode, 'province', approved.get(provinceCode) ?? sum));
      }
      if (levels.has('commune'))
        for (const code of communeCodes) out.push(valueOf(code, 'commune', approved.get(code) ?? null));
      continue;
    }
    if (levels.has('province')) {
      const total = counts
        ? counts.reduce(
            (s, c) => ({ numerator: s.numerator + c.numerator, denominator: s.denominator + c.denominator }),
            {
              numerator: 0,
              denominator: 0,
            },
          )
        : null;
      out.push(valueOf(provinceCode, 'province', total));
    }
    if (levels.has('commune')) {
      const byUnit = onToday(counts ?? []);
      for (const code of communeCodes)
        out.push(valueOf(code, 'commune', counts ? (byUnit.get(code) ?? { numerator: 0, denominator: 0 }) : null));
    }
  }
  return out;
}

/**
 * A source's rows are data from another module: a wrong one is a bug there, stopped here (nothing
 * stored). A row of a former commune counts in the commune it merged into (`onToday`); a row of a
 * unit that is no commune of today (the provincial centre's counter) counts in the province only.
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
