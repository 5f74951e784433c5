import { sql, type SQL } from 'drizzle-orm';
import { queryRows, unboundedDatabase, type Database, type Db } from '../../../platform/db';
import type { QualityFinding, QualityScore } from '../../../../contracts/population';
import { QUALITY_RULES, type QualityRule } from './rules';

/** A rule as configured in the database (severity/params/enabled editable by administrators). */
interface ConfiguredRule {
  rule: QualityRule;
  severity: 'error' | 'warning';
  enabled: boolean;
  params: Record<string, unknown>;
}

/** Inserts missing rule rows with their defaults; existing rows (administrators' edits) are kept. */
export async function ensureRuleRows(db: Db): Promise<void> {
  for (const r of QUALITY_RULES) {
    await db.execute(sql`
      insert into population.quality_rules (code, class, severity, enabled, params, title_vi, title_en)
      values (${r.code}, ${r.class}, ${r.severity}, true, ${JSON.stringify(r.defaults)}::jsonb, ${r.titleVi}, ${r.titleEn})
      on conflict (code) do update set class = excluded.class, title_vi = excluded.title_vi, title_en = excluded.title_en
      where (quality_rules.class, quality_rules.title_vi, quality_rules.title_en)
        is distinct from (excluded.class, excluded.title_vi, excluded.title_en)`);
  }
}

type RuleRow = {
  code: string;
  severity: 'error' | 'warning';
  enabled: boolean;
  params: Record<string, unknown> | string;
};

/**
 * The rules with their stored settings. A read: the rows are written (with their defaults) only
 * when one is missing — an upsert on every call would lock the rule rows, so that concurrent
 * decisions refreshing findings (and person pages) waited on each other.
 */
async function configuredRules(db: Db): Promise<ConfiguredRule[]> {
  const read = async () =>
    (await queryRowsAny(db, sql`select code, severity, enabled, params from population.quality_rules`)) as RuleRow[];
  let rows = await read();
  if (QUALITY_RULES.some((r) => !rows.some((row) => row.code === r.code))) {
    await ensureRuleRows(db);
    rows = await read();
  }
  const byCode = new Map(rows.map((r) => [r.code, r]));
  return QUALITY_RULES.map((rule) => {
    const row = byCode.get(rule.code);
    const params =
      typeof row?.params === 'string' ? (JSON.parse(row.params) as Record<string, unknown>) : (row?.params ?? {});
    return {
      rule,
      severity: row?.severity ?? rule.severity,
      enabled: row?.enabled ?? true,
      params: { ...rule.defaults, ...params },
    };
  });
}

export interface RunOptions {
  asOf: string;
  idProvinceCodes: readonly string[];
  onRule?: (code: string, done: number, total: number) => void;
  /**
   * The scheduled run: skipped (returns null) when a finished run of `asOf` or later exists, or while
   * another process runs one (a transaction-level advisory lock), so that several server processes
   * run the day's evaluation once.
   */
  onlyIfDue?: boolean;
}

/** The advisory lock key of the scheduled quality run (any constant bigint unique in DVC06). */
const SCHEDULED_RUN_LOCK = 6_006_001;

/**
 * Runs every enabled rule over the whole registry as set-based SQL, stores findings and
 * per-commune scores under a new run id, and returns the run id. One transaction:
 * a failed run leaves nothing behind.
 */
