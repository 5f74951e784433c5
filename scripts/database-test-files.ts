/**
 * The test files that reach a database: those whose relative imports lead, directly or through
 * support files, to test/db.ts (the test database, PostgreSQL or PGlite) or test/serve-process.ts
 * (a server process), plus the process-level tests in test/. CI runs `npm test` on PostgreSQL and
 * then these files again on embedded PGlite: the rest (pure rules, rendering) do not depend on
 * the engine and would only run twice; nor do those in POSTGRES_ONLY. Prints one path per line.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');
const TARGETS = new Set([join(ROOT, 'test/db.ts'), join(ROOT, 'test/serve-process.ts')]);
const IMPORT = /(?:from|import)\s*\(?\s*'(\.{1,2}\/[^']+)'/g;

function resolveImport(from: string, spec: string): string | null {
  const base = resolve(dirname(from), spec);
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts'), join(base, 'index.tsx')])
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  return null;
}

const memo = new Map<string, boolean>();
function reachesDatabase(file: string): boolean {
  const known = memo.get(file);
  if (known !== undefined) return known;
  memo.set(file, false); // an import cycle does not reach through itself
  let found = TARGETS.has(file);
  if (!found)
    for (const [, spec] of readFileSync(file, 'utf8').matchAll(IMPORT)) {
      const target = spec && resolveImport(file, spec);
      if (target && reachesDatabase(target)) {
        found = true;
        break;
      }
    }
  memo.set(file, found);
  return found;
}

function testFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return e.name === 'node_modules' ? [] : testFiles(path);
    return /\.test\.tsx?$/.test(e.name) ? [path] : [];
  });
}

/**
 * Files that reach a database but test layers above it — who may do what (the role × action
 * matrices), input refused before any query (the route fuzzer, malformed input), and the sector
 * CLI's process plumbing (its import and linking run on PGlite in their own tests; the embedded
 * CLI in test/cli.test.ts) — run on PostgreSQL only: on PGlite they took ~400 s of the pass
 * (stop 28) and kept CI over its 30 minutes.
 */
const POSTGRES_ONLY = [
  /\.authz(-[a-z]+)?\.test\.ts$/,
  /[./]authorization(\.routes)?\.test\.ts$/,
  /^test\/fuzz-routes\.test\.ts$/,
  /^src\/server\/platform\/malformed-input\.test\.ts$/,
  /^src\/server\/cli\/sector-(data|links)-commands\.test\.ts$/,
];

const files = [...testFiles(join(ROOT, 'src')), ...testFiles(join(ROOT, 'test'))].filter(
  (f) =>
    (f.startsWith(join(ROOT, 'test') + '/') || reachesDatabase(f)) &&
    !POSTGRES_ONLY.some((pattern) => pattern.test(relative(ROOT, f))),
);
process.stdout.write(files.map((f) => relative(ROOT, f)).join('\n') + '\n');
