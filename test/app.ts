import type { FastifyInstance } from 'fastify';
import { buildApp } from '../src/server/app';
import { createTestDatabase, testConfig, type TestDatabase } from './db';

export interface TestApp {
  app: FastifyInstance;
  database: TestDatabase;
  close(): Promise<void>;
}

/** The real application on a fresh test database, for `app.inject` tests. */
export async function createTestApp(overrides: Record<string, string> = {}): Promise<TestApp> {
  const database = await createTestDatabase();
  const app = await buildApp({ config: testConfig(overrides), database });
  await app.ready();
  return {
    app,
    database,
    close: async () => {
      await app.close();
      await database.dispose();
    },
  };
}
