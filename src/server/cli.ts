import { Command, Option } from 'commander';
import { sql } from 'drizzle-orm';
import { ConfigError, loadConfig, type Config } from './platform/config';
import type { Database } from './platform/db';
import { AppError } from './platform/errors';
import { createProgress } from './platform/progress';
import { openMigratedDatabase } from './bootstrap';
import { ensureProvinceUnits, getUnit, getUnitTree, listLinkedUnits, loadProvinceUnits } from './modules/units';
import {
  getPersonDetail,
  getQualityReport,
  QUALITY_RULES,
  runQualityCheck,
  searchPersons,
  validateNationalId,
} from './modules/population';
import { seedDemoProvince } from './modules/demo';
import { todayInVietnam } from '../contracts/common';
import type { UnitNode } from '../contracts/units';
import { runEnsureWebBuild } from './platform/web-build';
import { commandLineReader, requireCliPurpose, runAuditVerifyCli } from './modules/audit';
import {
  assignRole,
  createStaffUser,
  DEMO_ACCOUNTS,
  DEMO_PASSWORD,
  ensureDefaultRoles,
  ensureDemoAccounts,
  listStaffUsers,
  resetPassword,
  setDisabled,
} from './modules/identity';

const out = (s: string) => process.stdout.write(`${s}\n`);

/** The command being run (`person search`): named in the embedded data directory's lock, so that others see who holds it. */
let runningCommand = 'cli';

/**
 * Runs `fn` with a migrated database and closes it afterwards. On the embedded database this
 * takes the data directory's lock: while the server (or another command) holds it, the command
 * is refused at once, naming the holder (ADR 0002).
 */
async function withDatabase<T>(fn: (database: Database, config: Config) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const database = await openMigratedDatabase(config, { command: runningCommand });
  try {
    await ensureProvinceUnits(database.db, config.PROVINCE_CODE);
    return await fn(database, config);
  } finally {
    await database.close();
  }
}

function printTree(node: UnitNode, depth = 0): void {
  out(`${'  '.repeat(depth)}${node.code}  ${node.fullName}`);
  for (const child of node.children) printTree(child, depth + 1);
}

const program = new Command('dvc06').description('DVC06 — public services on population data (Project 06)');
program.hook('preAction', (_root, action) => {
  const names: string[] = [];
  for (let c: Command | null = action; c && c !== program; c = c.parent) names.unshift(c.name());
  runningCommand = names.join(' ');
});

