/**
 * Lints the API's OpenAPI document with Redocly's recommended rules (CI step, `npm run lint:openapi`):
 * builds the application in this process on an empty in-memory PGlite (migrated, nothing seeded),
 * writes `app.swagger()` to a temporary file (its path is printed, for a look or another tool) and
 * exits 1 when any rule reports an error; warnings are listed and allowed.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp } from '../src/server/app';
import { loadConfig } from '../src/server/platform/config';
import { openDatabase } from '../src/server/platform/db';
import { lintOpenApi, printProblems } from '../test/openapi-lint';

const database = await openDatabase({ kind: 'pglite' });
let failed = true;
try {
  await database.migrate();
  const app = await buildApp({
    config: loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', SEED_DEMO: 'never' }),
    database,
  });
  await app.ready();
  const document = app.swagger();
  await app.close();
  const file = join(mkdtempSync(join(tmpdir(), 'dvc06-openapi-')), 'openapi.json');
  writeFileSync(file, JSON.stringify(document, null, 2));
  const { problems, errors, warnings } = await lintOpenApi(document);
  printProblems(problems);
  const operations = Object.values((document as { paths?: Record<string, object> }).paths ?? {}).reduce(
    (n, item) => n + Object.keys(item).length,
    0,
  );
  console.log(`${file}: ${operations} operations, ${errors} errors, ${warnings} warnings (Redocly recommended)`);
  failed = errors > 0;
} finally {
  await database.close();
}
process.exit(failed ? 1 : 0);
