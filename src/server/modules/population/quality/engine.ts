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
      on conflict (code) do update set class = excluded.class, title_vi = excluded.title_vi, title_en = excluded.title_en`);
  }
}

async function configuredRules(db: Db): Promise<ConfiguredRule[]> {
  await ensureRuleRows(db);
  const rows = (await queryRowsAny(
    db,
    sql`select code, severity, enabled, params from population.quality_rules`,
  )) as Array<{
    code: string;
    severity: 'error' | 'warning';
    enabled: boolean;
    params: Record<string, unknown> | string;
  }>;
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
}

/**
 * Runs every enabled rule over the whole registry as set-based SQL, stores findings and
 * per-commune scores under a new run id, and returns the run id. One transaction:
 * a failed run leaves nothing behind.
 */
export async function runQuality(database: Database, options: RunOptions): Promise<number> {
  // Each rule is one statement over the whole registry (seconds at 500k people): no statement timeout (ADR 0014).
  const bulk = unboundedDatabase(database);
  const rules = (await configuredRules(bulk.db)).filter((r) => r.enabled);
  return bulk.db.transaction(async (tx) => {
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

/**
 * Per-commune (and province-wide, unit code '*') scores: 1 − share of persons with at least one
 * finding. With `units`, only those communes' rows (the caller removed them) and not the province's.
 */
function scoreInsert(runId: number, rules: ConfiguredRule[], units?: readonly string[]): SQL {
  const classOf = sql.join(
    rules.map((r) => sql`when ${r.rule.code} then ${r.rule.class}`),
    sql` `,
  );
  const only = units
    ? sql`where coalesce(p.residence_unit_code, '?') in (${sql.join(
        units.map((u) => sql`${u}`),
        sql`, `,
      )})`
    : sql``;
  return sql`
    with pf as (
      select f.person_id, array_agg(distinct case f.rule_code ${classOf} end) as classes
      from population.quality_findings f where f.run_id = ${runId} group by f.person_id
    ), per as (
      select coalesce(p.residence_unit_code, '?') as unit_code, pf.classes
      from population.persons p left join pf on pf.person_id = p.id ${only}
    ), grouped as (
      select coalesce(unit_code, '*') as unit_code, count(*) as persons, count(classes) as bad,
        count(*) filter (where 'correct' = any(classes)) as c1, count(*) filter (where 'complete' = any(classes)) as c2,
        count(*) filter (where 'clean' = any(classes)) as c3, count(*) filter (where 'live' = any(classes)) as c4
      from per group by ${units ? sql`unit_code` : sql`grouping sets ((unit_code), ())`}
    )
    insert into population.quality_scores (run_id, unit_code, persons, persons_with_findings, score, by_class)
    select ${runId}, unit_code, persons, bad, case when persons = 0 then 1 else 1 - bad::real / persons end,
      jsonb_build_object('correct', c1, 'complete', c2, 'clean', c3, 'live', c4)
    from grouped`;
}

/**
 * After a decision changed these persons, their findings in the latest run are recomputed with
 * the enabled rules, and the scores of the communes they left or joined and of the province with
 * them — so a defect a decision fixed leaves /quality at once, without a full run. The latest run
 * is therefore live; what must not change later is kept as a snapshot by its reader.
 */
export async function refreshFindings(
  tx: Db,
  personIds: readonly string[],
  units: readonly string[],
  idProvinceCodes: readonly string[],
): Promise<void> {
  const run = await latestRun(tx);
  if (!run || personIds.length === 0) return;
  const ids = sql.join(
    personIds.map((id) => sql`${id}::uuid`),
    sql`, `,
  );
  const rules = (await configuredRules(tx)).filter((r) => r.enabled);
  const countOf = async (query: SQL) => Number(((await queryRowsAny(tx, query))[0] as { n: number | string }).n);
  const removed = await countOf(sql`with d as (
    delete from population.quality_findings where run_id = ${run.id} and person_id in (${ids}) returning 1
  ) select count(*) as n from d`);
  for (const r of rules) {
    const query = r.rule.query({ asOf: run.asOf, params: r.params, idProvinceCodes }, sql`and p.id in (${ids})`);
    await tx.execute(sql`insert into population.quality_findings (run_id, person_id, rule_code, details)
      select ${run.id}, f.person_id, ${r.rule.code}, f.details from (${query}) f`);
  }
  const touched = [...new Set(units)];
  if (touched.length) {
    await tx.execute(
      sql`delete from population.quality_scores where run_id = ${run.id} and unit_code in (${sql.join(
        touched.map((u) => sql`${u}`),
        sql`, `,
      )})`,
    );
    await tx.execute(scoreInsert(run.id, rules, touched));
  }
  // The province row is the sum of the communes'.
  await tx.execute(sql`
    with c as (
      select sum(persons) as persons, sum(persons_with_findings) as bad,
        jsonb_build_object(
          'correct', sum((by_class->>'correct')::int), 'complete', sum((by_class->>'complete')::int),
          'clean', sum((by_class->>'clean')::int), 'live', sum((by_class->>'live')::int)) as by_class
      from population.quality_scores where run_id = ${run.id} and unit_code <> '*'
    )
    update population.quality_scores s set persons = c.persons, persons_with_findings = c.bad, by_class = c.by_class,
      score = case when c.persons = 0 then 1 else 1 - c.bad::real / c.persons end
    from c where s.run_id = ${run.id} and s.unit_code = '*'`);
  const added = await countOf(
    sql`select count(*) as n from population.quality_findings where run_id = ${run.id} and person_id in (${ids})`,
  );
  await tx.execute(
    sql`update population.quality_runs set findings = findings + ${added - removed} where id = ${run.id}`,
  );
}

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
      r.rule.query({ asOf, params: r.params, idProvinceCodes }, sql`and p.id = ${personId}`),
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
export async function latestRun(db: Db): Promise<{ id: number; asOf: string; finishedAt: string | null } | undefined> {
  const rows = (await queryRowsAny(
    db,
    sql`select id, as_of::text as as_of, finished_at from population.quality_runs where finished_at is not null order by id desc limit 1`,
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