program
  .command('serve')
  .description('start the web UI and API on one port (migrates; seeds the demo province on an empty database)')
  .option('--build-web-if-missing', 'build the web app first when dist/web is missing or stale')
  .action(async (opts: { buildWebIfMissing?: boolean }) => {
    const config = loadConfig();
    if (opts.buildWebIfMissing) await runEnsureWebBuild();
    const { serve } = await import('./main'); // the app (and the e-ID sandbox) load only for `serve`
    await serve(config);
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

const units = program.command('units').description('administrative units (before and after the 2025 reform)');
units
  .command('load')
  .description('(re)load the province reference data')
  .action(async () => {
    await withDatabase(async (database, config) => {
      const r = await loadProvinceUnits(database.db, config.PROVINCE_CODE);
      out(`loaded ${r.units} units and ${r.mergers} merger links`);
    });
  });
units
  .command('tree')
  .option('--as-of <date>', 'date (YYYY-MM-DD)')
  .description('the unit tree on a date')
  .action(async (opts: { asOf?: string }) => {
    await withDatabase(async (database, config) =>
      printTree(await getUnitTree(database.db, config.PROVINCE_CODE, opts.asOf ?? todayInVietnam())),
    );
  });
units
  .command('show <code>')
  .option('--as-of <date>', 'date (YYYY-MM-DD)')
  .description('a unit by code on a date')
  .action(async (code: string, opts: { asOf?: string }) => {
    await withDatabase(async (database) =>
      out(JSON.stringify(await getUnit(database.db, code, opts.asOf ?? todayInVietnam()), null, 2)),
    );
  });
for (const direction of ['successors', 'predecessors'] as const) {
  units
    .command(`${direction} <code>`)
    .description(
      direction === 'successors' ? 'what an old unit became in 2025' : 'the old units a new unit was made of',
    )
    .action(async (code: string) => {
      await withDatabase(async (database) => {
        for (const l of await listLinkedUnits(database.db, code, direction))
          out(`${l.unit.code}  ${l.unit.fullName}  (${l.type}, ${l.effectiveOn})`);
      });
    });
}

const person = program.command('person').description('the population registry');
person
  .command('check-id <id>')
  .description('check a 12-digit personal ID number')
  .option('--birth-date <date>', 'YYYY-MM-DD')
  .addOption(new Option('--sex <sex>').choices(['male', 'female']))
  .action((id: string, opts: { birthDate?: string; sex?: 'male' | 'female' }) => {
    const r = validateNationalId({ id, birthDate: opts.birthDate, sex: opts.sex });
    if (r.decoded)
      out(
        `province ${r.decoded.provinceCode} (${r.decoded.provinceName ?? '?'}), ${r.decoded.sex}, born ${r.decoded.birthYear}`,
      );
    for (const p of r.problems) out(`✗ ${p.code} [${p.field}] ${p.messageVi} / ${p.messageEn}`);
    out(r.valid ? 'valid' : 'invalid');
    process.exitCode = r.valid ? 0 : 1;
  });
/** Reading personal data on the command line is logged like an officer's read: the purpose is required (ADR 0004). */
const purposeOption = () =>
  new Option(
    '--purpose <code>',
    'why you read the registry (required; logged with your OS user): data_cleaning, inspection, authority_request, …',
  );
person
  .command('search <name>')
  .option('--birth-year <y>')
  .option('--unit <code>')
  .addOption(purposeOption())
  .description('search by name, ignoring diacritics')
  .action(async (name: string, opts: { birthYear?: string; unit?: string; purpose?: string }) => {
    const purpose = requireCliPurpose(opts.purpose);
    await withDatabase(async (database, config) => {
      const reader = await commandLineReader(database.db, config, purpose);
      const r = await searchPersons(
        database.db,
        {
          name,
          birthYear: opts.birthYear ? Number(opts.birthYear) : undefined,
          unitCode: opts.unit,
          purpose,
          page: 1,
          pageSize: 20,
        },
        null,
        reader,
      );
      for (const p of r.items)
        out(`${p.id}  ${p.fullName}  ${p.birthDate ?? p.birthYear}  ${p.residenceUnitName ?? ''}`);
      out(`${r.total} found`);
    });
  });
person
  .command('show <recordId>')
  .addOption(purposeOption())
  .description('a person record by record id')
  .action(async (id: string, opts: { purpose?: string }) => {
    const purpose = requireCliPurpose(opts.purpose);
    await withDatabase(async (database, config) => {
      const reader = await commandLineReader(database.db, config, purpose);
      out(JSON.stringify(await getPersonDetail(database.db, id, undefined, { reader, purpose }), null, 2));
    });
  });

const quality = program.command('quality').description('data quality: đúng, đủ, sạch, sống');
quality
  .command('run')
  .option('--as-of <date>')
  .description('run every rule over the registry')
  .action(async (opts: { asOf?: string }) => {
    await withDatabase(async (database) => {
      const progress = createProgress('quality', QUALITY_RULES.length);
      const runId = await runQualityCheck(database, opts.asOf, (code, done) => progress.update(done, code));
      progress.finish(`run ${runId}`);
    });
  });
quality
  .command('report')
  .option('--run', 'run the rules first')
  .option('--json', 'print JSON')
  .description('scores per commune and findings per rule')
  .action(async (opts: { run?: boolean; json?: boolean }) => {
    await withDatabase(async (database) => {
      if (opts.run) await runQualityCheck(database);
      const report = await getQualityReport(database.db);
      if (!report) throw new AppError('QUALITY.NOT_FOUND', 'Chưa chạy đánh giá (dùng --run)', 'No run yet (use --run)');
      if (opts.json) return out(JSON.stringify(report, null, 2));
      const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
      out(
        `Quality run ${report.runId} as of ${report.asOf}: province score ${pct(report.province.score)} (${report.province.personsWithFindings}/${report.province.persons} persons with findings)`,
      );
      for (const c of report.communes)
        out(
          `  ${c.unitCode}  ${(c.unitName ?? '?').padEnd(28)} ${pct(c.score).padStart(6)}  ${c.personsWithFindings}/${c.persons}`,
        );
      for (const r of report.rules) out(`  ${r.code.padEnd(36)} ${String(r.findings).padStart(7)}  ${r.titleVi}`);
    });
  });

const audit = program.command('audit').description('the personal-data access log');
audit
  .command('verify')
  .description('recompute the hash chain and report the first broken entry')
  .action(async () => {
    await withDatabase(async (database, config) => {
      process.exitCode = await runAuditVerifyCli(database, { config });
    });
  });

const users = program.command('users').description('staff accounts and roles');
/** Finds a staff account by username (CLI convenience). */
async function staffId(database: Database, username: string): Promise<string> {
  const found = (await listStaffUsers(database.db, null)).find((u) => u.username === username.toLowerCase());
  if (!found) throw new AppError('USER.NOT_FOUND', `Không có tài khoản ${username}`, `No account ${username}`);
  return found.id;
}
users
  .command('list')
  .description('staff accounts with their roles')
  .action(async () => {
    await withDatabase(async (database) => {
      for (const u of await listStaffUsers(database.db, null)) {
        const roles = u.assignments.map((a) => `${a.role}@${a.unitCode}${a.sector ? `/${a.sector}` : ''}`).join(', ');
        out(`${(u.username ?? '').padEnd(20)} ${u.disabled ? 'DISABLED ' : ''}${u.locked ? 'LOCKED ' : ''}${roles}`);
      }
    });
  });
users
  .command('create <username> <displayName>')
  .option('--role <role>')
  .option('--unit <code>', 'unit of the role (commune code, or 12 for the province)')
  .option('--sector <sector>')
  .description('create a staff account (prints a temporary password)')
  .action(async (username: string, displayName: string, opts: { role?: string; unit?: string; sector?: string }) => {
    await withDatabase(async (database) => {
      await ensureDefaultRoles(database.db);
      const { user, temporaryPassword } = await createStaffUser(database.db, { username, displayName });
      if (opts.role && opts.unit)
        await assignRole(database.db, null, user.id, {
          role: opts.role,
          unitCode: opts.unit,
          sector: opts.sector ?? null,
        });
      out(`created ${user.username}; temporary password (shown once): ${temporaryPassword}`);
    });
  });
users
  .command('assign <username> <role> <unit>')
  .option('--sector <sector>')
  .description('give a role in a unit')
  .action(async (username: string, role: string, unit: string, opts: { sector?: string }) => {
    await withDatabase(async (database) => {
      await ensureDefaultRoles(database.db);
      await assignRole(database.db, null, await staffId(database, username), {
        role,
        unitCode: unit,
        sector: opts.sector ?? null,
      });
      out(`assigned ${role} in ${unit} to ${username}`);
    });
  });
users
  .command('reset-password <username>')
  .description('new temporary password; ends the sessions')
  .action(async (username: string) => {
    await withDatabase(async (database) =>
      out(
        `temporary password (shown once): ${(await resetPassword(database.db, await staffId(database, username))).temporaryPassword}`,
      ),
    );
  });
for (const [verb, disabled] of [
  ['disable', true],
  ['enable', false],
] as const) {
  users
    .command(`${verb} <username>`)
    .description(`${verb} an account`)
    .action(async (username: string) => {
      await withDatabase(async (database) => {
        await setDisabled(database.db, await staffId(database, username), disabled);
        out(`${username} ${verb}d`);
      });
    });
}
users
  .command('demo')
  .description('create the demo staff accounts (development only) and list them')
  .action(async () => {
    await withDatabase(async (database) => {
      await ensureDefaultRoles(database.db);
      await ensureDemoAccounts(database.db);
      for (const d of DEMO_ACCOUNTS)
        out(`${d.username.padEnd(16)} ${DEMO_PASSWORD}  ${d.role}@${d.unitCode}  ${d.displayName}`);
    });
  });

program.command('sql <statement>', { hidden: true }).action(async (statement: string) => {
  await withDatabase(async (database) => out(JSON.stringify(await database.rows(sql.raw(statement)), null, 2)));
});

program.parseAsync().catch((error: unknown) => {
  if (error instanceof ConfigError) process.stderr.write(`${error.message}\n`);
  else if (error instanceof AppError) process.stderr.write(`${error.code}: ${error.messageVi}\n${error.messageEn}\n`);
  else process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