export async function runQuality(database: Database, options: RunOptions & { onlyIfDue?: false }): Promise<number>;
export async function runQuality(database: Database, options: RunOptions): Promise<number | null>;
export async function runQuality(database: Database, options: RunOptions): Promise<number | null> {
  // Each rule is one statement over the whole registry (seconds at 500k people): no statement timeout (ADR 0014).
  const bulk = unboundedDatabase(database);
  await ensureRuleRows(bulk.db); // a full run also brings the stored names in line with the code's
  const rules = (await configuredRules(bulk.db)).filter((r) => r.enabled);
  return bulk.db.transaction(async (tx) => {
    if (options.onlyIfDue) {
      // The lock is released at commit, when the run is visible: a process that takes it afterwards finds the run.
      const [lock] = await queryRowsAny(tx, sql`select pg_try_advisory_xact_lock(${SCHEDULED_RUN_LOCK}) as held`);
      if (!(lock as { held: boolean }).held) return null;
      const done = await queryRowsAny(
        tx,
        sql`select 1 from population.quality_runs where finished_at is not null and as_of >= ${options.asOf} limit 1`,
      );
      if (done.length > 0) return null;
    }
    // A full run computes from the registry as it is: what decisions queued for a refresh is superseded.
    // (A decision committed while the run goes on may be counted by both; the next full run settles it.)
    await tx.execute(sql`delete from population.quality_refresh_queue`);
    const run = (
      await queryRowsAny(tx, sql`insert into population.quality_runs (as_of) values (${options.asOf}) returning id`)
    )[0] as { id: number | string };
    const runId = Number(run.id);
    let done = 0;
    for (const r of rules) {
      const query = r.rule.query(
        { asOf: options.asOf, params: r.params, idProvinceCodes: options.idProvinceCodes },
        sql``,
      );
      await tx.execute(sql`insert into population.quality_findings (run_id, person_id, rule_code, details)
        select ${runId}, f.person_id, ${r.rule.code}, f.details from (${query}) f`);
      options.onRule?.(r.rule.code, ++done, rules.length);
    }
    await tx.execute(scoreInsert(runId, rules));
    await tx.execute(sql`update population.quality_runs set finished_at = now(),
      persons = (select count(*) from population.persons),
      findings = (select count(*) from population.quality_findings where run_id = ${runId}) where id = ${runId}`);
    return runId;
  });
}

/** Per-commune (and province-wide, unit code '*') scores: 1 − share of persons with at least one finding. */
function scoreInsert(runId: number, rules: ConfiguredRule[]): SQL {
  const classOf = sql.join(
    rules.map((r) => sql`when ${r.rule.code} then ${r.rule.class}`),
    sql` `,
  );
  return sql`
    with pf as (
      select f.person_id, array_agg(distinct case f.rule_code ${classOf} end) as classes
      from population.quality_findings f where f.run_id = ${runId} group by f.person_id
    ), per as (
      select coalesce(p.residence_unit_code, '?') as unit_code, pf.classes
      from population.persons p left join pf on pf.person_id = p.id
    ), grouped as (
      select coalesce(unit_code, '*') as unit_code, count(*) as persons, count(classes) as bad,
        count(*) filter (where 'correct' = any(classes)) as c1, count(*) filter (where 'complete' = any(classes)) as c2,
        count(*) filter (where 'clean' = any(classes)) as c3, count(*) filter (where 'live' = any(classes)) as c4
      from per group by grouping sets ((unit_code), ())
    )
    insert into population.quality_scores (run_id, unit_code, persons, persons_with_findings, score, by_class)
    select ${runId}, unit_code, persons, bad, case when persons = 0 then 1 else 1 - bad::real / persons end,
      jsonb_build_object('correct', c1, 'complete', c2, 'clean', c3, 'live', c4)
    from grouped`;
}

const CLASSES = ['correct', 'complete', 'clean', 'live'] as const;
type ScoreDelta = { persons: number; bad: number; byClass: Record<(typeof CLASSES)[number], number> };

/**
 * After a decision changed these persons, their findings in the latest run are recomputed with the
 * enabled rules, and the scores follow by difference: each person leaves the row of the commune
 * they were counted in (`unitBefore`, '?' for none) with their old classes and joins the row of
 * their commune now with the new ones; the province row gets the sum. O(persons changed), so a
 * defect a decision fixed leaves /quality at once without a full run. The latest run is therefore
 * live; a reader that must not change later keeps its own snapshot.
 */
