import { afterAll, beforeAll } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../../test/app';
import { seedProcedures } from './procedures.seed';

/** Shared setup of the procedure route tests: an app with the seeded catalog, an administrator and an officer. */
export let t: TestApp;
export let admin: Session;
export let officer: Session;

/** Starts the app for the calling test file and closes it afterwards. */
export function useCatalogApp(): void {
  beforeAll(async () => {
    t = await createTestApp();
    await seedProcedures(t.database.db);
    admin = await t.staff('admin', '12');
    officer = await t.staff('commune_police', '03445');
  });
  afterAll(async () => t?.close());
}

export const get = (url: string) => t.app.inject({ method: 'GET', url });
export type ErrorBody = {
  error: {
    code: string;
    messageVi: string;
    messageEn: string;
    fields?: Array<{ field: string; messageVi: string; messageEn: string }>;
  };
};
