import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { todayInVietnam } from '../../contracts/common';
import type { Database } from '../platform/db';
import { out, withDatabase } from './context';

/** `report …` and `kpi …`: the Project 06 indicators and the periodic report (issue 15). */
/** The kpi module and every indicator source load when the command runs, not with every command. */
const kpi = () => import('../modules/kpi');

/** The options of `dvc06 report`. */
export interface ReportOptions {
  period: string;
  format: string;
  out: string;
  run?: string;
  compute?: boolean;
}

/**
 * The body of `dvc06 report` on an open database: checks the options, computes the period first with
 * `--compute`, writes the report of the period's latest run (or `--run`) to `--out`; the line it
 * prints. Tests call it in-process (a process per case costs seconds of loading).
 */
export async function writeReport(database: Database, provinceCode: string, opts: ReportOptions): Promise<string> {
  if (opts.format !== 'pdf' && opts.format !== 'xlsx') throw new Error('--format is pdf or xlsx');
  const { computeRun, parsePeriod, reportContent, reportPdf, reportXlsx, seedIndicators } = await kpi();
  const { indicatorSources } = await import('../indicator-sources');
  const period = parsePeriod(opts.period).code;
  if (opts.run !== undefined && !/^[1-9]\d*$/.test(opts.run)) throw new Error('--run is a run number (1, 2, …)');
  await seedIndicators(database.db);
  if (opts.compute)
    await computeRun(database, indicatorSources(), {
      period,
      today: todayInVietnam(),
      provinceCode,
      trigger: 'manual',
    });
  const content = await reportContent(database.db, period, opts.run ? Number(opts.run) : undefined);
  const bytes = opts.format === 'pdf' ? await reportPdf(content) : await reportXlsx(content);
  await writeFile(opts.out, bytes);
  return `${opts.out}: report of ${period}, run ${content.run.id} (figures as of ${content.run.asOf}), ${bytes.length} bytes`;
}

export function registerKpiCommands(program: Command): void {
  program
    .command('report')
    .description('the periodic Project 06 report of a period, from its latest run (or --run), as PDF or XLSX')
    .requiredOption('--period <period>', 'period: 2026, 2026-Q3 or 2026-09')
    .option('--format <format>', 'pdf or xlsx', 'pdf')
    .requiredOption('--out <file>', 'file to write')
    .option('--run <id>', 'a given run of the period (to reproduce an earlier report)')
    .option('--compute', 'compute the period now first (a new run)')
    .action(async (opts: ReportOptions) => {
      // Bad options are refused before the database is opened.
      if (opts.format !== 'pdf' && opts.format !== 'xlsx') throw new Error('--format is pdf or xlsx');
      (await kpi()).parsePeriod(opts.period);
      out(await withDatabase((database, config) => writeReport(database, config.PROVINCE_CODE, opts)));
    });
}
