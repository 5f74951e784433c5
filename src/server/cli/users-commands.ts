import type { Command } from 'commander';
import type { Database } from '../platform/db';
import { AppError } from '../platform/errors';
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
} from '../modules/identity';
import { out, withDatabase } from './context';

/** `users …`: staff accounts and roles. */
export function registerUsersCommands(program: Command): void {
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
          `temporary password (shown once): ${(await resetPassword(database.db, null, await staffId(database, username))).temporaryPassword}`,
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
          await setDisabled(database.db, null, await staffId(database, username), disabled);
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
}
