import { sql } from 'drizzle-orm';
import type { Database, Db } from '../../platform/db';
import { todayInVietnam } from '../../../contracts/common';
import type {
  Indicator,
  IndicatorVersionBody,
  KpiRun,
  KpiSource,
  KpiStructure,
  KpiTable,
  KpiTrend,
  KpiTrendQuery,
  KpiValue,
} from '../../../contracts/kpi';
import type { AccessContext } from '../identity';
import { computeRun, type SourceMap } from './compute';
import { indicatorNotFound, runNotFound, unitForbidden, versionConflict } from './kpi.errors';
import { readableUnits } from './kpi.policy';
import * as repo from './kpi.repository';
import { asOfFor, parsePeriod, periodsEndingWith } from './periods';

/** The list a computed indicator's source gives behind a commune's figure, if any. */
const listOf = (row: repo.IndicatorRow, sources: SourceMap) =>
  row.method === 'computed' && row.source ? sources.get(row.source)?.list : undefined;

/** An indicator version as the API shows it, with whether a module publishes its source today. */
export function presentIndicator(row: repo.IndicatorRow, sources: SourceMap): Indicator {
  return {
    id: row.id,
    code: row.code,
    target: row.target,
    nameVi: row.nameVi,
    nameEn: row.nameEn,
    numeratorVi: row.numeratorVi,
    numeratorEn: row.numeratorEn,
    denominatorVi: row.denominatorVi,
    denominatorEn: row.denominatorEn,
    comparison: row.comparison,
    threshold: row.threshold,
    unitLevels: row.unitLevels as Indicator['unitLevels'],
    periodType: row.periodType,
    method: row.method,
    source: row.source,
    validFrom: row.validFrom,
    validTo: row.validTo,
    sourceAvailable: row.method === 'computed' && !!row.source && sources.has(row.source),
    listAvailable: !!listOf(row, sources),
    listAction: listOf(row, sources)?.action ?? null,
  };
}

function presentRun(run: repo.RunRow): KpiRun {
  return {
    id: run.id,
    period: run.period,
    periodType: run.periodType,
    from: run.fromDate,
    to: run.toDate,
    asOf: run.asOf,
    structure: run.structure as KpiRun['structure'],
    trigger: run.trigger,
    startedAt: run.startedAt.toISOString(),
    finishedAt: run.finishedAt?.toISOString() ?? null,
  };
}

