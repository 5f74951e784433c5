import type { Command } from 'commander';
import { sql } from 'drizzle-orm';
import { loadConfig } from '../platform/config';
import { createProgress } from '../platform/progress';
import { runEnsureWebBuild } from '../platform/web-build';
import { todayInVietnam } from '../../contracts/common';
import { out, withDatabase } from './context';

/** `serve`, `migrate`, `seed` and the hidden `sql`: the server and its database as a whole. */
export function registerServerCommands(program: Command): void {
  program
    .command('serve')
    .description('start the web UI and API on one port (migrates; seeds the demo province on an empty database)')
    .option('--build-web-if-missing', 'build the web app first when dist/web is missing or stale')
    .action(async (opts: { buildWebIfMissing?: boolean }) => {
      const config = loadConfig();
      // The first start's web build runs while the server loads and prepares the database; the app waits for it.
      const webBuilt = opts.buildWebIfMissing ? runEnsureWebBuild() : undefined;
      webBuilt?.catch(() => undefined); // a failure is thrown where serve() awaits it
      const { serve } = await import('../main'); // the app (and the e-ID sandbox) load only for `serve`
      await serve(config, { webBuilt });
    });

  program
    .command('migrate')
    .description('apply database migrations')
    .action(async () => {
      await withDatabase(async (database) => out(`migrations applied (${database.kind})`));
    });

  program
    .command('seed')
    .description('replace the registry with a synthetic demo province (deterministic)')
    .option('--people <n>', 'number of people', (v) => Number.parseInt(v, 10), 20_000)
    .option('--seed <text>', 'random seed', 'lai-chau-demo')
    .option('--reference-date <date>', '"today" of the generated data (YYYY-MM-DD)', todayInVietnam())
    .action(async (opts: { people: number; seed: string; referenceDate: string }) => {
      const { seedDemoProvince } = await import('../modules/demo'); // loaded for this command only
      await withDatabase(async (database, config) => {
        const progress = createProgress('seed', opts.people);
        const result = await seedDemoProvince(database, {
          people: opts.people,
          provinceCode: config.PROVINCE_CODE,
          seed: opts.seed,
          referenceDate: opts.referenceDate,
          onProgress: (done) => progress.update(done),
        });
        progress.finish(
          `${result.people} people, ${result.households} households, ${Math.round(result.people / (result.ms / 1000))} people/s`,
        );
        for (const d of result.manifest.defects) out(`  injected ${d.code}: ${d.persons} persons (rate ${d.rate})`);
      });
    });

  program.command('sql <statement>', { hidden: true }).action(async (statement: string) => {
    await withDatabase(async (database) => out(JSON.stringify(await database.rows(sql.raw(statement)), null, 2)));
  });
}
