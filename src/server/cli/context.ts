import { loadConfig, type Config } from '../platform/config';
import { openMigratedDatabase, type Database } from '../platform/db';
import { ensureProvinceUnits } from '../modules/units';

/** Prints one line on standard output. */
export const out = (s: string) => process.stdout.write(`${s}\n`);

/** The command being run (`person search`): named in the embedded data directory's lock, so that others see who holds it. */
let runningCommand = 'cli';

/** Names the command about to run (set by the program's preAction hook). */
export function setRunningCommand(name: string): void {
  runningCommand = name;
}

/**
 * Runs `fn` with a migrated database and closes it afterwards. On the embedded database this
 * takes the data directory's lock: while the server (or another command) holds it, the command
 * is refused at once, naming the holder (ADR 0002).
 */
export async function withDatabase<T>(fn: (database: Database, config: Config) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const database = await openMigratedDatabase(config, { command: runningCommand });
  try {
    await ensureProvinceUnits(database.db, config.PROVINCE_CODE);
    return await fn(database, config);
  } finally {
    await database.close();
  }
}