/** The sources the modules publish today, by key: what an indicator's `source` may name and compute from now. */
export function listSources(sources: SourceMap): KpiSource[] {
  return [...sources.values()]
    .map((s) => ({
      key: s.key,
      descriptionVi: s.describe?.vi ?? null,
      descriptionEn: s.describe?.en ?? null,
      hasList: !!s.list,
      formerUnits: s.formerUnits ?? null,
    }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/** The indicators in force on a day (today by default). */
export async function listIndicators(db: Db, sources: SourceMap, on?: string): Promise<Indicator[]> {
  return (await repo.indicatorsInForce(db, on ?? todayInVietnam())).map((r) => presentIndicator(r, sources));
}

/** Every version of an indicator, newest first. */
export async function indicatorHistory(db: Db, sources: SourceMap, code: string): Promise<Indicator[]> {
  const rows = await repo.versionsOf(db, code);
  if (!rows.length) throw indicatorNotFound();
  return rows.map((r) => presentIndicator(r, sources));
}

/**
 * A new version of an indicator from `validFrom` (a new indicator when the code is new): the version
 * in force then ends the day before. Versions are never rewritten, so a version must start after
 * the latest one starts; runs already made keep the version they used.
 */
export async function addIndicatorVersion(
  database: Database,
  sources: SourceMap,
  body: IndicatorVersionBody,
  recordedBy: string | null,
): Promise<Indicator> {
  const row = await database.db.transaction(async (tx) => {
    // One new version of a code at a time: the row lock below cannot hold back a second new version.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`kpi.indicator:${body.code}`}))`);
    const [latest] = await repo.versionsOf(tx, body.code, true);
    if (latest && latest.validFrom >= body.validFrom)
      throw versionConflict(
        `Chỉ tiêu ${body.code} đã có phiên bản áp dụng từ ${latest.validFrom}; phiên bản mới phải bắt đầu sau ngày đó`,
        `Indicator ${body.code} has a version from ${latest.validFrom}; a new version must start after it`,
      );
    if (latest && (latest.validTo === null || latest.validTo >= body.validFrom))
      await repo.closeVersion(tx, latest.id, dayBefore(body.validFrom));
    return repo.insertVersion(tx, body, recordedBy);
  });
  return presentIndicator(row, sources);
}

function dayBefore(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

/**
 * The values of a period for the session's units, from the period's latest run or the run asked
 * (a snapshot: the indicators shown are the versions that run used). No run yet: the indicators in
 * force and no values.
 */
export async function kpiTable(
  db: Db,
  sources: SourceMap,
  access: AccessContext,
  query: { period: string; unitCode?: string; runId?: number; structure?: KpiStructure },
  today = todayInVietnam(),
): Promise<KpiTable> {
  return JSON.parse(await kpiTableJson(db, sources, access, query, today)) as KpiTable;
}

/**
 * `kpiTable` as the JSON the API sends: the dashboard's most frequent answer (about 120 kB for the
 * province), made once per run and set of units and kept with the run's snapshot, so a request costs
 * the session check, one indexed read and a copy (bench/kpi.bench.ts).
 */
export async function kpiTableJson(
  db: Db,
  sources: SourceMap,
  access: AccessContext,
  query: { period: string; unitCode?: string; runId?: number; structure?: KpiStructure },
  today = todayInVietnam(),
): Promise<string> {
  const period = parsePeriod(query.period);
  const asOf = asOfFor(period, today);
  const structure = query.structure ?? 'current';
  const run = query.runId ? await repo.findRun(db, query.runId) : await repo.latestRun(db, period.code, structure);
  if (query.runId && (!run || run.period !== period.code || !run.finishedAt)) throw runNotFound();
  if (!run) return JSON.stringify({ run: null, indicators: await listIndicators(db, sources, asOf), values: [] });
  const scope = readableUnits(access);
  const wanted = query.unitCode ? [query.unitCode] : null;
  const units = scope === null ? wanted : (wanted ?? [...scope]).filter((u) => scope.has(u));
  const snapshot = await snapshotOf(db, sources, run.id);
  const key = units === null ? '*' : [...units].sort().join(',');
  let json = snapshot.rendered.get(key);
  if (json === undefined) {
    const keep = units === null ? null : new Set(units);
    const values = keep ? snapshot.values.filter((v) => keep.has(v.unitCode)) : snapshot.values;
    json = JSON.stringify({ run: presentRun(run), indicators: snapshot.indicators, values } satisfies KpiTable);
    if (snapshot.rendered.size >= RENDERED_KEPT) snapshot.rendered.clear();
    snapshot.rendered.set(key, json);
  }
  return json;
}

/**
 * A finished run's indicators and values never change (the table refuses it), so each process keeps
 * the last few it read: a dashboard request is then the session check, one indexed read of the
 * period's latest run and a filter (bench/kpi.bench.ts). `sourceAvailable` is of the process's sources.
 */
const SNAPSHOTS_KEPT = 16;
type Snapshot = { indicators: Indicator[]; values: KpiValue[]; rendered: Map<string, string> };
/** Answers kept per run (one per set of units read: the province, each commune's leaders…). */
const RENDERED_KEPT = 128;
/**
 * Kept per database: run ids are the database's own serial numbers, so two databases in one process
 * (test files sharing a worker, a command opening another) would otherwise read each other's runs.
 */
const snapshotsByDb = new WeakMap<Db, Map<number, Promise<Snapshot>>>();

function snapshotOf(db: Db, sources: SourceMap, runId: number): Promise<Snapshot> {
  let snapshots = snapshotsByDb.get(db);
  if (!snapshots) snapshotsByDb.set(db, (snapshots = new Map<number, Promise<Snapshot>>()));
  const kept = snapshots.get(runId);
  if (kept) return kept;
  const read = Promise.all([repo.indicatorsOfRun(db, runId), repo.valuesOfRun(db, runId)]).then(
    ([versions, rows]): Snapshot => ({
      indicators: versions.map((v) => presentIndicator(v, sources)),
      values: rows.map((r) => ({
        indicatorCode: r.indicatorCode,
        unitCode: r.unitCode,
        unitLevel: r.unitLevel,
        numerator: r.numerator,
        denominator: r.denominator,
        value: r.value,
        met: r.met,
        status: r.status,
      })),
      rendered: new Map(),
    }),
  );
  snapshots.set(runId, read);
  read.catch(() => snapshots.delete(runId)); // a failed read is not kept
  while (snapshots.size > SNAPSHOTS_KEPT) snapshots.delete(snapshots.keys().next().value!);
  return read;
}

/** Recomputes a period now (on demand); the run. */
export async function startRun(
  database: Database,
  sources: SourceMap,
  input: { period: string; provinceCode: string; startedBy: string | null; structure?: KpiStructure },
): Promise<KpiRun> {
  const id = await computeRun(database, sources, { ...input, today: todayInVietnam(), trigger: 'manual' });
  return presentRun((await repo.findRun(database.db, id!))!);
}

/** The runs of a period, newest first (a report names the run it was made from). */
export async function runsOf(db: Db, period: string): Promise<KpiRun[]> {
  return (await repo.listRuns(db, parsePeriod(period).code)).map(presentRun);
}

/**
 * Each indicator's values for one unit over the last `count` periods of the period's type (issue 15
 * §5: the trend beside a target), each from the latest run of its period on the structure asked —
 * the same snapshots the dashboard shows. A period never computed is there with null points, so a
 * gap reads as a gap and not as a fall to zero. A unit outside the session's scope is refused.
 */
export async function kpiTrend(
  db: Db,
  sources: SourceMap,
  access: AccessContext,
  query: KpiTrendQuery,
  provinceCode: string,
  today = todayInVietnam(),
): Promise<KpiTrend> {
  asOfFor(parsePeriod(query.period), today); // a future period is refused
  const unitCode = query.unitCode ?? provinceCode;
  const scope = readableUnits(access);
  if (scope !== null && !scope.has(unitCode)) throw unitForbidden();
  const structure = query.structure ?? 'current';
  const periods = periodsEndingWith(query.period, query.count);
  const runs = await repo.latestRuns(db, periods, structure);
  // One indexed read of the unit's values in those runs (not the runs' whole snapshots).
  const rows = await repo.unitValuesOfRuns(
    db,
    [...runs.values()].map((r) => r.id),
    unitCode,
  );
  const periodOfRun = new Map([...runs].map(([period, run]) => [run.id, period]));
  type Row = (typeof rows)[number];
  const byPeriod = new Map<string, Map<string, Row>>();
  for (const r of rows) {
    const period = periodOfRun.get(r.runId)!;
    byPeriod.set(period, (byPeriod.get(period) ?? new Map<string, Row>()).set(r.indicatorCode, r));
  }
  const codes = new Set(rows.map((r) => r.indicatorCode));
  return {
    unitCode,
    structure,
    periods: periods.map((period) => {
      const run = runs.get(period);
      return { period, runId: run?.id ?? null, asOf: run?.asOf ?? null };
    }),
    series: [...codes].sort().map((indicatorCode) => ({
      indicatorCode,
      points: periods.map((period) => {
        const v = byPeriod.get(period)?.get(indicatorCode);
        return { period, value: v?.value ?? null, met: v?.met ?? null, status: v?.status ?? null };
      }),
    })),
  };
}
