import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../src/server/app';
import {
  assignRole,
  citizenAccountFor,
  createStaffUser,
  ensureDefaultRoles,
  openSession,
  SESSION_COOKIE,
} from '../src/server/modules/identity';
import { startJobQueue } from '../src/server/modules/jobs';
import type { JobQueue } from '../src/server/platform/job-queue';
import { createTestDatabase, testConfig, type TestDatabase } from './db';

/** An HTTP client signed in as one account: sends its session cookie and CSRF token. */
export interface Session {
  accountId: string;
  cookie: string;
  csrfToken: string;
  inject(options: InjectOptions | string): Promise<LightMyRequestResponse>;
}

export interface TestApp {
  app: FastifyInstance;
  database: TestDatabase;
  /** The job queue on the test database, when asked for (`createTestApp(…, { jobs: true })`); stopped by close(). */
  jobs?: JobQueue;
  /** Creates a staff account with one role in one unit and signs it in. */
  staff(
    role: string,
    unitCode: string,
    sector?: string,
    /** Further grants of the same account (an officer holding two roles). */
    more?: ReadonlyArray<{ role: string; unitCode: string; sector?: string }>,
  ): Promise<Session>;
  /** Signs a citizen in as after an e-ID login (account found or created by ID number) at e-ID level `acr`. */
  citizen(person: { nationalId: string; fullName: string }, acr?: number): Promise<Session>;
  /** Signs in an existing account by username/password. */
  login(username: string, password: string): Promise<Session>;
  close(): Promise<void>;
}

export const TEST_PASSWORD = 'Correct-Horse-Battery-9';
let counter = 0;

/**
 * The real application on a fresh test database, for `app.inject` tests. `jobs`: with the job queue
 * (pg-boss) started on that database, as the server has it (ADR 0031); no periodic jobs run.
 */
export async function createTestApp(
  overrides: Record<string, string> = {},
  options: { jobs?: boolean } = {},
): Promise<TestApp> {
  const database = await createTestDatabase();
  await ensureDefaultRoles(database.db);
  const jobs = options.jobs ? await startJobQueue(database) : undefined;
  const app = await buildApp({ config: testConfig(overrides), database, jobs });
  await app.ready();
  const login = async (username: string, password: string): Promise<Session> => {
    // Each test login from its own (injected, never real) client address, so the per-address login rate limit stays out of the way.
    const remoteAddress = `127.0.${Math.floor(++counter / 250) % 250}.${counter % 250}`;
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username, password },
      remoteAddress,
    });
    if (res.statusCode !== 200) throw new Error(`login ${username}: ${res.statusCode} ${res.body}`);
    const cookie = res.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
    const me = res.json<{ csrfToken: string; account: { id: string } }>();
    const headers = { cookie, 'x-csrf-token': me.csrfToken };
    return {
      accountId: me.account.id,
      cookie,
      csrfToken: me.csrfToken,
      inject: (options) => {
        const o = typeof options === 'string' ? { url: options } : options;
        return app.inject({ ...o, headers: { ...headers, ...(o.headers ?? {}) } });
      },
    };
  };
  return {
    app,
    database,
    jobs,
    login,
    citizen: async (person, acr = 2) => {
      const account = await citizenAccountFor(database.db, 'https://eid.test', {
        subject: `sub-${person.nationalId}`,
        nationalId: person.nationalId,
        name: person.fullName,
        level: acr,
        idToken: '',
      });
      const session = await openSession(database.db, account.id, { acr });
      const cookie = `${SESSION_COOKIE}=${session.token}`;
      const headers = { cookie, 'x-csrf-token': session.csrfToken };
      return {
        accountId: account.id,
        cookie,
        csrfToken: session.csrfToken,
        inject: (options) => {
          const o = typeof options === 'string' ? { url: options } : options;
          return app.inject({ ...o, headers: { ...headers, ...(o.headers ?? {}) } });
        },
      };
    },
    staff: async (role, unitCode, sector, more = []) => {
      const username = `t${++counter}.${role.replace(/_/g, '')}`.slice(0, 40);
      const { user } = await createStaffUser(database.db, {
        username,
        displayName: `Test ${role}`,
        password: TEST_PASSWORD,
      });
      await assignRole(database.db, null, user.id, { role, unitCode, sector });
      for (const g of more) await assignRole(database.db, null, user.id, g);
      return login(username, TEST_PASSWORD);
    },
    close: async () => {
      await app.close();
      await jobs?.stop();
      await database.dispose();
    },
  };
}