export async function refreshFindings(
  tx: Db,
  unitBefore: ReadonlyMap<string, string>,
  idProvinceCodes: readonly string[],
): Promise<void> {
  const run = await latestRun(tx);
  const personIds = [...unitBefore.keys()];
  if (!run || personIds.length === 0) return;
  const ids = sql.join(
    personIds.map((id) => sql`${id}::uuid`),
    sql`, `,
  );
  const rules = (await configuredRules(tx)).filter((r) => r.enabled);
  const classOf = new Map(rules.map((r) => [r.rule.code, r.rule.class]));
  const classesOf = (rows: Array<{ person_id: string; rule_code: string }>) => {
    const out = new Map<string, Set<string>>();
    for (const r of rows) {
      const cls = classOf.get(r.rule_code);
      if (cls) out.set(r.person_id, (out.get(r.person_id) ?? new Set()).add(cls));
    }
    return out;
  };
  // The old findings go (returned, for the old classes); every rule's new ones come in one statement.
  const removed = (await queryRowsAny(
    tx,
    sql`delete from population.quality_findings where run_id = ${run.id} and person_id in (${ids}) returning person_id, rule_code`,
  )) as Array<{ person_id: string; rule_code: string }>;
  const checks = sql.join(
    rules.map(
      (r) =>
        sql`(select f.person_id, ${r.rule.code}::text as rule_code, f.details from (${r.rule.query(
          { asOf: run.asOf, params: r.params, idProvinceCodes, personIds },
          sql`and p.id in (${ids})`,
        )}) f)`,
    ),
    sql` union all `,
  );
  const added = rules.length
    ? ((await queryRowsAny(
        tx,
        sql`insert into population.quality_findings (run_id, person_id, rule_code, details)
          select ${run.id}, c.person_id, c.rule_code, c.details from (${checks}) c returning person_id, rule_code`,
      )) as Array<{ person_id: string; rule_code: string }>)
    : [];
  const before = classesOf(removed);
  const after = classesOf(added);
  const unitNow = new Map(
    (
      (await queryRowsAny(
        tx,
        sql`select id, coalesce(residence_unit_code, '?') as unit from population.persons where id in (${ids})`,
      )) as Array<{ id: string; unit: string }>
    ).map((r) => [r.id, r.unit]),
  );
  const deltas = new Map<string, ScoreDelta>();
  const add = (unit: string, classes: Set<string> | undefined, sign: 1 | -1) => {
    for (const key of [unit, '*']) {
      const d = deltas.get(key) ?? { persons: 0, bad: 0, byClass: { correct: 0, complete: 0, clean: 0, live: 0 } };
      d.persons += sign;
      if (classes?.size) d.bad += sign;
      for (const c of CLASSES) if (classes?.has(c)) d.byClass[c] += sign;
      deltas.set(key, d);
    }
  };
  for (const id of personIds) {
    // A person new to the registry (a birth registered) was counted nowhere before.
    if (unitBefore.get(id) !== NOT_COUNTED_BEFORE) add(unitBefore.get(id)!, before.get(id), -1);
    add(unitNow.get(id) ?? '?', after.get(id), 1);
  }
  const changed = [...deltas].filter(([, d]) => d.persons !== 0 || d.bad !== 0 || CLASSES.some((c) => d.byClass[c]));
  if (changed.length)
    await tx.execute(sql`
      insert into population.quality_scores as s (run_id, unit_code, persons, persons_with_findings, score, by_class)
      select ${run.id}, v.unit, v.persons, v.bad, case when v.persons <= 0 then 1 else 1 - v.bad::real / v.persons end,
        jsonb_build_object('correct', v.c1, 'complete', v.c2, 'clean', v.c3, 'live', v.c4)
      from (values ${sql.join(
        changed.map(
          ([unit, d]) =>
            sql`(${unit}::text, ${d.persons}::int, ${d.bad}::int, ${d.byClass.correct}::int, ${d.byClass.complete}::int, ${d.byClass.clean}::int, ${d.byClass.live}::int)`,
        ),
        sql`, `,
      )}) as v(unit, persons, bad, c1, c2, c3, c4)
      on conflict (run_id, unit_code) do update set
        persons = s.persons + excluded.persons,
        persons_with_findings = s.persons_with_findings + excluded.persons_with_findings,
        score = case when s.persons + excluded.persons <= 0 then 1
          else 1 - (s.persons_with_findings + excluded.persons_with_findings)::real / (s.persons + excluded.persons) end,
        by_class = jsonb_build_object(
          'correct', coalesce((s.by_class->>'correct')::int, 0) + (excluded.by_class->>'correct')::int,
          'complete', coalesce((s.by_class->>'complete')::int, 0) + (excluded.by_class->>'complete')::int,
          'clean', coalesce((s.by_class->>'clean')::int, 0) + (excluded.by_class->>'clean')::int,
          'live', coalesce((s.by_class->>'live')::int, 0) + (excluded.by_class->>'live')::int)`);
  await tx.execute(
    sql`update population.quality_runs set findings = findings + ${added.length - removed.length} where id = ${run.id}`,
  );
}

