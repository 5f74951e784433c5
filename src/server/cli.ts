import { Command } from 'commander';
import { ConfigError } from './platform/config';
import { AppError } from './platform/errors';
import { setRunningCommand } from './cli/context';
import { registerServerCommands } from './cli/server-commands';
import { registerUnitsCommands } from './cli/units-commands';
import { registerPopulationCommands } from './cli/population-commands';
import { registerUsersCommands } from './cli/users-commands';
import { registerKpiCommands } from './cli/kpi-commands';
import { registerSectorDataCommands } from './cli/sector-data-commands';
import { registerSectorLinkCommands } from './cli/sector-links-commands';

/**
 * Each command loads the modules it uses when it runs: loading them all took ~1.5 s before any
 * command started. Only the help text reads a module up front (the dataset types of `import`).
 */
const args = process.argv.slice(2);
const helpWanted = args.length === 0 || args.some((a) => a === '-h' || a === '--help' || a === 'help');
const datasetTypeCodes = helpWanted
  ? (await import('./modules/sector-data')).DATASET_TYPES.map((t) => t.code)
  : undefined;

const program = new Command('dvc06').description('DVC06 — public services on population data (Project 06)');
program.hook('preAction', (_root, action) => {
  const names: string[] = [];
  for (let c: Command | null = action; c && c !== program; c = c.parent) names.unshift(c.name());
  setRunningCommand(names.join(' '));
});
registerServerCommands(program);
registerUnitsCommands(program);
registerPopulationCommands(program);
registerUsersCommands(program);
registerKpiCommands(program);
registerSectorDataCommands(program, datasetTypeCodes);
registerSectorLinkCommands(program);

program.parseAsync().catch((error: unknown) => {
  if (error instanceof ConfigError) process.stderr.write(`${error.message}\n`);
  else if (error instanceof AppError) process.stderr.write(`${error.code}: ${error.messageVi}\n${error.messageEn}\n`);
  else process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
