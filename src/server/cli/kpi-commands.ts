import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { todayInVietnam } from '../../contracts/common';
import { out, withDatabase } from './context';

/** `report …` and `kpi …`: the Project 06 indicators and the periodic report (issue 15). */
/** The kpi module and every indicator source load when the command runs, not with every command. */
const kpi = () => import('../modules/kpi');

export function registerKpiCommands(program: Command): void {
  program
    .command('report')
    .description('the periodic Project 06 report of a period, from its latest run (or --run), as PDF or XLSX')
    .requiredOption('--period <period>', 'period: 2026, 2026-Q3 or 2026-09')
    .option('--format <format>', 'pdf or xlsx', 'pdf')
    .requiredOption('--out <file>', 'file to write')
    .option('--run <id>', 'a given run of the period (to reproduce an earlier report)')
    .option('--compute', 'compute the period now first (a new run)')
    .action(async (opts: { period: string; format: string; out: string; run?: string; compute?: boolean }) => {
      if (opts.format !== 'pdf' && opts.format !== 'xlsx') throw new Error('--format is pdf or xlsx');
      const { computeRun, parsePeriod, reportContent, reportPdf, reportXlsx, seedIndicators } = await kpi();
      const { indicatorSources } = await import('../indicator-sources');
      const period = parsePeriod(opts.period).code;
      if (opts.run !== undefined && !/^[1-9]\d*$/.test(opts.run)) throw new Error('--run is a run number (1, 2, …)');
      await withDatabase(async (database, config) => {
        await seedIndicators(database.db);
        if (opts.compute)
          await computeRun(database, indicatorSources(), {
            period,
            today: todayInVietnam(),
            provinceCode: config.PROVINCE_CODE,
            trigger: 'manual',
          });
        const content = await reportContent(database.db, period, opts.run ? Number(opts.run) : undefined);
        const bytes = opts.format === 'pdf' ? await reportPdf(content) : await reportXlsx(content);
        await writeFile(opts.out, bytes);
        out(
          `${opts.out}: report of ${period}, run ${content.run.id} (figures as of ${content.run.asOf}), ${bytes.length} bytes`,
        );
      });
    });
}
