import { Option, type Command } from 'commander';
import { AppError } from '../platform/errors';
import { createProgress } from '../platform/progress';
import {
  getPersonDetail,
  getQualityReport,
  QUALITY_RULES,
  runQualityCheck,
  searchPersons,
  validateNationalId,
} from '../modules/population';
import { commandLineReader, requireCliPurpose, runAuditVerifyCli } from '../modules/audit';
import { out, withDatabase } from './context';

/** `person …`, `quality …` and `audit verify`: the registry, its data quality and the log of who read it. */
export function registerPopulationCommands(program: Command): void {
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
        if (!report)
          throw new AppError('QUALITY.NOT_FOUND', 'Chưa chạy đánh giá (dùng --run)', 'No run yet (use --run)');
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
}
