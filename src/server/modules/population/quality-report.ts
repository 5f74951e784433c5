import type { Database, Db } from '../../platform/db';
import { todayInVietnam } from '../../../contracts/common';
import type { QualityReport } from '../../../contracts/population';
import { ID_PROVINCE_CODES } from './id-province-codes';
import { latestRun, runQuality, runRuleCounts, runScores } from './quality/engine';
import { QUALITY_RULES } from './quality/rules';
import { unitNamesToday } from './unit-names';

/** Runs the quality engine over the whole registry and returns its run id. */
export async function runQualityCheck(
  database: Database,
  asOf = todayInVietnam(),
  onRule?: (code: string, done: number, total: number) => void,
): Promise<number> {
  return runQuality(database, { asOf, idProvinceCodes: [...ID_PROVINCE_CODES], onRule });
}

/** The latest quality report: province and per-commune scores, findings per rule; undefined before any run. */
export async function getQualityReport(db: Db): Promise<QualityReport | undefined> {
  const run = await latestRun(db);
  if (!run) return undefined;
  const [scores, counts, unitName] = await Promise.all([
    runScores(db, run.id),
    runRuleCounts(db, run.id),
    unitNamesToday(db),
  ]);
  const named = scores.map((s) => ({ ...s, unitName: s.unitCode === '*' ? null : unitName(s.unitCode) }));
  const province = named.find((s) => s.unitCode === '*') ?? {
    unitCode: '*',
    unitName: null,
    persons: 0,
    personsWithFindings: 0,
    score: 1,
    byClass: {},
  };
  return {
    runId: run.id,
    asOf: run.asOf,
    finishedAt: run.finishedAt,
    province,
    communes: named.filter((s) => s.unitCode !== '*'),
    rules: QUALITY_RULES.map((r) => ({
      code: r.code,
      class: r.class,
      severity: r.severity,
      titleVi: r.titleVi,
      titleEn: r.titleEn,
      findings: counts.get(r.code) ?? 0,
    })),
  };
}
