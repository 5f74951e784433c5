import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';

const BIN = `${process.cwd()}/bin/dvc06.js`;
let dataDir: string;

/** Runs the command on the embedded database of a temporary data directory (never on DATABASE_URL). */
function cli(args: string[]) {
  const env = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', LOG_LEVEL: 'warn', DATA_DIR: dataDir };
  return spawnSync(process.execPath, [BIN, ...args], { env, encoding: 'utf8', timeout: 240_000 });
}

function sqlRows<T>(statement: string): T[] {
  const r = cli(['sql', statement]);
  expect(r.status, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as T[];
}

type Entry = {
  action: string;
  actor_role: string;
  actor_account_id: string | null;
  purpose: string;
  details: { osUser?: string; target?: { kind: string; id: string } };
};
const cliEntries = () =>
  sqlRows<Entry>(`select action, actor_role, actor_account_id, purpose, details from audit.access_pending where actor_role = 'cli_operator'
  union all select action, actor_role, actor_account_id, purpose, details from audit.access_log where actor_role = 'cli_operator'`);

// Each command starts a process and reopens the embedded database: seconds each, more on a busy machine.
const SLOW = 300_000;

beforeAll(() => {
  dataDir = mkdtempSync(`${tmpdir()}/dvc06-cli-person-`);
  const seeded = cli(['seed', '--people', '30']);
  expect(seeded.status, seeded.stderr).toBe(0);
}, SLOW);
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('reading the registry on the command line', () => {
  it(
    'is refused without --purpose, in Vietnamese and English, before anything is read',
    () => {
      for (const args of [
        ['person', 'show', '00000000-0000-0000-0000-000000000000'],
        ['person', 'search', 'giang a pao'],
      ]) {
        const r = cli(args);
        expect(r.status).toBe(1);
        expect(r.stderr).toContain('AUDIT.PURPOSE_INVALID');
        expect(r.stderr).toContain('Phải nêu mục đích truy cập');
        expect(r.stderr).toContain('A purpose is required');
      }
      expect(cli(['person', 'search', 'giang', '--purpose', 'self_service']).status).toBe(1);
      expect(cli(['person', 'search', 'giang', '--purpose', 'curiosity']).stderr).toContain('AUDIT.PURPOSE_INVALID');
      expect(cliEntries()).toEqual([]);
    },
    SLOW,
  );

  it(
    'logs `person show` and `person search` with the operating-system user, the purpose and the record',
    () => {
      const [person] = sqlRows<{ id: string; full_name: string }>(
        'select id, full_name from population.persons order by id limit 1',
      );
      const shown = cli(['person', 'show', person!.id, '--purpose', 'data_cleaning']);
      expect(shown.status, shown.stderr).toBe(0);
      expect(shown.stdout).toContain(person!.id);
      const found = cli(['person', 'search', person!.full_name, '--purpose', 'inspection']);
      expect(found.status, found.stderr).toBe(0);
      const entries = cliEntries();
      expect(entries).toContainEqual({
        action: 'person.read',
        actor_role: 'cli_operator',
        actor_account_id: null,
        purpose: 'data_cleaning',
        details: { osUser: userInfo().username, target: { kind: 'person_record', id: person!.id } },
      });
      expect(entries.filter((e) => e.action === 'person.search').map((e) => e.purpose)).toContain('inspection');
      expect(entries.find((e) => e.action === 'person.search')?.details.target?.id).toBe(person!.id);
    },
    SLOW,
  );
});