/** The `unit_before` of a queued person the scores did not count yet (a newborn): nothing to subtract. */
export const NOT_COUNTED_BEFORE = '+';

/** Checks one person against every enabled rule without storing anything: findings are return values. */
export async function checkPerson(
  db: Db,
  personId: string,
  asOf: string,
  idProvinceCodes: readonly string[],
): Promise<QualityFinding[]> {
  const rules = (await configuredRules(db)).filter((r) => r.enabled);
  const findings: QualityFinding[] = [];
  for (const r of rules) {
    const rows = (await queryRowsAny(
      db,
      r.rule.query({ asOf, params: r.params, idProvinceCodes, personIds: [personId] }, sql`and p.id = ${personId}`),
    )) as Array<{ details: unknown }>;
    for (const row of rows) {
      const details =
        typeof row.details === 'string'
          ? (JSON.parse(row.details) as Record<string, unknown>)
          : (row.details as Record<string, unknown> | null);
      findings.push({
        ruleCode: r.rule.code,
        class: r.rule.class,
        severity: r.severity,
        titleVi: r.rule.titleVi,
        titleEn: r.rule.titleEn,
        details,
      });
    }
  }
  return findings;
}

export type ScoreRow = Omit<QualityScore, 'unitName'>;

/** The latest finished run, if any. */
export async function latestRun(
  db: Db,
  onOrBefore?: string,
): Promise<{ id: number; asOf: string; finishedAt: string | null } | undefined> {
  const rows = (await queryRowsAny(
    db,
    sql`select id, as_of::text as as_of, finished_at from population.quality_runs where finished_at is not null
        ${onOrBefore ? sql`and as_of <= ${onOrBefore}::date order by as_of desc, id desc` : sql`order by id desc`} limit 1`,
  )) as Array<{ id: number | string; as_of: string; finished_at: Date | string | null }>;
  const r = rows[0];
  return r
    ? { id: Number(r.id), asOf: r.as_of, finishedAt: r.finished_at ? new Date(r.finished_at).toISOString() : null }
    : undefined;
}

/** Scores of a run, province row ('*') included. */
export async function runScores(db: Db, runId: number): Promise<ScoreRow[]> {
  const rows = (await queryRowsAny(
    db,
    sql`select unit_code, persons, persons_with_findings, score, by_class from population.quality_scores where run_id = ${runId} order by unit_code`,
  )) as Array<{
    unit_code: string;
    persons: number | string;
    persons_with_findings: number | string;
    score: number | string;
    by_class: Record<string, number> | string;
  }>;
  return rows.map((r) => ({
    unitCode: r.unit_code,
    persons: Number(r.persons),
    personsWithFindings: Number(r.persons_with_findings),
    score: Number(r.score),
    byClass: Object.fromEntries(
      Object.entries(
        typeof r.by_class === 'string' ? (JSON.parse(r.by_class) as Record<string, unknown>) : r.by_class,
      ).map(([k, v]) => [k, Number(v)]),
    ),
  }));
}

/** Findings per rule in a run. */
export async function runRuleCounts(db: Db, runId: number): Promise<Map<string, number>> {
  const rows = (await queryRowsAny(
    db,
    sql`select rule_code, count(*) as n from population.quality_findings where run_id = ${runId} group by rule_code`,
  )) as Array<{ rule_code: string; n: number | string }>;
  return new Map(rows.map((r) => [r.rule_code, Number(r.n)]));
}

/** Untyped rows; callers cast to the row shape of their query. */
function queryRowsAny(db: Pick<Db, 'execute'>, query: SQL): Promise<unknown[]> {
  return queryRows(db, query);
}
